import { describe, expect, it } from 'vitest';
import { computeWeights, decide, type Elector, equalWeights, type ExactFraction, type MajorityRule } from './index.ts';

const f = (numerator: number, denominator = 1): ExactFraction => ({ numerator: `${numerator}`, denominator: `${denominator}` });
const twoThirds = (abstentions: MajorityRule['abstentions']): MajorityRule =>
  ({ threshold: { numerator: 2, denominator: 3 }, comparison: 'at_least', abstentions });

/** Twelve member organizations: 7 yes, 3 no, 2 abstain. */
const ids = Array.from({ length: 12 }, (_, i) => `org${String(i).padStart(2, '0')}`);
const positions = ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'abstain', 'abstain'] as const;
const ballots = ids.map((voterId, i) => ({ voterId, ballot: { position: positions[i]! } }));
const vote = (rule: MajorityRule, cast = ballots, electorate: Elector[] = equalWeights(ids)) =>
  decide({ method: 'majority', rule, options: [], electorate, ballots: cast });

describe('majority', () => {
  it('two-thirds with abstentions excluded: 7 of 10 counted passes', () => {
    expect(vote(twoThirds('excluded'))).toEqual({
      method: 'majority', passed: true, decidedBy: 'unweighted',
      threshold: { numerator: 2, denominator: 3 }, comparison: 'at_least', abstentions: 'excluded',
      unweighted: { yes: 7, no: 3, abstain: 2, base: 10, required: f(20, 3), passes: true, minimumYes: 7 },
      weighted: null,
      electorateSize: 12, participated: 12,
    });
  });

  it('two-thirds with abstentions in the base: 7 of 12 is short of 8', () => {
    expect(vote(twoThirds('count_in_base'))).toMatchObject({
      passed: false,
      unweighted: { yes: 7, no: 3, abstain: 2, base: 12, required: f(8), passes: false, minimumYes: 8 },
    });
  });

  it('two-thirds with abstentions counted as no: the same arithmetic, abstentions still reported as cast', () => {
    expect(vote(twoThirds('count_as_no'))).toMatchObject({
      passed: false, abstentions: 'count_as_no',
      unweighted: { yes: 7, no: 3, abstain: 2, base: 12, required: f(8), passes: false, minimumYes: 8 },
    });
  });

  it('a tie exactly on the threshold passes "at least" and fails "more than"', () => {
    const six = ballots.slice(0, 6).concat(ballots.slice(7, 10)); // 6 yes, 3 no: exactly two thirds
    expect(vote(twoThirds('excluded'), six)).toMatchObject({ passed: true, unweighted: { yes: 6, base: 9, required: f(6) } });
    expect(vote({ ...twoThirds('excluded'), comparison: 'more_than' }, six))
      .toMatchObject({ passed: false, unweighted: { required: f(6), minimumYes: 7 } });
    const split = [...ballots.slice(3, 10), { voterId: ids[10]!, ballot: { position: 'no' as const } }]; // 4 yes, 4 no
    const half = { numerator: 1, denominator: 2 };
    expect(vote({ threshold: half, comparison: 'more_than', abstentions: 'excluded' }, split)).toMatchObject({ passed: false, unweighted: { yes: 4, no: 4 } });
    expect(vote({ threshold: half, comparison: 'at_least', abstentions: 'excluded' }, split)).toMatchObject({ passed: true });
  });

  it('unanimity (threshold 1) needs every counted ballot', () => {
    const all = { threshold: { numerator: 1, denominator: 1 }, comparison: 'at_least', abstentions: 'excluded' } as const;
    expect(vote(all, ballots.slice(0, 7))).toMatchObject({ passed: true });
    expect(vote(all, ballots.slice(0, 8))).toMatchObject({ passed: false });
  });

  it('nothing passes on an empty base: no ballots, or only excluded abstentions', () => {
    expect(vote(twoThirds('excluded'), [])).toMatchObject({ passed: false, unweighted: { base: 0, minimumYes: 1 }, participated: 0 });
    expect(vote(twoThirds('excluded'), ballots.slice(10))).toMatchObject({ passed: false, unweighted: { abstain: 2, base: 0 } });
  });

  it('a weighted vote decides by weight and shows both tallies: unweighted passes, weighted fails', () => {
    // The anchor commits 40 of the 60 organizers; half the weight is shared equally.
    const { weights } = computeWeights(
      { equalShare: 0.5, inputs: [{ key: 'organizers', share: 0.5 }] },
      [['anchor', 40], ['a', 5], ['b', 5], ['c', 5], ['d', 5]].map(([id, organizers]) => ({ id: id as string, inputs: { organizers: organizers as number } })),
    );
    expect(weights[0]!.weight).toEqual(f(13, 30));
    const cast = [['anchor', 'no'], ['a', 'yes'], ['b', 'yes'], ['c', 'yes'], ['d', 'no']] as const;
    const outcome = decide({
      method: 'majority', rule: { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' },
      options: [], electorate: weights, ballots: cast.map(([voterId, position]) => ({ voterId, ballot: { position } })),
    });
    expect(outcome).toEqual({
      method: 'majority', passed: false, decidedBy: 'weighted',
      threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded',
      unweighted: { yes: 3, no: 2, abstain: 0, base: 5, required: f(5, 2), passes: true, minimumYes: 3 },
      weighted: { yes: f(17, 40), no: f(23, 40), abstain: f(0), base: f(1), required: f(1, 2), passes: false },
      electorateSize: 5, participated: 5,
    });
  });

  it('weights given as plain numbers are read exactly: 0.1 + 0.2 against 0.3', () => {
    const electorate = [{ id: 'a', weight: 0.1 }, { id: 'b', weight: 0.2 }, { id: 'c', weight: 0.3 }];
    const cast = [{ voterId: 'a', ballot: { position: 'yes' } }, { voterId: 'b', ballot: { position: 'yes' } }, { voterId: 'c', ballot: { position: 'no' } }];
    const atLeastHalf = { threshold: { numerator: 1, denominator: 2 }, comparison: 'at_least', abstentions: 'excluded' } as const;
    // In floats 0.1 + 0.2 > 0.3 and "more than half" would pass; exactly, it is a tie.
    expect(decide({ method: 'majority', rule: { ...atLeastHalf, comparison: 'more_than' }, options: [], electorate, ballots: cast }))
      .toMatchObject({ passed: false, weighted: { yes: f(3, 10), no: f(3, 10), required: f(3, 10) } });
    expect(decide({ method: 'majority', rule: atLeastHalf, options: [], electorate, ballots: cast })).toMatchObject({ passed: true });
  });

  it('electors of weight zero cannot carry a weighted vote alone', () => {
    const electorate = [{ id: 'observer', weight: 0 }, { id: 'member', weight: 1 }];
    expect(decide({
      method: 'majority', rule: twoThirds('excluded'), options: [], electorate,
      ballots: [{ voterId: 'observer', ballot: { position: 'yes' } }],
    })).toMatchObject({ passed: false, decidedBy: 'weighted', unweighted: { passes: true }, weighted: { base: f(0), passes: false } });
  });
});
