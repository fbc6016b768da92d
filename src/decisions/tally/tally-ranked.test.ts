import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal } from './fixed-point.ts';
import { RankedInputError, tallyRanked, type RankedBallotInput } from './tally-ranked.ts';

const NAMES = ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay'];
const WEIGHTS = [1, 2, 3, 0.5, 0.25, 1.75];

/** A random election: 2-6 candidates, up to 40 ballots ranking any subset in any order, some weighted. */
const elections = fc.integer({ min: 2, max: 6 }).chain((n) => {
  const candidates = NAMES.slice(0, n);
  const ballot = fc.record({
    ranking: fc.shuffledSubarray(candidates),
    weight: fc.option(fc.constantFrom(...WEIGHTS), { nil: undefined }),
  });
  return fc.record({
    candidates: fc.constant(candidates),
    ballots: fc.array(ballot, { minLength: 1, maxLength: 40 }),
    seats: fc.integer({ min: 1, max: n }),
    tieBreakSeed: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
  });
});

const units = (text: string) => parseDecimal(text, 4)!.value;

describe('tallyRanked', () => {
  it('counts an instant runoff round by round', () => {
    const result = tallyRanked({
      candidates: ['Ana', 'Ben', 'Cy'], seats: 1,
      ballots: [
        ...Array.from({ length: 4 }, () => ({ ranking: ['Ana'] })),
        ...Array.from({ length: 3 }, () => ({ ranking: ['Ben', 'Cy'] })),
        ...Array.from({ length: 2 }, () => ({ ranking: ['Cy', 'Ben'] })),
      ],
    });
    expect(result.seats).toBe(1);
    expect(result.winners).toEqual(['Ben']);
    expect(result.rounds.map((r) => r.tally)).toEqual([{ Ana: '4', Ben: '3', Cy: '2' }, { Ana: '4', Ben: '5' }]);
    expect(result.rounds[0]).toMatchObject({ eliminated: ['Cy'], transfers: { Cy: { Ben: '2' } }, threshold: '4.5001' });
    expect(result.rounds[1]).toMatchObject({ elected: ['Ben'], exhausted: '0' });
  });

  it('transfers surpluses at fractional value in STV, truncating like RCTab', () => {
    const result = tallyRanked({
      candidates: ['Ana', 'Ben', 'Cy', 'Dee'], seats: 2,
      ballots: [
        ...Array.from({ length: 6 }, () => ({ ranking: ['Ana', 'Cy'] })),
        ...Array.from({ length: 3 }, () => ({ ranking: ['Ana', 'Dee'] })),
        { ranking: ['Ben'], weight: 2 }, { ranking: ['Cy'] }, { ranking: ['Dee'], weight: 0.5 },
      ],
    });
    // 12.5 votes, quota just over 12.5 / 3; Ana's surplus moves at 4.8333 / 9 = 0.537 per ballot.
    expect(result.rounds[0]).toMatchObject({ threshold: '4.1667', elected: ['Ana'], transfers: { Ana: { Cy: '3.222', Dee: '1.611', 'residual surplus': '0.0003' } } });
    expect(result.rounds[1]!.tally).toEqual({ Ana: '4.1667', Ben: '2', Cy: '4.222', Dee: '2.111' });
    expect(result.winners).toEqual(['Ana', 'Cy']);
    expect(result.totalVotes).toBe('12.5');
  });

  it('reads fractional weights exactly and truncates what the arithmetic cannot hold', () => {
    const result = tallyRanked({ candidates: ['Ana', 'Ben'], seats: 1, ballots: [{ ranking: ['Ana'], weight: 0.25 }, { ranking: ['Ben'], weight: 1 / 3 }] });
    expect(result.rounds[0]!.tally).toEqual({ Ana: '0.25', Ben: '0.3333' });
    expect(result.weightsTruncated).toBe(1);
    expect(result.winners).toEqual(['Ben']);
  });

  it('breaks a tie for last by the candidate listed later, or by the seeded draw', () => {
    const ballots = [{ ranking: ['Ana'] }, { ranking: ['Ben'] }, { ranking: ['Cy'] }, { ranking: ['Cy'] }];
    const byOrder = tallyRanked({ candidates: ['Ana', 'Ben', 'Cy'], seats: 1, ballots });
    expect(byOrder.rounds[0]!.eliminated).toEqual(['Ben']);
    expect(byOrder.rounds[0]!.tiebreaks).toEqual([{ candidates: ['Ana', 'Ben'], selected: 'Ben', for: 'last', reason: 'appears latest in the tie-break order' }]);
    const draws = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) => tallyRanked({ candidates: ['Ana', 'Ben', 'Cy'], seats: 1, ballots, tieBreakSeed: seed }).rounds[0]!.eliminated[0]));
    expect(draws).toEqual(new Set(['Ana', 'Ben']));
    const again = tallyRanked({ candidates: ['Ana', 'Ben', 'Cy'], seats: 1, ballots, tieBreakSeed: 'x' });
    expect(tallyRanked({ candidates: ['Ana', 'Ben', 'Cy'], seats: 1, ballots, tieBreakSeed: 'x' })).toEqual(again);
  });

  it('rejects what it cannot count', () => {
    const count = (input: Partial<Parameters<typeof tallyRanked>[0]>) => () => tallyRanked({ candidates: ['Ana', 'Ben'], seats: 1, ballots: [], ...input });
    expect(count({ seats: 3 })).toThrow(/seats: must be a whole number from 1 to 2/);
    expect(count({ seats: 0 })).toThrow(RankedInputError);
    expect(count({ ballots: [{ ranking: ['Zed'] }] })).toThrow(/ballots\[0\]\.ranking\[0\]: "Zed" is not a candidate/);
    expect(count({ ballots: [{ ranking: ['Ana'], weight: -1 }] })).toThrow(/ballots\[0\]\.weight/);
    expect(count({ candidates: ['Ana', 'Ana'] })).toThrow(/listed twice/);
    expect(count({ decimalPlaces: 0 })).toThrow(/decimalPlaces/);
    expect(count({ ballots: [{ ranking: 'Ana' as unknown as string[] }] })).toThrow(/ballots\[0\]\.ranking: must be a list/);
  });
});

