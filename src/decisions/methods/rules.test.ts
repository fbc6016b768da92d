import { describe, expect, it } from 'vitest';
import {
  ApprovalRuleSchema, ConsentRuleSchema, MajorityRuleSchema, MethodAndRuleSchema, QuorumRuleSchema, ScoreRuleSchema,
  SIMPLE_MAJORITY, TWO_THIRDS_MAJORITY,
} from './index.ts';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('rule schemas', () => {
  it('accepts the simple and two-thirds presets', () => {
    expect(MajorityRuleSchema.parse(SIMPLE_MAJORITY)).toEqual(SIMPLE_MAJORITY);
    expect(MajorityRuleSchema.parse(TWO_THIRDS_MAJORITY)).toEqual(TWO_THIRDS_MAJORITY);
  });

  it('refuses thresholds of zero, above one, and "more than all"', () => {
    const base = { comparison: 'at_least', abstentions: 'excluded' } as const;
    expect(MajorityRuleSchema.safeParse({ ...base, threshold: { numerator: 0, denominator: 2 } }).success).toBe(false);
    expect(messages(MajorityRuleSchema.safeParse({ ...base, threshold: { numerator: 3, denominator: 2 } })))
      .toEqual([['threshold.numerator', 'above_one']]);
    expect(MajorityRuleSchema.safeParse({ ...base, threshold: { numerator: 1, denominator: 1 } }).success).toBe(true);
    expect(messages(MajorityRuleSchema.safeParse({ ...base, comparison: 'more_than', threshold: { numerator: 2, denominator: 2 } })))
      .toEqual([['threshold', 'unreachable_threshold']]);
    expect(MajorityRuleSchema.safeParse({ ...base, threshold: { numerator: 0.5, denominator: 1 } }).success).toBe(false);
  });

  it('needs every majority setting spelled out', () => {
    expect(MajorityRuleSchema.safeParse({ threshold: { numerator: 1, denominator: 2 } }).success).toBe(false);
    expect(MajorityRuleSchema.safeParse({ ...SIMPLE_MAJORITY, abstentions: 'ignored' }).success).toBe(false);
  });

  it('approval fills at least one seat; score needs min below max', () => {
    expect(ApprovalRuleSchema.safeParse({ winners: 0 }).success).toBe(false);
    expect(ApprovalRuleSchema.safeParse({ winners: 3 }).success).toBe(true);
    expect(messages(ScoreRuleSchema.safeParse({ min: 5, max: 5, missingAs: 'min' }))).toEqual([['max', 'min_not_below_max']]);
    expect(ScoreRuleSchema.safeParse({ min: -2, max: 2, missingAs: 'ignore' }).success).toBe(true);
  });

  it('consent, consensus and advice take no settings, and refuse a rule meant for another method', () => {
    expect(ConsentRuleSchema.safeParse({}).success).toBe(true);
    expect(ConsentRuleSchema.safeParse({ winners: 2 }).success).toBe(false);
  });

  it('reads a method with its rule', () => {
    expect(MethodAndRuleSchema.parse({ method: 'approval', rule: { winners: 2 } })).toEqual({ method: 'approval', rule: { winners: 2 } });
    expect(MethodAndRuleSchema.safeParse({ method: 'approval', rule: SIMPLE_MAJORITY }).success).toBe(false);
    expect(MethodAndRuleSchema.safeParse({ method: 'irv', rule: {} }).success).toBe(false);
  });

  it('quorum is a share of the electorate, or none', () => {
    expect(QuorumRuleSchema.parse({ share: null })).toEqual({ share: null });
    expect(QuorumRuleSchema.parse({ share: { numerator: 1, denominator: 2 } })).toEqual({ share: { numerator: 1, denominator: 2 } });
    expect(QuorumRuleSchema.safeParse({ share: { numerator: 3, denominator: 2 } }).success).toBe(false);
  });
});
