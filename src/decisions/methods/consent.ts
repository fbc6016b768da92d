// Consent (sociocratic): a proposal passes unless someone objects, and an objection must carry
// its reason (ballot validation refuses one without), so every objection that reaches the count
// stands and stops the proposal. Weights play no part: one reasoned objection is enough.
import type { ConsentBallot } from './ballots.ts';
import type { CountedVote } from './counted-ballots.ts';

export interface ConsentOutcome {
  method: 'consent';
  passed: boolean;
  consents: number;
  objections: { voterId: string; reason: string }[];
  electorateSize: number;
  participated: number;
}

/**
 * Passes when nobody objects and at least one elector consented: silence from everyone is not
 * consent (whether enough took part is the quorum's question, see quorum.ts).
 */
export function decideConsent(vote: CountedVote<ConsentBallot>): ConsentOutcome {
  const objections = vote.ballots.filter((b) => b.ballot.position === 'object')
    .map((b) => ({ voterId: b.voterId, reason: b.ballot.reason!.trim() }));
  const consents = vote.ballots.length - objections.length;
  return {
    method: 'consent',
    passed: objections.length === 0 && consents > 0,
    consents, objections,
    electorateSize: vote.electorateSize, participated: vote.ballots.length,
  };
}
