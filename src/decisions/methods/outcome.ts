// One entry point for every non-ranked method: check the input, keep each voter's latest ballot,
// and count it by the method's rule. Outcomes are data (numbers, codes, ids, exact fractions),
// never sentences: the web layer words them in the reader's language.
import { type AdviceOutcome, decideAdvice } from './advice.ts';
import { type ApprovalOutcome, decideApproval } from './approval.ts';
import type { BallotByMethod } from './ballots.ts';
import { type ConsensusOutcome, decideConsensus } from './consensus.ts';
import { type ConsentOutcome, decideConsent } from './consent.ts';
import { type CastBallot, checkedRule, countedVote, type CountedVote, type Elector } from './counted-ballots.ts';
import { DecisionInputError } from './errors.ts';
import { decideMajority, type MajorityOutcome } from './majority.ts';
import type { DecisionMethod, RuleByMethod } from './rules.ts';
import { decideScore, type ScoreOutcome } from './score.ts';

export interface OutcomeByMethod {
  advice: AdviceOutcome;
  consent: ConsentOutcome;
  consensus: ConsensusOutcome;
  majority: MajorityOutcome;
  approval: ApprovalOutcome;
  score: ScoreOutcome;
}

export type DecisionOutcome<M extends DecisionMethod = DecisionMethod> = OutcomeByMethod[M];

export type DecisionInput<M extends DecisionMethod = DecisionMethod> = {
  [K in M]: {
    method: K;
    rule: RuleByMethod[K];
    /** The vote's option ids, in the order the vote shows them (approval and score; [] otherwise). */
    options: readonly string[];
    /** Everyone entitled to vote, each once, with a weight (see Weight; equalWeights for one vote each). */
    electorate: readonly Elector[];
    /** Ballots as stored, possibly a voter's whole history (see CastBallot: the latest counts). */
    ballots: readonly CastBallot[];
  };
}[M];

/**
 * The outcome of a vote with its arithmetic. Throws DecisionInputError (with a code, the fields
 * at fault, and the voter when there is one) rather than count anything doubtful: a ballot from
 * outside the electorate (`not_in_electorate`), an invalid ballot or rule, a bad weight, or a
 * voter's history whose order cannot be told.
 */
export function decide<M extends DecisionMethod>(input: DecisionInput<M>): DecisionOutcome<M> {
  return decideAny(input as DecisionInput) as DecisionOutcome<M>;
}

function decideAny(input: DecisionInput): DecisionOutcome {
  const { options, electorate, ballots } = input;
  const count = <K extends DecisionMethod>(method: K, rule: RuleByMethod[K]): CountedVote<BallotByMethod[K]> =>
    countedVote(method, rule, options, electorate, ballots);
  switch (input.method) {
    case 'advice': return decideAdvice(count('advice', checkedRule('advice', input.rule)));
    case 'consent': return decideConsent(count('consent', checkedRule('consent', input.rule)));
    case 'consensus': return decideConsensus(count('consensus', checkedRule('consensus', input.rule)));
    case 'majority': {
      const rule = checkedRule('majority', input.rule);
      return decideMajority(rule, count('majority', rule));
    }
    case 'approval': {
      const rule = checkedRule('approval', input.rule);
      return decideApproval(rule, options, count('approval', rule));
    }
    case 'score': {
      const rule = checkedRule('score', input.rule);
      return decideScore(rule, options, count('score', rule));
    }
    default: // ranked methods and anything else arriving untyped from storage
      throw new DecisionInputError('invalid_rule', [{ field: 'method', code: 'invalid_choice' }]);
  }
}
