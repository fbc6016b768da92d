// Shared by the decision method tests: fast-check generators (electorates with and without
// differing weights, ballots of every method, shuffles) and a catcher for expected errors.
import fc from 'fast-check';
import type {
  AdviceBallot, ApprovalBallot, ConsensusBallot, ConsentBallot, MajorityBallot, ScoreBallot,
} from './ballots.ts';
import type { CastBallot, Elector, Weight } from './counted-ballots.ts';
import type { MajorityRule, ScoreRule } from './rules.ts';

export const voterIdsArb = (minLength = 1, maxLength = 12) =>
  fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength, maxLength });

const weightArb: fc.Arbitrary<Weight> = fc.oneof(
  fc.nat({ max: 50 }),
  fc.nat({ max: 1000 }).map((n) => n / 100), // decimals such as 0.07, read exactly
  fc.tuple(fc.nat({ max: 40 }), fc.integer({ min: 1, max: 40 })).map(([n, d]) => ({ numerator: `${n}`, denominator: `${d}` })),
);

/** Electors with weights that usually differ; sometimes all equal. */
export const electorateArb = (minLength = 1, maxLength = 12): fc.Arbitrary<Elector[]> => voterIdsArb(minLength, maxLength).chain((ids) =>
  fc.oneof(
    fc.array(weightArb, { minLength: ids.length, maxLength: ids.length }),
    weightArb.map((w) => ids.map(() => w)),
  ).map((weights) => ids.map((id, i) => ({ id, weight: weights[i]! }))));

export const equalElectorateArb = (minLength = 1, maxLength = 12) =>
  fc.tuple(voterIdsArb(minLength, maxLength), fc.integer({ min: 1, max: 9 }))
    .map(([ids, weight]) => ids.map((id): Elector => ({ id, weight })));

const reasonArb = fc.stringMatching(/^[a-z][a-z ]{0,12}$/);

export const majorityBallotArb: fc.Arbitrary<MajorityBallot> = fc.constantFrom('yes', 'no', 'abstain').map((position) => ({ position }));
export const consentBallotArb: fc.Arbitrary<ConsentBallot> = fc.oneof(
  fc.constant<ConsentBallot>({ position: 'consent' }),
  reasonArb.map((reason): ConsentBallot => ({ position: 'consent', reason })),
  reasonArb.map((reason): ConsentBallot => ({ position: 'object', reason })),
);
export const consensusBallotArb: fc.Arbitrary<ConsensusBallot> = fc.oneof(
  fc.constant<ConsensusBallot>({ position: 'agree' }),
  fc.option(reasonArb, { nil: undefined }).map((reason): ConsensusBallot => (reason ? { position: 'stand_aside', reason } : { position: 'stand_aside' })),
  reasonArb.map((reason): ConsensusBallot => ({ position: 'block', reason })),
);
export const adviceBallotArb: fc.Arbitrary<AdviceBallot> = fc.oneof(
  fc.constantFrom('support', 'concern', 'neutral').map((position): AdviceBallot => ({ position })),
  fc.tuple(fc.constantFrom('support', 'concern', 'neutral'), reasonArb).map(([position, reason]): AdviceBallot => ({ position, reason })),
  reasonArb.map((reason): AdviceBallot => ({ reason })),
);
export const approvalBallotArb = (options: readonly string[]): fc.Arbitrary<ApprovalBallot> =>
  fc.subarray([...options]).map((approved) => ({ approved }));
export const scoreBallotArb = (options: readonly string[], rule: ScoreRule): fc.Arbitrary<ScoreBallot> =>
  fc.subarray([...options]).chain((scored) =>
    fc.array(fc.integer({ min: rule.min, max: rule.max }), { minLength: scored.length, maxLength: scored.length })
      .map((values) => ({ scores: Object.fromEntries(scored.map((o, i) => [o, values[i]!])) })));

export const majorityRuleArb: fc.Arbitrary<MajorityRule> = fc.record({
  threshold: fc.integer({ min: 1, max: 12 }).chain((denominator) =>
    fc.integer({ min: 1, max: denominator }).map((numerator) => ({ numerator, denominator }))),
  comparison: fc.constantFrom('more_than', 'at_least'),
  abstentions: fc.constantFrom('count_as_no', 'excluded', 'count_in_base'),
}).filter((r) => !(r.comparison === 'more_than' && r.threshold.numerator === r.threshold.denominator));

export const scoreRuleArb: fc.Arbitrary<ScoreRule> = fc.record({
  min: fc.integer({ min: -3, max: 2 }),
  span: fc.integer({ min: 1, max: 10 }),
  missingAs: fc.constantFrom('min', 'ignore'),
}).map(({ min, span, missingAs }) => ({ min, max: min + span, missingAs }));

export const optionsArb = fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1, maxLength: 6 });

/** Some of the electorate cast a ballot; each voter at most once. */
export function ballotsArb<B>(electorate: readonly Elector[], ballotArb: fc.Arbitrary<B>): fc.Arbitrary<CastBallot<B>[]> {
  return fc.array(fc.option(ballotArb, { nil: undefined }), { minLength: electorate.length, maxLength: electorate.length })
    .map((maybe) => maybe.flatMap((ballot, i) => (ballot === undefined ? [] : [{ voterId: electorate[i]!.id, ballot }])));
}

export const voteArb = <B>(ballotArb: fc.Arbitrary<B>, electorate = electorateArb()) =>
  electorate.chain((electors) => ballotsArb(electors, ballotArb).map((ballots) => ({ electorate: electors, ballots })));

export const shuffledArb = <T>(items: readonly T[]) =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

/** The error `run` throws; fails the test when it throws nothing. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
