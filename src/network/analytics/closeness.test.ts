import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeness } from './closeness.ts';
import { allPairsShortestPaths, arbitraryGraph, arbitraryPermutation } from './graph-arbitraries.ts';
import { completeGraph, graphFromEdges, pathGraph, relabel, starGraph } from './graph-generators.ts';

const close = (actual: ArrayLike<number>, expected: ArrayLike<number>) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(1e-12);
};

describe('closeness', () => {
  it('star: centre 1, leaves (n − 1) / (1 + 2(n − 2))', () => {
    const n = 6;
    close(closeness(starGraph(n - 1)).values, [1, ...Array(n - 1).fill((n - 1) / (1 + 2 * (n - 2)))]);
  });

  it('path of 3 and complete graphs', () => {
    close(closeness(pathGraph(3)).values, [2 / 3, 1, 2 / 3]);
    close(closeness(completeGraph(5)).values, [1, 1, 1, 1, 1]);
  });

  it('disconnected: Wasserman–Faust scales by the share of the field reached; isolated nodes are 0', () => {
    // A pair (0–1) and a triangle path (2–3–4) and an isolated node 5; n = 6.
    const graph = graphFromEdges(6, [[0, 1], [2, 3], [3, 4]]);
    close(closeness(graph).values, [1 * (1 / 5), 1 / 5, (2 / 3) * (2 / 5), 1 * (2 / 5), (2 / 3) * (2 / 5), 0]);
    close(closeness(graph, { wassermanFaust: false }).values, [1, 1, 2 / 3, 1, 2 / 3, 0]);
  });

  it('weighted by strength: a strong tie is a short one', () => {
    const graph = graphFromEdges(3, [[0, 1, 4], [1, 2, 1]]); // lengths 1/4 and 1
    close(closeness(graph, { weight: 'strength' }).values, [2 / (0.25 + 1.25), 2 / 1.25, 2 / (1 + 1.25)]);
  });

  it('property: matches the definition and is invariant under relabelling', () => {
    const graphWithPermutation = arbitraryGraph(12, 3).chain((graph) => fc.tuple(fc.constant(graph), arbitraryPermutation(graph.nodeCount)));
    fc.assert(
      fc.property(graphWithPermutation, ([graph, permutation]) => {
        const n = graph.nodeCount;
        const { distance } = allPairsShortestPaths(graph, true);
        const expected = distance.map((row) => {
          const reached = row.filter((d) => d < Infinity);
          const total = reached.reduce((a, b) => a + b, 0);
          return total > 0 ? ((reached.length - 1) / total) * ((reached.length - 1) / (n - 1)) : 0;
        });
        const values = closeness(graph, { weight: 'distance' }).values;
        close(values, expected);
        const renamed = closeness(relabel(graph, permutation), { weight: 'distance' }).values;
        close(Array.from(values, (_, u) => renamed[permutation[u]!]!), values);
        for (const value of closeness(graph).values) expect(value).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('can be cancelled', () => {
    expect(() => closeness(pathGraph(10), { signal: AbortSignal.abort() })).toThrow();
  });
});
