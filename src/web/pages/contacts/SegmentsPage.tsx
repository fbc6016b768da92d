import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import { useSession } from '../../session.tsx';

type Kind = 'tag' | 'language' | 'zip' | 'county' | 'state' | 'city' | 'flag' | 'source' | 'ladderStep' | 'attended' | 'cohort' | 'gave';
interface Row { kind: Kind; value: string; negate: boolean }
interface Segment { id: string; name: string; definition: unknown }
interface List { id: string; name: string; size: number }
interface Choice { value: string; label: string }
const KINDS: Kind[] = ['tag', 'language', 'zip', 'county', 'state', 'city', 'flag', 'source', 'ladderStep', 'attended', 'cohort', 'gave'];
const FLAG_KEYS = ['hasEmail', 'hasPhone', 'emailOptIn', 'smsOptIn', 'doNotContact'];

function leaf(r: Row) {
  const c = r.kind === 'flag' ? { type: 'flag', flag: r.value }
    : r.kind === 'ladderStep' ? { type: 'ladderStep', step: r.value }
      : r.kind === 'attended' ? (r.value === 'any' ? { type: 'attended' } : r.value.startsWith('kind:') ? { type: 'attended', kind: r.value.slice(5) } : { type: 'attended', conveningId: r.value })
        : r.kind === 'cohort' ? { type: 'cohort', cohortId: r.value }
          : r.kind === 'gave' ? (r.value === 'ever' ? { type: 'gave' } : { type: 'gave', from: new Date(Date.now() - Number(r.value) * 86_400_000).toISOString().slice(0, 10) })
          : { type: r.kind, [r.kind]: r.value.trim() };
  return r.negate ? { type: 'not', condition: c } : c;
}

