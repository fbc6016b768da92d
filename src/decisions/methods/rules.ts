// The rule of each decision method, as zod schemas the API reuses. Messages are codes
// (snake_case), not sentences: the web layer translates them.
import { z } from 'zod';

export const DECISION_METHODS = ['advice', 'consent', 'consensus', 'majority', 'approval', 'score'] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];

/** A share strictly above 0 and at most 1, as a ratio of small integers (2/3, not 0.667). */
export const ShareSchema = z.object({
  numerator: z.int().min(1),
  denominator: z.int().min(1),
}).refine((r) => r.numerator <= r.denominator, { message: 'above_one', path: ['numerator'] });

export const MAJORITY_COMPARISONS = ['more_than', 'at_least'] as const;

/**
 * How abstentions enter a majority vote. The base is what the threshold is a share of:
 * - `excluded`: base = yes + no. An abstention is neither in the numerator nor the base; it
 *   only counts towards quorum (checked against the electorate, see quorum.ts).
 * - `count_in_base`: base = yes + no + abstain. Abstainers are not for the proposal, so passing
 *   is harder than with `excluded`.
 * - `count_as_no`: abstainers are counted with the noes. Arithmetically the same as
 *   `count_in_base` (same base, same yes), so both pass or fail alike; the rule differs in what
 *   the record says abstaining means. Outcomes always report the abstentions as cast.
 */
export const ABSTENTION_MODES = ['count_as_no', 'excluded', 'count_in_base'] as const;

export const MajorityRuleSchema = z.object({
  /** Share of the base the yes side must reach: 1/2 simple, 2/3 super majority. */
  threshold: ShareSchema,
  /** `more_than`: yes > threshold × base (a simple majority); `at_least`: yes ≥ threshold × base. */
  comparison: z.enum(MAJORITY_COMPARISONS),
  abstentions: z.enum(ABSTENTION_MODES),
}).refine((r) => !(r.comparison === 'more_than' && r.threshold.numerator === r.threshold.denominator), {
  // Nothing is more than all of the base: such a rule could never pass.
  message: 'unreachable_threshold', path: ['threshold'],
});
export type MajorityRule = z.infer<typeof MajorityRuleSchema>;

export const ApprovalRuleSchema = z.object({
  /** How many options win (seats to fill). */
  winners: z.int().min(1),
});
export type ApprovalRule = z.infer<typeof ApprovalRuleSchema>;

export const SCORE_MISSING_MODES = ['min', 'ignore'] as const;

export const ScoreRuleSchema = z.object({
  min: z.int(),
  max: z.int(),
  /**
   * An option a ballot leaves unscored: `min` scores it at the minimum (every ballot then counts
   * for every option); `ignore` leaves it out of that option's sum and average.
   */
  missingAs: z.enum(SCORE_MISSING_MODES),
}).refine((r) => r.min < r.max, { message: 'min_not_below_max', path: ['max'] });
export type ScoreRule = z.infer<typeof ScoreRuleSchema>;

// No settings, but strict so a rule meant for another method is refused rather than ignored.
export const ConsentRuleSchema = z.strictObject({});
export const ConsensusRuleSchema = z.strictObject({});
export const AdviceRuleSchema = z.strictObject({});
export type ConsentRule = z.infer<typeof ConsentRuleSchema>;
export type ConsensusRule = z.infer<typeof ConsensusRuleSchema>;
export type AdviceRule = z.infer<typeof AdviceRuleSchema>;

export interface RuleByMethod {
  advice: AdviceRule;
  consent: ConsentRule;
  consensus: ConsensusRule;
  majority: MajorityRule;
  approval: ApprovalRule;
  score: ScoreRule;
}

export const RULE_SCHEMAS = {
  advice: AdviceRuleSchema,
  consent: ConsentRuleSchema,
  consensus: ConsensusRuleSchema,
  majority: MajorityRuleSchema,
  approval: ApprovalRuleSchema,
  score: ScoreRuleSchema,
} as const satisfies { [M in DecisionMethod]: z.ZodType<RuleByMethod[M]> };

/** A method with its rule, as a vote stores them. */
export const MethodAndRuleSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('advice'), rule: AdviceRuleSchema }),
  z.object({ method: z.literal('consent'), rule: ConsentRuleSchema }),
  z.object({ method: z.literal('consensus'), rule: ConsensusRuleSchema }),
  z.object({ method: z.literal('majority'), rule: MajorityRuleSchema }),
  z.object({ method: z.literal('approval'), rule: ApprovalRuleSchema }),
  z.object({ method: z.literal('score'), rule: ScoreRuleSchema }),
]);
export type MethodAndRule = z.infer<typeof MethodAndRuleSchema>;

/** Share of the electorate that must take part; null means no quorum. */
export const QuorumRuleSchema = z.object({ share: ShareSchema.nullable() });
export type QuorumRule = z.infer<typeof QuorumRuleSchema>;

export const SIMPLE_MAJORITY: MajorityRule = {
  threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded',
};
export const TWO_THIRDS_MAJORITY: MajorityRule = {
  threshold: { numerator: 2, denominator: 3 }, comparison: 'at_least', abstentions: 'excluded',
};
