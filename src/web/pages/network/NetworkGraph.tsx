import Graph from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';

// The field as a WebGL network (sigma + graphology): colour by community, size by a metric,
// filter by tie kind, click through to the organization. Positions are computed, not simulated:
// each community sits on its own circle around the centre, which stays instant at 10,000 nodes.
// The graph and its renderer are built once per network; the kind filter and "Size by" only
// redraw what they change (measured by bench/network-view: npm run bench:network-view).

export interface GraphNode { id: string; name: string; community: number; betweenness: number; degree: number; pagerank: number }
/** A tie; `trust` (1–4, from a relationship survey where both agreed) draws it thicker. */
export interface GraphTie { a: string; b: string; kind: string; trust?: number | null }

const PALETTE = ['#b45309', '#047857', '#1d4ed8', '#be123c', '#6d28d9', '#0e7490', '#a16207', '#4d7c0f', '#c2410c', '#334155'];
const SIZE_METRICS = ['betweenness', 'degree', 'pagerank'] as const;
type SizeMetric = (typeof SIZE_METRICS)[number];

// Above these, drawing is what makes the view slow (measured in bench/network-view): see sigmaSettings.
const LARGE_NODES = 2_000;
const LARGE_TIES = 10_000;

export function layoutByCommunity(nodes: GraphNode[]): Map<string, { x: number; y: number }> {
  const groups = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    const group = groups.get(n.community);
    if (group) group.push(n);
    else groups.set(n.community, [n]);
  }
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length);
  const positions = new Map<string, { x: number; y: number }>();
  // The largest community sits at the centre; the others on a ring wide enough that no two
  // communities' circles overlap (the ring's length holds every circle's diameter plus a gap).
  const radii = ordered.map((members) => Math.sqrt(members.length) * 0.8);
  const gap = 2;
  const around = radii.slice(1);
  const ring = Math.max(10, (radii[0] ?? 0) + Math.max(0, ...around) + gap, around.reduce((sum, r) => sum + 2 * r + gap, 0) / (2 * Math.PI));
  let travelled = 0;
  ordered.forEach((members, g) => {
    const radius = radii[g]!;
    let centre = { x: 0, y: 0 };
    if (g > 0) {
      // Each circle takes an arc of the ring in proportion to its size.
      const angle = ((travelled + radius + gap / 2) / ring);
      travelled += 2 * radius + gap;
      centre = { x: Math.cos(angle) * ring, y: Math.sin(angle) * ring };
    }
    members.forEach((n, i) => {
      const a = (2 * Math.PI * i) / members.length;
      positions.set(n.id, { x: centre.x + Math.cos(a) * radius, y: centre.y + Math.sin(a) * radius });
    });
  });
  return positions;
}

/** Each node's drawn size: 4 to 18 by its share of the largest value of the metric. */
function nodeSizes(nodes: GraphNode[], metric: SizeMetric): Map<string, number> {
  let max = 1e-9;
  for (const n of nodes) max = Math.max(max, n[metric]);
  return new Map(nodes.map((n) => [n.id, 4 + 14 * (n[metric] / max)]));
}

interface DrawnGraph {
  graph: Graph;
  /** Each kind's ties, so a filter change redraws only the ties of the kinds it touched. */
  tiesByKind: Map<string, string[]>;
}

interface Drawn extends DrawnGraph {
  renderer: Sigma | null;
  /** The kinds left out, read by the edge reducer on every redraw. */
  leftOut: Set<string>;
  hidden: string[];
  sizeBy: SizeMetric;
}

function buildGraph(nodes: GraphNode[], ties: GraphTie[], sizeBy: SizeMetric): DrawnGraph {
  const graph = new Graph({ multi: true, type: 'undirected' });
  const positions = layoutByCommunity(nodes);
  const sizes = nodeSizes(nodes, sizeBy);
  for (const n of nodes) {
    graph.addNode(n.id, { label: n.name, ...positions.get(n.id)!, size: sizes.get(n.id), color: PALETTE[n.community % PALETTE.length] });
  }
  // Every tie is in the graph; the kind filter hides some through sigma's edge reducer.
  const tiesByKind = new Map<string, string[]>();
  for (const tie of ties) {
    if (!graph.hasNode(tie.a) || !graph.hasNode(tie.b)) continue;
    const trusted = tie.trust !== undefined && tie.trust !== null && tie.kind !== 'conflict';
    const key = graph.addEdge(tie.a, tie.b, { size: trusted ? 1 + 1.5 * (tie.trust! - 1) : 1, kind: tie.kind,
      color: tie.kind === 'conflict' ? '#dc2626' : trusted ? '#b45309' : '#a8a29e' });
    const ofKind = tiesByKind.get(tie.kind);
    if (ofKind) ofKind.push(key);
    else tiesByKind.set(tie.kind, [key]);
  }
  return { graph, tiesByKind };
}

