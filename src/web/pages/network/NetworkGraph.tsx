import Graph from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Sigma from 'sigma';

// The field as a WebGL network (sigma + graphology): colour by community, size by a metric,
// filter by tie kind, click through to the organization. Positions are computed, not simulated:
// each community sits on its own circle around the centre, which stays instant at 10,000 nodes.

export interface GraphNode { id: string; name: string; community: number; betweenness: number; degree: number; pagerank: number }
export interface GraphTie { a: string; b: string; kind: string }

const PALETTE = ['#b45309', '#047857', '#1d4ed8', '#be123c', '#6d28d9', '#0e7490', '#a16207', '#4d7c0f', '#c2410c', '#334155'];
const SIZE_METRICS = ['betweenness', 'degree', 'pagerank'] as const;

export function layoutByCommunity(nodes: GraphNode[]): Map<string, { x: number; y: number }> {
  const groups = new Map<number, GraphNode[]>();
  for (const n of nodes) groups.set(n.community, [...(groups.get(n.community) ?? []), n]);
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const positions = new Map<string, { x: number; y: number }>();
  ordered.forEach((members, g) => {
    const angle = (2 * Math.PI * g) / Math.max(ordered.length, 1);
    const centre = g === 0 && ordered.length > 1 ? { x: 0, y: 0 } : { x: Math.cos(angle) * 10, y: Math.sin(angle) * 10 };
    const radius = Math.sqrt(members.length) * 0.8;
    members.forEach((n, i) => {
      const a = (2 * Math.PI * i) / members.length;
      positions.set(n.id, { x: centre.x + Math.cos(a) * radius, y: centre.y + Math.sin(a) * radius });
    });
  });
  return positions;
}

export interface NetworkGraphProps {
  nodes: GraphNode[];
  ties: GraphTie[];
  /**
   * Hands over the sigma renderer once drawn (null once gone), so the frame-time bench
   * (bench/network-view) can drive the camera. The app never passes it; it changes nothing drawn.
   */
  onRenderer?: (renderer: Sigma | null) => void;
}

export function NetworkGraph({ nodes, ties, onRenderer }: NetworkGraphProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const kinds = useMemo(() => [...new Set(ties.map((x) => x.kind))].sort(), [ties]);
  const [hidden, setHidden] = useState<string[]>([]);
  const [sizeBy, setSizeBy] = useState<(typeof SIZE_METRICS)[number]>('betweenness');
  const shown = ties.filter((x) => !hidden.includes(x.kind));

  useEffect(() => {
    if (!container.current) return;
    const graph = new Graph({ multi: true, type: 'undirected' });
    const positions = layoutByCommunity(nodes);
    const max = Math.max(...nodes.map((n) => n[sizeBy]), 1e-9);
    for (const n of nodes) {
      graph.addNode(n.id, { label: n.name, ...positions.get(n.id)!, size: 4 + 14 * (n[sizeBy] / max), color: PALETTE[n.community % PALETTE.length] });
    }
    for (const tie of shown) if (graph.hasNode(tie.a) && graph.hasNode(tie.b)) graph.addEdge(tie.a, tie.b, { size: 1, color: tie.kind === 'conflict' ? '#dc2626' : '#a8a29e' });
    let renderer: Sigma | null = null;
    try {
      renderer = new Sigma(graph, container.current, { renderLabels: nodes.length <= 500, labelRenderedSizeThreshold: 8 });
      renderer.on('clickNode', ({ node }) => void navigate(`/organizations/${node}`));
      onRenderer?.(renderer);
    } catch {
      // No WebGL here: the table beside the view still shows every organization and metric.
    }
    return () => {
      renderer?.kill();
      if (renderer) onRenderer?.(null);
    };
  }, [nodes, shown.length, hidden.join(','), sizeBy]);

  return (
    <section aria-labelledby="graph-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="graph-title" className="font-semibold">{t('network.view')}</h2>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1">{t('network.sizeBy')}
          <select className="rounded border border-stone-300 px-1" value={sizeBy} onChange={(e) => setSizeBy(e.target.value as typeof sizeBy)}>
            {SIZE_METRICS.map((m) => <option key={m} value={m}>{t(`network.columns.${m}`)}</option>)}
          </select>
        </label>
        <fieldset className="flex flex-wrap gap-2"><legend className="sr-only">{t('network.filterKinds')}</legend>
          {kinds.map((k) => <label key={k} className="flex items-center gap-1"><input type="checkbox" checked={!hidden.includes(k)}
            onChange={(e) => setHidden(e.target.checked ? hidden.filter((x) => x !== k) : [...hidden, k])} />{t(`network.kinds.${k}`)}</label>)}
        </fieldset>
      </div>
      <p className="text-sm text-stone-600" role="status">{t('network.showing', { nodes: nodes.length, ties: shown.length })} {t('network.colourHelp')}</p>
      <div ref={container} data-testid="network-canvas" className="h-[28rem] w-full rounded border border-stone-100 bg-stone-50" />
    </section>
  );
}
