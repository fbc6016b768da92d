import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateBetweenness, betweennessAuto, sampleSize } from './approximate-betweenness.ts';
import { betweenness } from './betweenness.ts';
import type { CsrGraph } from './csr-graph.ts';
import { allPairsShortestPaths, arbitraryGraph } from './graph-arbitraries.ts';
import { completeGraph, cycleGraph, graphFromEdges, pathGraph, plantedPartitionGraph, randomGraph, starGraph } from './graph-generators.ts';
import { edgeLengths } from './shortest-paths.ts';
import { vertexDiameterBound } from './vertex-diameter.ts';

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

/** Most nodes on any shortest path, from all-pairs distances (weighted: the most hops among equally short paths). */
function vertexDiameter(graph: CsrGraph, weighted: boolean): number {
  const { distance } = allPairsShortestPaths(graph, weighted);
  let most = graph.nodeCount > 0 ? 1 : 0;
  for (let s = 0; s < graph.nodeCount; s++) {
    const d = distance[s]!;
    const byDistance = [...d.keys()].filter((v) => d[v]! < Infinity).sort((a, b) => d[a]! - d[b]!);
    const nodesOnPath = new Array<number>(graph.nodeCount).fill(1);
    for (const w of byDistance) {
      for (let e = graph.offsets[w]!; e < graph.offsets[w + 1]!; e++) {
        const p = graph.targets[e]!;
        const length = weighted ? graph.weights[e]! : 1;
        if (d[p]! + length === d[w]) nodesOnPath[w] = Math.max(nodesOnPath[w]!, nodesOnPath[p]! + 1);
      }
      most = Math.max(most, nodesOnPath[w]!);
    }
  }
  return most;
}

describe('sample size and vertex diameter', () => {
  it('follows r = (0.5 / ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))', () => {
    expect(sampleSize(0.01, 0.1, 13)).toBe(Math.ceil(5000 * (3 + 1 + Math.log(10))));
    expect(sampleSize(0.05, 0.05, 3)).toBe(Math.ceil(200 * (0 + 1 + Math.log(20))));
    expect(sampleSize(0.01, 0.1, 2)).toBe(0);
  });

  it('bounds the vertex diameter from above (within a factor of two by hops)', () => {
    fc.assert(
      fc.property(arbitraryGraph(12, 3), (graph) => {
        for (const weighted of [false, true]) {
          const bound = vertexDiameterBound(graph, weighted ? edgeLengths(graph, 'distance') : null);
          const exact = vertexDiameter(graph, weighted);
          expect(bound).toBeGreaterThanOrEqual(exact);
          if (!weighted) expect(bound).toBeLessThanOrEqual(2 * exact);
        }
      }),
    );
  });

  it('is exact on paths and stars, and capped by component size', () => {
    expect(vertexDiameterBound(pathGraph(9), null)).toBe(9);
    expect(vertexDiameterBound(starGraph(5), null)).toBe(3);
    expect(vertexDiameterBound(completeGraph(6), null)).toBe(3); // from one node: 1 + 1 ties
    expect(vertexDiameterBound(graphFromEdges(4, [[0, 1]]), null)).toBe(2);
  });
});

describe('approximate betweenness', () => {
  it('is within the error bound of exact betweenness on random graphs (seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 60, max: 200 }), (seed, n) => {
        const graph = randomGraph(n, 4 / n, seed);
        const exact = betweenness(graph).values;
        const approximate = approximateBetweenness(graph, { epsilon: 0.03, delta: 0.1, seed });
        expect(approximate.errorBound).toBeCloseTo((0.03 * n) / (n - 2), 12);
        expect(maxDifference(approximate.values, exact)).toBeLessThanOrEqual(approximate.errorBound);
      }),
      { numRuns: 12 },
    );
  });

  it('is within the error bound on weighted ties and on clustered graphs', () => {
    const weighted = randomGraph(120, 0.04, 17, 5);
    const byStrength = approximateBetweenness(weighted, { epsilon: 0.03, weight: 'strength', seed: 3 });
    expect(maxDifference(byStrength.values, betweenness(weighted, { weight: 'strength' }).values)).toBeLessThanOrEqual(byStrength.errorBound);
    const { graph } = plantedPartitionGraph(6, 25, 0.3, 0.01, 8);
    const clustered = approximateBetweenness(graph, { epsilon: 0.03, seed: 4 });
    expect(maxDifference(clustered.values, betweenness(graph).values)).toBeLessThanOrEqual(clustered.errorBound);
  });

  it('finds a star centre and cycle symmetry; unnormalized values are scaled per pair', () => {
    const star = approximateBetweenness(starGraph(30), { epsilon: 0.05 });
    expect(Math.abs(star.values[0]! - 1)).toBeLessThanOrEqual(star.errorBound);
    expect([...star.values.subarray(1)].every((value) => value === 0)).toBe(true);
    const raw = approximateBetweenness(starGraph(30), { epsilon: 0.05, normalized: false });
    expect(raw.values[0]! / star.values[0]!).toBeCloseTo((30 * 29) / 2, 9); // (n−1)(n−2)/2 with n = 31
    expect(raw.errorBound).toBeCloseTo((0.05 * 31 * 30) / 2, 9);
    const cycle = approximateBetweenness(cycleGraph(40), { epsilon: 0.02, seed: 2 });
    expect(maxDifference(cycle.values, betweenness(cycleGraph(40)).values)).toBeLessThanOrEqual(cycle.errorBound);
  });

  it('is reproducible with a seed and says what it guarantees', () => {
    const graph = randomGraph(150, 0.03, 1);
    const first = approximateBetweenness(graph, { epsilon: 0.05, delta: 0.2, seed: 42 });
    expect(approximateBetweenness(graph, { epsilon: 0.05, delta: 0.2, seed: 42 }).values).toEqual(first.values);
    expect(approximateBetweenness(graph, { epsilon: 0.05, delta: 0.2, seed: 43 }).values).not.toEqual(first.values);
    expect(first).toMatchObject({
      method: 'approximate',
      guarantee: 'additive-error-with-confidence',
      epsilon: 0.05,
      delta: 0.2,
      confidence: 0.8,
      seed: 42,
      samples: sampleSize(0.05, 0.2, first.vertexDiameterBound),
    });
  });

  it('is all zeros without inner nodes, and rejects ε and δ outside (0, 1)', () => {
    const result = approximateBetweenness(graphFromEdges(5, [[0, 1], [2, 3]]));
    expect(result.vertexDiameterBound).toBe(2);
    expect(result.samples).toBe(0);
    expect([...result.values]).toEqual([0, 0, 0, 0, 0]);
    expect(() => approximateBetweenness(pathGraph(4), { epsilon: 0 })).toThrow('epsilon');
    expect(() => approximateBetweenness(pathGraph(4), { delta: 1 })).toThrow('delta');
  });

  it('can be cancelled', () => {
    expect(() => approximateBetweenness(randomGraph(100, 0.05, 1), { signal: AbortSignal.abort() })).toThrow();
  });
});

describe('betweennessAuto', () => {
  it('runs exact up to the threshold and sampling above it, and says which', () => {
    const graph = randomGraph(300, 0.02, 6);
    const exact = betweennessAuto(graph, { exactUpTo: 300 });
    expect(exact).toMatchObject({ method: 'exact', guarantee: 'exact' });
    expect(exact.values).toEqual(betweenness(graph).values);
    const sampled = betweennessAuto(graph, { exactUpTo: 299, epsilon: 0.05, seed: 9 });
    expect(sampled).toMatchObject({ method: 'approximate', epsilon: 0.05, seed: 9 });
  });
});
