import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryGraph, arbitraryPermutation } from './graph-arbitraries.ts';
import { completeGraph, cycleGraph, graphFromEdges, relabel, starGraph } from './graph-generators.ts';
import { pagerank } from './pagerank.ts';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('pagerank', () => {
  it('property: sums to 1, is positive, and is invariant under relabelling', () => {
    const graphWithPermutation = arbitraryGraph(15, 5).chain((graph) => fc.tuple(fc.constant(graph), arbitraryPermutation(graph.nodeCount)));
    fc.assert(
      fc.property(graphWithPermutation, ([graph, permutation]) => {
        for (const weight of ['strength', null] as const) {
          const { values } = pagerank(graph, { weight });
          expect(sum(values)).toBeCloseTo(1, 12);
          for (const value of values) expect(value).toBeGreaterThan(0);
          const renamed = pagerank(relabel(graph, permutation), { weight }).values;
          for (let u = 0; u < graph.nodeCount; u++) expect(renamed[permutation[u]!]).toBeCloseTo(values[u]!, 12);
        }
      }),
    );
  });

  it('is uniform on regular graphs', () => {
    for (const graph of [cycleGraph(12), completeGraph(6), graphFromEdges(5, [])]) {
      for (const value of pagerank(graph).values) expect(value).toBeCloseTo(1 / graph.nodeCount, 12);
    }
  });

  it('weighted with every strength 1 equals unweighted, and strength shifts rank to strong ties', () => {
    const graph = graphFromEdges(4, [[0, 1], [1, 2], [2, 3], [3, 0], [0, 2]]);
    expect(pagerank(graph).values).toEqual(pagerank(graph, { weight: null }).values);
    const strong = graphFromEdges(3, [[0, 1, 5], [1, 2, 1]]);
    const ranked = pagerank(strong).values;
    expect(ranked[0]).toBeGreaterThan(ranked[2]!);
    const unweighted = pagerank(strong, { weight: null }).values;
    expect(unweighted[0]).toBeCloseTo(unweighted[2]!, 12);
  });

  it('ranks a star centre highest; isolated nodes spread their rank as NetworkX does', () => {
    const star = pagerank(starGraph(6)).values;
    for (let leaf = 1; leaf <= 6; leaf++) expect(star[0]).toBeGreaterThan(star[leaf]!);
    const withIsolated = pagerank(graphFromEdges(3, [[0, 1]])).values;
    expect(sum(withIsolated)).toBeCloseTo(1, 12);
    expect(withIsolated[0]).toBeCloseTo(withIsolated[1]!, 12);
    expect(withIsolated[2]).toBeLessThan(withIsolated[0]!);
  });

  it('personalization tilts rank toward the chosen organizations', () => {
    const graph = cycleGraph(6);
    const tilted = pagerank(graph, { personalization: [1, 0, 0, 0, 0, 0] }).values;
    expect(sum(tilted)).toBeCloseTo(1, 12);
    expect(Math.max(...tilted)).toBe(tilted[0]);
    expect(() => pagerank(graph, { personalization: [0, 0, 0, 0, 0, 0] })).toThrow('all zero');
  });

  it('says when it ran out of iterations', () => {
    const result = pagerank(starGraph(20), { maxIterations: 2, tolerance: 1e-15 });
    expect(result).toMatchObject({ iterations: 2, converged: false });
    expect(pagerank(starGraph(20))).toMatchObject({ converged: true });
  });
});
