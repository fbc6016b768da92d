import { geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import states from 'us-atlas/states-albers-10m.json';

// An offline map of the states (us-atlas, already projected to Albers USA), shaded by how many
// members each state has. Every state carries its count in its accessible name.

const topology = states as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
const shapes = feature(topology, topology.objects.states).features;
const path = geoPath();

export function UsMap({ counts, title }: { counts: Record<string, number>; title: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...Object.values(counts));
  const paths = useMemo(() => shapes.map((s) => ({ id: String(s.id), name: s.properties.name, d: path(s) ?? '' })), []);
  return (
    <svg viewBox="0 0 975 610" role="img" aria-label={title} className="h-auto w-full max-w-3xl">
      {paths.map((p) => {
        const n = counts[p.id] ?? 0;
        return (
          <path key={p.id} d={p.d} data-state={p.id} data-count={n} stroke="#fff" strokeWidth={0.8}
            fill={n === 0 ? '#e7e5e4' : `rgba(180, 83, 9, ${0.25 + 0.75 * (n / max)})`}>
            <title>{t('field.stateCount', { name: p.name, count: n })}</title>
          </path>
        );
      })}
    </svg>
  );
}
