import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { allMembersOf } from '../../alliance-members.ts';
import { PlanAnalysis, type PlanAnalysisView } from './PlanAnalysis.tsx';
import { SmartieChecks, type SmartieCheckView } from './SmartieChecks.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { formatDate } from '../../dates.ts';

interface AreaView {
  id: string; name: string; broadGoal: string | null; committeeName: string | null; deadline: string | null;
  anchors: { id: string; name: string; shortName: string | null }[];
  activities: { id: string; kind: 'activity' | 'next_step'; text: string; dueOn: string | null; done: boolean }[];
  goals: { id: string; statement: string; smartie: SmartieCheckView[] }[];
}
interface PlanView extends PlanAnalysisView {
  organizationId: string; organizationName: string; organizationKind: string; status: string; proposalId: string | null;
  role: string | null; areas: AreaView[];
}

/** A work plan: strategy areas with their broad goal, goals, activities and next steps, anchors; then ratification. */
export function WorkPlanPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<PlanView>(`/work-plans/${id}`).then(setPlan, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  useEffect(() => {
    if (plan) allMembersOf(plan.organizationId).then((all) => setMembers(all.map((m) => ({ id: m.memberId, name: m.name }))), () => undefined);
  }, [plan?.organizationId]);
  if (!plan) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(plan.role, 'member') && plan.status !== 'ratified';
  const isCoordinator = roleAtLeast(plan.role, 'admin');
  const ratify = () => api.post<{ id: string }>(`/work-plans/${plan.id}/ratification`, {}).then((p) => navigate(`/proposals/${p.id}`), (err: unknown) => setError(errorText(t, err)));

  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm"><Link className="underline" to={`/organizations/${plan.organizationId}/work-plans`}>{plan.organizationName}</Link></p>
        <h1 className="text-2xl font-bold">{plan.title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {plan.period && <Tag>{plan.period}</Tag>}<Tag>{t(`plans.planStatus.${plan.status}`)}</Tag>
          {plan.proposalId && <Link className="text-sm underline" to={`/proposals/${plan.proposalId}`}>{t('plans.seeRatification')}</Link>}
          <Link className="text-sm underline" to={`/discussions/work_plan/${plan.id}`}>{t('discussions.title')}</Link>
          {isCoordinator && plan.status === 'draft' && plan.organizationKind === 'alliance' && <button type="button" className={secondaryButtonClass} onClick={() => void ratify()}>{t('plans.sendForRatification')}</button>}
        </div>
      </header>
      <ErrorBanner message={error} />
      {plan.areas.map((a) => (
        <section key={a.id} aria-labelledby={`area-${a.id}`} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
          <h2 id={`area-${a.id}`} className="text-lg font-semibold">{a.name}</h2>
          {a.broadGoal && <p><span className="font-medium">{t('plans.broadGoal')}:</span> {a.broadGoal}</p>}
          <p className="text-sm">{t('plans.anchoredBy', { names: a.anchors.map((x) => x.shortName ?? x.name).join(', ') || '—' })}{a.committeeName ? ` · ${a.committeeName}` : ''}{a.deadline ? ` · ${t('plans.deadlineOn', { date: formatDate(a.deadline) })}` : ''}</p>
          <div>
            <p className="text-sm font-medium">{t('plans.specificGoals')}</p>
            <ul className="text-sm">{a.goals.map((g) => <li key={g.id} className="flex flex-wrap gap-2"><Link className="underline" to={`/goals/${g.id}`}>{g.statement}</Link><SmartieChecks checks={g.smartie} compact /></li>)}</ul>
          </div>
          {(['activity', 'next_step'] as const).map((k) => (
            <div key={k}>
              <p className="text-sm font-medium">{t(`plans.activityKinds.${k}`)}</p>
              <ul className="text-sm">{a.activities.filter((x) => x.kind === k).map((x) => (
                <li key={x.id}><label className="flex items-center gap-2"><input type="checkbox" checked={x.done} disabled={!canEdit}
                  onChange={(e) => void api.patch(`/activities/${x.id}`, { done: e.target.checked }).then(load)} />{x.text}{x.dueOn ? ` (${formatDate(x.dueOn)})` : ''}</label></li>
              ))}</ul>
            </div>
          ))}
          {canEdit && <AddActivity areaId={a.id} onAdded={load} />}
        </section>
      ))}
      {canEdit && <AddArea planId={plan.id} organizationId={plan.organizationId} members={members} onAdded={load} />}
      <PlanAnalysis plan={plan} canEdit={canEdit} onSaved={load} />
    </article>
  );
}

