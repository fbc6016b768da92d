// Simple and super majorities, weighted or not. The threshold is applied to a base that depends
// on the abstention rule (see ABSTENTION_MODES in rules.ts), and the comparison is exact.
import type { MajorityBallot, MajorityPosition } from './ballots.ts';
import { type CountedVote, unitsAsWeight } from './counted-ballots.ts';
import {
  add, ceiling, compare, type ExactFraction, floor, fromRatio, multiply, type Rational, rational, toExact, ZERO,
} from './rational.ts';
import type { MajorityRule } from './rules.ts';

interface Tally<T> {
  yes: T;
  no: T;
  /** Abstentions as cast, whatever the rule does with them. */
  abstain: T;
  /** What the threshold is a share of: yes + no, plus abstentions unless they are excluded. */
  base: T;
  /** threshold × base; yes must be more than it, or at least it, as `comparison` says. */
  required: ExactFraction;
  /** Whether this tally alone would pass the proposal. */
  passes: boolean;
}

export interface UnweightedMajorityTally extends Tally<number> {
  /** The fewest yes ballots that would pass against this base. */
  minimumYes: number;
}
export type WeightedMajorityTally = Tally<ExactFraction>;

export interface MajorityOutcome {
  method: 'majority';
  passed: boolean;
  /** `weighted` when electors' weights differ; the other tally is then shown beside it. */
  decidedBy: 'weighted' | 'unweighted';
  threshold: MajorityRule['threshold'];
  comparison: MajorityRule['comparison'];
  abstentions: MajorityRule['abstentions'];
  unweighted: UnweightedMajorityTally;
  /** Null when every elector weighs the same: the weighted tally would say nothing new. */
  weighted: WeightedMajorityTally | null;
  electorateSize: number;
  participated: number;
}

function sides(vote: CountedVote<MajorityBallot>, weighted: boolean): Record<MajorityPosition, Rational> {
  const totals: Record<MajorityPosition, bigint> = { yes: 0n, no: 0n, abstain: 0n };
  for (const { ballot, weightUnits } of vote.ballots) totals[ballot.position] += weighted ? weightUnits : 1n;
  const exact = (total: bigint) => (weighted ? unitsAsWeight(total, vote) : rational(total));
  return { yes: exact(totals.yes), no: exact(totals.no), abstain: exact(totals.abstain) };
}

/**
 * Never passes on an empty base: with no yes or no counted (no ballots, or only excluded
 * abstentions) nothing was decided, even though 0 is "at least" any share of 0.
 */
function judge(rule: MajorityRule, totals: Record<MajorityPosition, Rational>) {
  const base = rule.abstentions === 'excluded' ? add(totals.yes, totals.no) : add(add(totals.yes, totals.no), totals.abstain);
  const required = multiply(fromRatio(rule.threshold), base);
  const order = compare(totals.yes, required);
  const reached = rule.comparison === 'more_than' ? order > 0 : order >= 0;
  return { base, required, passes: reached && compare(base, ZERO) > 0 };
}

export function decideMajority(rule: MajorityRule, vote: CountedVote<MajorityBallot>): MajorityOutcome {
  const counts = sides(vote, false);
  const plain = judge(rule, counts);
  const minimumYes = rule.comparison === 'more_than' ? floor(plain.required) + 1n : ceiling(plain.required);
  const unweighted: UnweightedMajorityTally = {
    yes: Number(counts.yes.n), no: Number(counts.no.n), abstain: Number(counts.abstain.n), base: Number(plain.base.n),
    required: toExact(plain.required), passes: plain.passes, minimumYes: Number(minimumYes > 1n ? minimumYes : 1n),
  };
  let weighted: WeightedMajorityTally | null = null;
  if (vote.weighted) {
    const sums = sides(vote, true);
    const verdict = judge(rule, sums);
    weighted = {
      yes: toExact(sums.yes), no: toExact(sums.no), abstain: toExact(sums.abstain), base: toExact(verdict.base),
      required: toExact(verdict.required), passes: verdict.passes,
    };
  }
  return {
    method: 'majority',
    passed: weighted ? weighted.passes : unweighted.passes,
    decidedBy: weighted ? 'weighted' : 'unweighted',
    threshold: rule.threshold, comparison: rule.comparison, abstentions: rule.abstentions,
    unweighted, weighted,
    electorateSize: vote.electorateSize, participated: vote.ballots.length,
  };
}
