// Decision methods for votes between organizations, committee seats or people: ballots, rules,
// weights, quorum and outcomes. Ranked methods (IRV, STV) live in ../tally/.
export * from './ballots.ts';
export * from './rules.ts';
export * from './weights.ts';
export * from './quorum.ts';
export * from './outcome.ts';
export { DecisionInputError, type DecisionInputErrorCode, type FieldCode } from './errors.ts';
export type { CastBallot, Elector, Weight } from './counted-ballots.ts';
export type { ExactFraction, Ratio } from './rational.ts';
export { approximate } from './rational.ts';
export type { AdviceOutcome } from './advice.ts';
export type { ApprovalCount, ApprovalOutcome } from './approval.ts';
export type { ConsensusOutcome } from './consensus.ts';
export type { ConsentOutcome } from './consent.ts';
export type { CutLineTie } from './cut-line.ts';
export type { MajorityOutcome, UnweightedMajorityTally, WeightedMajorityTally } from './majority.ts';
export type { ScoreOutcome, ScoreTotal } from './score.ts';