function sigmaSettings(nodeCount: number, tieCount: number, leftOut: ReadonlySet<string>): Partial<Settings> {
  const settings: Partial<Settings> = {
    renderLabels: labelsShown(nodeCount), labelRenderedSizeThreshold: 8,
    edgeReducer: (_, tie) => (leftOut.has(tie.kind) ? { ...tie, hidden: true } : tie),
  };
  if (nodeCount <= LARGE_NODES && tieCount <= LARGE_TIES) return settings;
  return {
    ...settings,
    // Drawing the ties is most of a frame at this size: they step aside while the camera moves.
    hideEdgesOnMove: true,
    // Sigma's default programs draw each node and tie as an instanced quad; one point per node
    // and one line per tie look the same at these sizes and cost a fraction to draw.
    nodeProgramClasses: { circle: NodePointProgram },
    edgeProgramClasses: { line: EdgeLineProgram },
  };
}

function labelsShown(nodeCount: number): boolean {
  return nodeCount <= 500;
}

function sameTies(a: GraphTie[], b: GraphTie[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.a !== b[i]!.a || a[i]!.b !== b[i]!.b || a[i]!.kind !== b[i]!.kind || a[i]!.trust !== b[i]!.trust) return false;
  }
  return true;
}

/** The pages pass a new array of the same ties on every render; only new ties should rebuild. */
function useSameTies(ties: GraphTie[]): GraphTie[] {
  const kept = useRef(ties);
  if (kept.current !== ties && !sameTies(kept.current, ties)) kept.current = ties;
  return kept.current;
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

export function NetworkGraph({ nodes, ties: givenTies, onRenderer }: NetworkGraphProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const ties = useSameTies(givenTies);
  const kinds = useMemo(() => [...new Set(ties.map((x) => x.kind))].sort(), [ties]);
  const [hidden, setHidden] = useState<string[]>([]);
  const [sizeBy, setSizeBy] = useState<SizeMetric>('betweenness');
  const shownCount = useMemo(() => ties.reduce((count, x) => (hidden.includes(x.kind) ? count : count + 1), 0), [ties, hidden]);
  // What is drawn now, so the effects below change only what differs from it.
  const drawn = useRef<Drawn | null>(null);
  const latest = useRef({ hidden, sizeBy, navigate, onRenderer });
  latest.current = { hidden, sizeBy, navigate, onRenderer };

  useEffect(() => {
    if (!container.current) return;
    const { hidden: hiddenNow, sizeBy: sizeNow } = latest.current;
    const built = buildGraph(nodes, ties, sizeNow);
    // The filter effect changes this set in place rather than rebuilding the renderer.
    const leftOut = new Set(hiddenNow);
    let renderer: Sigma | null = null;
    try {
      renderer = new Sigma(built.graph, container.current, sigmaSettings(nodes.length, ties.length, leftOut));
      renderer.on('clickNode', ({ node }) => void latest.current.navigate(`/organizations/${node}`));
      latest.current.onRenderer?.(renderer);
    } catch {
      // No WebGL here: the table beside the view still shows every organization and metric.
    }
    drawn.current = { ...built, renderer, leftOut, hidden: hiddenNow, sizeBy: sizeNow };
    return () => {
      drawn.current = null;
      renderer?.kill();
      if (renderer) latest.current.onRenderer?.(null);
    };
  }, [nodes, ties]);

  useEffect(() => {
    const current = drawn.current;
    if (!current || current.hidden === hidden) return;
    const next = new Set(hidden);
    const touched = [...new Set([...current.leftOut, ...next])].filter((kind) => current.leftOut.has(kind) !== next.has(kind));
    current.leftOut.clear();
    for (const kind of next) current.leftOut.add(kind);
    current.hidden = hidden;
    // Only the touched kinds' ties go through the reducer again; nothing is re-indexed.
    const edges = touched.flatMap((kind) => current.tiesByKind.get(kind) ?? []);
    current.renderer?.refresh({ partialGraph: { edges }, skipIndexation: true, schedule: true });
  }, [hidden]);

  useEffect(() => {
    const current = drawn.current;
    if (!current || current.sizeBy === sizeBy) return;
    const sizes = nodeSizes(nodes, sizeBy);
    // Sizes decide which labels get a place, so with labels sigma must re-index; without, it can skip that.
    current.graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, size: sizes.get(node) }),
      labelsShown(nodes.length) ? undefined : { attributes: ['size'] });
    current.sizeBy = sizeBy;
  }, [sizeBy, nodes]);

  return (
    <section aria-labelledby="graph-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="graph-title" className="font-semibold">{t('network.view')}</h2>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1">{t('network.sizeBy')}
          <select className="rounded border border-stone-300 px-1" value={sizeBy} onChange={(e) => setSizeBy(e.target.value as SizeMetric)}>
            {SIZE_METRICS.map((m) => <option key={m} value={m}>{t(`network.columns.${m}`)}</option>)}
          </select>
        </label>
        <fieldset className="flex flex-wrap gap-2"><legend className="sr-only">{t('network.filterKinds')}</legend>
          {kinds.map((k) => <label key={k} className="flex items-center gap-1"><input type="checkbox" checked={!hidden.includes(k)}
            onChange={(e) => setHidden(e.target.checked ? hidden.filter((x) => x !== k) : [...hidden, k])} />{t(`network.kinds.${k}`)}</label>)}
        </fieldset>
      </div>
      <p className="text-sm text-stone-600" role="status">{t('network.showing', { nodes: nodes.length, ties: shownCount })} {t('network.colourHelp')}</p>
      <div ref={container} data-testid="network-canvas" className="h-[28rem] w-full rounded border border-stone-100 bg-stone-50" />
    </section>
  );
}
