import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CONVENING_KINDS } from '../../../convenings/convening.schema.ts';
import { api, ApiError, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, Tag } from '../../components/Field.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { CalendarFeed } from './CalendarFeed.tsx';

interface ConveningList {
  organization: { id: string; name: string; kind: string }; role: string | null;
  convenings: { id: string; title: string; kind: string; startsAt: string; timeZone: string; place: string | null; attendance: number }[];
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/New_York';

/** An alliance's convenings, newest first, and a form for a new one. */
export function ConveningsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<ConveningList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [form, setForm] = useState({ title: '', kind: 'convening', startsAt: '', endsAt: '', timeZone: browserZone(), place: '', callLink: '' });
  useEffect(() => {
    api.get<ConveningList>(`/organizations/${id}/convenings`).then(setList, (err: unknown) => setError(errorText(t, err)));
  }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(list.role, 'member');
  const fieldError = (f: string) => failure?.fieldMessage(f);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.post<{ id: string }>(`/organizations/${id}/convenings`, { ...form, place: form.place || null, callLink: form.callLink || null });
      void navigate(`/convenings/${created.id}`);
    } catch (err) {
      setFailure(err instanceof ApiError ? err : null);
      setError(errorText(t, err));
    }
  }
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  return (
    <article className="flex flex-col gap-4">
      <header>
        <p className="text-sm"><Link className="underline" to={list.organization.kind === 'alliance' ? `/alliances/${id}` : `/organizations/${id}`}>{list.organization.name}</Link></p>
        <h1 className="text-2xl font-bold">{t('convenings.title')}</h1>
        <nav className="mt-1 flex flex-wrap gap-3 text-sm" aria-label={t('convenings.title')}>
          <Link className="underline" to={`/organizations/${id}/follow-ups`}>{t('convenings.followUps')}</Link>
          <Link className="underline" to={`/organizations/${id}/goals`}>{t('plans.goals')}</Link>
          <Link className="underline" to={`/organizations/${id}/work-plans`}>{t('plans.workPlans')}</Link>
        </nav>
      </header>
      <CalendarFeed organizationId={id!} />
      {list.convenings.length === 0 && <p className="text-stone-600">{t('convenings.none')}</p>}
      <ul className="flex flex-col gap-2">
        {list.convenings.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-2 rounded border border-stone-200 bg-white p-3">
            <Link className="font-medium text-amber-900 underline-offset-2 hover:underline" to={`/convenings/${c.id}`}>{c.title}</Link>
            <Tag>{t(`convenings.kinds.${c.kind}`)}</Tag>
            <span className="text-sm text-stone-600">{c.startsAt.replace('T', ' ')} ({c.timeZone}){c.place ? ` · ${c.place}` : ''}</span>
            <span className="ml-auto text-sm">{t('convenings.attendanceCount', { count: c.attendance })}</span>
          </li>
        ))}
      </ul>
      {canEdit && (
        <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-convening" noValidate>
          <h2 id="new-convening" className="font-semibold">{t('convenings.new')}</h2>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
            <Field label={t('convenings.name')} error={fieldError('title')}>{(p) => <input {...p} className={inputClass} value={form.title} onChange={(e) => set({ title: e.target.value })} />}</Field>
            <Field label={t('convenings.kind')}>{(p) => <select {...p} className={inputClass} value={form.kind} onChange={(e) => set({ kind: e.target.value })}>{CONVENING_KINDS.map((k) => <option key={k} value={k}>{t(`convenings.kinds.${k}`)}</option>)}</select>}</Field>
            <Field label={t('convenings.timeZone')} error={fieldError('timeZone')}>{(p) => <input {...p} className={inputClass} value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })} />}</Field>
            <Field label={t('convenings.startsAt')} error={fieldError('startsAt')}>{(p) => <input {...p} type="datetime-local" className={inputClass} value={form.startsAt} onChange={(e) => set({ startsAt: e.target.value, endsAt: form.endsAt || e.target.value })} />}</Field>
            <Field label={t('convenings.endsAt')} error={fieldError('endsAt')}>{(p) => <input {...p} type="datetime-local" className={inputClass} value={form.endsAt} onChange={(e) => set({ endsAt: e.target.value })} />}</Field>
            <Field label={t('convenings.place')}>{(p) => <input {...p} className={inputClass} value={form.place} onChange={(e) => set({ place: e.target.value })} />}</Field>
            <Field label={t('convenings.callLink')} error={fieldError('callLink')}>{(p) => <input {...p} type="url" className={inputClass} value={form.callLink} onChange={(e) => set({ callLink: e.target.value })} />}</Field>
          </div>
          <ErrorBanner message={error} />
          <div><button type="submit" className={buttonClass}>{t('convenings.create')}</button></div>
        </form>
      )}
    </article>
  );
}
