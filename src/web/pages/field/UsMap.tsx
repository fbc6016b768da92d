import { geoPath } from 'd3-geo';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-albers-10m.json';

// An offline map (us-atlas, already projected to Albers USA), shaded by how many members each
// state has, or — by county — with the counties where members are. The county shapes (800 KB)
// load only when asked for. Every shaded shape carries its count in its accessible name.

type CountyTopology = Topology<{ counties: GeometryCollection<{ name: string }>; states: GeometryCollection }>;
const topology = states as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
const stateShapes = feature(topology, topology.objects.states).features;
const path = geoPath();
const shade = (n: number, max: number) => (n === 0 ? '#e7e5e4' : `rgba(180, 83, 9, ${0.25 + 0.75 * (n / max)})`);

let countyShapes: Promise<{ id: string; name: string; d: string }[]> | null = null;
function loadCounties() {
  countyShapes ??= import('us-atlas/counties-albers-10m.json').then((m) => {
    const counties = (m.default ?? m) as unknown as CountyTopology;
    return feature(counties, counties.objects.counties).features.map((c) => ({ id: String(c.id), name: c.properties.name, d: path(c) ?? '' }));
  });
  return countyShapes;
}

export function UsMap({ counts, countyCounts, title }: { counts: Record<string, number>; countyCounts?: Record<string, number>; title: string }) {
  const { t } = useTranslation();
  const [byCounty, setByCounty] = useState(false);
  const [counties, setCounties] = useState<{ id: string; name: string; d: string }[] | null>(null);
  useEffect(() => { if (byCounty) void loadCounties().then(setCounties); }, [byCounty]);
  const paths = useMemo(() => stateShapes.map((s) => ({ id: String(s.id), name: s.properties.name, d: path(s) ?? '' })), []);
  const borders = useMemo(() => path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? '', []);
  const max = Math.max(1, ...Object.values(counts));
  const countyMax = Math.max(1, ...Object.values(countyCounts ?? {}));
  const stateName = new Map(paths.map((p) => [p.id, p.name]));
  return (
    <div className="flex flex-col gap-1">
      {countyCounts && (
        <div role="radiogroup" aria-label={t('field.mapBy')} className="flex gap-3 text-sm">
          <label className="flex items-center gap-1"><input type="radio" checked={!byCounty} onChange={() => setByCounty(false)} />{t('field.byStateMap')}</label>
          <label className="flex items-center gap-1"><input type="radio" checked={byCounty} onChange={() => setByCounty(true)} />{t('field.byCountyMap')}</label>
        </div>
      )}
      <svg viewBox="0 0 975 610" role="img" aria-label={title} className="h-auto w-full max-w-3xl">
        {paths.map((p) => {
          const n = byCounty ? 0 : counts[p.id] ?? 0;
          return (
            <path key={p.id} d={p.d} data-state={p.id} data-count={counts[p.id] ?? 0} stroke="#fff" strokeWidth={0.8} fill={shade(n, max)}>
              {!byCounty && <title>{t('field.stateCount', { name: p.name, count: n })}</title>}
            </path>
          );
        })}
        {byCounty && counties?.filter((c) => countyCounts?.[c.id]).map((c) => (
          <path key={c.id} d={c.d} data-county={c.id} data-count={countyCounts![c.id]} stroke="#78350f" strokeWidth={0.5} fill={shade(countyCounts![c.id]!, countyMax)}>
            <title>{t('field.countyCount', { name: c.name, state: stateName.get(c.id.slice(0, 2)) ?? '', count: countyCounts![c.id] })}</title>
          </path>
        ))}
        {byCounty && <path d={borders} fill="none" stroke="#a8a29e" strokeWidth={0.6} />}
      </svg>
      {byCounty && !counties && <p role="status" className="text-sm">{t('common.loading')}</p>}
    </div>
  );
}
