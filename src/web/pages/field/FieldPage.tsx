import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, errorText, query } from '../../api.ts';
import { ErrorBanner, Tag } from '../../components/Field.tsx';
import { termLabel, useSession } from '../../session.tsx';
import type { DirectoryPageResult } from '../../types.ts';
import { type Overlaps, OverlapsSection } from './OverlapsSection.tsx';
import { UsMap } from './UsMap.tsx';
import { WholeFieldNetwork } from './WholeFieldNetwork.tsx';

type Counts = Record<string, number>;
interface Anatomy {
  id: string; name: string; members: number; profilesNotShared: number; byState: Counts; byIssue: Counts; byConstituency: Counts; bySector: Counts;
  byCapacity: Counts; byScale: Counts; byCounty: Counts; gaps: { capacities: string[]; states: string[]; priorityConstituencies: { key: string; members: number }[]; priorityStates: { key: string; members: number }[] };
}

/** Anatomy of one or several alliances side by side: map, issues, constituencies, capacities, scale, gaps and overlaps. */
export function FieldPage() {
  const { t, i18n } = useTranslation();
  const { vocab, states } = useSession();
  const [params, setParams] = useSearchParams();
  // The choices live here and are mirrored in the address (to share or bookmark a comparison).
  const [chosen, setChosen] = useState(() => (params.get('alliances') ?? '').split(',').filter(Boolean));
  const [priority, setPriority] = useState(() => (params.get('priority') ?? '').split(',').filter(Boolean));
  const [alliances, setAlliances] = useState<{ id: string; name: string }[]>([]);
  const [data, setData] = useState<{ anatomies: Anatomy[]; overlaps: Overlaps } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<DirectoryPageResult>(`/organizations${query({ kind: 'alliance', limit: 100 })}`).then((r) => setAlliances(r.items.map((o) => ({ id: o.id, name: o.name }))), () => undefined); }, []);
  useEffect(() => {
    const p = new URLSearchParams();
    if (chosen.length) p.set('alliances', chosen.join(','));
    if (priority.length) p.set('priority', priority.join(','));
    setParams(p, { replace: true });
    if (chosen.length === 0) { setData(null); return; }
    api.get<{ anatomies: Anatomy[]; overlaps: Overlaps }>(`/field/anatomy${query({ alliances: chosen.join(','), priority: priority.join(',') })}`).then(setData, (err: unknown) => setError(errorText(t, err)));
  }, [chosen.join(','), priority.join(',')]);
  const flip = (list: string[], value: string) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  const stateName = (fips: string) => states.find((s) => s.fips === fips)?.postal ?? fips;
  const label = (kind: 'issue' | 'constituency' | 'sector' | 'capacity', key: string) => termLabel(vocab, kind, key, i18n.language);

  return (
    <article className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('field.title')}</h1>
      <fieldset className="flex flex-wrap gap-3 rounded border border-stone-200 bg-white p-3"><legend className="px-1 font-semibold">{t('field.compare')}</legend>
        {alliances.map((a) => <label key={a.id} className="flex items-center gap-1 text-sm"><input type="checkbox" checked={chosen.includes(a.id)} onChange={() => setChosen((list) => flip(list, a.id))} />{a.name}</label>)}
      </fieldset>
      <fieldset className="flex flex-wrap gap-3 rounded border border-stone-200 bg-white p-3"><legend className="px-1 font-semibold">{t('field.priority')}</legend>
        {(vocab?.constituency ?? []).map((c) => <label key={c.key} className="flex items-center gap-1 text-sm"><input type="checkbox" checked={priority.includes(c.key)} onChange={() => setPriority((list) => flip(list, c.key))} />{label('constituency', c.key)}</label>)}
      </fieldset>
      <ErrorBanner message={error} />
      <WholeFieldNetwork />
      {data?.anatomies.map((a) => (
        <section key={a.id} aria-labelledby={`anatomy-${a.id}`} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
          <h2 id={`anatomy-${a.id}`} className="text-lg font-semibold"><Link className="underline" to={`/alliances/${a.id}`}>{a.name}</Link></h2>
          <p className="text-sm">{t('field.membersLine', { count: a.members, hidden: a.profilesNotShared })}</p>
          <UsMap counts={a.byState} countyCounts={a.byCounty} title={t('field.mapOf', { name: a.name })} />
          <div className="grid grid-cols-1 gap-3 text-sm md:grid-cols-2">
            {(['byIssue', 'byConstituency', 'bySector', 'byCapacity'] as const).map((k) => (
              <div key={k}><p className="font-medium">{t(`field.${k}`)}</p>
                <ul className="flex flex-wrap gap-1">{Object.entries(a[k]).sort((x, y) => y[1] - x[1]).map(([key, n]) => (
                  <li key={key}><Tag>{label(k === 'byIssue' ? 'issue' : k === 'byConstituency' ? 'constituency' : k === 'bySector' ? 'sector' : 'capacity', key)} · {n}</Tag></li>))}</ul></div>
            ))}
            <div><p className="font-medium">{t('field.byScale')}</p><ul className="flex flex-wrap gap-1">{Object.entries(a.byScale).map(([k, n]) => <li key={k}><Tag>{t(`enum.scale.${k}`)} · {n}</Tag></li>)}</ul></div>
          </div>
          <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            <p className="font-medium">{t('field.gaps')}</p>
            <p>{t('field.missingCapacities')}: {a.gaps.capacities.map((c) => label('capacity', c)).join(', ') || '—'}</p>
            <p>{t('field.statesWithout', { count: a.gaps.states.length })}: {a.gaps.states.map(stateName).join(' ')}</p>
            {a.gaps.priorityConstituencies.length > 0 && <p>{t('field.fewPriority')}: {a.gaps.priorityConstituencies.map((c) => `${label('constituency', c.key)} (${c.members})`).join(', ')}</p>}
            {a.gaps.priorityStates.length > 0 && <p>{t('field.fewPriorityStates')}: {a.gaps.priorityStates.map((s) => `${stateName(s.key)} (${s.members})`).join(', ')}</p>}
          </div>
        </section>
      ))}
      {data && data.anatomies.length > 1 && <OverlapsSection overlaps={data.overlaps} />}
    </article>
  );
}
