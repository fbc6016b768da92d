import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness.ts';
import { arbitraryGraph, arbitraryPermutation, allPairsShortestPaths, betweennessByDefinition } from './graph-arbitraries.ts';
import { completeGraph, cycleGraph, graphFromEdges, pathGraph, randomGraph, relabel, starGraph } from './graph-generators.ts';

const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-9) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(tolerance);
};

describe('exact betweenness on graphs with closed forms', () => {
  it('path: node i lies between i·(n−1−i) pairs, normalized by (n−1)(n−2)/2', () => {
    for (const n of [3, 4, 7, 20]) {
      const expected = Array.from({ length: n }, (_, i) => (2 * i * (n - 1 - i)) / ((n - 1) * (n - 2)));
      close(betweenness(pathGraph(n)).values, expected);
      close(betweenness(pathGraph(n), { normalized: false }).values, expected.map((v) => (v * (n - 1) * (n - 2)) / 2));
    }
  });

  it('star: the centre is 1 (normalized), the leaves 0', () => {
    for (const leaves of [2, 3, 10]) close(betweenness(starGraph(leaves)).values, [1, ...Array(leaves).fill(0)]);
  });

  it('complete graph: nobody brokers', () => {
    close(betweenness(completeGraph(8)).values, Array(8).fill(0));
  });

  it('cycle: all equal, summing to the total inner length of shortest paths', () => {
    for (const n of [5, 6, 9, 10]) {
      const values = betweenness(cycleGraph(n), { normalized: false }).values;
      // Σ over pairs of (d − 1), each pair once; pairs at distance n/2 have two paths.
      let total = 0;
      for (let s = 0; s < n; s++) for (let t = s + 1; t < n; t++) total += Math.min(t - s, n - (t - s)) - 1;
      close(values, Array(n).fill(total / n));
    }
  });

  it('endpoints: each node also gets the pairs it starts or ends (NetworkX endpoints=True)', () => {
    // Path 0-1-2: node 1 is inside 1 pair and an end of 2, the ends of 2 pairs each; ÷ n(n−1) = 6.
    close(betweenness(pathGraph(3), { endpoints: true }).values, [4 / 6, 6 / 6, 4 / 6]);
  });

  it('two or fewer nodes, and isolated nodes, are 0', () => {
    close(betweenness(pathGraph(2)).values, [0, 0]);
    close(betweenness(graphFromEdges(3, [])).values, [0, 0, 0]);
    expect(betweenness(graphFromEdges(0, [])).values.length).toBe(0);
  });
});

describe('exact betweenness properties', () => {
  it('equals the definition (all shortest paths enumerated) by hops and by integer distances', () => {
    fc.assert(
      fc.property(arbitraryGraph(10, 4), (graph) => {
        close(betweenness(graph, { normalized: false }).values, betweennessByDefinition(graph, false));
        close(betweenness(graph, { normalized: false, weight: 'distance' }).values, betweennessByDefinition(graph, true));
      }),
    );
  });

  it('sums to Σ (distance − 1) over connected pairs (every inner node of every path counted once)', () => {
    fc.assert(
      fc.property(arbitraryGraph(14), (graph) => {
        const { distance } = allPairsShortestPaths(graph, false);
        let expected = 0;
        for (let s = 0; s < graph.nodeCount; s++) {
          for (let t = s + 1; t < graph.nodeCount; t++) if (distance[s]![t]! < Infinity) expected += distance[s]![t]! - 1;
        }
        const total = betweenness(graph, { normalized: false }).values.reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(expected, 9);
      }),
    );
  });

  it('is invariant under relabelling the nodes', () => {
    const graphWithPermutation = arbitraryGraph(12, 3).chain((graph) => fc.tuple(fc.constant(graph), arbitraryPermutation(graph.nodeCount)));
    fc.assert(
      fc.property(graphWithPermutation, ([graph, permutation]) => {
        for (const weight of [null, 'strength'] as const) {
          const original = betweenness(graph, { weight }).values;
          const renamed = betweenness(relabel(graph, permutation), { weight }).values;
          close(Array.from(original, (_, u) => renamed[permutation[u]!]!), original);
        }
      }),
    );
  });

  it('weighted with every strength 1 (or distance 1) equals unweighted', () => {
    fc.assert(
      fc.property(arbitraryGraph(14, 1), (merged) => {
        const graph = { ...merged, weights: merged.weights.map(() => 1) }; // parallel ties summed to 2
        const hops = betweenness(graph).values;
        close(betweenness(graph, { weight: 'strength' }).values, hops);
        close(betweenness(graph, { weight: 'distance' }).values, hops);
      }),
    );
  });

  it('strength s is the same as distance 1/s, and doubling every strength changes nothing', () => {
    const graph = randomGraph(40, 0.15, 5, 5);
    const byStrength = betweenness(graph, { weight: 'strength' }).values;
    const asDistances = { ...graph, weights: graph.weights.map((w) => 1 / w) };
    close(betweenness(asDistances, { weight: 'distance' }).values, byStrength);
    close(betweenness({ ...graph, weights: graph.weights.map((w) => 2 * w) }, { weight: 'strength' }).values, byStrength);
  });

  it('a strong detour beats a weak direct tie once strength becomes length', () => {
    // a–b weak (strength 1, length 1); a–c–b strong (strength 4, length 1/4 each): c brokers.
    const graph = graphFromEdges(3, [[0, 1, 1], [0, 2, 4], [2, 1, 4]]);
    close(betweenness(graph).values, [0, 0, 0]);
    close(betweenness(graph, { weight: 'strength' }).values, [0, 0, 1]);
  });
});

describe('sources, progress and cancellation', () => {
  const graph = randomGraph(200, 0.03, 9);

  it('all nodes as sources, in any order, gives the exact values; a subset is rescaled by n / k', () => {
    const exact = betweenness(graph).values;
    const reversed = Int32Array.from({ length: 200 }, (_, i) => 199 - i);
    close(betweenness(graph, { sources: reversed }).values, exact);
    const half = Int32Array.from({ length: 100 }, (_, i) => 2 * i);
    const other = Int32Array.from({ length: 100 }, (_, i) => 2 * i + 1);
    expect(betweenness(graph, { sources: half }).method).toBe('source-sample');
    expect(betweenness(graph).method).toBe('exact');
    const a = betweenness(graph, { sources: half }).values;
    const b = betweenness(graph, { sources: other }).values;
    close(a.map((value, v) => (value + b[v]!) / 2), exact);
    expect(() => betweenness(graph, { sources: [200] })).toThrow('sources[0]');
  });

  it('reports increasing progress ending at 1, a bounded number of times', () => {
    const fractions: number[] = [];
    betweenness(randomGraph(2000, 0.01, 3), { onProgress: (f) => fractions.push(f) });
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.length).toBeLessThanOrEqual(202);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((x, y) => x - y)).toEqual(fractions);
  });

  it('stops with the abort reason when the signal fires', () => {
    const controller = new AbortController();
    const large = randomGraph(2000, 0.01, 4);
    expect(() =>
      betweenness(large, { signal: controller.signal, onProgress: (f) => f > 0.2 && controller.abort(new Error('cancelled')) }),
    ).toThrow('cancelled');
    expect(() => betweenness(large, { signal: AbortSignal.abort() })).toThrow();
  });
});
