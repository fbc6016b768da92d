// The advice process: the decider asks those affected and must hear them, but nothing is tallied
// and nothing passes or fails here; the outcome is what was said, by whom.
import { type AdviceBallot, type AdvicePosition, hasReason } from './ballots.ts';
import type { CountedVote } from './counted-ballots.ts';

export interface AdviceOutcome {
  method: 'advice';
  reasons: { voterId: string; position: AdvicePosition | null; reason: string | null }[];
  counts: Record<AdvicePosition | 'unstated', number>;
  electorateSize: number;
  participated: number;
}

export function decideAdvice(vote: CountedVote<AdviceBallot>): AdviceOutcome {
  const counts: AdviceOutcome['counts'] = { support: 0, concern: 0, neutral: 0, unstated: 0 };
  const reasons = vote.ballots.map(({ voterId, ballot }) => {
    counts[ballot.position ?? 'unstated'] += 1;
    return { voterId, position: ballot.position ?? null, reason: hasReason(ballot.reason) ? ballot.reason!.trim() : null };
  });
  return { method: 'advice', reasons, counts, electorateSize: vote.electorateSize, participated: vote.ballots.length };
}