/** Segments built from conditions joined by "all" or "any", counted as they change, saved, frozen into lists. */
export function SegmentsPage() {
  const { id: spaceId } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const space = me?.spaces.find((s) => s.id === spaceId);
  const canWrite = roleAtLeast(space?.role, 'member');
  const [rows, setRows] = useState<Row[]>([{ kind: 'tag', value: '', negate: false }]);
  const [join, setJoin] = useState<'and' | 'or'>('and');
  const [count, setCount] = useState<{ count: number; universe: number } | null>(null);
  const [name, setName] = useState('');
  const [segments, setSegments] = useState<Segment[]>([]);
  const [lists, setLists] = useState<List[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The values a condition is chosen from, where it is not typed: steps, convenings, cohorts.
  const [choices, setChoices] = useState<Partial<Record<Kind, Choice[]>>>({});
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  useEffect(() => {
    void Promise.all([
      api.get<{ steps: { key: string; label: { en: string; es: string } }[] }>(`/spaces/${spaceId}/ladder`).then((l) => l.steps.map((x) => ({ value: x.key, label: x.label[lang] })), () => []),
      api.get<{ items: { id: string; title: string; startsAt: string }[] }>(`/spaces/${spaceId}/attendable-convenings`).then((r) => r.items, () => []),
      api.get<{ items: { id: string; name: string }[] }>(`/spaces/${spaceId}/cohorts`).then((r) => r.items.map((x) => ({ value: x.id, label: x.name })), () => []),
    ]).then(([ladderStep, convenings, cohort]) => setChoices({
      ladderStep, cohort,
      gave: [{ value: 'ever', label: t('contacts.segment.gaveEver') }, { value: '365', label: t('contacts.segment.gaveYear') }],
      flag: FLAG_KEYS.map((f) => ({ value: f, label: t(`contacts.segment.flags.${f}`) })),
      attended: [{ value: 'any', label: t('contacts.segment.anyConvening') }, { value: 'kind:training', label: t('contacts.segment.anyTraining') },
        ...convenings.map((c) => ({ value: c.id, label: `${formatDate(c.startsAt.slice(0, 10))} · ${c.title}` }))],
    }));
  }, [spaceId, lang]);
  const filled = rows.filter((r) => r.value.trim());
  const definition = filled.length ? { type: join, conditions: filled.map(leaf) } : null;
  const load = () => Promise.all([
    api.get<{ items: Segment[] }>(`/spaces/${spaceId}/segments`).then((r) => setSegments(r.items)),
    api.get<{ items: List[] }>(`/spaces/${spaceId}/lists`).then((r) => setLists(r.items)),
  ]).catch((err: unknown) => setError(errorText(t, err)));
  useEffect(() => { void load(); }, [spaceId]);
  useEffect(() => {
    const h = setTimeout(() => void api.post<{ count: number; universe: number }>(`/spaces/${spaceId}/segments/count`, { definition })
      .then((c) => { setCount(c); setError(null); }, (err: unknown) => setError(errorText(t, err))), 300);
    return () => clearTimeout(h);
  }, [spaceId, JSON.stringify(definition)]);
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  async function save() {
    try { await api.post(`/spaces/${spaceId}/segments`, { name, definition }); setName(''); void load(); } catch (err) { setError(errorText(t, err)); }
  }
  async function freeze(s: Segment) {
    try { await api.post(`/segments/${s.id}/freeze`, { name: `${s.name} (${new Date().toLocaleDateString()})` }); void load(); } catch (err) { setError(errorText(t, err)); }
  }

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('contacts.segments')}</h1>
      <p className="text-sm"><Link className="underline" to={`/spaces/${spaceId}/contacts`}>{t('contacts.back')}</Link></p>
      <ErrorBanner message={error} />
      <section aria-labelledby="builder-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="builder-title" className="font-semibold">{t('contacts.segment.build')}</h2>
        <Field label={t('contacts.segment.join')}>{(p) => (
          <select {...p} className={inputClass} value={join} onChange={(e) => setJoin(e.target.value as 'and' | 'or')}>
            <option value="and">{t('contacts.segment.all')}</option><option value="or">{t('contacts.segment.any')}</option>
          </select>)}</Field>
        {rows.map((r, i) => (
          <div key={i} className="mt-2 flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-1 text-sm"><input type="checkbox" checked={r.negate} onChange={(e) => update(i, { negate: e.target.checked })} />{t('contacts.segment.not')}</label>
            <select aria-label={t('contacts.segment.condition')} className={`${inputClass} w-auto`} value={r.kind} onChange={(e) => update(i, { kind: e.target.value as Kind, value: '' })}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`contacts.segment.kinds.${k}`)}</option>)}
            </select>
            {choices[r.kind] || ['flag', 'ladderStep', 'attended', 'cohort', 'gave'].includes(r.kind) ? (
              <select aria-label={t('contacts.segment.value')} className={`${inputClass} w-auto max-w-full`} value={r.value} onChange={(e) => update(i, { value: e.target.value })}>
                <option value="" />
                {(choices[r.kind] ?? []).map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
              </select>
            ) : (
              <input aria-label={t('contacts.segment.value')} className={`${inputClass} w-40`} value={r.value} placeholder={t(`contacts.segment.hints.${r.kind}`)} onChange={(e) => update(i, { value: e.target.value })} />
            )}
            <button type="button" className={secondaryButtonClass} onClick={() => setRows(rows.filter((_, k) => k !== i))}>{t('contacts.segment.remove')}</button>
          </div>
        ))}
        <button type="button" className={`${secondaryButtonClass} mt-2`} onClick={() => setRows([...rows, { kind: 'tag', value: '', negate: false }])}>{t('contacts.segment.add')}</button>
        {count && <p role="status" className="mt-2 font-medium">{t('contacts.segment.count', { count: count.count, universe: count.universe })}</p>}
        {canWrite && definition && (
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <Field label={t('contacts.segment.name')}>{(p) => <input {...p} className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
            <button type="button" className={buttonClass} disabled={!name.trim()} onClick={() => void save()}>{t('contacts.segment.save')}</button>
          </div>
        )}
      </section>
      <section aria-labelledby="saved-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="saved-title" className="font-semibold">{t('contacts.segment.saved')}</h2>
        <ul className="text-sm">
          {segments.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 py-1">
              <span>{s.name}</span>
              {canWrite && <button type="button" className={secondaryButtonClass} onClick={() => void freeze(s)}>{t('contacts.segment.freeze')}</button>}
              {roleAtLeast(space?.role, 'admin') && <a className="underline" href={`/api/spaces/${spaceId}/contacts/export?segment=${s.id}`}>{t('contacts.export')}</a>}
            </li>
          ))}
        </ul>
        <h2 className="mt-2 font-semibold">{t('contacts.segment.lists')}</h2>
        <ul className="text-sm">{lists.map((l) => <li key={l.id}>{t('contacts.segment.listSize', { name: l.name, count: l.size })}</li>)}</ul>
      </section>
    </section>
  );
}
