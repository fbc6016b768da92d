import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximate, computeWeights, DecisionInputError, equalWeights, type ExactFraction, validateWeighting, WeightingSchema } from './index.ts';
import { equals, fromExact, ONE, sum } from './rational.ts';
import { thrownBy } from './test-support.ts';

const f = (numerator: number, denominator: number): ExactFraction => ({ numerator: `${numerator}`, denominator: `${denominator}` });
const total = (weights: ExactFraction[]) => sum(weights.map(fromExact));

describe('weighted organization votes', () => {
  const weighting = { equalShare: 0.5, inputs: [{ key: 'organizers', share: 0.3 }, { key: 'dues', share: 0.2 }] };
  const members = [
    { id: 'anchor', inputs: { organizers: 12, dues: 6000 } },
    { id: 'tenants', inputs: { organizers: 6, dues: 3000 } },
    { id: 'faith', inputs: { organizers: 2, dues: 1000 } },
    { id: 'youth', inputs: { organizers: 0, dues: 0 } },
  ];

  it('weighs each member by equal share plus its part of each declared input, exactly', () => {
    const { weights } = computeWeights(weighting, members);
    // anchor: 1/2 ÷ 4 + 3/10 × 12/20 + 1/5 × 6000/10000 = 1/8 + 9/50 + 3/25 = 17/40
    expect(weights).toEqual([
      { id: 'anchor', weight: f(17, 40) },
      { id: 'tenants', weight: f(11, 40) },
      { id: 'faith', weight: f(7, 40) },
      { id: 'youth', weight: f(1, 8) },
    ]);
    expect(equals(total(weights.map((w) => w.weight)), ONE)).toBe(true);
  });

  it('explains every weight: each component with its value, total, share and contribution', () => {
    const { explanations } = computeWeights(weighting, members);
    expect(explanations[0]).toEqual({
      voterId: 'anchor',
      weight: f(17, 40),
      equalShare: { share: f(1, 2), voters: 4, contribution: f(1, 8) },
      components: [
        { key: 'organizers', value: 12, total: 20, share: f(3, 10), contribution: f(9, 50), spreadEqually: false },
        { key: 'dues', value: 6000, total: 10000, share: f(1, 5), contribution: f(3, 25), spreadEqually: false },
      ],
    });
    expect(approximate(explanations[0]!.weight)).toBeCloseTo(0.425, 12);
  });

  it('spreads the share of an input nobody declared any of equally, and says so', () => {
    const { weights, explanations } = computeWeights(
      { equalShare: 0, inputs: [{ key: 'organizers', share: 1 }] },
      [{ id: 'a', inputs: { organizers: 0 } }, { id: 'b', inputs: { organizers: 0 } }],
    );
    expect(weights.map((w) => w.weight)).toEqual([f(1, 2), f(1, 2)]);
    expect(explanations[1]!.components[0]).toMatchObject({ total: 0, contribution: f(1, 2), spreadEqually: true });
  });

  it('reads decimal shares as written, and accepts ratios for thirds', () => {
    expect(0.6 + 0.3 + 0.1).not.toBe(1); // in floats; exactly 1 as written
    expect(validateWeighting({ equalShare: 0.6, inputs: [{ key: 'organizers', share: 0.3 }, { key: 'dues', share: 0.1 }] })).toEqual([]);
    const thirds = { numerator: 1, denominator: 3 };
    expect(validateWeighting({ equalShare: thirds, inputs: [{ key: 'organizers', share: thirds }, { key: 'dues', share: thirds }] })).toEqual([]);
    expect(validateWeighting({ equalShare: 1 / 3, inputs: [{ key: 'organizers', share: 1 / 3 }, { key: 'dues', share: 1 / 3 }] }))
      .toEqual([{ field: 'inputs', code: 'shares_must_sum_to_one' }]);
  });

  it('names the field at fault', () => {
    expect(validateWeighting({ equalShare: 0.5, inputs: [{ key: 'organizers', share: 0.5 }, { key: 'dues', share: 1.5 }] }))
      .toEqual([{ field: 'inputs[1].share', code: 'out_of_range' }]);
    expect(validateWeighting({ equalShare: Number.NaN, inputs: [{ key: '', share: 0.5 }, { key: 'dues', share: 0.2 }, { key: 'dues', share: 0.3 }] })).toEqual([
      { field: 'equalShare', code: 'not_a_share' },
      { field: 'inputs[0].key', code: 'required' },
      { field: 'inputs[2].key', code: 'duplicate_key' },
    ]);
    expect(validateWeighting({ equalShare: 0.5, inputs: [{ key: 'dues', share: 0.4 }] })).toEqual([{ field: 'inputs', code: 'shares_must_sum_to_one' }]);
  });

  it('refuses to weigh a voter whose inputs are missing or negative rather than guess', () => {
    const error = thrownBy(() => computeWeights(weighting, [
      { id: 'a', inputs: { organizers: 3 } },
      { id: 'a', inputs: { organizers: -1, dues: 10 } },
    ]));
    expect(error).toBeInstanceOf(DecisionInputError);
    expect(error).toMatchObject({
      code: 'invalid_weighting',
      errors: [
        { field: 'voters[0].inputs.dues', code: 'required' },
        { field: 'voters[1].id', code: 'duplicate_voter' },
        { field: 'voters[1].inputs.organizers', code: 'out_of_range' },
      ],
    });
  });

  it('the API schema reports the same fields', () => {
    const result = WeightingSchema.safeParse({ equalShare: 0.5, inputs: [{ key: 'organizers', share: 0.5 }, { key: 'dues', share: 1.5 }] });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[['inputs', 1, 'share'], 'out_of_range']]);
    expect(WeightingSchema.safeParse(weighting).success).toBe(true);
  });

  it('equal weights are 1/N each', () => {
    expect(equalWeights(['a', 'b', 'c'])).toEqual(['a', 'b', 'c'].map((id) => ({ id, weight: f(1, 3) })));
    expect(equalWeights([])).toEqual([]);
  });

  const weightingArb = fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 4 })
    .filter((parts) => parts.some((p) => p > 0))
    .map((parts) => {
      const whole = parts.reduce((a, b) => a + b, 0);
      const [equalPart, ...inputParts] = parts;
      return {
        equalShare: { numerator: equalPart!, denominator: whole },
        inputs: inputParts.map((p, i) => ({ key: `k${i}`, share: { numerator: p, denominator: whole } })),
      };
    });
  const votersArb = (keys: string[]) => fc.uniqueArray(fc.stringMatching(/^[a-z]{1,5}$/), { minLength: 1, maxLength: 10 }).chain((ids) =>
    fc.array(fc.array(fc.oneof(fc.constant(0), fc.nat({ max: 500 }), fc.nat({ max: 10_000 }).map((n) => n / 100)), { minLength: keys.length, maxLength: keys.length }),
      { minLength: ids.length, maxLength: ids.length })
      .map((rows) => ids.map((id, i) => ({ id, inputs: Object.fromEntries(keys.map((k, j) => [k, rows[i]![j]!])) }))));

  it('property: weights are non-negative, sum to exactly 1, and each is the sum of its explained parts', () => {
    fc.assert(fc.property(weightingArb.chain((w) => fc.tuple(fc.constant(w), votersArb(w.inputs.map((i) => i.key)))), ([w, voters]) => {
      const { weights, explanations } = computeWeights(w, voters);
      expect(equals(total(weights.map((x) => x.weight)), ONE)).toBe(true);
      for (const e of explanations) {
        expect(BigInt(e.weight.numerator) >= 0n).toBe(true);
        const parts = [e.equalShare.contribution, ...e.components.map((c) => c.contribution)];
        expect(equals(total(parts), fromExact(e.weight))).toBe(true);
      }
    }));
  });

  it('property: an equal share of 1 gives every voter 1/N, whatever the inputs', () => {
    fc.assert(fc.property(votersArb(['organizers']), (voters) => {
      const { weights } = computeWeights({ equalShare: 1, inputs: [{ key: 'organizers', share: 0 }] }, voters);
      expect(weights).toEqual(equalWeights(voters.map((v) => v.id)));
    }));
  });
});
