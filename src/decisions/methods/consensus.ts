// Consensus with stand-aside and block: any block stops the proposal whatever else was said;
// a stand-aside lets it go ahead and is recorded with its reason, so the disagreement is kept.
import { type ConsensusBallot, hasReason } from './ballots.ts';
import type { CountedVote } from './counted-ballots.ts';

export interface ConsensusOutcome {
  method: 'consensus';
  passed: boolean;
  agree: string[];
  standAside: { voterId: string; reason: string | null }[];
  blocks: { voterId: string; reason: string }[];
  electorateSize: number;
  participated: number;
}

/** Passes when nobody blocks and at least one elector agrees: a room of stand-asides agreed on nothing. */
export function decideConsensus(vote: CountedVote<ConsensusBallot>): ConsensusOutcome {
  const agree: string[] = [];
  const standAside: ConsensusOutcome['standAside'] = [];
  const blocks: ConsensusOutcome['blocks'] = [];
  for (const { voterId, ballot } of vote.ballots) {
    if (ballot.position === 'agree') agree.push(voterId);
    else if (ballot.position === 'stand_aside') standAside.push({ voterId, reason: hasReason(ballot.reason) ? ballot.reason!.trim() : null });
    else blocks.push({ voterId, reason: ballot.reason!.trim() });
  }
  return {
    method: 'consensus',
    passed: blocks.length === 0 && agree.length > 0,
    agree, standAside, blocks,
    electorateSize: vote.electorateSize, participated: vote.ballots.length,
  };
}
