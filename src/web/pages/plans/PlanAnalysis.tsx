import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { STANCES } from '../../../power-maps/power-map.schema.ts';

const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
type Stakeholder = { name: string; interest?: string | null; influence?: number | null; stance?: string | null };

export interface PlanAnalysisView {
  id: string; title: string; period: string | null; theoryOfChange: { if: string; then: string }[]; swot: Record<string, string[]>; stakeholders: Stakeholder[];
}

/** The analysis attached to a plan: theory of change (if … then …), SWOT, and a stakeholder analysis. */
export function PlanAnalysis({ plan, canEdit, onSaved }: { plan: PlanAnalysisView; canEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [toc, setToc] = useState(plan.theoryOfChange);
  const [swot, setSwot] = useState<Record<string, string>>(Object.fromEntries(QUADRANTS.map((q) => [q, (plan.swot[q] ?? []).join('\n')])));
  const [stakeholders, setStakeholders] = useState<Stakeholder[]>(plan.stakeholders);
  const [error, setError] = useState<string | null>(null);
  const save = () => api.put(`/work-plans/${plan.id}`, {
    title: plan.title, period: plan.period, theoryOfChange: toc.filter((x) => x.if.trim() && x.then.trim()),
    swot: Object.fromEntries(QUADRANTS.map((q) => [q, (swot[q] ?? '').split('\n').map((l) => l.trim()).filter(Boolean)])),
    stakeholders: stakeholders.filter((s) => s.name.trim()).map((s) => ({ ...s, interest: s.interest || null, stance: s.stance || null })),
  }).then(() => { setError(null); onSaved(); }, (err: unknown) => setError(errorText(t, err)));
  return (
    <section aria-labelledby="analysis-title" className="flex flex-col gap-3 rounded border border-stone-200 bg-white p-3">
      <h2 id="analysis-title" className="font-semibold">{t('plans.theoryOfChange')}</h2>
      <ul className="text-sm">{plan.theoryOfChange.map((x, i) => <li key={i}>{t('plans.ifThen', { if: x.if, then: x.then })}</li>)}</ul>
      <div className="grid grid-cols-2 gap-2 text-sm">
        {QUADRANTS.map((k) => <div key={k}><p className="font-medium">{t(`plans.swot.${k}`)}</p><ul className="list-disc pl-5">{(plan.swot[k] ?? []).map((s, i) => <li key={i}>{s}</li>)}</ul></div>)}
      </div>
      {plan.stakeholders.length > 0 && (
        <div className="overflow-x-auto"><table className="text-sm"><caption className="text-left font-medium">{t('plans.stakeholders')}</caption>
          <thead><tr><th className="text-left">{t('plans.stakeholderName')}</th><th className="text-left">{t('plans.interest')}</th><th className="px-2">{t('plans.influence')}</th><th className="text-left">{t('plans.stance')}</th></tr></thead>
          <tbody>{plan.stakeholders.map((s, i) => <tr key={i}><td>{s.name}</td><td>{s.interest}</td><td className="px-2 text-center">{s.influence ?? ''}</td><td>{s.stance ? t(`plans.stances.${s.stance}`) : ''}</td></tr>)}</tbody>
        </table></div>
      )}
      {canEdit && (
        <details><summary className="cursor-pointer text-sm font-medium">{t('plans.editAnalysis')}</summary>
          <div className="mt-2 flex flex-col gap-2">
            {toc.map((x, i) => (
              <div key={i} className="grid grid-cols-1 gap-2 sm:grid-cols-2">
                <Field label={t('plans.if')}>{(p) => <input {...p} className={inputClass} value={x.if} onChange={(e) => setToc(toc.map((y, j) => (j === i ? { ...y, if: e.target.value } : y)))} />}</Field>
                <Field label={t('plans.then')}>{(p) => <input {...p} className={inputClass} value={x.then} onChange={(e) => setToc(toc.map((y, j) => (j === i ? { ...y, then: e.target.value } : y)))} />}</Field>
              </div>
            ))}
            <div><button type="button" className={secondaryButtonClass} onClick={() => setToc([...toc, { if: '', then: '' }])}>{t('plans.addIfThen')}</button></div>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {QUADRANTS.map((k) => <Field key={k} label={t(`plans.swot.${k}`)} hint={t('campaigns.chartHelp')}>{(p) => <textarea {...p} rows={3} className={inputClass} value={swot[k]} onChange={(e) => setSwot({ ...swot, [k]: e.target.value })} />}</Field>)}
            </div>
            {stakeholders.map((s, i) => (
              <div key={i} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                <Field label={t('plans.stakeholderName')}>{(p) => <input {...p} className={inputClass} value={s.name} onChange={(e) => setStakeholders(stakeholders.map((y, j) => (j === i ? { ...y, name: e.target.value } : y)))} />}</Field>
                <Field label={t('plans.interest')}>{(p) => <input {...p} className={inputClass} value={s.interest ?? ''} onChange={(e) => setStakeholders(stakeholders.map((y, j) => (j === i ? { ...y, interest: e.target.value } : y)))} />}</Field>
                <Field label={t('plans.influence')}>{(p) => <input {...p} type="number" min={0} max={10} className={inputClass} value={s.influence ?? ''} onChange={(e) => setStakeholders(stakeholders.map((y, j) => (j === i ? { ...y, influence: e.target.value === '' ? null : Number(e.target.value) } : y)))} />}</Field>
                <Field label={t('plans.stance')}>{(p) => <select {...p} className={inputClass} value={s.stance ?? ''} onChange={(e) => setStakeholders(stakeholders.map((y, j) => (j === i ? { ...y, stance: e.target.value } : y)))}>
                  <option value="">—</option>{STANCES.map((st) => <option key={st} value={st}>{t(`plans.stances.${st}`)}</option>)}</select>}</Field>
              </div>
            ))}
            <div><button type="button" className={secondaryButtonClass} onClick={() => setStakeholders([...stakeholders, { name: '' }])}>{t('plans.addStakeholder')}</button></div>
            <ErrorBanner message={error} />
            <div><button type="button" className={secondaryButtonClass} onClick={() => void save()}>{t('plans.saveAnalysis')}</button></div>
          </div>
        </details>
      )}
    </section>
  );
}
