import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass } from '../components/Field.tsx';
import { formatDateTime } from '../dates.ts';

type Mark = 'c3' | 'c4' | null;
interface TaxStatus { taxStatus: Mark; c3SharesWithC4: boolean; refused: { at: string; entity: string; by: string | null }[] }

/** The space's 501(c) mark and its rule (owners change them), and the crossings refused in it (administrators). */
export function FirewallSection({ spaceId, isOwner }: { spaceId: string; isOwner: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TaxStatus | null>(null);
  const [mark, setMark] = useState<Mark>(null);
  const [shares, setShares] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const load = () => void api.get<TaxStatus>(`/spaces/${spaceId}/tax-status`).then((s) => { setStatus(s); setMark(s.taxStatus); setShares(s.c3SharesWithC4); }, (e: unknown) => setError(errorText(t, e)));
  useEffect(load, [spaceId]);
  async function save() {
    try {
      await api.put(`/spaces/${spaceId}/tax-status`, { taxStatus: mark, c3SharesWithC4: mark === 'c3' && shares });
      setError(null);
      setSaved(true);
      load();
    } catch (e) { setError(errorText(t, e)); setSaved(false); load(); }
  }
  if (!status) return <ErrorBanner message={error} />;
  return (
    <section aria-labelledby="firewall-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="firewall-title" className="text-lg font-semibold">{t('firewall.title')}</h2>
      <p className="text-sm text-stone-600">{t('firewall.help')}</p>
      <ErrorBanner message={error} />
      {isOwner ? (
        <div className="flex flex-col gap-2">
          <Field label={t('firewall.mark')} hint={t('firewall.markHint')}>{(p) => (
            <select {...p} className={inputClass} value={mark ?? ''} onChange={(e) => { setMark((e.target.value || null) as Mark); setSaved(false); }}>
              <option value="">{t('firewall.marks.none')}</option>
              <option value="c3">{t('firewall.marks.c3')}</option>
              <option value="c4">{t('firewall.marks.c4')}</option>
            </select>
          )}</Field>
          {mark === 'c3' && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={shares} onChange={(e) => { setShares(e.target.checked); setSaved(false); }} /> {t('firewall.shares')}
            </label>
          )}
          <p className="flex items-center gap-2"><button type="button" className={buttonClass} onClick={() => void save()}>{t('firewall.save')}</button>
            {saved && <span role="status" className="text-sm">{t('firewall.saved')}</span>}</p>
        </div>
      ) : <p>{t(`firewall.marks.${status.taxStatus ?? 'none'}`)}</p>}
      {status.refused.length > 0 && (
        <>
          <h3 className="font-medium">{t('firewall.refused')}</h3>
          <ul className="text-sm">
            {status.refused.map((r, i) => (
              <li key={i}>{formatDateTime(r.at)} · {r.by ?? '—'} · {t(`firewall.entity.${r.entity}`, { defaultValue: t('firewall.entity.other') })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
