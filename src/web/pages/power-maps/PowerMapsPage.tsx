import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { STAKEHOLDER_KINDS, STANCES } from '../../../power-maps/power-map.schema.ts';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass } from '../../components/Field.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { formatDate } from '../../dates.ts';

interface Stakeholder { id: string; name: string; kind: string; influence: number; stance: string; note: string | null;
  moves: { fromStance: string | null; toStance: string; fromInfluence: number | null; toInfluence: number; note: string | null; movedAt: string; movedBy: string | null }[] }
interface MapView { id: string; organizationId: string; title: string; role: string | null; stakeholders: Stakeholder[] }
const BANDS = [[7, 10], [4, 6], [0, 3]] as const;

/** An alliance's power maps. */
export function PowerMapsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<{ role: string | null; maps: { id: string; title: string }[] } | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<{ role: string | null; maps: { id: string; title: string }[] }>(`/organizations/${id}/power-maps`).then(setList, (err: unknown) => setError(errorText(t, err))); }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  async function submit(event: FormEvent) {
    event.preventDefault();
    try { void navigate(`/power-maps/${(await api.post<{ id: string }>(`/organizations/${id}/power-maps`, { title })).id}`); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}`}>{t('powerMap.back')}</Link></p>
      <h1 className="text-2xl font-bold">{t('powerMap.titlePlural')}</h1>
      <ul className="flex flex-col gap-1">{list.maps.map((m) => <li key={m.id}><Link className="underline" to={`/power-maps/${m.id}`}>{m.title}</Link></li>)}</ul>
      {list.role && list.role !== 'viewer' && (
        <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-map">
          <h2 id="new-map" className="font-semibold">{t('powerMap.new')}</h2>
          <Field label={t('powerMap.mapTitle')}>{(p) => <input {...p} className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />}</Field>
          <ErrorBanner message={error} />
          <div><button type="submit" className={buttonClass}>{t('powerMap.create')}</button></div>
        </form>
      )}
    </article>
  );
}

/** A power map as a grid: influence bands by the spectrum of allies; each stakeholder's moves kept. */
export function PowerMapPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [view, setView] = useState<MapView | null>(null);
  const [form, setForm] = useState({ name: '', kind: 'decision_maker', influence: 5, stance: 'neutral' });
  const [error, setError] = useState<string | null>(null);
  const load = () => api.get<MapView>(`/power-maps/${id}`).then(setView, (err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [id]);
  if (!view) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(view.role, 'member');
  const move = (s: Stakeholder, patch: { stance?: string; influence?: number }) => api.patch(`/stakeholders/${s.id}`, patch).then(load, (err: unknown) => setError(errorText(t, err)));
  async function add(event: FormEvent) {
    event.preventDefault();
    try { await api.post(`/power-maps/${id}/stakeholders`, form); setForm({ ...form, name: '' }); setError(null); await load(); } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/organizations/${view.organizationId}/power-maps`}>{t('powerMap.titlePlural')}</Link></p>
      <h1 className="text-2xl font-bold">{view.title}</h1>
      <div className="overflow-x-auto">
        <table className="w-full table-fixed border-collapse text-sm" aria-label={t('powerMap.grid')}>
          <thead><tr><th className="w-28" />{STANCES.map((s) => <th key={s} className="border border-stone-200 p-1">{t(`plans.stances.${s}`)}</th>)}</tr></thead>
          <tbody>{BANDS.map(([lo, hi]) => (
            <tr key={lo}><th className="border border-stone-200 p-1 text-left">{t('powerMap.influenceBand', { lo, hi })}</th>
              {STANCES.map((stance) => (
                <td key={stance} className="h-20 border border-stone-200 p-1 align-top">
                  {view.stakeholders.filter((s) => s.stance === stance && s.influence >= lo && s.influence <= hi).map((s) => (
                    <div key={s.id} className="mb-1 rounded bg-amber-100 px-1">
                      <span className="font-medium">{s.name}</span> <span className="text-stone-600">({s.influence})</span>
                      {canEdit && (
                        <label className="block"><span className="sr-only">{t('powerMap.moveOf', { name: s.name })}</span>
                          <select className="w-full text-xs" value={s.stance} onChange={(e) => void move(s, { stance: e.target.value })}>
                            {STANCES.map((x) => <option key={x} value={x}>{t(`plans.stances.${x}`)}</option>)}</select></label>
                      )}
                    </div>
                  ))}
                </td>
              ))}</tr>
          ))}</tbody>
        </table>
      </div>
      <section aria-labelledby="moves-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="moves-title" className="font-semibold">{t('powerMap.moves')}</h2>
        <ul className="text-sm">{view.stakeholders.flatMap((s) => s.moves.filter((m) => m.fromStance).map((m, i) => (
          <li key={`${s.id}-${i}`}>{formatDate(m.movedAt)} · {s.name}: {t(`plans.stances.${m.fromStance}`)} → {t(`plans.stances.${m.toStance}`)}{m.note ? ` — ${m.note}` : ''}{m.movedBy ? ` · ${m.movedBy}` : ''}</li>
        )))}</ul>
      </section>
      {canEdit && (
        <form onSubmit={add} className="grid grid-cols-1 gap-2 rounded border border-stone-200 bg-white p-3 sm:grid-cols-5" aria-label={t('powerMap.addStakeholder')}>
          <Field label={t('powerMap.name')}>{(p) => <input {...p} className={inputClass} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
          <Field label={t('powerMap.kind')}>{(p) => <select {...p} className={inputClass} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>{STAKEHOLDER_KINDS.map((k) => <option key={k} value={k}>{t(`powerMap.kinds.${k}`)}</option>)}</select>}</Field>
          <Field label={t('plans.influence')}>{(p) => <input {...p} type="number" min={0} max={10} className={inputClass} value={form.influence} onChange={(e) => setForm({ ...form, influence: Number(e.target.value) })} />}</Field>
          <Field label={t('plans.stance')}>{(p) => <select {...p} className={inputClass} value={form.stance} onChange={(e) => setForm({ ...form, stance: e.target.value })}>{STANCES.map((x) => <option key={x} value={x}>{t(`plans.stances.${x}`)}</option>)}</select>}</Field>
          <div className="self-end"><button type="submit" className={buttonClass}>{t('powerMap.addStakeholder')}</button></div>
          <div className="sm:col-span-5"><ErrorBanner message={error} /></div>
        </form>
      )}
    </article>
  );
}
