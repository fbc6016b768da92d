// Quorum: enough of the electorate must take part for a decision to be a decision. It is measured
// against everyone entitled to vote, not against the ballots cast, and abstaining is taking part.
import { DecisionInputError, type FieldCode } from './errors.ts';
import type { Ratio } from './rational.ts';

export interface QuorumCheck {
  electorateSize: number;
  participated: number;
  /** Share of the electorate that must take part; null means the vote has no quorum. */
  share: Ratio | null;
}

export interface QuorumResult {
  /** ceil(share × electorateSize): the fewest participants that make quorum. */
  required: number;
  participated: number;
  electorateSize: number;
  share: Ratio | null;
  met: boolean;
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Integer arithmetic throughout: in floats 7/100 × 100 lands a hair above 7 and would demand 8. */
export function checkQuorum({ electorateSize, participated, share }: QuorumCheck): QuorumResult {
  const errors: FieldCode[] = [];
  if (!isCount(electorateSize)) errors.push({ field: 'electorateSize', code: 'not_a_count' });
  if (!isCount(participated)) errors.push({ field: 'participated', code: 'not_a_count' });
  else if (participated > electorateSize) errors.push({ field: 'participated', code: 'exceeds_electorate' });
  if (share !== null && !(isCount(share.numerator) && isCount(share.denominator) && share.denominator > 0 && share.numerator <= share.denominator)) {
    errors.push({ field: 'share', code: 'not_a_share' });
  }
  if (errors.length) throw new DecisionInputError('invalid_quorum_input', errors);
  let required = 0;
  if (share !== null) {
    const numerator = BigInt(share.numerator) * BigInt(electorateSize);
    const denominator = BigInt(share.denominator);
    required = Number((numerator + denominator - 1n) / denominator);
  }
  return { required, participated, electorateSize, share, met: participated >= required };
}
