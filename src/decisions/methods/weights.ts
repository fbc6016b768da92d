// Weighted organization votes: an alliance may give members with more "skin in the game" more
// weight, but only from declared, visible inputs (organizers committed, dues paid, ...), and every
// weight comes with the arithmetic that produced it, so any member can check its own.
import { z } from 'zod';
import { DecisionInputError, type FieldCode } from './errors.ts';
import {
  add, compare, divide, equals, type ExactFraction, fromNumber, fromRatio, multiply, ONE, type Ratio,
  type Rational, rational, sum, toExact, toNumber, ZERO,
} from './rational.ts';

/** A share of the total weight: a decimal (0.25, read exactly as written) or a ratio (1/3). */
export type Share = number | Ratio;

/**
 * How weight is shared out: `equalShare` is split evenly among all voters, and each input's share
 * is split in proportion to that input (a member with 30 of the 100 organizers gets 30% of the
 * organizers' share). equalShare plus the inputs' shares must be exactly 1.
 */
export interface Weighting {
  equalShare: Share;
  inputs: { key: string; share: Share }[];
}

/** A voter's declared inputs, by key (e.g. `{ organizers: 12, dues: 2400 }`). */
export interface VoterWeightInputs { id: string; inputs: Record<string, number> }

export interface ElectorWeight { id: string; weight: ExactFraction }

export interface WeightComponent {
  key: string;
  /** This voter's input, and the total of that input over all voters. */
  value: number;
  total: number;
  share: ExactFraction;
  /** share × value / total, or share / voters when the total is 0 (spreadEqually). */
  contribution: ExactFraction;
  /** Nobody declared any of this input, so its share was split evenly rather than lost. */
  spreadEqually: boolean;
}

export interface WeightExplanation {
  voterId: string;
  weight: ExactFraction;
  equalShare: { share: ExactFraction; voters: number; contribution: ExactFraction };
  components: WeightComponent[];
}

export interface WeightedElectorate {
  /** One per voter, in the order given; the weights sum to exactly 1. */
  weights: ElectorWeight[];
  explanations: WeightExplanation[];
}

const isRatio = (share: unknown): share is Ratio => typeof share === 'object' && share !== null
  && Number.isSafeInteger((share as Ratio).numerator) && Number.isSafeInteger((share as Ratio).denominator)
  && (share as Ratio).denominator > 0;

/** The share as an exact fraction, or null when it is not a share at all. */
function readShare(share: unknown): Rational | null {
  if (typeof share === 'number') return Number.isFinite(share) ? fromNumber(share) : null;
  return isRatio(share) ? fromRatio(share) : null;
}

const inUnitRange = (r: Rational) => compare(r, ZERO) >= 0 && compare(r, ONE) <= 0;

export function validateWeighting(weighting: Weighting): FieldCode[] {
  const errors: FieldCode[] = [];
  const shares: Rational[] = [];
  const checkShare = (field: string, share: unknown) => {
    const exact = readShare(share);
    if (exact === null) errors.push({ field, code: 'not_a_share' });
    else if (!inUnitRange(exact)) errors.push({ field, code: 'out_of_range' });
    else shares.push(exact);
  };
  checkShare('equalShare', weighting.equalShare);
  const keys = new Set<string>();
  weighting.inputs.forEach((input, index) => {
    if (typeof input.key !== 'string' || input.key.trim() === '') errors.push({ field: `inputs[${index}].key`, code: 'required' });
    else if (keys.has(input.key)) errors.push({ field: `inputs[${index}].key`, code: 'duplicate_key' });
    else keys.add(input.key);
    checkShare(`inputs[${index}].share`, input.share);
  });
  // Only worth saying once every share could be read; otherwise the sum means nothing.
  if (errors.length === 0 && !equals(sum(shares), ONE)) errors.push({ field: 'inputs', code: 'shares_must_sum_to_one' });
  return errors;
}

export function validateVoterInputs(weighting: Weighting, voters: readonly VoterWeightInputs[]): FieldCode[] {
  const errors: FieldCode[] = [];
  const ids = new Set<string>();
  voters.forEach((voter, index) => {
    if (typeof voter.id !== 'string' || voter.id === '') errors.push({ field: `voters[${index}].id`, code: 'required' });
    else if (ids.has(voter.id)) errors.push({ field: `voters[${index}].id`, code: 'duplicate_voter' });
    else ids.add(voter.id);
    for (const { key } of weighting.inputs) {
      const field = `voters[${index}].inputs.${key}`;
      const value = Object.hasOwn(voter.inputs, key) ? voter.inputs[key] : undefined;
      // A missing input is an error, not a zero: a weight must come from what was declared.
      if (value === undefined) errors.push({ field, code: 'required' });
      else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) errors.push({ field, code: 'out_of_range' });
    }
  });
  return errors;
}

/**
 * weight = equalShare / N + Σ share_k × input_k / Σ input_k over the N voters. When nobody has any
 * of an input (Σ input_k = 0) its share is spread equally instead, and the explanation says so.
 * Throws DecisionInputError('invalid_weighting') naming every field at fault.
 */
export function computeWeights(weighting: Weighting, voters: readonly VoterWeightInputs[]): WeightedElectorate {
  const errors = [...validateWeighting(weighting), ...validateVoterInputs(weighting, voters)];
  if (errors.length) throw new DecisionInputError('invalid_weighting', errors);
  const voterCount = rational(BigInt(voters.length));
  const equalShare = readShare(weighting.equalShare)!;
  const equalContribution = voters.length ? divide(equalShare, voterCount) : ZERO;
  const inputs = weighting.inputs.map(({ key, share }) => {
    const values = voters.map((voter) => fromNumber(voter.inputs[key]!));
    return { key, share: readShare(share)!, values, total: sum(values) };
  });

  const explanations = voters.map((voter, index): WeightExplanation => {
    let weight = equalContribution;
    const components = inputs.map(({ key, share, values, total }): WeightComponent => {
      const spreadEqually = equals(total, ZERO);
      const contribution = spreadEqually ? divide(share, voterCount) : multiply(share, divide(values[index]!, total));
      weight = add(weight, contribution);
      return {
        key, value: voter.inputs[key]!, total: toNumber(total), share: toExact(share),
        contribution: toExact(contribution), spreadEqually,
      };
    });
    return {
      voterId: voter.id,
      weight: toExact(weight),
      equalShare: { share: toExact(equalShare), voters: voters.length, contribution: toExact(equalContribution) },
      components,
    };
  });
  return { weights: explanations.map((e) => ({ id: e.voterId, weight: e.weight })), explanations };
}

/** One vote each: every voter weighs 1/N. */
export function equalWeights(ids: readonly string[]): ElectorWeight[] {
  const weight = toExact(rational(1n, BigInt(Math.max(ids.length, 1))));
  return ids.map((id) => ({ id, weight }));
}

const ShareInputSchema = z.union([
  z.number(),
  z.object({ numerator: z.int().min(0), denominator: z.int().min(1) }),
]);

/** The weighting as the API accepts it; refinements report the same fields and codes as validateWeighting. */
export const WeightingSchema = z.object({
  equalShare: ShareInputSchema,
  inputs: z.array(z.object({ key: z.string(), share: ShareInputSchema })),
}).superRefine((weighting, context) => {
  for (const { field, code } of validateWeighting(weighting)) {
    const path = field.split(/[.[\]]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    context.addIssue({ code: 'custom', message: code, path });
  }
});
