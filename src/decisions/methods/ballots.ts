// What a ballot looks like under each method, and the check a ballot must pass before it is
// stored or counted. Ballots arrive as JSON, so validation takes `unknown` and answers with
// `{ field, code }` pairs the web layer translates.
import type { FieldCode } from './errors.ts';
import type { DecisionMethod, RuleByMethod, ScoreRule } from './rules.ts';

export const ADVICE_POSITIONS = ['support', 'concern', 'neutral'] as const;
export const CONSENT_POSITIONS = ['consent', 'object'] as const;
export const CONSENSUS_POSITIONS = ['agree', 'stand_aside', 'block'] as const;
export const MAJORITY_POSITIONS = ['yes', 'no', 'abstain'] as const;

export type AdvicePosition = (typeof ADVICE_POSITIONS)[number];
export type ConsentPosition = (typeof CONSENT_POSITIONS)[number];
export type ConsensusPosition = (typeof CONSENSUS_POSITIONS)[number];
export type MajorityPosition = (typeof MAJORITY_POSITIONS)[number];

/** Advice is gathered, not tallied: a position, a reason, or both. */
export interface AdviceBallot { position?: AdvicePosition; reason?: string }
/** An objection must say why, so the circle can answer it. */
export interface ConsentBallot { position: ConsentPosition; reason?: string }
/** A block must say why; a stand-aside may record its disagreement. */
export interface ConsensusBallot { position: ConsensusPosition; reason?: string }
export interface MajorityBallot { position: MajorityPosition }
/** The ids of every option the voter approves; an empty list approves none. */
export interface ApprovalBallot { approved: string[] }
/** An integer score per option id, within the rule's range. */
export interface ScoreBallot { scores: Record<string, number> }

export interface BallotByMethod {
  advice: AdviceBallot;
  consent: ConsentBallot;
  consensus: ConsensusBallot;
  majority: MajorityBallot;
  approval: ApprovalBallot;
  score: ScoreBallot;
}

export type BallotError = FieldCode;

/** Long enough for a considered objection; short enough that a ballot stays a ballot. */
export const REASON_MAX_LENGTH = 10_000;

const FIELDS: { [M in DecisionMethod]: readonly string[] } = {
  advice: ['position', 'reason'],
  consent: ['position', 'reason'],
  consensus: ['position', 'reason'],
  majority: ['position'],
  approval: ['approved'],
  score: ['scores'],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A reason of only whitespace says nothing, so it counts as no reason. */
export const hasReason = (reason: unknown) => typeof reason === 'string' && reason.trim() !== '';

/**
 * Every problem with the ballot, or none. `rule` and `options` are assumed valid (the rule
 * schemas in rules.ts check rules; `options` are the vote's option ids).
 */
export function validateBallot<M extends DecisionMethod>(
  method: M, rule: RuleByMethod[M], options: readonly string[], ballot: unknown,
): BallotError[] {
  if (!isRecord(ballot)) return [{ field: 'ballot', code: 'not_an_object' }];
  const errors: BallotError[] = Object.keys(ballot)
    .filter((key) => !FIELDS[method].includes(key))
    .map((key) => ({ field: key, code: 'unknown_field' }));
  switch (method) {
    case 'advice': return [...errors, ...adviceErrors(ballot)];
    case 'consent': return [...errors, ...positionErrors(ballot, CONSENT_POSITIONS, 'object')];
    case 'consensus': return [...errors, ...positionErrors(ballot, CONSENSUS_POSITIONS, 'block')];
    case 'majority': return [...errors, ...choiceErrors(ballot, 'position', MAJORITY_POSITIONS, true)];
    case 'approval': return [...errors, ...approvalErrors(ballot, options)];
    case 'score': return [...errors, ...scoreErrors(ballot, rule as ScoreRule, options)];
  }
  return errors;
}

export function isValidBallot<M extends DecisionMethod>(
  method: M, rule: RuleByMethod[M], options: readonly string[], ballot: unknown,
): ballot is BallotByMethod[M] {
  return validateBallot(method, rule, options, ballot).length === 0;
}

function choiceErrors(ballot: Record<string, unknown>, field: string, choices: readonly string[], required: boolean): BallotError[] {
  const value = ballot[field];
  if (value === undefined) return required ? [{ field, code: 'required' }] : [];
  return typeof value === 'string' && choices.includes(value) ? [] : [{ field, code: 'invalid_choice' }];
}

function reasonErrors(ballot: Record<string, unknown>): BallotError[] {
  const reason = ballot.reason;
  if (reason === undefined) return [];
  if (typeof reason !== 'string') return [{ field: 'reason', code: 'not_a_string' }];
  return reason.length > REASON_MAX_LENGTH ? [{ field: 'reason', code: 'too_long' }] : [];
}

function positionErrors(ballot: Record<string, unknown>, choices: readonly string[], needsReason: string): BallotError[] {
  const errors = [...choiceErrors(ballot, 'position', choices, true), ...reasonErrors(ballot)];
  const unreadableReason = ballot.reason !== undefined && typeof ballot.reason !== 'string'; // already reported
  if (ballot.position === needsReason && !unreadableReason && !hasReason(ballot.reason)) {
    errors.push({ field: 'reason', code: 'reason_required' });
  }
  return errors;
}

function adviceErrors(ballot: Record<string, unknown>): BallotError[] {
  const errors = [...choiceErrors(ballot, 'position', ADVICE_POSITIONS, false), ...reasonErrors(ballot)];
  if (ballot.position === undefined && !hasReason(ballot.reason) && errors.length === 0) {
    errors.push({ field: 'ballot', code: 'position_or_reason_required' });
  }
  return errors;
}

function approvalErrors(ballot: Record<string, unknown>, options: readonly string[]): BallotError[] {
  const approved = ballot.approved;
  if (approved === undefined) return [{ field: 'approved', code: 'required' }];
  if (!Array.isArray(approved)) return [{ field: 'approved', code: 'not_a_list' }];
  const known = new Set(options);
  const seen = new Set<string>();
  const errors: BallotError[] = [];
  approved.forEach((id: unknown, index) => {
    const field = `approved[${index}]`;
    if (typeof id !== 'string') errors.push({ field, code: 'not_a_string' });
    else if (!known.has(id)) errors.push({ field, code: 'unknown_option' });
    else if (seen.has(id)) errors.push({ field, code: 'duplicate_option' });
    else seen.add(id);
  });
  return errors;
}

function scoreErrors(ballot: Record<string, unknown>, rule: ScoreRule, options: readonly string[]): BallotError[] {
  const scores = ballot.scores;
  if (scores === undefined) return [{ field: 'scores', code: 'required' }];
  if (!isRecord(scores)) return [{ field: 'scores', code: 'not_an_object' }];
  const known = new Set(options);
  const errors: BallotError[] = [];
  for (const [id, score] of Object.entries(scores)) {
    const field = `scores.${id}`;
    if (!known.has(id)) errors.push({ field, code: 'unknown_option' });
    else if (typeof score !== 'number' || !Number.isInteger(score)) errors.push({ field, code: 'not_an_integer' });
    else if (score < rule.min) errors.push({ field, code: 'below_min' });
    else if (score > rule.max) errors.push({ field, code: 'above_max' });
  }
  return errors;
}
