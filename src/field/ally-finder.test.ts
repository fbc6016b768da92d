import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, introductionPaths, rankAllies } from './ally-finder.ts';

const cand = (id: string, over: Partial<Candidate> = {}): Candidate => ({ id, name: id, stateFips: null, issues: [], constituencies: [], capacities: [], ...over });

describe('ally finder', () => {
  it('ranks by fit with reasons, and shows who can introduce us', () => {
    const paths = introductionPaths(['m1', 'm2'], [{ a: 'm1', b: 'bridge' }, { a: 'bridge', b: 'legal_aid' }]);
    expect(paths.get('legal_aid')).toEqual(['m1', 'bridge', 'legal_aid']);
    const ranked = rankAllies([
      cand('legal_aid', { capacities: ['legal'], stateFips: '48', issues: ['immigrant_rights'] }),
      cand('big_but_unrelated', { capacities: ['base'] }),
      cand('bridge', { issues: ['immigrant_rights', 'workers_rights'] }),
    ], { capacities: ['legal'], states: ['48'], priorityConstituencies: [] }, ['immigrant_rights', 'workers_rights'], paths);
    expect(ranked.map((r) => r.id)).toEqual(['legal_aid', 'bridge']);
    expect(ranked[0]!.reasons).toEqual([
      { kind: 'fills_capacity', key: 'legal', points: 3 }, { kind: 'in_missing_state', key: '48', points: 2 },
      { kind: 'shares_issue', key: 'immigrant_rights', points: 1 }, { kind: 'reachable', hops: 2, points: 2 },
    ]);
    expect(ranked[0]!.score).toBe(8);
  });

  it('makes every score the sum of its reasons, and never ranks by size', () => {
    const keys = fc.constantFrom('a', 'b', 'c', 'd');
    const candidate = fc.record({ id: fc.uuid(), name: fc.string(), stateFips: fc.option(fc.constantFrom('06', '48')), issues: fc.uniqueArray(keys), constituencies: fc.uniqueArray(keys), capacities: fc.uniqueArray(keys) });
    fc.assert(fc.property(fc.array(candidate, { maxLength: 10 }), fc.uniqueArray(keys), (candidates, gapKeys) => {
      const ranked = rankAllies(candidates, { capacities: gapKeys, states: ['48'], priorityConstituencies: gapKeys }, gapKeys, new Map());
      for (const r of ranked) expect(r.score).toBe(r.reasons.reduce((s, x) => s + x.points, 0));
      for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    }));
  });
});
