// Modularity: how much more tied-together the groups of a partition are than chance would make
// them, given each organization's number of ties. Same definition as NetworkX's
// `community.modularity`: Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], L_c the weight of ties inside c,
// d_c the total degree (strength) of c's nodes, γ the resolution.
import type { CsrGraph } from './csr-graph.ts';

export interface ModularityOptions {
  /** Default 'strength'; null counts every tie as 1. */
  weight?: 'strength' | null;
  /** Default 1; larger values favour smaller communities. */
  resolution?: number;
}

/** `communityOf[u]` is the community index (≥ 0) of node u; every node must have one. */
export function modularity(graph: CsrGraph, communityOf: ArrayLike<number>, options: ModularityOptions = {}): number {
  const useWeights = (options.weight === undefined ? 'strength' : options.weight) === 'strength';
  const resolution = options.resolution ?? 1;
  const { nodeCount, offsets, targets, weights } = graph;
  if (communityOf.length !== nodeCount) throw new RangeError('communityOf must have one entry per node');
  let communityCount = 0;
  for (let u = 0; u < nodeCount; u++) {
    const community = communityOf[u]!;
    if (!(Number.isInteger(community) && community >= 0)) throw new RangeError(`communityOf[${u}] is not a community index`);
    communityCount = Math.max(communityCount, community + 1);
  }
  const internal = new Float64Array(communityCount);
  const totalDegree = new Float64Array(communityCount);
  let degreeSum = 0;
  for (let u = 0; u < nodeCount; u++) {
    const community = communityOf[u]!;
    const end = offsets[u + 1]!;
    for (let e = offsets[u]!; e < end; e++) {
      const w = useWeights ? weights[e]! : 1;
      totalDegree[community]! += w;
      degreeSum += w;
      if (communityOf[targets[e]!] === community) internal[community]! += w;
    }
  }
  if (degreeSum === 0) return 0;
  // internal[c] counts each tie from both ends, so it is 2 L_c; m = degreeSum / 2.
  let quality = 0;
  for (let c = 0; c < communityCount; c++) {
    const share = totalDegree[c]! / degreeSum;
    quality += internal[c]! / degreeSum - resolution * share * share;
  }
  return quality;
}
