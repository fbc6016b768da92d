import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';

interface Contribution { allianceId: string; name: string; allianceSpaceId: string; contributedAt: string | null }

/** For an organization: count its people into each of its alliances' unduplicated reach, or take them out. */
export function ReachContributions({ spaceId, isAdmin }: { spaceId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Contribution[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => void api.get<Contribution[]>(`/spaces/${spaceId}/reach-contributions`).then(setRows, (e: unknown) => setError(errorText(t, e)));
  useEffect(load, [spaceId]);
  async function act(row: Contribution, how: 'add' | 'remove') {
    setBusy(row.allianceSpaceId);
    try {
      if (how === 'add') await api.post(`/spaces/${spaceId}/reach-contributions`, { allianceSpaceId: row.allianceSpaceId });
      else await api.delete(`/spaces/${spaceId}/reach-contributions/${row.allianceSpaceId}`);
      setError(null);
    } catch (e) { setError(errorText(t, e)); }
    setBusy(null);
    load();
  }
  if (!rows || rows.length === 0) return <ErrorBanner message={error} />;
  return (
    <section aria-labelledby="reach-mine-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="reach-mine-title" className="font-semibold">{t('reach.mineTitle')}</h2>
      <p className="text-sm text-stone-600">{t('reach.mineHelp')}</p>
      <ErrorBanner message={error} />
      <ul className="flex flex-col gap-2">
        {rows.map((r) => (
          <li key={r.allianceSpaceId} className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{r.name}</span>
            <span className="text-sm text-stone-600">{r.contributedAt ? t('reach.countedOn', { date: formatDateTime(r.contributedAt) }) : t('reach.notCounted')}</span>
            {isAdmin && (busy === r.allianceSpaceId ? <span role="status" className="text-sm">{t('reach.working')}</span> : (
              <>
                <button type="button" className={secondaryButtonClass} onClick={() => void act(r, 'add')}>{r.contributedAt ? t('reach.update') : t('reach.countUs')}</button>
                {r.contributedAt && <button type="button" className="text-sm underline" onClick={() => void act(r, 'remove')}>{t('reach.takeOut')}</button>}
              </>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
