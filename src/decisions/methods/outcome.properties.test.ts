// Properties every method must keep, whatever the electorate, weights and ballots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CastBallot, computeWeights, decide, type DecisionInput, type Elector, type MajorityRule } from './index.ts';
import {
  adviceBallotArb, approvalBallotArb, consensusBallotArb, consentBallotArb, electorateArb, equalElectorateArb,
  majorityBallotArb, majorityRuleArb, optionsArb, scoreBallotArb, scoreRuleArb, shuffledArb, voteArb,
} from './test-support.ts';

/** The vote with one voter's ballot replaced (or added). */
const withBallot = <B>(ballots: CastBallot<B>[], voterId: string, ballot: B) =>
  [...ballots.filter((b) => b.voterId !== voterId), { voterId, ballot }];

const oneEach = (electorate: Elector[]) => electorate.map((e) => ({ id: e.id, weight: 1 }));

/** Any method's input, with its electorate and ballots. */
const decisionInputArb: fc.Arbitrary<DecisionInput> = fc.oneof(
  voteArb(adviceBallotArb).map((v): DecisionInput => ({ method: 'advice', rule: {}, options: [], ...v })),
  voteArb(consentBallotArb).map((v): DecisionInput => ({ method: 'consent', rule: {}, options: [], ...v })),
  voteArb(consensusBallotArb).map((v): DecisionInput => ({ method: 'consensus', rule: {}, options: [], ...v })),
  fc.tuple(majorityRuleArb, voteArb(majorityBallotArb)).map(([rule, v]): DecisionInput => ({ method: 'majority', rule, options: [], ...v })),
  fc.tuple(optionsArb, fc.integer({ min: 1, max: 4 })).chain(([options, winners]) =>
    voteArb(approvalBallotArb(options)).map((v): DecisionInput => ({ method: 'approval', rule: { winners }, options, ...v }))),
  fc.tuple(optionsArb, scoreRuleArb).chain(([options, rule]) =>
    voteArb(scoreBallotArb(options, rule)).map((v): DecisionInput => ({ method: 'score', rule, options, ...v }))),
);

describe('properties of every method', () => {
  it('permuting the electorate and the ballots changes nothing', () => {
    const arb = decisionInputArb.chain((input) =>
      fc.tuple(fc.constant(input), shuffledArb(input.electorate), shuffledArb(input.ballots)));
    fc.assert(fc.property(arb, ([input, electorate, ballots]) => {
      expect(decide({ ...input, electorate, ballots } as DecisionInput)).toEqual(decide(input));
    }), { numRuns: 300 });
  });

  it('only the latest ballot counts, however the history is ordered', () => {
    const arb = decisionInputArb.chain((input) => fc.tuple(
      fc.constant(input),
      fc.array(fc.nat({ max: input.ballots.length }), { maxLength: 6 }), // earlier ballots to invent, by voter index
      fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 7 + input.ballots.length, maxLength: 7 + input.ballots.length }),
    ).chain(([input, earlier, times]) => {
      const latestTime = Math.max(...times);
      const history = [
        ...input.ballots.map((b, i) => ({ ...b, castAt: new Date(Date.UTC(2026, 0, 1) + latestTime * 1000 + i).toISOString() })),
        // Earlier ballots reuse another voter's ballot: valid, but not what counts.
        ...earlier.filter((i) => i < input.ballots.length).map((i, k) => ({
          voterId: input.ballots[i]!.voterId, ballot: input.ballots[(i + 1) % input.ballots.length]!.ballot,
          castAt: new Date(Date.UTC(2026, 0, 1) + times[k]! * 1000 - 1).toISOString(),
        })),
      ];
      return fc.tuple(fc.constant(input), shuffledArb(history));
    }));
    fc.assert(fc.property(arb, ([input, history]) => {
      expect(decide({ ...input, ballots: history } as DecisionInput)).toEqual(decide(input));
    }));
  });

  it('refuses any ballot from outside the electorate', () => {
    fc.assert(fc.property(decisionInputArb, (input) => {
      const outsider = `x-${input.electorate.map((e) => e.id).join('')}`;
      const ballot = input.ballots[0]?.ballot ?? {};
      expect(() => decide({ ...input, ballots: [...input.ballots, { voterId: outsider, ballot }] } as DecisionInput))
        .toThrow(expect.objectContaining({ code: 'not_in_electorate', voterId: outsider }));
    }));
  });
});

