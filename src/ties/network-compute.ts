import { stringify } from 'csv-stringify/sync';
import { analyzeNetwork, type NetworkNode, type NetworkOptions, type ReportProgress } from './analyze-network.ts';
import type { DerivedTie } from './derived-ties.ts';
import { SAFE_CELLS } from '../imports/csv-formulas.ts';

// Pure: what the network endpoints and jobs return, computed from what was loaded.

export interface StatedTieRow {
  id: string; a: string; aName: string; b: string; bName: string; kind: string; strength: number;
  startedOn: string | null; endedOn: string | null; note: string | null; recordedBy: string | null;
}

export interface NetworkInput {
  /** The alliance whose field this is, or null for the whole field the reader can see. */
  alliance: { id: string; name: string } | null;
  nodes: NetworkNode[];
  stated: StatedTieRow[];
  derived: DerivedTie[];
}

/** Above this much work (nodes × ties, the cost of exact betweenness) an analysis runs as a job on its own thread. */
const INLINE_WORK = 5_000_000;

export function isLargeNetwork(input: NetworkInput): boolean {
  return input.nodes.length * Math.max(1, input.stated.length + input.derived.length) > INLINE_WORK;
}

export function computeNetwork(input: NetworkInput, options: NetworkOptions, report?: ReportProgress) {
  const stated = input.stated.map((t) => ({ id: t.id, a: t.a, b: t.b, kind: t.kind, strength: t.strength }));
  const analysis = analyzeNetwork(input.nodes, stated, input.derived, options, report);
  return { alliance: input.alliance, stated: input.stated, derived: options.derived ? input.derived : [], analysis };
}

export type ComputedNetwork = ReturnType<typeof computeNetwork>;

/** The network in Kumu's JSON shape (elements and connections), for mapping in Kumu. */
export function toKumu(network: ComputedNetwork) {
  const name = new Map(network.analysis.nodes.map((n) => [n.id, n.name]));
  return {
    elements: network.analysis.nodes.map((n) => ({ label: n.name, type: 'Organization', id: n.id, community: n.community, betweenness: n.betweenness, degree: n.degree })),
    connections: [
      ...network.stated.map((t) => ({ from: name.get(t.a) ?? t.aName, to: name.get(t.b) ?? t.bName, type: t.kind, strength: t.strength, direction: 'undirected' })),
      ...network.derived.map((t) => ({ from: name.get(t.a)!, to: name.get(t.b)!, type: t.kind, strength: t.sources.length, direction: 'undirected',
        description: t.sources.map((s) => s.name).join('; ') })),
    ],
  };
}

/** Stated ties as CSV, in the columns the ties import reads back. */
export function tiesCsv(stated: StatedTieRow[]): string {
  return stringify(stated.map((t) => ({ from: t.aName, to: t.bName, kind: t.kind, strength: t.strength, started_on: t.startedOn ?? '', ended_on: t.endedOn ?? '', note: t.note ?? '' })),
    { ...SAFE_CELLS, header: true, columns: ['from', 'to', 'kind', 'strength', 'started_on', 'ended_on', 'note'] });
}
