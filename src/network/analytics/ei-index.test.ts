import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eiIndex, eiIndexMultiValued } from './ei-index.ts';
import { arbitraryGraph } from './graph-arbitraries.ts';
import { graphFromEdges } from './graph-generators.ts';

describe('E-I index', () => {
  // Constituencies: 0 = tenants (nodes 0, 1, 2), 1 = workers (3, 4); node 5 unknown.
  const graph = graphFromEdges(6, [[0, 1, 2], [1, 2, 1], [2, 3, 4], [3, 4, 1], [4, 5, 1]]);
  const constituency = [0, 0, 0, 1, 1, -1];

  it('counts ties inside and across groups, overall and per group, leaving out unknowns', () => {
    expect(eiIndex(graph, constituency)).toEqual({
      overall: { external: 1, internal: 3, index: -0.5 },
      groups: [
        { external: 1, internal: 2, index: -1 / 3 },
        { external: 1, internal: 1, index: 0 },
      ],
    });
  });

  it('can weigh ties by strength', () => {
    expect(eiIndex(graph, constituency, { weight: 'strength' }).overall).toEqual({ external: 4, internal: 4, index: 0 });
  });

  it('is −1 when every tie is internal, +1 when every tie crosses, null without ties', () => {
    expect(eiIndex(graph, [0, 0, 0, 0, 0, 0]).overall.index).toBe(-1);
    const bipartite = graphFromEdges(4, [[0, 2], [0, 3], [1, 2]]);
    expect(eiIndex(bipartite, [0, 0, 1, 1]).overall.index).toBe(1);
    expect(eiIndex(graphFromEdges(2, []), [0, 1]).overall.index).toBeNull();
  });

  it('multi-valued: a tie is internal when the two share a value', () => {
    // Issues: 0 = housing, 1 = wages, 2 = immigration.
    const result = eiIndexMultiValued(graph, [[0], [0, 1], [1], [1, 2], [2], []]);
    // Ties: 0–1 share housing; 1–2 share wages; 2–3 share wages; 3–4 share immigration; 4–5 unknown.
    expect(result.overall).toEqual({ external: 0, internal: 4, index: -1 });
    expect(result.groups[0]).toEqual({ external: 1, internal: 1, index: 0 }); // 0–1 in; 1–2 out
    expect(result.groups[1]).toEqual({ external: 2, internal: 2, index: 0 }); // 1–2, 2–3 in; 0–1, 3–4 out
    expect(eiIndexMultiValued(graph, [[0], [0], [0], [1], [1], []])).toEqual(eiIndex(graph, constituency));
  });

  it('property: in [−1, 1]; −1 when all ties are internal; single and multi-valued agree', () => {
    const graphWithGroups = arbitraryGraph(14, 5).chain((g) =>
      fc.tuple(fc.constant(g), fc.array(fc.integer({ min: -1, max: 3 }), { minLength: g.nodeCount, maxLength: g.nodeCount })),
    );
    fc.assert(
      fc.property(graphWithGroups, ([g, groups]) => {
        const result = eiIndex(g, groups, { weight: 'strength' });
        for (const counts of [result.overall, ...result.groups]) {
          if (counts.index !== null) {
            expect(counts.index).toBeGreaterThanOrEqual(-1);
            expect(counts.index).toBeLessThanOrEqual(1);
          }
        }
        const single = eiIndex(g, groups.map((group) => (group >= 0 ? 0 : -1))).overall;
        if (single.index !== null) expect(single.index).toBe(-1);
        expect(eiIndexMultiValued(g, groups.map((group) => (group >= 0 ? [group] : [])), { weight: 'strength' })).toEqual(result);
      }),
    );
  });
});
