import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText, query } from '../../api.ts';
import { ErrorBanner, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import { currencyMoney } from './currency-money.ts';

interface Grant { id: string; identifier: string; title: string; currency: string; amountMinor: number; awardDate: string; funderName: string; recipientName: string;
  funderMatch: string; recipientMatch: string; funderOrganizationName: string | null; recipientOrganizationName: string | null; parentGrantId: string | null }
interface Candidates { funderCandidates: { id: string; name: string }[]; recipientCandidates: { id: string; name: string }[] }

/** The space's grants; the review list shows funders and recipients not yet settled, with the directory's candidates. */
export function GrantsSection({ spaceId, canWrite, version }: { spaceId: string; canWrite: boolean; version: number }) {
  const { t, i18n } = useTranslation();
  const [review, setReview] = useState(false);
  const [grants, setGrants] = useState<{ total: number; items: Grant[] } | null>(null);
  const [open, setOpen] = useState<Record<string, Candidates>>({});
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<{ total: number; items: Grant[] }>(`/spaces/${spaceId}/funding-grants${query({ review: review ? 'true' : undefined, limit: 100 })}`)
    .then(setGrants, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [spaceId, review, version]);
  async function candidates(g: Grant) {
    try { setOpen({ ...open, [g.id]: await api.get<Candidates>(`/funding-grants/${g.id}`) }); } catch (err) { setError(errorText(t, err)); }
  }
  async function link(g: Grant, side: 'funder' | 'recipient', organizationId: string | null) {
    try {
      await api.put(`/funding-grants/${g.id}/links`, side === 'funder' ? { funderOrganizationId: organizationId } : { recipientOrganizationId: organizationId });
      void load();
    } catch (err) { setError(errorText(t, err)); }
  }
  const matchText = (match: string, linked: string | null) => (linked ? linked : t(`funding.match.${match}`));
  return (
    <section aria-labelledby="funding-grants-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="funding-grants-title" className="text-lg font-semibold">{t('funding.grants', { count: grants?.total ?? 0 })}</h2>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={review} onChange={(e) => setReview(e.target.checked)} />{t('funding.reviewOnly')}</label>
      <ErrorBanner message={error} />
      <ul className="text-sm">
        {grants?.items.map((g) => (
          <li key={g.id} className="flex flex-col gap-1 border-t border-stone-100 py-2">
            <div className="flex flex-wrap items-baseline gap-2">
              <span className="w-24">{formatDate(g.awardDate)}</span>
              <span className="w-28 text-right font-medium">{currencyMoney(g.amountMinor, g.currency, i18n.language)}</span>
              <span className="font-medium">{g.title}</span>
              {g.parentGrantId && <span className="text-stone-600">{t('funding.regrant')}</span>}
            </div>
            <div className="text-stone-700">{g.funderName} → {g.recipientName}</div>
            <div className="text-xs text-stone-600">{t('funding.funderLink')}: {matchText(g.funderMatch, g.funderOrganizationName)} · {t('funding.recipientLink')}: {matchText(g.recipientMatch, g.recipientOrganizationName)}</div>
            {canWrite && (g.funderMatch === 'unsure' || g.recipientMatch === 'unsure') && !open[g.id] && (
              <div><button type="button" className={secondaryButtonClass} onClick={() => void candidates(g)}>{t('funding.settle')}</button></div>
            )}
            {open[g.id] && (['funder', 'recipient'] as const).map((side) => open[g.id]![`${side}Candidates`].length > 0 && (
              <div key={side} className="flex flex-wrap gap-2">
                <span>{t(side === 'funder' ? 'funding.funderIs' : 'funding.recipientIs')}</span>
                {open[g.id]![`${side}Candidates`].map((c) => <button key={c.id} type="button" className="underline" onClick={() => void link(g, side, c.id)}>{c.name}</button>)}
                <button type="button" className="underline" onClick={() => void link(g, side, null)}>{t('funding.notInDirectory')}</button>
              </div>
            ))}
          </li>
        ))}
      </ul>
      <p className="text-sm"><a className="underline" href={`/api/spaces/${spaceId}/funding-grants/export`}>{t('funding.export')}</a></p>
    </section>
  );
}
