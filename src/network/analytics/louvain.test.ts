import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryGraph } from './graph-arbitraries.ts';
import { graphFromEdges, plantedPartitionGraph } from './graph-generators.ts';
import { louvain } from './louvain.ts';
import { modularity } from './modularity.ts';

/** True when both label the nodes into the same groups, whatever the numbering. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let u = 0; u < a.length; u++) {
    if ((forward.get(a[u]!) ?? b[u]) !== b[u] || (backward.get(b[u]!) ?? a[u]) !== a[u]) return false;
    forward.set(a[u]!, b[u]!);
    backward.set(b[u]!, a[u]!);
  }
  return true;
}

describe('louvain', () => {
  it('finds the planted communities, and its modularity is that of modularity.ts', () => {
    for (const seed of [1, 2, 3]) {
      const { graph, groupOf } = plantedPartitionGraph(8, 30, 0.3, 0.01, seed);
      const result = louvain(graph, { seed });
      expect(result.communityCount).toBe(8);
      expect(samePartition(result.communityOf, groupOf)).toBe(true);
      expect(result.modularity).toBeCloseTo(modularity(graph, result.communityOf), 12);
      expect(result.modularity).toBeCloseTo(modularity(graph, groupOf), 12);
    }
  });

  it('plain Louvain (one run, no refinement) finds them too', () => {
    const { graph, groupOf } = plantedPartitionGraph(6, 40, 0.25, 0.005, 7);
    const plain = louvain(graph, { restarts: 1, refine: false, seed: 5 });
    expect(samePartition(plain.communityOf, groupOf)).toBe(true);
  });

  it('is reproducible with a seed and numbers communities by first node', () => {
    const { graph } = plantedPartitionGraph(10, 20, 0.2, 0.03, 11);
    const first = louvain(graph, { seed: 9 });
    expect(louvain(graph, { seed: 9 })).toEqual(first);
    const firstSeen: number[] = [];
    for (const community of first.communityOf) if (!firstSeen.includes(community)) firstSeen.push(community);
    expect(firstSeen).toEqual([...Array(first.communityCount).keys()]);
  });

  it('follows tie strength: strong pairs group together', () => {
    // A ring of 8 where ties alternate strong (10) and weak (1): communities are the strong pairs.
    const ring = graphFromEdges(8, Array.from({ length: 8 }, (_, i) => [i, (i + 1) % 8, i % 2 === 0 ? 10 : 1] as const));
    const weighted = louvain(ring);
    expect(samePartition(weighted.communityOf, [0, 0, 1, 1, 2, 2, 3, 3])).toBe(true);
    expect(louvain(ring, { weight: null }).modularity).toBeCloseTo(modularity(ring, louvain(ring, { weight: null }).communityOf, { weight: null }), 12);
  });

  it('resolution: lower values merge communities, higher values split them', () => {
    const { graph } = plantedPartitionGraph(8, 30, 0.3, 0.01, 4);
    const coarse = louvain(graph, { resolution: 0.05 });
    const fine = louvain(graph, { resolution: 4 });
    expect(coarse.communityCount).toBeLessThan(8);
    expect(fine.communityCount).toBeGreaterThan(8);
    expect(fine.modularity).toBeCloseTo(modularity(graph, fine.communityOf, { resolution: 4 }), 12);
  });

  it('graphs without ties: every node alone, modularity 0', () => {
    expect(louvain(graphFromEdges(3, []))).toEqual({ communityOf: Int32Array.from([0, 1, 2]), communityCount: 3, modularity: 0, levels: 0 });
    expect(louvain(graphFromEdges(0, [])).communityCount).toBe(0);
  });

  it('property: a partition numbered 0..k−1, no worse than singletons, modularity as modularity.ts', () => {
    fc.assert(
      fc.property(arbitraryGraph(20, 4), fc.nat(1000), (graph, seed) => {
        const result = louvain(graph, { seed });
        expect(result.communityOf.length).toBe(graph.nodeCount);
        expect(new Set(result.communityOf).size).toBe(result.communityCount);
        for (const community of result.communityOf) expect(community).toBeLessThan(result.communityCount);
        expect(result.modularity).toBeCloseTo(modularity(graph, result.communityOf), 12);
        const singletons = modularity(graph, Int32Array.from({ length: graph.nodeCount }, (_, u) => u));
        expect(result.modularity).toBeGreaterThanOrEqual(singletons - 1e-12);
      }),
    );
  });

  it('can be cancelled', () => {
    const { graph } = plantedPartitionGraph(4, 10, 0.5, 0.1, 1);
    expect(() => louvain(graph, { signal: AbortSignal.abort() })).toThrow();
  });
});
