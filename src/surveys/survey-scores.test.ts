import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorReading } from './survey-instrument.ts';
import { factorMeans, type Rating, sharedPairTrust, tieChanges, waveScores } from './survey-scores.ts';

const rate = (raterId: string, rateeId: string, collaboration: number, trust: [number, number, number] = [3, 3, 3], value: [number, number, number] = [2, 2, 2]): Rating => ({
  raterId, rateeId, collaboration, reliability: trust[0], mission: trust[1], openness: trust[2], power: value[0], involvement: value[1], resources: value[2],
});
const members = ['A', 'B', 'C', 'D'].map((id) => ({ id, name: `Org ${id}` }));
const answered = (ids: string[], sharePairs: string[] = []) => ids.map((organizationId) => ({ organizationId, sharePairs: sharePairs.includes(organizationId), contributions: [] }));

describe('a wave of a relationship survey', () => {
  // A star: B, C and D each say they work with A; A answers nothing.
  const star = waveScores({ members, respondents: answered(['B', 'C', 'D']), factorItems: [], factorAnswers: [],
    ratings: [rate('B', 'A', 3, [4, 4, 4], [3, 3, 3]), rate('C', 'A', 2, [3, 3, 3], [2, 2, 2]), rate('D', 'A', 4, [2, 3, 4], [1, 2, 3]), rate('B', 'C', 0, [4, 4, 4])] });

  it('counts responses, ties, density and centralization by hand', () => {
    expect(star.responses).toEqual({ invited: 4, responded: 3, rate: 0.75 });
    // Three ties (B–A, C–A, D–A); B rated C "no interaction", which is no tie. 3 of 6 possible.
    expect(star.ties).toBe(3);
    expect(star.density).toBe(0.5);
    // A star of four is as centralized as a network can be.
    expect(star.centralization).toBe(1);
    const a = star.organizations.find((o) => o.id === 'A')!;
    expect(a).toMatchObject({ degree: 3, connectivity: 1, raters: 3, suppressed: false });
    // Trust received: the means of (4,4,4), (3,3,3), (2,3,4) → 4, 3, 3 → 3.333.
    expect(a.trustReceived).toBe(3.333);
    // Value received: (3,3,3), (2,2,2), (1,2,3) → 3, 2, 2 → 2.333.
    expect(a.valueReceived).toBe(2.333);
    // A "no interaction" rating carries no trust, even when its items were filled in.
    expect(star.trust).toBe(3.333);
  });

  it('hides what an organization received from fewer than three raters', () => {
    const b = star.organizations.find((o) => o.id === 'B')!;
    expect(b).toMatchObject({ degree: 1, raters: null, suppressed: true, trustReceived: null, valueReceived: null });
    const two = waveScores({ members, respondents: answered(['A', 'B']), factorItems: [], factorAnswers: [], ratings: [rate('A', 'C', 2), rate('B', 'C', 2)] });
    expect(two.organizations.find((o) => o.id === 'C')).toMatchObject({ raters: null, suppressed: true, trustReceived: null });
    // Nor does the network's mean hold them: with only hidden organizations rated, it is hidden too.
    expect(two.trust).toBeNull();
  });

  it('a complete network has density 1 and no centralization', () => {
    const ids = members.map((m) => m.id);
    const all = ids.flatMap((x) => ids.filter((y) => y !== x).map((y) => rate(x, y, 2)));
    const scores = waveScores({ members, respondents: answered(ids), factorItems: [], factorAnswers: [], ratings: all });
    expect(scores).toMatchObject({ ties: 6, density: 1, centralization: 0 });
  });

  it('flags pairs that see their tie two levels apart, and names them only where both agreed', () => {
    const ratings = [rate('A', 'B', 5), rate('B', 'A', 1), rate('C', 'D', 4), rate('D', 'C', 2), rate('A', 'C', 2), rate('C', 'A', 3)];
    const none = waveScores({ members, respondents: answered(['A', 'B', 'C', 'D']), factorItems: [], factorAnswers: [], ratings });
    expect(none.asymmetric).toEqual({ count: 2, shown: [] });
    expect(none.disclosedPairs).toEqual([]);
    const some = waveScores({ members, respondents: answered(['A', 'B', 'C', 'D'], ['A', 'B', 'C']), factorItems: [], factorAnswers: [], ratings });
    expect(some.asymmetric.count).toBe(2);
    expect(some.asymmetric.shown).toEqual([{ a: { id: 'A', name: 'Org A' }, b: { id: 'B', name: 'Org B' }, aToB: 5, bToA: 1 }]);
    expect(some.disclosedPairs.map((p) => `${p.a.id}${p.b.id}`).sort()).toEqual(['AB', 'AC']);
  });

  it('keeps a hidden organization\'s ratings out of the network\'s mean, so none can be subtracted back', () => {
    // A is rated by B, C, D (shown); B only by A (hidden). The network's trust is A's alone.
    const scores = waveScores({ members, respondents: answered(['A', 'B', 'C', 'D']), factorItems: [], factorAnswers: [],
      ratings: [rate('B', 'A', 2, [3, 3, 3]), rate('C', 'A', 2, [3, 3, 3]), rate('D', 'A', 2, [3, 3, 3]), rate('A', 'B', 2, [1, 1, 1])] });
    expect(scores.trust).toBe(3);
    expect(scores.organizations.find((o) => o.id === 'B')).toMatchObject({ raters: null, trustReceived: null });
  });

  it('leaves out ratings of organizations not invited to the wave', () => {
    const scores = waveScores({ members, respondents: answered(['A']), factorItems: [], factorAnswers: [], ratings: [rate('A', 'Q', 5), rate('A', 'B', 1)] });
    expect(scores.ties).toBe(1);
  });

  it('property: what an organization receives is the mean of its incoming ratings, from three raters on', () => {
    const ids = ['A', 'B', 'C', 'D', 'E', 'F'];
    const item = fc.integer({ min: 1, max: 4 });
    const arbRating = fc.record({ raterId: fc.constantFrom(...ids), rateeId: fc.constantFrom(...ids), collaboration: fc.integer({ min: 0, max: 5 }),
      reliability: item, mission: item, openness: item, power: item, involvement: item, resources: item });
    fc.assert(fc.property(fc.uniqueArray(arbRating, { selector: (r) => `${r.raterId}>${r.rateeId}` }), (drawn) => {
      const ratings = drawn.filter((r) => r.raterId !== r.rateeId);
      const scores = waveScores({ members: ids.map((id) => ({ id, name: id })), respondents: answered(ids), factorItems: [], factorAnswers: [], ratings });
      for (const org of scores.organizations) {
        const incoming = ratings.filter((r) => r.rateeId === org.id && r.collaboration >= 1).map((r) => (r.reliability + r.mission + r.openness) / 3);
        if (incoming.length < 3) expect(org).toMatchObject({ raters: null, trustReceived: null });
        else {
          expect(org.raters).toBe(incoming.length);
          expect(org.trustReceived).toBeCloseTo(incoming.reduce((a, b) => a + b, 0) / incoming.length, 3);
        }
      }
    }));
  });
});

