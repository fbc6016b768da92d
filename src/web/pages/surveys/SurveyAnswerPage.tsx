import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, ApiError, type FieldError } from '../../api.ts';
import { buttonClass, ErrorBanner, inputClass } from '../../components/Field.tsx';
import { LinkLanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { formatDateTime } from '../../dates.ts';

const ITEMS = ['reliability', 'mission', 'openness', 'power', 'involvement', 'resources'] as const;
type Item = (typeof ITEMS)[number];
type RatingDraft = { collaboration: string } & Record<Item, string>;
interface Form {
  alliance: { name: string };
  survey: { title: string; deadline: string; status: 'draft' | 'open' | 'closed'; factorItems: { factor: string; en: string; es: string }[] };
  organization: { id: string; name: string };
  others: { id: string; name: string }[];
  contributionChoices: string[];
  answer: null | { ratings: ({ organizationId: string; collaboration: number } & Record<Item, number | null>)[]; factorScores: { item: number; score: number }[];
    contributions: string[]; sharePairs: boolean; submittedAt: string };
}
const blank: RatingDraft = { collaboration: '', reliability: '', mission: '', openness: '', power: '', involvement: '', resources: '' };

/** A member organization's answer to a relationship survey, opened from its representative's personal link: no account needed. */
export function SurveyAnswerPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<Form | null>(null);
  const [ratings, setRatings] = useState<Record<string, RatingDraft>>({});
  const [factors, setFactors] = useState<Record<number, string>>({});
  const [contributions, setContributions] = useState<string[]>([]);
  const [sharePairs, setSharePairs] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError && e.status === 410 ? t('survey.answer.expired') : e instanceof ApiError && e.status === 404 ? t('survey.answer.notFound')
    : e instanceof ApiError && e.status === 409 ? t('survey.answer.closed') : e instanceof ApiError && e.status === 422 ? t('survey.answer.fix') : t('errors.network'));
  useEffect(() => {
    void api.get<Form>(`/survey-answers/${encodeURIComponent(token)}`).then((f) => {
      setForm(f);
      const given = new Map((f.answer?.ratings ?? []).map((r) => [r.organizationId, r]));
      setRatings(Object.fromEntries(f.others.map((o) => {
        const r = given.get(o.id);
        return [o.id, r ? { collaboration: String(r.collaboration), ...Object.fromEntries(ITEMS.map((k) => [k, r[k] === null ? '' : String(r[k])])) } as RatingDraft : blank];
      })));
      setFactors(Object.fromEntries((f.answer?.factorScores ?? []).map((s) => [s.item, String(s.score)])));
      setContributions(f.answer?.contributions ?? []);
      setSharePairs(f.answer?.sharePairs ?? false);
      setSavedAt(f.answer?.submittedAt ?? null);
    }, fail);
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const rated = form.others.filter((o) => ratings[o.id]!.collaboration !== '');
    const body = {
      ratings: rated.map((o) => {
        const r = ratings[o.id]!;
        const level = Number(r.collaboration);
        return { organizationId: o.id, collaboration: level, ...Object.fromEntries(ITEMS.map((k) => [k, level >= 1 && r[k] ? Number(r[k]) : null])) };
      }),
      factorScores: Object.entries(factors).filter(([, v]) => v).map(([item, score]) => ({ item: Number(item), score: Number(score) })),
      contributions, sharePairs,
    };
    try {
      const saved = await api.put<{ submittedAt: string }>(`/survey-answers/${encodeURIComponent(token)}`, body);
      setSavedAt(saved.submittedAt); setError(null); setFieldErrors({});
    } catch (e) {
      fail(e);
      // Errors name ratings by their place in what was sent: give each back to its organization.
      if (e instanceof ApiError) {
        const byOrg: Record<string, string[]> = {};
        e.errors.forEach((fe: FieldError) => {
          const m = /^ratings\[(\d+)\]\.(\w+)/.exec(fe.field);
          const key = m ? rated[Number(m[1])]?.id ?? 'form' : 'form';
          byOrg[key] = [...(byOrg[key] ?? []), m ? t(`survey.items.${m[2]}`, { defaultValue: m[2] }) : fe.field];
        });
        setFieldErrors(byOrg);
      }
    }
  }

  const open = form?.survey.status === 'open' && new Date(form.survey.deadline).getTime() > Date.now();
  const set = (orgId: string, key: keyof RatingDraft, value: string) => { setRatings({ ...ratings, [orgId]: { ...ratings[orgId]!, [key]: value } }); setSavedAt(null); };
  const itemText = (i: { en: string; es: string }) => (i18n.language === 'es' ? i.es || i.en : i.en || i.es);
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4 p-3 sm:p-4">
      <LinkLanguageSwitch />
      <ErrorBanner message={error} />
      {form && (
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <header className="flex flex-col gap-1">
            <h1 className="text-xl font-bold sm:text-2xl">{form.survey.title}</h1>
            <p>{t('survey.answer.intro', { alliance: form.alliance.name, organization: form.organization.name })}</p>
            <p className="text-sm text-stone-700">{t('survey.answer.deadline', { when: formatDateTime(form.survey.deadline) })}</p>
            <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">{t('survey.confidential')}</p>
            {!open && <p role="status" className="font-semibold">{form.survey.status === 'draft' ? t('survey.answer.notOpen') : t('survey.answer.closed')}</p>}
          </header>
          <section aria-labelledby="ratings-heading" className="flex flex-col gap-3">
            <h2 id="ratings-heading" className="text-lg font-semibold">{t('survey.answer.ratingsHeading')}</h2>
            <p className="text-sm text-stone-700">{t('survey.answer.ratingsHint')}</p>
            {form.others.map((o) => {
              const r = ratings[o.id] ?? blank;
              const works = r.collaboration !== '' && Number(r.collaboration) >= 1;
              return (
                <fieldset key={o.id} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" disabled={!open}>
                  <legend className="px-1 font-semibold">{o.name}</legend>
                  <label className="flex flex-col gap-1 text-sm">{t('survey.items.collaboration')}
                    <select className={inputClass} value={r.collaboration} onChange={(e) => set(o.id, 'collaboration', e.target.value)}>
                      <option value="">{t('survey.answer.choose')}</option>
                      {[0, 1, 2, 3, 4, 5].map((l) => <option key={l} value={l}>{`${l} · ${t(`survey.levels.${l}`)}`}</option>)}
                    </select>
                  </label>
                  {works && (
                    <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2">
                      {ITEMS.map((k) => (
                        <label key={k} className="flex flex-col gap-1 text-sm">{t(`survey.items.${k}`)}
                          <select className={inputClass} value={r[k]} aria-invalid={Boolean(fieldErrors[o.id]) && !r[k]} onChange={(e) => set(o.id, k, e.target.value)}>
                            <option value="">{t('survey.answer.choose')}</option>
                            {[1, 2, 3, 4].map((v) => <option key={v} value={v}>{`${v} · ${t(`survey.scale4.${v}`)}`}</option>)}
                          </select>
                        </label>
                      ))}
                    </div>
                  )}
                  {fieldErrors[o.id] && <p role="alert" className="text-sm text-red-700">{t('survey.answer.missing', { fields: [...new Set(fieldErrors[o.id])].join(', ') })}</p>}
                </fieldset>
              );
            })}
          </section>
          <fieldset className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" disabled={!open}>
            <legend className="px-1 font-semibold">{t('survey.answer.contributesHeading', { organization: form.organization.name })}</legend>
            <div className="grid grid-cols-1 gap-1 min-[420px]:grid-cols-2">
              {form.contributionChoices.map((c) => (
                <label key={c} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={contributions.includes(c)} onChange={(e) => { setContributions(e.target.checked ? [...contributions, c] : contributions.filter((x) => x !== c)); setSavedAt(null); }} />
                  {t(`survey.contributions.${c}`)}
                </label>
              ))}
            </div>
          </fieldset>
          {form.survey.factorItems.length > 0 && (
            <fieldset className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" disabled={!open}>
              <legend className="px-1 font-semibold">{t('survey.answer.factorsHeading')}</legend>
              <p className="text-sm text-stone-700">{t('survey.answer.factorsHint')}</p>
              {form.survey.factorItems.map((item, i) => (
                <label key={i} className="flex flex-col gap-1 text-sm">
                  <span><span className="text-stone-600">{t(`survey.factor.${item.factor}`)} · </span>{itemText(item)}</span>
                  <select className={inputClass} value={factors[i] ?? ''} onChange={(e) => { setFactors({ ...factors, [i]: e.target.value }); setSavedAt(null); }}>
                    <option value="">{t('survey.answer.choose')}</option>
                    {[1, 2, 3, 4, 5].map((v) => <option key={v} value={v}>{`${v} · ${t(`survey.likert.${v}`)}`}</option>)}
                  </select>
                </label>
              ))}
            </fieldset>
          )}
          <label className="flex items-start gap-2 rounded border border-stone-200 bg-white p-3">
            <input type="checkbox" className="mt-1" disabled={!open} checked={sharePairs} onChange={(e) => { setSharePairs(e.target.checked); setSavedAt(null); }} />
            <span>{t('survey.answer.sharePairs')}</span>
          </label>
          {fieldErrors.form && <p role="alert" className="text-sm text-red-700">{t('errors.invalid', { fields: fieldErrors.form.join(', ') })}</p>}
          {open && (
            <p className="flex flex-wrap items-center gap-3">
              <button type="submit" className={buttonClass}>{savedAt ? t('survey.answer.update') : t('survey.answer.send')}</button>
              {savedAt && <span role="status">{t('survey.answer.saved', { when: formatDateTime(savedAt) })}</span>}
            </p>
          )}
        </form>
      )}
    </main>
  );
}
