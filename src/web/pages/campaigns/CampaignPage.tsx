import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CAMPAIGN_CONTRIBUTIONS, CAMPAIGN_STATUSES } from '../../../campaigns/campaign.schema.ts';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { allMembersOf } from '../../alliance-members.ts';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { formatDate } from '../../dates.ts';

const CHART_COLUMNS = [
  ['goals', ['longTermGoals', 'intermediateGoals', 'shortTermGoals']],
  ['organizational', ['resourcesWeHave', 'resourcesWeNeed', 'internalProblems']],
  ['people', ['constituents', 'allies', 'opponents']],
  ['targets', ['primaryTargets', 'secondaryTargets']],
  ['tactics', ['tactics']],
] as const;

interface CampaignView {
  id: string; organizationId: string; name: string; status: string; role: string | null; chart: Record<string, string[]>;
  participants: { organizationId: string; name: string; brings: string[] }[];
  events: { id: string; kind: string; title: string; happenedOn: string | null; turnout: number | null; carrierName: string | null; demandOwnerName: string | null; decisionMaker: string | null }[];
  totals: { actions: number; turnout: number; wins: number; issuesCarried: number };
}

/** A campaign: the Midwest Academy strategy chart, who takes part and what each brings, and what happened. */
export function CampaignPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [view, setView] = useState<CampaignView | null>(null);
  const [draft, setDraft] = useState<{ status: string; chart: Record<string, string>; participants: Record<string, string[]> } | null>(null);
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const load = () => api.get<CampaignView>(`/campaigns/${id}`).then((v) => {
    setView(v);
    setDraft({ status: v.status, chart: Object.fromEntries(Object.entries(v.chart).map(([k, lines]) => [k, lines.join('\n')])),
      participants: Object.fromEntries(v.participants.map((p) => [p.organizationId, p.brings])) });
  }, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  useEffect(() => { if (view) allMembersOf(view.organizationId).then((all) => setMembers(all.map((m) => ({ id: m.memberId, name: m.name }))), () => undefined); }, [view?.organizationId]);
  if (!view || !draft) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(view.role, 'member');
  const toggle = (orgId: string, what: string) => {
    const current = draft.participants[orgId] ?? [];
    setDraft({ ...draft, participants: { ...draft.participants, [orgId]: current.includes(what) ? current.filter((x) => x !== what) : [...current, what] } });
  };
  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await api.put(`/campaigns/${id}`, { name: view!.name, status: draft!.status,
        chart: Object.fromEntries(Object.entries(draft!.chart).map(([k, v]) => [k, v.split('\n').map((l) => l.trim()).filter(Boolean)])),
        participants: Object.entries(draft!.participants).filter(([, brings]) => brings.length).map(([organizationId, brings]) => ({ organizationId, brings })) });
      setSaved(true); setError(null); await load();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/organizations/${view.organizationId}/campaigns`}>{t('campaigns.title')}</Link></p>
      <h1 className="text-2xl font-bold">{view.name}</h1>
      <p className="text-sm"><Link className="underline" to={`/discussions/campaign/${id}`}>{t('discussions.title')}</Link></p>
      <p role="status">{t('campaigns.totalsLine', view.totals)}</p>
      <form onSubmit={save} className="flex flex-col gap-3">
        <Field label={t('campaigns.status')}>{(p) => <select {...p} className={`${inputClass} max-w-xs`} value={draft.status} disabled={!canEdit} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
          {CAMPAIGN_STATUSES.map((s) => <option key={s} value={s}>{t(`campaigns.statuses.${s}`)}</option>)}</select>}</Field>
        <section aria-labelledby="chart-title" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="chart-title" className="font-semibold">{t('campaigns.chart')}</h2>
          <p className="text-sm text-stone-600">{t('campaigns.chartHelp')}</p>
          <div className="mt-2 grid grid-cols-1 gap-3 lg:grid-cols-5">
            {CHART_COLUMNS.map(([column, keys]) => (
              <div key={column} className="flex flex-col gap-2"><h3 className="font-medium">{t(`campaigns.columns.${column}`)}</h3>
                {keys.map((k) => <Field key={k} label={t(`campaigns.fields.${k}`)}>{(p) => <textarea {...p} rows={3} className={inputClass} readOnly={!canEdit} value={draft.chart[k] ?? ''} onChange={(e) => setDraft({ ...draft, chart: { ...draft.chart, [k]: e.target.value } })} />}</Field>)}
              </div>
            ))}
          </div>
        </section>
        <section aria-labelledby="participants-title" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="participants-title" className="font-semibold">{t('campaigns.participants')}</h2>
          <table className="text-sm"><tbody>{members.map((m) => (
            <tr key={m.id} className="border-t border-stone-100"><th className="pr-2 text-left font-normal">{m.name}</th>
              <td className="flex flex-wrap gap-2">{CAMPAIGN_CONTRIBUTIONS.map((c) => (
                <label key={c} className="flex items-center gap-1"><input type="checkbox" disabled={!canEdit} checked={(draft.participants[m.id] ?? []).includes(c)} onChange={() => toggle(m.id, c)} />{t(`campaigns.brings.${c}`)}</label>
              ))}</td></tr>
          ))}</tbody></table>
        </section>
        <ErrorBanner message={error} />
        {saved && <p role="status" className="text-emerald-800">{t('plans.saved')}</p>}
        {canEdit && <div><button type="submit" className={buttonClass}>{t('campaigns.save')}</button></div>}
      </form>
      <Events view={view} members={members} canEdit={canEdit} onAdded={load} />
    </article>
  );
}

function Events({ view, members, canEdit, onAdded }: { view: CampaignView; members: { id: string; name: string }[]; canEdit: boolean; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ kind: 'action', title: '', happenedOn: '', turnout: '', carrierId: '', demandOwnerId: '', decisionMaker: '' });
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = form.kind === 'action' ? { kind: 'action', title: form.title, happenedOn: form.happenedOn, turnout: form.turnout ? Number(form.turnout) : null }
      : form.kind === 'win' ? { kind: 'win', title: form.title, happenedOn: form.happenedOn }
      : { kind: 'issue_carried', title: form.title, happenedOn: form.happenedOn, carrierId: form.carrierId, demandOwnerId: form.demandOwnerId, decisionMaker: form.decisionMaker };
    try { await api.post(`/campaigns/${view.id}/events`, body); setForm({ ...form, title: '', turnout: '' }); setError(null); onAdded(); } catch (err) { setError(errorText(t, err)); }
  }
  const select = (label: string, value: string, key: 'carrierId' | 'demandOwnerId') => (
    <Field label={label}>{(p) => <select {...p} className={inputClass} value={value} onChange={(e) => setForm({ ...form, [key]: e.target.value })}><option value="">—</option>{members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</select>}</Field>);
  return (
    <section aria-labelledby="events-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="events-title" className="font-semibold">{t('campaigns.events')}</h2>
      <ul className="text-sm">{view.events.map((e) => (
        <li key={e.id}>{e.happenedOn ? `${formatDate(e.happenedOn)} · ` : ''}{t(`campaigns.eventKinds.${e.kind}`)}: {e.title}
          {e.turnout !== null && ` (${t('campaigns.turnoutN', { count: e.turnout })})`}
          {e.kind === 'issue_carried' && ` — ${t('campaigns.carriedLine', { carrier: e.carrierName, owner: e.demandOwnerName, target: e.decisionMaker })}`}</li>
      ))}</ul>
      {canEdit && (
        <form onSubmit={submit} className="grid grid-cols-1 gap-2 sm:grid-cols-4" aria-label={t('campaigns.addEvent')}>
          <Field label={t('campaigns.eventKind')}>{(p) => <select {...p} className={inputClass} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            {['action', 'win', 'issue_carried'].map((k) => <option key={k} value={k}>{t(`campaigns.eventKinds.${k}`)}</option>)}</select>}</Field>
          <Field label={t('campaigns.eventTitle')}>{(p) => <input {...p} className={inputClass} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
          <Field label={t('campaigns.happenedOn')}>{(p) => <input {...p} type="date" className={inputClass} value={form.happenedOn} onChange={(e) => setForm({ ...form, happenedOn: e.target.value })} />}</Field>
          {form.kind === 'action' && <Field label={t('campaigns.turnout')}>{(p) => <input {...p} type="number" min={0} className={inputClass} value={form.turnout} onChange={(e) => setForm({ ...form, turnout: e.target.value })} />}</Field>}
          {form.kind === 'issue_carried' && (<>
            {select(t('campaigns.carrier'), form.carrierId, 'carrierId')}{select(t('campaigns.demandOwner'), form.demandOwnerId, 'demandOwnerId')}
            <Field label={t('campaigns.decisionMaker')}>{(p) => <input {...p} className={inputClass} value={form.decisionMaker} onChange={(e) => setForm({ ...form, decisionMaker: e.target.value })} />}</Field>
          </>)}
          <div className="self-end"><button type="submit" className={secondaryButtonClass}>{t('campaigns.addEvent')}</button></div>
          <div className="sm:col-span-4"><ErrorBanner message={error} /></div>
        </form>
      )}
    </section>
  );
}