describe('trust for weighting the map\'s ties', () => {
  it('gives a pair\'s mutual trust only where both agreed, and nothing for "no interaction"', () => {
    const ratings = [rate('A', 'B', 3, [4, 4, 4]), rate('B', 'A', 2, [2, 3, 4]), rate('A', 'C', 2, [1, 1, 1]), rate('C', 'D', 3, [4, 4, 4]), rate('B', 'C', 0, [4, 4, 4])];
    const wave = { members, factorItems: [], factorAnswers: [], ratings };
    // A, B and C agreed; D did not: C–D stays unweighted. B–C said no interaction: no trust.
    // A–B: (4 + 3) / 2 = 3.5; A–C: 1 (C never rated A back).
    const some = sharedPairTrust({ ...wave, respondents: answered(['A', 'B', 'C', 'D'], ['A', 'B', 'C']) });
    expect(some.pairs.sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b))).toEqual([{ a: 'A', b: 'B', trust: 3.5 }, { a: 'A', b: 'C', trust: 1 }]);
    // C–D works together but is not shown: counted only.
    expect(some.notShown).toBe(1);
    expect(sharedPairTrust({ ...wave, respondents: answered(['A', 'B', 'C', 'D']) })).toEqual({ pairs: [], notShown: 3 });
  });
});

describe('collaboration factors', () => {
  it('averages the answers to each factor\'s items and reads them as the inventory suggests', () => {
    const items = [{ factor: 'shared_vision' as const, en: 'We share a vision', es: '' }, { factor: 'shared_vision' as const, en: 'Our goals agree', es: '' },
      { factor: 'skilled_leadership' as const, en: 'Leaders are skilled', es: '' }];
    const result = factorMeans(items, [{ item: 0, score: 5 }, { item: 1, score: 4 }, { item: 0, score: 3 }, { item: 2, score: 2 }, { item: 9, score: 5 }]);
    expect(result).toEqual([
      { category: 'purpose', factor: 'shared_vision', answers: 3, mean: 4, reading: 'strength' },
      // One answer is one organization's: not shown.
      { category: 'resources', factor: 'skilled_leadership', answers: 1, mean: null, reading: null },
    ]);
    expect(factorReading(3.99)).toBe('borderline');
  });
});

describe('ties over waves', () => {
  it('counts ties that moved a whole level and names only pairs that agreed in both waves', () => {
    const names = new Map(members.map((m) => [m.id, m.name]));
    const before = [rate('A', 'B', 1), rate('B', 'A', 2), rate('C', 'D', 4), rate('A', 'C', 3)];
    const after = [rate('A', 'B', 3), rate('B', 'A', 3), rate('C', 'D', 2), rate('A', 'C', 3), rate('A', 'D', 2)];
    const changes = tieChanges({ ratings: before, sharing: new Set(['A', 'B', 'C']) }, { ratings: after, sharing: new Set(['A', 'B', 'C', 'D']) }, names);
    // A–B 1.5 → 3 strengthened; C–D 4 → 2 weakened; A–C steady; A–D is new (no trend yet).
    expect(changes).toMatchObject({ strengthened: 1, weakened: 1, steady: 1 });
    expect(changes.shown).toEqual([{ a: { id: 'A', name: 'Org A' }, b: { id: 'B', name: 'Org B' }, before: 1.5, after: 3, change: 'strengthened' }]);
  });
});
