import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PARTICIPANT_CAPACITIES } from '../../../convenings/convening.schema.ts';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { allianceWithAllMembers } from '../../alliance-members.ts';
import type { ConveningView } from './convening-types.ts';
import { FollowUps } from './FollowUps.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { formatDateTime } from '../../dates.ts';

/** A convening: when and where, who came (staff and grassroots leaders), sessions and what came out of them. */
export function ConveningPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [page, setPage] = useState<ConveningView | null>(null);
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<ConveningView>(`/convenings/${id}`).then(setPage, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  useEffect(() => {
    if (!page) return;
    // Participants come from the holder and its member organizations.
    allianceWithAllMembers(page.organizationId).then(
      (a) => setMembers([{ id: a.alliance.id, name: a.alliance.name }, ...a.members.map((m) => ({ id: m.memberId, name: m.name }))]),
      () => setMembers([{ id: page.organizationId, name: page.organizationName }]));
  }, [page?.organizationId]);
  if (!page) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(page.role, 'member');
  const r = page.report;

  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <p className="text-sm"><Link className="underline" to={`/organizations/${page.organizationId}/convenings`}>{page.organizationName}</Link></p>
        <h1 className="text-2xl font-bold">{page.title}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Tag>{t(`convenings.kinds.${page.kind}`)}</Tag>
          <Link className="underline" to={`/discussions/convening/${page.id}`}>{t('discussions.title')}</Link>
          <span>{formatDateTime(page.startsAt)} – {formatDateTime(page.endsAt)} ({page.timeZone})</span>
          {page.place && <span>· {page.place}</span>}
          {page.callLink && <a className="underline" href={page.callLink} rel="noreferrer noopener">{t('convenings.callLink')}</a>}
        </div>
        <p className="text-sm">{t('convenings.hostedBy', { names: page.hosts.map((h) => h.name).join(', ') })}</p>
        <div className="flex flex-wrap gap-2">
          <a className={secondaryButtonClass} href={`/api/convenings/${page.id}/calendar.ics`} download>{t('convenings.exportIcs')}</a>
          <Link className={secondaryButtonClass} to={`/convenings/${page.id}/sign-in-sheet`}>{t('convenings.signInSheet')}</Link>
        </div>
      </header>
      <ErrorBanner message={error} />

      <section aria-labelledby="report-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="report-title" className="text-lg font-semibold">{t('convenings.whoCame')}</h2>
        <p role="status">{t('convenings.reportLine', { attended: r.attended, organizations: r.organizations, staff: r.staff, leaders: r.leaders, firstTime: r.firstTime })}</p>
        {r.registeredButAbsent > 0 && <p className="text-sm text-stone-600">{t('convenings.registeredAbsent', { count: r.registeredButAbsent })}</p>}
        <table className="mt-2 text-sm">
          <thead><tr><th className="text-left">{t('convenings.organization')}</th><th className="px-2 text-right">{t('convenings.capacities.staff')}</th><th className="px-2 text-right">{t('convenings.capacities.leader')}</th><th className="px-2 text-right">{t('convenings.firstTimers')}</th></tr></thead>
          <tbody>{r.byOrganization.map((o) => <tr key={o.organizationId}><td>{o.name}</td><td className="px-2 text-right">{o.staff}</td><td className="px-2 text-right">{o.leaders}</td><td className="px-2 text-right">{o.firstTime}</td></tr>)}</tbody>
        </table>
      </section>

      <section aria-labelledby="attendance-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
        <h2 id="attendance-title" className="text-lg font-semibold">{t('convenings.attendance')}</h2>
        <ul className="flex flex-col gap-1 text-sm">
          {page.participants.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{p.name}</span>{p.organizationName && <span>· {p.organizationName}</span>}
              <Tag>{t(`convenings.capacities.${p.capacity}`)}</Tag>
              {p.attended ? (p.firstTime && <Tag>{t('convenings.firstTime')}</Tag>) : <Tag>{t('convenings.registeredOnly')}</Tag>}
              {canEdit && !p.attended && <button type="button" className="underline" onClick={() => void api.patch(`/participants/${p.id}`, { attended: true }).then(load)}>{t('convenings.markCame')}</button>}
            </li>
          ))}
        </ul>
        {canEdit && <AddParticipant conveningId={page.id} organizations={members} onAdded={load} />}
      </section>

      <Invitations page={page} organizations={members} canEdit={canEdit} onSaved={load} />

      <section aria-labelledby="sessions-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
        <h2 id="sessions-title" className="text-lg font-semibold">{t('convenings.sessions')}</h2>
        {page.sessions.map((s) => <Session key={s.id} conveningId={page.id} session={s} canEdit={canEdit} onChange={load} />)}
        {canEdit && <AddSession conveningId={page.id} onAdded={load} />}
      </section>

      <FollowUps conveningId={page.id} followUps={page.followUps} organizations={members} canEdit={canEdit} onChange={load} />
    </article>
  );
}

