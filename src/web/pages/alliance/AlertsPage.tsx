import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RESOURCE_KEYS } from '../../../alerts/alert.schema.ts';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { allMembersOf } from '../../alliance-members.ts';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { formatDate } from '../../dates.ts';

type Progress = { key: string; need: number; committed: number; gap: number; met: boolean }[];
interface AlertList { alliance: { id: string; name: string }; role: string | null; alerts: { id: string; title: string; status: string; respondBy: string | null; progress: Progress }[] }
interface AlertView { id: string; allianceId: string; title: string; body: string; status: string; respondBy: string | null; role: string | null; progress: Progress;
  commitments: { organizationId: string; name: string; organizers: number; people: number; money: number; days: number; note: string | null }[] }

function ProgressBars({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <ul className="flex flex-col gap-1 text-sm">{progress.map((p) => (
      <li key={p.key} className="flex items-center gap-2">
        <span className="w-28">{t(`alerts.resources.${p.key}`)}</span>
        <progress className="h-3 w-40" max={Math.max(p.need, 1)} value={Math.min(p.committed, Math.max(p.need, 1))} />
        <span>{t('alerts.committedOf', { committed: p.committed, need: p.need })}{p.met ? ' ✓' : ''}</span>
      </li>
    ))}</ul>
  );
}

/** Rapid response: an alliance's calls to mobilize and what its members committed. */
export function AlertsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [list, setList] = useState<AlertList | null>(null);
  const [form, setForm] = useState({ title: '', body: '', respondBy: '', organizers: '', people: '', money: '', days: '' });
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<AlertList>(`/alliances/${id}/alerts`).then(setList, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post(`/alliances/${id}/alerts`, { title: form.title, body: form.body, respondBy: form.respondBy || null,
        need: Object.fromEntries(RESOURCE_KEYS.map((k) => [k, Number(form[k] || 0)])) });
      setForm({ title: '', body: '', respondBy: '', organizers: '', people: '', money: '', days: '' }); setError(null); await load();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}`}>{list.alliance.name}</Link></p>
      <h1 className="text-2xl font-bold">{t('alerts.title')}</h1>
      {list.alerts.length === 0 && <p className="text-stone-600">{t('alerts.none')}</p>}
      {list.alerts.map((a) => (
        <section key={a.id} aria-labelledby={`alert-${a.id}`} className="rounded border border-stone-200 bg-white p-3">
          <h2 id={`alert-${a.id}`} className="font-semibold"><Link className="underline" to={`/alerts/${a.id}`}>{a.title}</Link> <Tag>{t(`alerts.statuses.${a.status}`)}</Tag></h2>
          <ProgressBars progress={a.progress} />
        </section>
      ))}
      {roleAtLeast(list.role, 'admin') && (
        <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-alert">
          <h2 id="new-alert" className="font-semibold">{t('alerts.new')}</h2>
          <Field label={t('alerts.alertTitle')}>{(p) => <input {...p} className={inputClass} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
          <Field label={t('alerts.body')}>{(p) => <textarea {...p} rows={3} className={inputClass} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} />}</Field>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
            {RESOURCE_KEYS.map((k) => <Field key={k} label={t('alerts.needOf', { what: t(`alerts.resources.${k}`) })}>{(p) => <input {...p} type="number" min={0} className={inputClass} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />}</Field>)}
            <Field label={t('alerts.respondBy')}>{(p) => <input {...p} type="date" className={inputClass} value={form.respondBy} onChange={(e) => setForm({ ...form, respondBy: e.target.value })} />}</Field>
          </div>
          <ErrorBanner message={error} />
          <div><button type="submit" className={buttonClass}>{t('alerts.send')}</button></div>
        </form>
      )}
    </article>
  );
}

/** One alert: the call, commitments against the need, and the answer of the reader's organization. */
export function AlertPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [view, setView] = useState<AlertView | null>(null);
  const [members, setMembers] = useState<{ id: string; name: string }[]>([]);
  const [form, setForm] = useState({ organizationId: '', organizers: '', people: '', money: '', days: '', note: '' });
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<AlertView>(`/alerts/${id}`).then(setView, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  useEffect(() => { if (view) allMembersOf(view.allianceId).then((all) => setMembers(all.map((m) => ({ id: m.memberId, name: m.name }))), () => undefined); }, [view?.allianceId]);
  if (!view) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.put(`/alerts/${id}/commitments`, { organizationId: form.organizationId, note: form.note || null, ...Object.fromEntries(RESOURCE_KEYS.map((k) => [k, Number(form[k] || 0)])) });
      setError(null); await load();
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${view.allianceId}/alerts`}>{t('alerts.title')}</Link></p>
      <h1 className="text-2xl font-bold">{view.title} <Tag>{t(`alerts.statuses.${view.status}`)}</Tag></h1>
      <p className="whitespace-pre-wrap">{view.body}</p>
      {view.respondBy && <p className="text-sm">{t('alerts.respondByLine', { date: formatDate(view.respondBy) })}</p>}
      <ProgressBars progress={view.progress} />
      <div className="overflow-x-auto">
      <table className="text-sm">
        <thead><tr><th className="text-left">{t('convenings.organization')}</th>{RESOURCE_KEYS.map((k) => <th key={k} className="px-2 text-right">{t(`alerts.resources.${k}`)}</th>)}<th className="text-left">{t('alerts.note')}</th></tr></thead>
        <tbody>{view.commitments.map((c) => <tr key={c.organizationId} className="border-t border-stone-100"><td>{c.name}</td>{RESOURCE_KEYS.map((k) => <td key={k} className="px-2 text-right">{c[k]}</td>)}<td>{c.note}</td></tr>)}</tbody>
      </table>
      </div>
      {view.status === 'open' && (
        <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3" aria-labelledby="commit-title">
          <h2 id="commit-title" className="font-semibold">{t('alerts.commit')}</h2>
          <Field label={t('convenings.organization')}>{(p) => <select {...p} className={inputClass} value={form.organizationId} onChange={(e) => setForm({ ...form, organizationId: e.target.value })}>
            <option value="">—</option>{members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}</select>}</Field>
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">{RESOURCE_KEYS.map((k) => <Field key={k} label={t(`alerts.resources.${k}`)}>{(p) => <input {...p} type="number" min={0} className={inputClass} value={form[k]} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />}</Field>)}</div>
          <Field label={t('alerts.note')}>{(p) => <input {...p} className={inputClass} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />}</Field>
          <ErrorBanner message={error} />
          <div className="flex gap-2"><button type="submit" className={buttonClass}>{t('alerts.commitButton')}</button>
            {roleAtLeast(view.role, 'admin') && <button type="button" className={secondaryButtonClass} onClick={() => void api.post(`/alerts/${id}/close`).then(load)}>{t('alerts.close')}</button>}</div>
        </form>
      )}
    </article>
  );
}
