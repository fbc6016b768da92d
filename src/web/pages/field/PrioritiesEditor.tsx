import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner } from '../../components/Field.tsx';
import { termLabel, useSession } from '../../session.tsx';

interface Priorities { constituencies: string[]; stateFips: string[]; updatedAt: string | null }

/** The alliance's chosen priorities (constituencies and states), which its gaps are measured against. Admins edit them. */
export function PrioritiesEditor({ allianceId, onSaved }: { allianceId: string; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { vocab, states } = useSession();
  const [saved, setSaved] = useState<Priorities | null>(null);
  const [draft, setDraft] = useState<Priorities | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<Priorities>(`/alliances/${allianceId}/priorities`).then(setSaved, (err: unknown) => setError(errorText(t, err))); }, [allianceId]);
  if (!saved) return <ErrorBanner message={error} />;
  const stateName = (fips: string) => states.find((s) => s.fips === fips)?.name ?? fips;
  const flip = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const save = async () => {
    try {
      const next = await api.put<Priorities>(`/alliances/${allianceId}/priorities`, { constituencies: draft!.constituencies, stateFips: draft!.stateFips });
      setSaved(next); setDraft(null); setError(null); onSaved();
    } catch (err) { setError(errorText(t, err)); }
  };
  if (!draft) {
    const chosen = [...saved.constituencies.map((c) => termLabel(vocab, 'constituency', c, i18n.language)), ...saved.stateFips.map(stateName)];
    return (
      <section aria-labelledby="priorities-title" className="flex flex-wrap items-center gap-3 rounded border border-stone-200 bg-white p-3 text-sm">
        <h2 id="priorities-title" className="font-semibold">{t('priorities.title')}</h2>
        <span>{chosen.join(', ') || t('priorities.none')}</span>
        <button type="button" className="rounded border px-3 py-1" onClick={() => setDraft(saved)}>{t('priorities.edit')}</button>
        <ErrorBanner message={error} />
      </section>
    );
  }
  return (
    <section aria-labelledby="priorities-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3 text-sm">
      <h2 id="priorities-title" className="font-semibold">{t('priorities.title')}</h2>
      <fieldset className="flex flex-wrap gap-3"><legend className="font-medium">{t('priorities.constituencies')}</legend>
        {(vocab?.constituency ?? []).map((c) => <label key={c.key} className="flex items-center gap-1"><input type="checkbox" checked={draft.constituencies.includes(c.key)} onChange={() => setDraft({ ...draft, constituencies: flip(draft.constituencies, c.key) })} />{termLabel(vocab, 'constituency', c.key, i18n.language)}</label>)}
      </fieldset>
      <fieldset className="flex flex-wrap gap-2"><legend className="font-medium">{t('priorities.states')}</legend>
        {states.filter((s) => Number(s.fips) <= 56).map((s) => <label key={s.fips} className="flex items-center gap-1"><input type="checkbox" checked={draft.stateFips.includes(s.fips)} onChange={() => setDraft({ ...draft, stateFips: flip(draft.stateFips, s.fips) })} />{s.postal}</label>)}
      </fieldset>
      <ErrorBanner message={error} />
      <div className="flex gap-2">
        <button type="button" className={buttonClass} onClick={() => void save()}>{t('priorities.save')}</button>
        <button type="button" className="rounded border px-3 py-1" onClick={() => { setDraft(null); setError(null); }}>{t('common.cancel')}</button>
      </div>
    </section>
  );
}