describe('majority properties', () => {
  const atLeast = majorityRuleArb.map((r): MajorityRule => ({ ...r, comparison: 'at_least' }));

  it('unanimous yes passes at any threshold up to 1 with "at least", weighted or not', () => {
    fc.assert(fc.property(atLeast, electorateArb(), (rule, electorate) => {
      const ballots = electorate.map((e) => ({ voterId: e.id, ballot: { position: 'yes' } }));
      expect(decide({ method: 'majority', rule, options: [], electorate, ballots }).passed).toBe(true);
    }));
  });

  it('equal weights give exactly the unweighted result, which is the plain count', () => {
    fc.assert(fc.property(majorityRuleArb, voteArb(majorityBallotArb, equalElectorateArb()), (rule, { electorate, ballots }) => {
      const outcome = decide({ method: 'majority', rule, options: [], electorate, ballots });
      expect(outcome).toEqual(decide({ method: 'majority', rule, options: [], electorate: oneEach(electorate), ballots }));
      const equalShareOnly = computeWeights({ equalShare: 1, inputs: [] }, electorate.map((e) => ({ id: e.id, inputs: {} }))).weights;
      expect(outcome).toEqual(decide({ method: 'majority', rule, options: [], electorate: equalShareOnly, ballots }));
      expect(outcome.decidedBy).toBe('unweighted');
      // The count by hand, in integers.
      const count = (p: string) => ballots.filter((b) => b.ballot.position === p).length;
      const base = count('yes') + count('no') + (rule.abstentions === 'excluded' ? 0 : count('abstain'));
      const [yesSide, line] = [count('yes') * rule.threshold.denominator, rule.threshold.numerator * base];
      expect(outcome.passed).toBe(base > 0 && (rule.comparison === 'more_than' ? yesSide > line : yesSide >= line));
    }));
  });

  it('one more yes never turns a pass into a fail: a new voter, or a voter changing to yes', () => {
    const arb = fc.tuple(majorityRuleArb, voteArb(majorityBallotArb)).chain(([rule, vote]) =>
      fc.tuple(fc.constant(rule), fc.constant(vote), fc.nat({ max: vote.electorate.length - 1 })));
    fc.assert(fc.property(arb, ([rule, { electorate, ballots }, index]) => {
      const before = decide({ method: 'majority', rule, options: [], electorate, ballots });
      const after = decide({ method: 'majority', rule, options: [], electorate, ballots: withBallot(ballots, electorate[index]!.id, { position: 'yes' as const }) });
      if (before.passed) expect(after.passed).toBe(true);
    }), { numRuns: 300 });
  });
});

describe('consent and consensus properties', () => {
  it('an objection with a reason always stops consent', () => {
    const arb = voteArb(consentBallotArb).chain((v) => fc.tuple(fc.constant(v), fc.nat({ max: v.electorate.length - 1 })));
    fc.assert(fc.property(arb, ([{ electorate, ballots }, index]) => {
      const objecting = withBallot(ballots, electorate[index]!.id, { position: 'object' as const, reason: 'not yet' });
      expect(decide({ method: 'consent', rule: {}, options: [], electorate, ballots: objecting }).passed).toBe(false);
    }));
  });

  it('unanimous consent passes', () => {
    fc.assert(fc.property(electorateArb(), (electorate) => {
      const ballots = electorate.map((e) => ({ voterId: e.id, ballot: { position: 'consent' } }));
      expect(decide({ method: 'consent', rule: {}, options: [], electorate, ballots }).passed).toBe(true);
    }));
  });

  it('a block always stops consensus, whatever the other ballots', () => {
    const arb = voteArb(consensusBallotArb).chain((v) => fc.tuple(fc.constant(v), fc.nat({ max: v.electorate.length - 1 })));
    fc.assert(fc.property(arb, ([{ electorate, ballots }, index]) => {
      const blocked = withBallot(ballots, electorate[index]!.id, { position: 'block' as const, reason: 'against our charter' });
      const outcome = decide({ method: 'consensus', rule: {}, options: [], electorate, ballots: blocked });
      expect(outcome.passed).toBe(false);
      expect(outcome.blocks.map((b) => b.voterId)).toContain(electorate[index]!.id);
    }));
  });

  it('unanimous agreement passes consensus; stand-asides are all recorded', () => {
    fc.assert(fc.property(voteArb(fc.constantFrom({ position: 'agree' as const }, { position: 'stand_aside' as const })), ({ electorate, ballots }) => {
      const outcome = decide({ method: 'consensus', rule: {}, options: [], electorate, ballots });
      expect(outcome.passed).toBe(outcome.agree.length > 0);
      expect(outcome.agree.length + outcome.standAside.length).toBe(ballots.length);
      const all = decide({ method: 'consensus', rule: {}, options: [], electorate, ballots: electorate.map((e) => ({ voterId: e.id, ballot: { position: 'agree' } })) });
      expect(all.passed).toBe(true);
    }));
  });

  it('advice counts every ballot once', () => {
    fc.assert(fc.property(voteArb(adviceBallotArb), ({ electorate, ballots }) => {
      const outcome = decide({ method: 'advice', rule: {}, options: [], electorate, ballots });
      expect(Object.values(outcome.counts).reduce((a, b) => a + b, 0)).toBe(ballots.length);
      expect(outcome.reasons.map((r) => r.voterId).sort()).toEqual(ballots.map((b) => b.voterId).sort());
    }));
  });
});

