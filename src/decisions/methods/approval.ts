// Approval voting: each elector approves any number of options; the most-approved fill the seats.
import type { ApprovalBallot } from './ballots.ts';
import { type CountedVote, unitsAsWeight } from './counted-ballots.ts';
import { type CutLineTie, fillSeats } from './cut-line.ts';
import { compare, type ExactFraction, type Rational, rational, toExact } from './rational.ts';
import type { ApprovalRule } from './rules.ts';

export interface ApprovalCount {
  option: string;
  /** Electors approving the option. */
  unweighted: number;
  /** Sum of the weights of electors approving it. */
  weighted: ExactFraction;
}

export interface ApprovalOutcome {
  method: 'approval';
  seats: number;
  /** Certain winners, best first; fewer than `seats` when a tie at the cut line is left open. */
  winners: string[];
  ties: CutLineTie | null;
  decidedBy: 'weighted' | 'unweighted';
  /** Every option, ranked by the count that decides (weighted when weights differ). */
  counts: ApprovalCount[];
  electorateSize: number;
  participated: number;
}

export function decideApproval(rule: ApprovalRule, options: readonly string[], vote: CountedVote<ApprovalBallot>): ApprovalOutcome {
  const unweighted = new Map(options.map((o) => [o, 0]));
  const weightUnits = new Map(options.map((o) => [o, 0n]));
  for (const ballot of vote.ballots) {
    for (const option of ballot.ballot.approved) {
      unweighted.set(option, unweighted.get(option)! + 1);
      weightUnits.set(option, weightUnits.get(option)! + ballot.weightUnits);
    }
  }
  const weighted = new Map<string, Rational>(options.map((o) => [o, unitsAsWeight(weightUnits.get(o)!, vote)]));
  const measureOf = (option: string) => (vote.weighted ? weighted.get(option)! : rational(BigInt(unweighted.get(option)!)));
  const ranked = options.map((option, index) => ({ option, index, measure: measureOf(option) }));
  const { winners, ties } = fillSeats(ranked, Math.min(rule.winners, options.length));
  ranked.sort((a, b) => compare(b.measure, a.measure) || a.index - b.index);
  return {
    method: 'approval',
    seats: rule.winners,
    winners, ties,
    decidedBy: vote.weighted ? 'weighted' : 'unweighted',
    counts: ranked.map(({ option }) => ({ option, unweighted: unweighted.get(option)!, weighted: toExact(weighted.get(option)!) })),
    electorateSize: vote.electorateSize, participated: vote.ballots.length,
  };
}
