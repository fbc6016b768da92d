// Errors from the decision methods carry codes and field names, never sentences or values:
// the web layer translates codes, and a ballot's content must not leak into logs.

export interface FieldCode { field: string; code: string }

export type DecisionInputErrorCode =
  | 'invalid_rule'
  | 'invalid_options'
  | 'invalid_electorate'
  | 'invalid_weight'
  | 'not_in_electorate'
  | 'ambiguous_ballot_order'
  | 'invalid_ballot'
  | 'invalid_weighting'
  | 'invalid_quorum_input';

/** The caller handed the tally something it must not count. Nothing is decided. */
export class DecisionInputError extends Error {
  override readonly name = 'DecisionInputError';
  constructor(
    readonly code: DecisionInputErrorCode,
    readonly errors: FieldCode[] = [],
    /** The voter whose ballot or weight is at fault, when there is one. */
    readonly voterId: string | null = null,
  ) {
    super(errors.length ? `${code}: ${errors.map((e) => `${e.field} ${e.code}`).join(', ')}` : code);
  }
}