function AddArea({ planId, organizationId, members, onAdded }: { planId: string; organizationId: string; members: { id: string; name: string }[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', broadGoal: '', deadline: '', committeeId: '', anchorIds: [] as string[] });
  const [committees, setCommittees] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => { api.get<{ id: string; name: string }[]>(`/alliances/${organizationId}/committees`).then(setCommittees, () => undefined); }, [organizationId]);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post(`/work-plans/${planId}/areas`, { name: form.name, broadGoal: form.broadGoal || null, deadline: form.deadline || null, committeeId: form.committeeId || null, anchorIds: form.anchorIds });
      setForm({ name: '', broadGoal: '', deadline: '', committeeId: '', anchorIds: [] }); setError(null); onAdded();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-area">
      <h2 id="new-area" className="font-semibold">{t('plans.newArea')}</h2>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <Field label={t('plans.areaName')}>{(p) => <input {...p} className={inputClass} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
        <Field label={t('plans.broadGoal')}>{(p) => <input {...p} className={inputClass} value={form.broadGoal} onChange={(e) => setForm({ ...form, broadGoal: e.target.value })} />}</Field>
        <Field label={t('plans.deadline')}>{(p) => <input {...p} type="date" className={inputClass} value={form.deadline} onChange={(e) => setForm({ ...form, deadline: e.target.value })} />}</Field>
        {committees.length > 0 && <Field label={t('decisions.committee')}>{(p) => <select {...p} className={inputClass} value={form.committeeId} onChange={(e) => setForm({ ...form, committeeId: e.target.value })}>
          <option value="">—</option>{committees.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select>}</Field>}
      </div>
      <fieldset className="flex flex-wrap gap-3"><legend className="text-sm font-medium">{t('plans.anchors')}</legend>
        {members.map((m) => <label key={m.id} className="flex items-center gap-1 text-sm"><input type="checkbox" checked={form.anchorIds.includes(m.id)}
          onChange={(e) => setForm({ ...form, anchorIds: e.target.checked ? [...form.anchorIds, m.id] : form.anchorIds.filter((x) => x !== m.id) })} />{m.name}</label>)}
      </fieldset>
      <ErrorBanner message={error} />
      <div><button type="submit" className={buttonClass}>{t('plans.addArea')}</button></div>
    </form>
  );
}

function AddActivity({ areaId, onAdded }: { areaId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ kind: 'activity', text: '', dueOn: '' });
  return (
    <form className="grid grid-cols-1 gap-2 sm:grid-cols-4" aria-label={t('plans.addActivityTo')}
      onSubmit={(e) => { e.preventDefault(); void api.post(`/areas/${areaId}/activities`, { ...form, dueOn: form.dueOn || null }).then(() => { setForm({ ...form, text: '', dueOn: '' }); onAdded(); }); }}>
      <Field label={t('plans.kind')}>{(p) => <select {...p} className={inputClass} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
        <option value="activity">{t('plans.activityKinds.activity')}</option><option value="next_step">{t('plans.activityKinds.next_step')}</option></select>}</Field>
      <Field label={t('plans.activity')}>{(p) => <input {...p} className={inputClass} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />}</Field>
      <Field label={t('plans.by')}>{(p) => <input {...p} type="date" className={inputClass} value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} />}</Field>
      <div className="self-end"><button type="submit" className={secondaryButtonClass}>{t('plans.addActivity')}</button></div>
    </form>
  );
}