describe('approval and score properties', () => {
  const choiceArb = optionsArb.chain((options) => fc.tuple(fc.constant(options), fc.constantFrom(...options), fc.integer({ min: 1, max: options.length })));

  it('an option everyone approves wins, or ties at the cut line when others are approved as widely', () => {
    fc.assert(fc.property(choiceArb.chain(([options, favourite, winners]) => fc.tuple(
      fc.constant(options), fc.constant(favourite), fc.constant(winners), electorateArb().chain((e) => fc.tuple(fc.constant(e), fc.array(fc.subarray(options), { minLength: e.length, maxLength: e.length }))),
    )), ([options, favourite, winners, [electorate, extras]]) => {
      const only = decide({ method: 'approval', rule: { winners }, options, electorate, ballots: electorate.map((e) => ({ voterId: e.id, ballot: { approved: [favourite] } })) });
      expect(only.winners).toContain(favourite);
      const ballots = electorate.map((e, i) => ({ voterId: e.id, ballot: { approved: [favourite, ...extras[i]!.filter((o) => o !== favourite)] } }));
      const outcome = decide({ method: 'approval', rule: { winners }, options, electorate, ballots });
      expect([...outcome.winners, ...(outcome.ties?.options ?? [])]).toContain(favourite);
    }));
  });

  it('a top score from everyone wins, and wins alone when everything else gets the minimum', () => {
    fc.assert(fc.property(choiceArb, scoreRuleArb, electorateArb(), ([options, favourite], rule, electorate) => {
      const ballots = electorate.map((e) => ({ voterId: e.id, ballot: { scores: Object.fromEntries(options.map((o) => [o, o === favourite ? rule.max : rule.min])) } }));
      expect(decide({ method: 'score', rule, options, electorate, ballots })).toMatchObject({ winners: [favourite], ties: null });
    }));
  });

  it('equal weights give exactly the unweighted winners, ties and counts', () => {
    const approvalArb = fc.tuple(optionsArb, fc.integer({ min: 1, max: 3 })).chain(([options, winners]) =>
      voteArb(approvalBallotArb(options), equalElectorateArb()).map((v) => ({ options, winners, ...v })));
    fc.assert(fc.property(approvalArb, ({ options, winners, electorate, ballots }) => {
      const plain = decide({ method: 'approval', rule: { winners }, options, electorate: oneEach(electorate), ballots });
      const equal = decide({ method: 'approval', rule: { winners }, options, electorate, ballots });
      expect(equal.decidedBy).toBe('unweighted');
      expect({ ...equal, counts: equal.counts.map((c) => [c.option, c.unweighted]) }).toEqual({ ...plain, counts: plain.counts.map((c) => [c.option, c.unweighted]) });
    }));
    const scoreArb = fc.tuple(optionsArb, scoreRuleArb).chain(([options, rule]) =>
      voteArb(scoreBallotArb(options, rule), equalElectorateArb()).map((v) => ({ options, rule, ...v })));
    fc.assert(fc.property(scoreArb, ({ options, rule, electorate, ballots }) => {
      const plain = decide({ method: 'score', rule, options, electorate: oneEach(electorate), ballots });
      const equal = decide({ method: 'score', rule, options, electorate, ballots });
      const decisive = (o: typeof plain) => ({ ...o, totals: o.totals.map(({ option, ballots: n, sum, average }) => ({ option, n, sum, average })) });
      expect(decisive(equal)).toEqual(decisive(plain));
    }));
  });
});
