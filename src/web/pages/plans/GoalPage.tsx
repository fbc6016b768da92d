import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { checkSmartie } from '../../../plans/smartie.ts';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { SmartieChecks, type SmartieCheckView } from './SmartieChecks.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';

interface GoalView {
  id: string; organizationId: string; parentId: string | null; level: string; statement: string; deadline: string | null;
  decidersFromMostAffected: boolean | null; equityNote: string | null; impactReflection: { disparateImpact?: string | null; mitigation?: string | null };
  areaId: string | null; role: string | null; smartie: SmartieCheckView[];
  indicators: { name: string; unit: string | null; baseline: number | null; target: number | null; current: number | null }[];
  activities: { dueOn: string | null; text: string; done: boolean }[];
  source: { title: string; conveningId: string; conveningTitle: string } | null; area: { id: string; name: string; workPlanId: string } | null;
  children: { id: string; level: string; statement: string; smartie: SmartieCheckView[] }[];
}
interface PlanList { plans: { id: string; title: string }[] }
interface PlanView { areas: { id: string; name: string }[] }

const num = (v: string) => (v.trim() === '' ? null : Number(v));

/** A goal: its SMARTIE check as you type, indicators, success sheet, disparate-impact reflection, and where it sits in a plan. */
export function GoalPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [goal, setGoal] = useState<GoalView | null>(null);
  const [draft, setDraft] = useState<GoalView | null>(null);
  const [areas, setAreas] = useState<{ id: string; label: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const load = () => api.get<GoalView>(`/goals/${id}`).then((g) => { setGoal(g); setDraft(g); }, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  useEffect(() => {
    if (!goal) return;
    // The strategy areas of this organization's work plans, to place the goal in one.
    void api.get<PlanList>(`/organizations/${goal.organizationId}/work-plans`).then(async (list) => {
      const views = await Promise.all(list.plans.map((p) => api.get<PlanView>(`/work-plans/${p.id}`).then((v) => v.areas.map((a) => ({ id: a.id, label: `${p.title} — ${a.name}` })))));
      setAreas(views.flat());
    }, () => undefined);
  }, [goal?.organizationId]);
  const live = useMemo(() => draft && checkSmartie({
    statement: draft.statement, deadline: draft.deadline, indicators: draft.indicators, strategic: { linkedTo: draft.areaId ?? draft.parentId },
    activities: draft.activities, decidersFromMostAffected: draft.decidersFromMostAffected, equityNote: draft.equityNote,
  }), [draft]);
  if (!goal || !draft) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(goal.role, 'member');
  const set = (patch: Partial<GoalView>) => { setDraft({ ...draft, ...patch }); setSaved(false); };

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await api.put(`/goals/${id}`, {
        statement: draft!.statement, level: draft!.level, parentId: draft!.parentId, deadline: draft!.deadline || null,
        decidersFromMostAffected: draft!.decidersFromMostAffected, equityNote: draft!.equityNote || null, areaId: draft!.areaId || null,
        indicators: draft!.indicators, activities: draft!.activities.filter((a) => a.text.trim()), impactReflection: draft!.impactReflection,
      });
      setSaved(true); setError(null); await load();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <form onSubmit={save} className="flex flex-col gap-4" noValidate>
      <p className="text-sm"><Link className="underline" to={`/organizations/${goal.organizationId}/goals`}>{t('plans.goals')}</Link>
        {goal.source && <> · {t('plans.fromSession')} <Link className="underline" to={`/convenings/${goal.source.conveningId}`}>{goal.source.conveningTitle} — {goal.source.title}</Link></>}
        {goal.area && <> · <Link className="underline" to={`/work-plans/${goal.area.workPlanId}`}>{goal.area.name}</Link></>}</p>
      <h1 className="text-2xl font-bold">{t(`plans.levels.${goal.level}`)}</h1>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <div className="flex flex-col gap-3 md:col-span-2">
          <Field label={t('plans.statement')}>{(p) => <textarea {...p} rows={4} className={inputClass} value={draft.statement} readOnly={!canEdit} onChange={(e) => set({ statement: e.target.value })} />}</Field>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            <Field label={t('plans.deadline')}>{(p) => <input {...p} type="date" className={inputClass} value={draft.deadline ?? ''} readOnly={!canEdit} onChange={(e) => set({ deadline: e.target.value || null })} />}</Field>
            <Field label={t('plans.area')}>{(p) => <select {...p} className={inputClass} value={draft.areaId ?? ''} disabled={!canEdit} onChange={(e) => set({ areaId: e.target.value || null })}>
              <option value="">{t('plans.noArea')}</option>{areas.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}</select>}</Field>
          </div>
          <label className="flex items-center gap-2"><input type="checkbox" checked={draft.decidersFromMostAffected === true} disabled={!canEdit} onChange={(e) => set({ decidersFromMostAffected: e.target.checked })} />{t('plans.decidersFromMostAffected')}</label>
          <Field label={t('plans.equityNote')} hint={t('plans.equityNoteHelp')}>{(p) => <textarea {...p} rows={2} className={inputClass} value={draft.equityNote ?? ''} readOnly={!canEdit} onChange={(e) => set({ equityNote: e.target.value })} />}</Field>
          <fieldset className="flex flex-col gap-2 rounded border border-stone-200 p-2">
            <legend className="px-1 font-semibold">{t('plans.indicators')}</legend>
            {draft.indicators.map((ind, i) => (
              <div key={i} className="grid grid-cols-2 gap-2 sm:grid-cols-5">
                <div className="col-span-2"><Field label={t('plans.indicatorName')}>{(p) => <input {...p} className={inputClass} value={ind.name} onChange={(e) => set({ indicators: draft.indicators.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />}</Field></div>
                {(['baseline', 'target', 'current'] as const).map((k) => (
                  <Field key={k} label={t(`plans.${k}`)}>{(p) => <input {...p} type="number" className={inputClass} value={ind[k] ?? ''} onChange={(e) => set({ indicators: draft.indicators.map((x, j) => (j === i ? { ...x, [k]: num(e.target.value) } : x)) })} />}</Field>
                ))}
              </div>
            ))}
            {canEdit && <div><button type="button" className={secondaryButtonClass} onClick={() => set({ indicators: [...draft.indicators, { name: '', unit: null, baseline: null, target: null, current: null }] })}>{t('plans.addIndicator')}</button></div>}
          </fieldset>
          <fieldset className="flex flex-col gap-2 rounded border border-stone-200 p-2">
            <legend className="px-1 font-semibold">{t('plans.successSheet')}</legend>
            {draft.activities.map((a, i) => (
              <div key={i} className="grid grid-cols-1 gap-2 sm:grid-cols-4">
                <Field label={t('plans.by')}>{(p) => <input {...p} type="date" className={inputClass} value={a.dueOn ?? ''} onChange={(e) => set({ activities: draft.activities.map((x, j) => (j === i ? { ...x, dueOn: e.target.value || null } : x)) })} />}</Field>
                <div className="sm:col-span-3"><Field label={t('plans.activity')}>{(p) => <input {...p} className={inputClass} value={a.text} onChange={(e) => set({ activities: draft.activities.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) })} />}</Field></div>
              </div>
            ))}
            {canEdit && <div><button type="button" className={secondaryButtonClass} onClick={() => set({ activities: [...draft.activities, { dueOn: null, text: '', done: false }] })}>{t('plans.addActivity')}</button></div>}
          </fieldset>
          <fieldset className="flex flex-col gap-2 rounded border border-stone-200 p-2">
            <legend className="px-1 font-semibold">{t('plans.disparateImpact')}</legend>
            <Field label={t('plans.disparateImpactQuestion')}>{(p) => <textarea {...p} rows={2} className={inputClass} value={draft.impactReflection.disparateImpact ?? ''} readOnly={!canEdit} onChange={(e) => set({ impactReflection: { ...draft.impactReflection, disparateImpact: e.target.value } })} />}</Field>
            <Field label={t('plans.mitigationQuestion')}>{(p) => <textarea {...p} rows={2} className={inputClass} value={draft.impactReflection.mitigation ?? ''} readOnly={!canEdit} onChange={(e) => set({ impactReflection: { ...draft.impactReflection, mitigation: e.target.value } })} />}</Field>
          </fieldset>
          <ErrorBanner message={error} />
          {saved && <p role="status" className="text-emerald-800">{t('plans.saved')}</p>}
          {canEdit && <div><button type="submit" className={buttonClass}>{t('plans.saveGoal')}</button></div>}
        </div>
        <aside aria-labelledby="smartie-title" className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3 md:self-start">
          <h2 id="smartie-title" className="font-semibold">{t('plans.smartieChecks')}</h2>
          {live && <SmartieChecks checks={live} />}
        </aside>
      </div>
      <section aria-labelledby="children-title" className="flex flex-col gap-2"><h2 id="children-title" className="font-semibold">{t('plans.objectivesAndStrategies')}</h2>
        <ul>{goal.children.map((c) => <li key={c.id}><Link className="underline" to={`/goals/${c.id}`}>{t(`plans.levels.${c.level}`)}: {c.statement}</Link> <SmartieChecks checks={c.smartie} compact /></li>)}</ul>
        {canEdit && goal.level !== 'strategy' && <AddChild goal={goal} onAdded={load} />}
      </section>
    </form>
  );
}

/** Nests an objective under a goal, or a strategy under an objective (goal → objectives → strategies). */
function AddChild({ goal, onAdded }: { goal: GoalView; onAdded: () => void }) {
  const { t } = useTranslation();
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const level = goal.level === 'goal' ? 'objective' : 'strategy';
  const add = () => api.post(`/organizations/${goal.organizationId}/goals`, { statement, level, parentId: goal.id })
    .then(() => { setStatement(''); setError(null); onAdded(); }, (err: unknown) => setError(errorText(t, err)));
  return (
    <div className="flex flex-col gap-2 rounded border border-stone-200 p-2">
      <Field label={t(`plans.add_${level}`)}>{(p) => <input {...p} className={inputClass} value={statement} onChange={(e) => setStatement(e.target.value)} />}</Field>
      <ErrorBanner message={error} />
      <div><button type="button" className={secondaryButtonClass} onClick={() => void add()}>{t(`plans.add_${level}`)}</button></div>
    </div>
  );
}
