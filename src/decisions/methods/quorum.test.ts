import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuorum, DecisionInputError } from './index.ts';
import { thrownBy } from './test-support.ts';

describe('quorum', () => {
  it('is counted against the electorate, rounding up', () => {
    expect(checkQuorum({ electorateSize: 27, participated: 14, share: { numerator: 1, denominator: 2 } }))
      .toEqual({ required: 14, participated: 14, electorateSize: 27, share: { numerator: 1, denominator: 2 }, met: true });
    expect(checkQuorum({ electorateSize: 27, participated: 13, share: { numerator: 1, denominator: 2 } }).met).toBe(false);
  });

  it('is exact where floats are not: 7% of 100 is 7', () => {
    expect(Math.ceil((7 / 100) * 100)).toBe(8); // why integer arithmetic is used
    expect(checkQuorum({ electorateSize: 100, participated: 7, share: { numerator: 7, denominator: 100 } })).toMatchObject({ required: 7, met: true });
    expect(checkQuorum({ electorateSize: 77, participated: 63, share: { numerator: 9, denominator: 11 } })).toMatchObject({ required: 63, met: true });
  });

  it('without a quorum rule anyone taking part is enough', () => {
    expect(checkQuorum({ electorateSize: 12, participated: 0, share: null })).toMatchObject({ required: 0, met: true });
  });

  it('refuses counts that cannot be, naming the field', () => {
    expect(() => checkQuorum({ electorateSize: 5, participated: 6, share: null })).toThrow(DecisionInputError);
    expect(thrownBy(() => checkQuorum({ electorateSize: -1, participated: 0, share: { numerator: 2, denominator: 1 } }))).toMatchObject({
      code: 'invalid_quorum_input',
      errors: [{ field: 'electorateSize', code: 'not_a_count' }, { field: 'participated', code: 'exceeds_electorate' }, { field: 'share', code: 'not_a_share' }],
    });
  });

  it('property: requires the fewest participants reaching the share of the electorate, whoever voted', () => {
    const shareArb = fc.integer({ min: 1, max: 20 }).chain((d) => fc.integer({ min: 1, max: d }).map((n) => ({ numerator: n, denominator: d })));
    const caseArb = fc.tuple(fc.nat({ max: 500 }), shareArb).chain(([electorateSize, share]) =>
      fc.tuple(fc.constant(electorateSize), fc.constant(share), fc.nat({ max: electorateSize }), fc.nat({ max: electorateSize })));
    fc.assert(fc.property(caseArb, ([electorateSize, share, participated, otherParticipation]) => {
      const result = checkQuorum({ electorateSize, participated, share });
      // Smallest k with k / electorateSize ≥ share, found the slow way.
      let smallest = 0;
      while (smallest * share.denominator < share.numerator * electorateSize) smallest += 1;
      expect(result.required).toBe(smallest);
      expect(result.met).toBe(participated >= smallest);
      expect(checkQuorum({ electorateSize, participated: otherParticipation, share }).required).toBe(result.required);
    }));
  });
});
