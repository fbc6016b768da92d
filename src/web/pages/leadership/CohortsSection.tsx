import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import type { Convening } from './AttendanceSection.tsx';
import { ContactPicker, nameOf } from './ContactPicker.tsx';

interface CohortItem { id: string; name: string; startsOn: string | null; endsOn: string | null; active: number; completed: number; left: number; trainings: number }
interface Member { id: string; contactId: string; firstName: string; lastName: string; ladderStep: string | null; mentorId: string | null; mentorName: string | null;
  status: 'active' | 'completed' | 'left'; trainingsAttended: number }
interface Cohort {
  id: string; name: string; description: string | null; startsOn: string | null; endsOn: string | null; trainings: { id: string; title: string; startsAt: string }[];
  members: Member[]; ladder: { key: string; label: { en: string; es: string } }[];
  progress: { members: number; active: number; completed: number; left: number; withMentor: number; trainingAttendanceRate: number | null; movedUp: number; movedDown: number };
}

/** Leadership cohorts: emerging leaders, their mentors and trainings, and how far they have come. */
export function CohortsSection({ spaceId, trainings, canWrite }: { spaceId: string; trainings: Convening[]; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  const [items, setItems] = useState<CohortItem[]>([]);
  const [open, setOpen] = useState<Cohort | null>(null);
  const [form, setForm] = useState({ name: '', startsOn: '', endsOn: '', trainingIds: [] as string[] });
  const [mentorFor, setMentorFor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(errorText(t, err));
  const load = () => api.get<{ items: CohortItem[] }>(`/spaces/${spaceId}/cohorts`).then((r) => setItems(r.items), fail);
  const show = (id: string) => api.get<Cohort>(`/cohorts/${id}`).then((c) => { setOpen(c); setError(null); }, fail);
  useEffect(() => { void load(); }, [spaceId]);
  async function create() {
    try {
      const { id } = await api.post<{ id: string }>(`/spaces/${spaceId}/cohorts`, { name: form.name, startsOn: form.startsOn || null, endsOn: form.endsOn || null, trainingIds: form.trainingIds });
      setForm({ name: '', startsOn: '', endsOn: '', trainingIds: [] });
      void load();
      void show(id);
    } catch (err) { fail(err); }
  }
  const change = async (run: () => Promise<unknown>) => { try { await run(); if (open) void show(open.id); void load(); } catch (err) { fail(err); } };
  const stepLabel = (key: string | null) => open?.ladder.find((s) => s.key === key)?.label[lang] ?? '—';

  return (
    <section aria-labelledby="cohorts-title" className="rounded border border-stone-200 bg-white p-3">
      <h2 id="cohorts-title" className="text-lg font-semibold">{t('leadership.cohorts')}</h2>
      <p className="text-sm text-stone-700">{t('leadership.cohortsHelp')}</p>
      <ErrorBanner message={error} />
      <ul className="text-sm">
        {items.map((c) => (
          <li key={c.id} className="py-0.5">
            <button type="button" className="underline" onClick={() => void show(c.id)}>{c.name}</button>{' '}
            <span className="text-stone-600">{t('leadership.cohortCounts', { active: c.active, completed: c.completed, trainings: c.trainings })}</span>
          </li>
        ))}
      </ul>
      {open && (
        <article aria-labelledby="cohort-name" className="mt-3 rounded border border-stone-200 p-3">
          <h3 id="cohort-name" className="font-semibold">{open.name}</h3>
          {(open.startsOn || open.endsOn) && <p className="text-sm">{[open.startsOn, open.endsOn].filter(Boolean).map((d) => formatDate(d!)).join(' – ')}</p>}
          <p role="status" className="text-sm">{t('leadership.progress', { members: open.progress.members, completed: open.progress.completed, withMentor: open.progress.withMentor,
            rate: open.progress.trainingAttendanceRate === null ? '—' : `${Math.round(open.progress.trainingAttendanceRate * 100)} %`, up: open.progress.movedUp, down: open.progress.movedDown })}</p>
          <h4 className="mt-2 font-medium">{t('leadership.trainings')}</h4>
          <ul className="text-sm">{open.trainings.map((x) => <li key={x.id}>{`${formatDate(x.startsAt.slice(0, 10))} · ${x.title}`}</li>)}</ul>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm">
              <caption className="sr-only">{t('leadership.members')}</caption>
              <thead><tr className="text-left"><th scope="col">{t('leadership.name')}</th><th scope="col">{t('leadership.mentor')}</th><th scope="col">{t('leadership.step')}</th>
                <th scope="col">{t('leadership.trainingsAttended')}</th><th scope="col">{t('leadership.status')}</th></tr></thead>
              <tbody>
                {open.members.map((m) => (
                  <tr key={m.id} className="border-t border-stone-100 align-top">
                    <td>{nameOf(m)}</td>
                    <td>{m.mentorName ?? '—'}{canWrite && (mentorFor === m.id
                      ? <ContactPicker spaceId={spaceId} label={t('leadership.chooseMentor', { name: nameOf(m) })} onPick={(c) => { setMentorFor(null); void change(() => api.put(`/cohort-members/${m.id}`, { status: m.status, mentorId: c.id })); }} />
                      : <> <button type="button" className="underline" onClick={() => setMentorFor(m.id)}>{t('leadership.setMentor')}</button></>)}</td>
                    <td>{stepLabel(m.ladderStep)}</td>
                    <td>{`${m.trainingsAttended} / ${open.trainings.length}`}</td>
                    <td>{canWrite ? (
                      <select aria-label={t('leadership.statusOf', { name: nameOf(m) })} className={`${inputClass} w-auto`} value={m.status}
                        onChange={(e) => void change(() => api.put(`/cohort-members/${m.id}`, { status: e.target.value, mentorId: m.mentorId }))}>
                        {(['active', 'completed', 'left'] as const).map((s) => <option key={s} value={s}>{t(`leadership.memberStatuses.${s}`)}</option>)}
                      </select>) : t(`leadership.memberStatuses.${m.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canWrite && (
            <div className="mt-2">
              <ContactPicker spaceId={spaceId} label={t('leadership.addMember')} onPick={(c) => void change(() => api.post(`/cohorts/${open.id}/members`, { contactId: c.id }))} />
            </div>
          )}
          <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => setOpen(null)}>{t('leadership.close')}</button>
        </article>
      )}
      {canWrite && (
        <form className="mt-3 flex flex-col gap-2" onSubmit={(e) => { e.preventDefault(); void create(); }}>
          <h3 className="font-medium">{t('leadership.newCohort')}</h3>
          <Field label={t('leadership.name')}>{(p) => <input {...p} required className={inputClass} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
          <div className="flex flex-wrap gap-2">
            <Field label={t('leadership.startsOn')}>{(p) => <input {...p} type="date" className={inputClass} value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.target.value })} />}</Field>
            <Field label={t('leadership.endsOn')}>{(p) => <input {...p} type="date" className={inputClass} value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.target.value })} />}</Field>
          </div>
          <fieldset className="text-sm"><legend className="font-medium">{t('leadership.trainings')}</legend>
            {trainings.length === 0 && <p className="text-stone-600">{t('leadership.noTrainings')}</p>}
            {trainings.map((x) => (
              <label key={x.id} className="flex items-center gap-2">
                <input type="checkbox" checked={form.trainingIds.includes(x.id)}
                  onChange={(e) => setForm({ ...form, trainingIds: e.target.checked ? [...form.trainingIds, x.id] : form.trainingIds.filter((y) => y !== x.id) })} />
                {`${formatDate(x.startsAt.slice(0, 10))} · ${x.title}`}
              </label>
            ))}
          </fieldset>
          <div><button type="submit" className={buttonClass} disabled={!form.name.trim()}>{t('leadership.createCohort')}</button></div>
        </form>
      )}
    </section>
  );
}
