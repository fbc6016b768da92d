import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryGraph } from './graph-arbitraries.ts';
import { completeGraph, graphFromEdges } from './graph-generators.ts';
import { modularity } from './modularity.ts';

describe('modularity', () => {
  it('two cliques joined by one tie: high for the cliques, 0 for one community', () => {
    const edges: [number, number][] = [];
    for (const offset of [0, 4]) for (let u = 0; u < 4; u++) for (let v = u + 1; v < 4; v++) edges.push([offset + u, offset + v]);
    edges.push([0, 4]);
    const graph = graphFromEdges(8, edges);
    // m = 13; each clique: L = 6, degree 13 → 2 (6/13 − (13/26)²).
    expect(modularity(graph, [0, 0, 0, 0, 1, 1, 1, 1])).toBeCloseTo(2 * (6 / 13 - 0.25), 12);
    expect(modularity(graph, Array(8).fill(0))).toBeCloseTo(0, 12);
  });

  it('singletons give −Σ (k / 2m)²; resolution scales the expected part', () => {
    const graph = completeGraph(4);
    expect(modularity(graph, [0, 1, 2, 3])).toBeCloseTo(-4 * (3 / 12) ** 2, 12);
    expect(modularity(graph, [0, 1, 2, 3], { resolution: 2 })).toBeCloseTo(-8 * (3 / 12) ** 2, 12);
  });

  it('rejects a node without a community', () => {
    expect(() => modularity(graphFromEdges(2, [[0, 1]]), [0, -1])).toThrow('communityOf[1]');
  });

  it('property: at most 1, invariant under renaming communities, unchanged by uniform weights', () => {
    const graphWithPartition = arbitraryGraph(14, 1).chain((graph) =>
      fc.tuple(fc.constant(graph), fc.array(fc.nat(4), { minLength: graph.nodeCount, maxLength: graph.nodeCount })),
    );
    fc.assert(
      fc.property(graphWithPartition, ([graph, partition]) => {
        const quality = modularity(graph, partition, { weight: null });
        expect(quality).toBeLessThanOrEqual(1);
        expect(quality).toBeGreaterThanOrEqual(-0.5 - 1e-12);
        expect(modularity(graph, partition.map((c) => 4 - c), { weight: null })).toBeCloseTo(quality, 12);
        const doubled = { ...graph, weights: graph.weights.map(() => 2) };
        expect(modularity(doubled, partition)).toBeCloseTo(quality, 12);
      }),
    );
  });
});
