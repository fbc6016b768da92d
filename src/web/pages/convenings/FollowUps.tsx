import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import type { FollowUpView } from './convening-types.ts';
import { formatDate, localToday } from '../../dates.ts';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { useSession } from '../../session.tsx';


/** Follow-ups of a convening, with their owners and due dates; overdue ones stand out. */
export function FollowUps({ conveningId, followUps, organizations, canEdit, onChange }: {
  conveningId: string; followUps: FollowUpView[]; organizations: { id: string; name: string }[]; canEdit: boolean; onChange: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ text: '', ownerOrganizationId: '', dueOn: '' });
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post(`/convenings/${conveningId}/follow-ups`, { text: form.text, ownerOrganizationId: form.ownerOrganizationId || null, dueOn: form.dueOn || null });
      setForm({ text: '', ownerOrganizationId: '', dueOn: '' }); setError(null); onChange();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <section aria-labelledby="follow-ups-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="follow-ups-title" className="text-lg font-semibold">{t('convenings.followUps')}</h2>
      <FollowUpList followUps={followUps} canEdit={canEdit} onChange={onChange} />
      {canEdit && (
        <form onSubmit={submit} className="grid grid-cols-1 gap-2 sm:grid-cols-4" aria-label={t('convenings.addFollowUp')}>
          <div className="sm:col-span-2"><Field label={t('convenings.followUpText')}>{(p) => <input {...p} className={inputClass} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} />}</Field></div>
          <Field label={t('convenings.owner')}>{(p) => <select {...p} className={inputClass} value={form.ownerOrganizationId} onChange={(e) => setForm({ ...form, ownerOrganizationId: e.target.value })}>
            <option value="">—</option>{organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select>}</Field>
          <Field label={t('convenings.dueOn')}>{(p) => <input {...p} type="date" className={inputClass} value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} />}</Field>
          <div><button type="submit" className={secondaryButtonClass}>{t('convenings.addFollowUp')}</button></div>
          <div className="sm:col-span-4"><ErrorBanner message={error} /></div>
        </form>
      )}
    </section>
  );
}

function FollowUpList({ followUps, canEdit, onChange }: { followUps: FollowUpView[]; canEdit: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const markDone = (id: string, done: boolean) => api.patch(`/follow-ups/${id}`, { done })
    .then(() => { setError(null); onChange(); }, (err: unknown) => setError(errorText(t, err)));
  if (followUps.length === 0) return <p className="text-sm text-stone-600">{t('convenings.noFollowUps')}</p>;
  return (
    <>
    <ErrorBanner message={error} />
    <ul className="flex flex-col gap-1 text-sm">
      {followUps.map((f) => {
        const overdue = !f.doneAt && !!f.dueOn && f.dueOn < localToday();
        return (
          <li key={f.id} className={`flex flex-wrap items-center gap-2 ${overdue ? 'font-medium text-red-800' : ''}`}>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={!!f.doneAt} disabled={!canEdit} onChange={(e) => void markDone(f.id, e.target.checked)} />
              <span className={f.doneAt ? 'line-through' : ''}>{f.text}</span>
            </label>
            {(f.ownerOrganizationName ?? f.ownerName) && <span>· {f.ownerOrganizationName ?? f.ownerName}</span>}
            {f.dueOn && <span>· {t('convenings.due', { date: formatDate(f.dueOn) })}</span>}
            {overdue && <span>({t('convenings.overdue')})</span>}
            {f.conveningTitle && <Link className="underline" to={`/convenings/${f.conveningId}`}>{f.conveningTitle}</Link>}
          </li>
        );
      })}
    </ul>
    </>
  );
}

/** Everything still to do after an organization's convenings: the overdue first. */
export function FollowUpsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [overdue, setOverdue] = useState(true);
  const [list, setList] = useState<FollowUpView[] | null>(null);
  // Ticking a follow-up off takes a member of the organization's own space; viewers only read.
  const { me } = useSession();
  const role = me?.spaces.find((s) => s.organizationId === id)?.role ?? null;
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<FollowUpView[]>(`/organizations/${id}/follow-ups?overdue=${overdue}&today=${localToday()}`).then(setList, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id, overdue]);
  return (
    <article className="flex flex-col gap-3">
      <p className="text-sm"><Link className="underline" to={`/organizations/${id}/convenings`}>{t('convenings.title')}</Link></p>
      <h1 className="text-2xl font-bold">{t('convenings.followUps')}</h1>
      <label className="flex items-center gap-2"><input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />{t('convenings.onlyOverdue')}</label>
      <ErrorBanner message={error} />
      {list && <FollowUpList followUps={list} canEdit={roleAtLeast(role, 'member')} onChange={load} />}
    </article>
  );
}
