import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsrGraph, csrFromEdgeArrays, nodeStrengths, valuesById } from './csr-graph.ts';

const neighbours = (graph: ReturnType<typeof buildCsrGraph>, id: string) => {
  const u = graph.indexOf.get(id)!;
  return [...graph.targets.subarray(graph.offsets[u]!, graph.offsets[u + 1]!)].map((v, i) => [
    graph.ids[v],
    graph.weights[graph.offsets[u]! + i],
  ]);
};

describe('buildCsrGraph', () => {
  it('stores each tie in both directions, neighbours sorted, ids mapped both ways', () => {
    const graph = buildCsrGraph({
      nodes: ['union', 'church', 'tenants'],
      edges: [{ source: 'tenants', target: 'union', weight: 2 }, { source: 'union', target: 'church' }],
    });
    expect(graph.nodeCount).toBe(3);
    expect(graph.edgeCount).toBe(2);
    expect(neighbours(graph, 'union')).toEqual([['church', 1], ['tenants', 2]]);
    expect(neighbours(graph, 'tenants')).toEqual([['union', 2]]);
    expect(graph.ids[graph.indexOf.get('church')!]).toBe('church');
  });

  it('merges parallel ties by summing their strengths, or by max / min on request', () => {
    const input = {
      nodes: ['a', 'b'],
      edges: [
        { source: 'a', target: 'b', weight: 2 },
        { source: 'b', target: 'a', weight: 3 },
        { source: 'a', target: 'b', weight: 1 },
      ],
    };
    expect(buildCsrGraph(input).edgeCount).toBe(1);
    expect(neighbours(buildCsrGraph(input), 'a')).toEqual([['b', 6]]);
    expect(neighbours(buildCsrGraph(input, { parallelEdges: 'max' }), 'b')).toEqual([['a', 3]]);
    expect(neighbours(buildCsrGraph(input, { parallelEdges: 'min' }), 'b')).toEqual([['a', 1]]);
  });

  it('drops self-loops', () => {
    const graph = buildCsrGraph({ nodes: ['a', 'b'], edges: [{ source: 'a', target: 'a' }, { source: 'a', target: 'b' }] });
    expect(graph.edgeCount).toBe(1);
    expect(neighbours(graph, 'a')).toEqual([['b', 1]]);
  });

  it('names the field at fault for unknown nodes, repeated ids and bad weights', () => {
    expect(() => buildCsrGraph({ nodes: ['a'], edges: [{ source: 'a', target: 'x' }] })).toThrow('edges[0].target');
    expect(() => buildCsrGraph({ nodes: ['a', 'a'], edges: [] })).toThrow('nodes[1]');
    for (const weight of [0, -1, Number.NaN, Infinity]) {
      expect(() => buildCsrGraph({ nodes: ['a', 'b'], edges: [{ source: 'a', target: 'b', weight }] })).toThrow('positive');
    }
  });

  it('keeps isolated nodes and the empty graph', () => {
    const graph = buildCsrGraph({ nodes: ['alone'], edges: [] });
    expect([...graph.offsets]).toEqual([0, 0]);
    expect(buildCsrGraph({ nodes: [], edges: [] }).nodeCount).toBe(0);
    expect(valuesById(graph, [0.5])).toEqual({ alone: 0.5 });
  });

  it('property: symmetric, sorted, no self-loops, merged weights conserve the total', () => {
    const edgeList = fc.integer({ min: 1, max: 20 }).chain((n) =>
      fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: 60 })),
    );
    fc.assert(
      fc.property(edgeList, ([n, edges]) => {
        const graph = csrFromEdgeArrays(
          n,
          Int32Array.from(edges, (e) => e[0]),
          Int32Array.from(edges, (e) => e[1]),
          Float64Array.from(edges, (e) => e[2]),
        );
        const expectedTotal = edges.filter(([u, v]) => u !== v).reduce((sum, [, , w]) => sum + w, 0);
        const strengths = nodeStrengths(graph, true);
        expect(strengths.reduce((a, b) => a + b, 0)).toBe(2 * expectedTotal);
        expect(nodeStrengths(graph, false).reduce((a, b) => a + b, 0)).toBe(2 * graph.edgeCount);
        const pairs = new Set(edges.filter(([u, v]) => u !== v).map(([u, v]) => `${Math.min(u, v)}-${Math.max(u, v)}`));
        expect(graph.edgeCount).toBe(pairs.size);
        for (let u = 0; u < n; u++) {
          for (let e = graph.offsets[u]!; e < graph.offsets[u + 1]!; e++) {
            const v = graph.targets[e]!;
            expect(v).not.toBe(u);
            if (e > graph.offsets[u]!) expect(graph.targets[e - 1]!).toBeLessThan(v);
            const back = graph.targets.subarray(graph.offsets[v]!, graph.offsets[v + 1]!).indexOf(u);
            expect(graph.weights[graph.offsets[v]! + back]).toBe(graph.weights[e]);
          }
        }
      }),
    );
  });
});