function AddParticipant({ conveningId, organizations, onAdded }: { conveningId: string; organizations: { id: string; name: string }[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', organizationId: '', capacity: 'leader', registeredOnly: false });
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      // Registering ahead of time, or signing in at the door.
      await api.post(`/convenings/${conveningId}/participants`, { name: form.name, capacity: form.capacity, organizationId: form.organizationId || null,
        registered: form.registeredOnly, attended: !form.registeredOnly });
      setForm({ ...form, name: '' }); setError(null); onAdded();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <form onSubmit={submit} className="grid grid-cols-1 gap-2 sm:grid-cols-4" aria-label={t('convenings.recordAttendance')}>
      <Field label={t('convenings.personName')}>{(p) => <input {...p} className={inputClass} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
      <Field label={t('convenings.organization')}>{(p) => <select {...p} className={inputClass} value={form.organizationId} onChange={(e) => setForm({ ...form, organizationId: e.target.value })}>
        <option value="">{t('convenings.noOrganization')}</option>{organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select>}</Field>
      <Field label={t('convenings.cameAs')}>{(p) => <select {...p} className={inputClass} value={form.capacity} onChange={(e) => setForm({ ...form, capacity: e.target.value })}>
        {PARTICIPANT_CAPACITIES.map((c) => <option key={c} value={c}>{t(`convenings.capacities.${c}`)}</option>)}</select>}</Field>
      <div className="flex flex-col justify-end gap-1">
        <label className="flex items-center gap-1 text-sm"><input type="checkbox" checked={form.registeredOnly} onChange={(e) => setForm({ ...form, registeredOnly: e.target.checked })} />{t('convenings.registerAhead')}</label>
        <button type="submit" className={buttonClass}>{t('convenings.addParticipant')}</button>
      </div>
      <div className="sm:col-span-4"><ErrorBanner message={error} /></div>
    </form>
  );
}

function AddSession({ conveningId, onAdded }: { conveningId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ title: '', facilitator: '', notes: '' });
  return (
    <form className="grid grid-cols-1 gap-2 sm:grid-cols-3" aria-label={t('convenings.addSession')}
      onSubmit={(e) => { e.preventDefault(); void api.post(`/convenings/${conveningId}/sessions`, { title: form.title, facilitator: form.facilitator || null, notes: form.notes || null }).then(() => { setForm({ title: '', facilitator: '', notes: '' }); onAdded(); }); }}>
      <Field label={t('convenings.sessionTitle')}>{(p) => <input {...p} className={inputClass} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
      <Field label={t('convenings.facilitator')}>{(p) => <input {...p} className={inputClass} value={form.facilitator} onChange={(e) => setForm({ ...form, facilitator: e.target.value })} />}</Field>
      <div className="sm:col-span-3"><Field label={t('convenings.notes')}>{(p) => <textarea {...p} rows={2} className={inputClass} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />}</Field></div>
      <div className="self-end"><button type="submit" className={secondaryButtonClass}>{t('convenings.addSession')}</button></div>
    </form>
  );
}

function Session({ conveningId, session, canEdit, onChange }: { conveningId: string; session: ConveningView['sessions'][number]; canEdit: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'goal' | 'proposal'>('goal');
  const [error, setError] = useState<string | null>(null);
  const act = (path: string, go: (r: { goalId?: string; proposalId?: string }) => string) =>
    api.post<{ goalId?: string; proposalId?: string }>(path).then((r) => navigate(go(r)), (err: unknown) => setError(errorText(t, err)));
  return (
    <div className="flex flex-col gap-2 border-l-2 border-stone-200 pl-3">
      <h3 className="font-semibold">{session.title}{session.facilitator ? <span className="font-normal text-stone-600"> · {t('convenings.facilitatedBy', { name: session.facilitator })}</span> : null}</h3>
      {session.notes && <p className="whitespace-pre-wrap text-sm">{session.notes}</p>}
      {(['goal', 'proposal'] as const).map((k) => {
        const items = session.items.filter((i) => i.kind === k);
        if (items.length === 0) return null;
        return (
          <div key={k}>
            <p className="text-sm font-medium">{t(k === 'goal' ? 'convenings.goalsIdentified' : 'convenings.proposalsEmerged')}</p>
            <ul className="list-disc pl-5 text-sm">
              {items.map((i) => (
                <li key={i.id}>{i.text}{' '}
                  {i.goalId && <Link className="underline" to={`/goals/${i.goalId}`}>{t('convenings.seeGoal')}</Link>}
                  {i.proposalId && <Link className="underline" to={`/proposals/${i.proposalId}`}>{t('convenings.seeProposal')}</Link>}
                  {canEdit && k === 'goal' && !i.goalId && <button type="button" className="underline" onClick={() => void act(`/session-items/${i.id}/goal`, (r) => `/goals/${r.goalId}`)}>{t('convenings.trackAsGoal')}</button>}
                  {canEdit && k === 'goal' && !i.goalId && <> · <button type="button" className="underline" onClick={() => void api.post(`/convenings/${conveningId}/follow-ups`, { text: i.text, sessionItemId: i.id }).then(onChange, (err: unknown) => setError(errorText(t, err)))}>{t('convenings.makeFollowUp')}</button></>}
                  {canEdit && k === 'proposal' && !i.proposalId && <button type="button" className="underline" onClick={() => void act(`/session-items/${i.id}/proposal`, (r) => `/proposals/${r.proposalId}`)}>{t('convenings.putForward')}</button>}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {canEdit && (
        <form className="grid grid-cols-1 gap-2 sm:grid-cols-4" aria-label={t('convenings.addItemTo', { title: session.title })}
          onSubmit={(e) => { e.preventDefault(); void api.post(`/sessions/${session.id}/items`, { kind, text }).then(() => { setText(''); onChange(); }, (err: unknown) => setError(errorText(t, err))); }}>
          <Field label={t('convenings.itemKind')}>{(p) => <select {...p} className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as 'goal' | 'proposal')}>
            <option value="goal">{t('convenings.goalIdentified')}</option><option value="proposal">{t('convenings.proposalEmerged')}</option></select>}</Field>
          <div className="sm:col-span-2"><Field label={t('convenings.itemText')}>{(p) => <input {...p} className={inputClass} value={text} onChange={(e) => setText(e.target.value)} />}</Field></div>
          <div className="self-end"><button type="submit" className={secondaryButtonClass}>{t('convenings.addItem')}</button></div>
        </form>
      )}
      <ErrorBanner message={error} />
    </div>
  );
}

/** The organizations invited, and (for members of the space) who else to invite. */
function Invitations({ page, organizations, canEdit, onSaved }: { page: ConveningView; organizations: { id: string; name: string }[]; canEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [invited, setInvited] = useState<string[]>(page.invited.map((o) => o.id));
  const [error, setError] = useState<string | null>(null);
  const save = () => api.put(`/convenings/${page.id}`, {
    title: page.title, kind: page.kind, startsAt: page.startsAt, endsAt: page.endsAt, timeZone: page.timeZone, place: page.place, callLink: page.callLink,
    description: page.description, hostIds: page.hosts.map((h) => h.id), invitedIds: invited,
  }).then(() => { setError(null); onSaved(); }, (err: unknown) => setError(errorText(t, err)));
  return (
    <section aria-labelledby="invited-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="invited-title" className="text-lg font-semibold">{t('convenings.invited')}</h2>
      <p className="text-sm">{page.invited.map((o) => o.name).join(', ') || '—'}</p>
      {canEdit && (
        <details><summary className="cursor-pointer text-sm">{t('convenings.invite')}</summary>
          <div className="mt-2 flex flex-wrap gap-3">{organizations.filter((o) => o.id !== page.organizationId).map((o) => (
            <label key={o.id} className="flex items-center gap-1 text-sm"><input type="checkbox" checked={invited.includes(o.id)}
              onChange={(e) => setInvited(e.target.checked ? [...invited, o.id] : invited.filter((x) => x !== o.id))} />{o.name}</label>
          ))}</div>
          <ErrorBanner message={error} />
          <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => void save()}>{t('convenings.saveInvitations')}</button>
        </details>
      )}
    </section>
  );
}
