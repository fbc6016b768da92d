import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { degrees } from './degree.ts';
import { density, groupDensities } from './density.ts';
import { arbitraryGraph } from './graph-arbitraries.ts';
import { completeGraph, graphFromEdges, starGraph } from './graph-generators.ts';

describe('degree', () => {
  it('counts distinct partners, sums strengths, and normalizes by n − 1', () => {
    const graph = graphFromEdges(4, [[0, 1, 3], [0, 1, 2], [0, 2, 1], [3, 3, 5]]);
    const { degree, weightedDegree, centrality } = degrees(graph);
    expect([...degree]).toEqual([2, 1, 1, 0]);
    expect([...weightedDegree]).toEqual([6, 5, 1, 0]);
    expect([...centrality]).toEqual([2 / 3, 1 / 3, 1 / 3, 0]);
  });

  it('property: degrees sum to twice the ties', () => {
    fc.assert(
      fc.property(arbitraryGraph(15, 5), (graph) => {
        const { degree, weightedDegree } = degrees(graph);
        expect(degree.reduce((a, b) => a + b, 0)).toBe(2 * graph.edgeCount);
        expect(weightedDegree.reduce((a, b) => a + b, 0)).toBe(graph.weights.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe('density', () => {
  it('is 1 for complete graphs, 2/n for stars, 0 below two nodes', () => {
    expect(density(completeGraph(7))).toBe(1);
    expect(density(starGraph(9))).toBeCloseTo(2 / 10, 12);
    expect(density(graphFromEdges(1, []))).toBe(0);
  });

  it('within groups: a dense silo and a sparse group; nodes without a group are left out', () => {
    // Group 0: triangle 0-1-2 (dense); group 1: 3, 4, 5 with one tie; node 6 has no group.
    const graph = graphFromEdges(7, [[0, 1], [1, 2], [0, 2], [3, 4], [2, 3], [5, 6]]);
    expect(groupDensities(graph, [0, 0, 0, 1, 1, 1, -1])).toEqual([
      { group: 0, members: 3, internalTies: 3, density: 1 },
      { group: 1, members: 3, internalTies: 1, density: 1 / 3 },
    ]);
    expect(groupDensities(graph, [0, 1, 1, 1, 1, 1, 1])[0]).toEqual({ group: 0, members: 1, internalTies: 0, density: null });
  });
});
