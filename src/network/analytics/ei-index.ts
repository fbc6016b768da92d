// Krackhardt–Stern E-I index: (external − internal) / (external + internal) over ties, where a
// tie is internal when both organizations share the attribute value (same constituency, same
// issue) and external when it crosses the line. −1: every tie stays inside (silos); +1: every
// tie crosses (a bridging field). Computed overall and for each group.
//
// Organizations hold several issues and constituencies, so the general form takes a list of
// values per node: a tie is internal overall when the two share at least one value, and for a
// group g a tie between two members of g is internal to g, a tie from a member to a non-member
// external. Ties touching a node with no recorded value are left out: we cannot tell whether
// they cross.
import type { CsrGraph } from './csr-graph.ts';

export interface EiIndexOptions {
  /** Default null: count ties. 'strength' sums tie strengths instead. */
  weight?: 'strength' | null;
}

export interface EiCounts {
  external: number;
  internal: number;
  /** (external − internal) / (external + internal); null when there is no tie to count. */
  index: number | null;
}

export interface EiIndexResult {
  overall: EiCounts;
  /** Indexed by group (attribute value) number, 0..max. */
  groups: EiCounts[];
}

/** One value per node: `groupOf[u]` ≥ 0, or −1 when unknown. */
export function eiIndex(graph: CsrGraph, groupOf: ArrayLike<number>, options: EiIndexOptions = {}): EiIndexResult {
  const n = graph.nodeCount;
  if (groupOf.length !== n) throw new RangeError('groupOf must have one entry per node');
  const valueOffsets = new Int32Array(n + 1);
  const values = new Int32Array(n);
  let count = 0;
  for (let u = 0; u < n; u++) {
    const group = groupOf[u]!;
    if (group >= 0) values[count++] = group;
    valueOffsets[u + 1] = count;
  }
  return eiIndexFromValueLists(graph, valueOffsets, values.subarray(0, count), options);
}

/** Several values per node (issues, constituencies); an empty list means unknown. */
export function eiIndexMultiValued(
  graph: CsrGraph,
  valuesOf: ReadonlyArray<ReadonlyArray<number>>,
  options: EiIndexOptions = {},
): EiIndexResult {
  const n = graph.nodeCount;
  if (valuesOf.length !== n) throw new RangeError('valuesOf must have one entry per node');
  const valueOffsets = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) valueOffsets[u + 1] = valueOffsets[u]! + new Set(valuesOf[u]).size;
  const values = new Int32Array(valueOffsets[n]!);
  for (let u = 0; u < n; u++) values.set([...new Set(valuesOf[u])], valueOffsets[u]!);
  return eiIndexFromValueLists(graph, valueOffsets, values, options);
}

function eiIndexFromValueLists(
  graph: CsrGraph,
  valueOffsets: Int32Array,
  values: Int32Array,
  options: EiIndexOptions,
): EiIndexResult {
  const { nodeCount, offsets, targets, weights } = graph;
  const useWeights = options.weight === 'strength';
  let groupCount = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!(Number.isInteger(value) && value >= 0)) throw new RangeError('group values must be non-negative integers');
    groupCount = Math.max(groupCount, value + 1);
  }
  const external = new Float64Array(groupCount);
  const internal = new Float64Array(groupCount);
  // Stamps instead of per-tie sets: heldByU[g] === u when u holds g; heldByV[g] === e when the
  // tie e's other end holds g.
  const heldByU = new Int32Array(groupCount).fill(-1);
  const heldByV = new Int32Array(groupCount).fill(-1);
  let overallExternal = 0;
  let overallInternal = 0;
  for (let u = 0; u < nodeCount; u++) {
    const uStart = valueOffsets[u]!;
    const uEnd = valueOffsets[u + 1]!;
    if (uStart === uEnd) continue;
    for (let i = uStart; i < uEnd; i++) heldByU[values[i]!] = u;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const v = targets[e]!;
      if (v < u) continue; // each tie once
      const vStart = valueOffsets[v]!;
      const vEnd = valueOffsets[v + 1]!;
      if (vStart === vEnd) continue;
      const w = useWeights ? weights[e]! : 1;
      let shared = false;
      for (let i = vStart; i < vEnd; i++) {
        const group = values[i]!;
        heldByV[group] = e;
        if (heldByU[group] === u) {
          internal[group]! += w;
          shared = true;
        } else {
          external[group]! += w;
        }
      }
      for (let i = uStart; i < uEnd; i++) {
        const group = values[i]!;
        if (heldByV[group] !== e) external[group]! += w;
      }
      if (shared) overallInternal += w;
      else overallExternal += w;
    }
  }
  return {
    overall: counts(overallExternal, overallInternal),
    groups: Array.from({ length: groupCount }, (_, group) => counts(external[group]!, internal[group]!)),
  };
}

function counts(external: number, internal: number): EiCounts {
  const total = external + internal;
  return { external, internal, index: total > 0 ? (external - internal) / total : null };
}
