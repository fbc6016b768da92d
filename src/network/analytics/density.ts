// Density: the share of possible ties that exist. Over the whole field it says how knit the
// alliance is; within a group (an issue, a constituency) a high density next to few ties out is
// the signature of a silo.
import type { CsrGraph } from './csr-graph.ts';

/** 2m / (n (n − 1)), as NetworkX's `density`; 0 for fewer than two nodes. */
export function density(graph: CsrGraph): number {
  const n = graph.nodeCount;
  return n > 1 ? (2 * graph.edgeCount) / (n * (n - 1)) : 0;
}

export interface GroupDensity {
  group: number;
  members: number;
  internalTies: number;
  /** internalTies / (members (members − 1) / 2); null below two members. */
  density: number | null;
}

/**
 * Density inside each group. `groupOf[u]` is the group index of node u, or −1 for none.
 * Groups are numbered 0..max; every number up to the largest appears in the result.
 */
export function groupDensities(graph: CsrGraph, groupOf: ArrayLike<number>): GroupDensity[] {
  const { nodeCount, offsets, targets } = graph;
  if (groupOf.length !== nodeCount) throw new RangeError('groupOf must have one entry per node');
  let groupCount = 0;
  for (let u = 0; u < nodeCount; u++) groupCount = Math.max(groupCount, groupOf[u]! + 1);
  const members = new Float64Array(groupCount);
  const internalHalfEdges = new Float64Array(groupCount);
  for (let u = 0; u < nodeCount; u++) {
    const group = groupOf[u]!;
    if (group < 0) continue;
    members[group]!++;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) if (groupOf[targets[e]!] === group) internalHalfEdges[group]!++;
  }
  return Array.from({ length: groupCount }, (_, group) => {
    const size = members[group]!;
    const internalTies = internalHalfEdges[group]! / 2;
    return { group, members: size, internalTies, density: size > 1 ? internalTies / ((size * (size - 1)) / 2) : null };
  });
}