describe('tallyRanked properties', () => {
  it('elects a candidate every ballot ranks first', () => {
    fc.assert(fc.property(elections, fc.nat(), ({ candidates, ballots, seats, tieBreakSeed }, pick) => {
      const favourite = candidates[pick % candidates.length]!;
      const unanimous = ballots.map((b) => ({ ...b, ranking: [favourite, ...b.ranking.filter((c) => c !== favourite)] }));
      const result = tallyRanked({ candidates, ballots: unanimous, seats, tieBreakSeed });
      expect(result.winners).toContain(favourite);
      if (seats === 1) expect(result.winners).toEqual([favourite]);
    }));
  });

  it('does not depend on the order of the ballots', () => {
    fc.assert(fc.property(elections.chain((e) => fc.record({ e: fc.constant(e), shuffled: fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length }) })), ({ e, shuffled }) => {
      expect(tallyRanked({ ...e, ballots: shuffled })).toEqual(tallyRanked(e));
    }));
  });

  // Exact for IRV. STV truncates each surplus transfer to the arithmetic's places, so scaled
  // weights can differ in the last place and, rarely, tip a tie the other way.
  it('elects the same candidate when every weight is multiplied by the same whole number (IRV)', () => {
    fc.assert(fc.property(elections, fc.integer({ min: 2, max: 7 }), (e, k) => {
      const scaled: RankedBallotInput[] = e.ballots.map((b) => ({ ...b, weight: (Number(b.weight ?? 1)) * k }));
      expect(tallyRanked({ ...e, seats: 1, ballots: scaled }).winners).toEqual(tallyRanked({ ...e, seats: 1 }).winners);
    }));
  });

  it('accounts for every vote in every round: counting + exhausted + set aside + residual = total', () => {
    fc.assert(fc.property(elections, (e) => {
      const result = tallyRanked(e);
      for (const round of result.rounds) {
        const counted = Object.values(round.tally).reduce((sum, v) => sum + units(v), 0n);
        expect(counted + units(round.exhausted) + units(round.surplusSetAside) + units(round.residualSurplus)).toBe(units(result.totalVotes));
      }
      expect(result.winners).toHaveLength(e.seats);
    }));
  });

  it('elects every candidate when there are as many seats as candidates', () => {
    fc.assert(fc.property(elections, (e) => {
      const result = tallyRanked({ ...e, seats: e.candidates.length });
      expect([...result.winners].sort()).toEqual([...e.candidates].sort());
    }));
  });
});
