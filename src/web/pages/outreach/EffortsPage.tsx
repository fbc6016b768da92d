import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, Tag, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { useSession } from '../../session.tsx';
import { type QuestionDraft, ScriptEditor, toScript } from './ScriptEditor.tsx';

interface Effort { id: string; name: string; kind: string; status: string; taxStatus?: 'c3' | 'c4' | null }
interface EffortDetail extends Effort {
  assignments: { id: string; name: string; userId: string | null; userName: string | null; size: number; done: number }[];
  results: { result: string; n: number }[]; answers: { question: string; answer: string; n: number }[];
}
interface Option { id: string; name: string }
interface RoleRow { userId: string; displayName: string; role: string }
const KINDS = ['canvass', 'phone_bank', 'text_bank', 'relational'] as const;

/** An organization's field efforts: start one with its script and universe, cut turfs, assign volunteers, read results. */
export function EffortsPage() {
  const { id: spaceId = '' } = useParams();
  const { t } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const canWrite = roleAtLeast(space?.role, 'member');
  const [efforts, setEfforts] = useState<Effort[]>([]);
  const [segments, setSegments] = useState<Option[]>([]);
  const [targets, setTargets] = useState<Option[]>([]);
  const [people, setPeople] = useState<RoleRow[]>([]);
  const [open, setOpen] = useState<EffortDetail | null>(null);
  const [form, setForm] = useState({ name: '', kind: 'canvass', segmentId: '', targetId: '', taxStatus: '' });
  const [questions, setQuestions] = useState<QuestionDraft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(errorText(t, err));

  const load = () => api.get<{ items: Effort[] }>(`/spaces/${spaceId}/efforts`).then((r) => setEfforts(r.items), fail);
  useEffect(() => {
    void load();
    void api.get<{ items: Option[] }>(`/spaces/${spaceId}/segments`).then((r) => setSegments(r.items), () => undefined);
    // Targets of this organization and of the alliances its staff work in.
    const spaces = [spaceId, ...(me?.spaces.filter((s) => s.kind === 'alliance').map((s) => s.id) ?? [])];
    void Promise.all(spaces.map((s) => api.get<{ items: Option[] }>(`/spaces/${s}/targets`).then((r) => r.items, () => [])))
      .then((lists) => setTargets(lists.flat()));
    if (roleAtLeast(space?.role, 'admin')) void api.get<RoleRow[]>(`/spaces/${spaceId}/roles`).then(setPeople, () => undefined);
  }, [spaceId, me]);

  const show = (id: string) => api.get<EffortDetail>(`/efforts/${id}`).then(setOpen, fail);
  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const made = await api.post<EffortDetail>(`/spaces/${spaceId}/efforts`, {
        name: form.name, kind: form.kind, script: toScript(questions), segmentId: form.segmentId || null, targetId: form.targetId || null, taxStatus: form.taxStatus || null,
      });
      setForm({ name: '', kind: 'canvass', segmentId: '', targetId: '', taxStatus: '' });
      setQuestions([]);
      await load();
      setOpen(made);
    } catch (err) { fail(err); }
  }
  async function cut(by: 'zip' | 'size') {
    if (!open) return;
    try { await api.post(`/efforts/${open.id}/turfs`, { by, size: 50 }); await show(open.id); } catch (err) { fail(err); }
  }
  async function assign(assignmentId: string, userId: string) {
    try { await api.put(`/assignments/${assignmentId}/assignee`, { userId: userId || null }); if (open) await show(open.id); } catch (err) { fail(err); }
  }

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('efforts.title', { space: space?.name ?? '' })}</h1>
      <p className="text-sm"><Link className="underline" to={`/spaces/${spaceId}/contacts`}>{t('contacts.back')}</Link> · <Link className="underline" to={`/spaces/${spaceId}/ladder`}>{t('ladder.title')}</Link></p>
      <ErrorBanner message={error} />
      <ul className="flex flex-col gap-2">
        {efforts.map((e) => (
          <li key={e.id} className="rounded border border-stone-200 bg-white p-3">
            <button type="button" className="font-medium underline" onClick={() => void show(e.id)}>{e.name}</button> <Tag>{t(`outreach.kinds.${e.kind}`)}</Tag>{e.taxStatus && <> <Tag>{t(`firewall.legal.${e.taxStatus}`)}</Tag></>}
            {open?.id === e.id && (
              <div className="mt-2 flex flex-col gap-2 text-sm">
                <h2 className="font-semibold">{t('efforts.turfs')}</h2>
                {open.assignments.length === 0 && <p>{t('efforts.noTurfs')}</p>}
                <ul className="flex flex-col gap-1">
                  {open.assignments.map((a) => (
                    <li key={a.id} className="flex flex-wrap items-center gap-2">
                      <Link className="underline" to={`/outreach/assignments/${a.id}`}>{t('outreach.turfName', { name: a.name })}</Link>
                      <span>{t('efforts.progress', { done: a.done, size: a.size })}</span>
                      {people.length > 0 ? (
                        <select aria-label={t('efforts.assignee', { turf: t('outreach.turfName', { name: a.name }) })} className={`${inputClass} w-auto`} value={a.userId ?? ''} onChange={(ev) => void assign(a.id, ev.target.value)}>
                          <option value="">{t('efforts.unassigned')}</option>
                          {people.map((p) => <option key={p.userId} value={p.userId}>{p.displayName}</option>)}
                        </select>
                      ) : <span>{a.userName ?? t('efforts.unassigned')}</span>}
                    </li>
                  ))}
                </ul>
                {canWrite && (
                  <div className="flex flex-wrap gap-2">
                    <button type="button" className={secondaryButtonClass} onClick={() => void cut('zip')}>{t('efforts.cutByZip')}</button>
                    <button type="button" className={secondaryButtonClass} onClick={() => void cut('size')}>{t('efforts.cutBySize')}</button>
                  </div>
                )}
                <h2 className="font-semibold">{t('efforts.results')}</h2>
                <ul>{open.results.map((r) => <li key={r.result}>{t(`outreach.results.${r.result}`)}: {r.n}</li>)}</ul>
                {open.answers.length > 0 && <ul>{open.answers.map((a) => <li key={`${a.question}-${a.answer}`}>{a.question} = {a.answer}: {a.n}</li>)}</ul>}
              </div>
            )}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form onSubmit={(e) => void create(e)} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
          <h2 className="font-semibold">{t('efforts.new')}</h2>
          <Field label={t('efforts.name')}>{(p) => <input {...p} className={inputClass} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
          <Field label={t('efforts.kind')}>{(p) => (
            <select {...p} className={inputClass} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`outreach.kinds.${k}`)}</option>)}
            </select>)}</Field>
          <Field label={t('efforts.universe')}>{(p) => (
            <select {...p} className={inputClass} value={form.segmentId} onChange={(e) => setForm({ ...form, segmentId: e.target.value })}>
              <option value="">{t('efforts.everyone')}</option>
              {segments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>)}</Field>
          <Field label={t('efforts.target')}>{(p) => (
            <select {...p} className={inputClass} value={form.targetId} onChange={(e) => setForm({ ...form, targetId: e.target.value })}>
              <option value="">{t('efforts.noTarget')}</option>
              {targets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>)}</Field>
          <Field label={t('efforts.taxStatus')} hint={t('efforts.taxStatusHint')}>{(p) => (
            <select {...p} className={inputClass} value={form.taxStatus} onChange={(e) => setForm({ ...form, taxStatus: e.target.value })}>
              <option value="">{t('efforts.taxStatusNone')}</option>
              <option value="c3">{t('firewall.legal.c3')}</option>
              <option value="c4">{t('firewall.legal.c4')}</option>
            </select>)}</Field>
          <ScriptEditor questions={questions} onChange={setQuestions} />
          <div><button type="submit" className={buttonClass}>{t('efforts.create')}</button></div>
        </form>
      )}
    </section>
  );
}
