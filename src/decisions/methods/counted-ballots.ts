// Everything every method needs before counting: a valid rule, the electorate with exact weights,
// and one valid ballot per voter (the latest), each from someone entitled to vote.
import { type BallotByMethod, validateBallot } from './ballots.ts';
import { DecisionInputError, type FieldCode } from './errors.ts';
import {
  compare, type ExactFraction, equals, fromExact, fromNumber, gcd, isExactFraction, type Rational, rational, ZERO,
} from './rational.ts';
import { type DecisionMethod, RULE_SCHEMAS, type RuleByMethod } from './rules.ts';

/**
 * A voter's weight: an exact fraction (what computeWeights and equalWeights return) or a number,
 * read exactly as its shortest decimal (0.1 is 1/10), never rounded. Only ratios between weights
 * matter, so they need not sum to 1.
 */
export type Weight = number | ExactFraction;

export interface Elector { id: string; weight: Weight }

/**
 * A ballot as stored. The caller may pass a voter's whole history: the ballot with the latest
 * `castAt` (ISO 8601) counts. A voter with several ballots must give each a distinct `castAt`;
 * array order never decides, so the outcome does not depend on how rows were sorted.
 */
export interface CastBallot<B = unknown> { voterId: string; ballot: B; castAt?: string }

export interface CountedBallot<B> {
  voterId: string;
  ballot: B;
  /**
   * The voter's weight in units of 1 / weightScale (a common denominator of all weights), so
   * tallies add integers; adding fractions one by one costs a gcd per ballot.
   */
  weightUnits: bigint;
}

export interface CountedVote<B> {
  /** One per voter who took part, sorted by voter id so input order never shows through. */
  ballots: CountedBallot<B>[];
  electorateSize: number;
  /** Weights differ between electors, so weighted tallies decide. */
  weighted: boolean;
  weightScale: bigint;
}

/** A total of weight units as the exact weight it stands for. */
export const unitsAsWeight = (units: bigint, vote: CountedVote<unknown>) => rational(units, vote.weightScale);

function readWeight(weight: unknown): Rational | null {
  const exact = typeof weight === 'number' ? (Number.isFinite(weight) ? fromNumber(weight) : null)
    : isExactFraction(weight) ? fromExact(weight) : null;
  return exact !== null && compare(exact, ZERO) >= 0 ? exact : null;
}

function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]') || 'rule';
}

export function checkedRule<M extends DecisionMethod>(method: M, rule: unknown): RuleByMethod[M] {
  const parsed = RULE_SCHEMAS[method].safeParse(rule);
  if (!parsed.success) {
    throw new DecisionInputError('invalid_rule', parsed.error.issues.map((i) => ({ field: fieldOf(i.path), code: i.message })));
  }
  return parsed.data as RuleByMethod[M];
}

function checkOptions(options: readonly string[]) {
  const errors: FieldCode[] = [];
  const seen = new Set<string>();
  options.forEach((id, index) => {
    if (typeof id !== 'string' || id === '') errors.push({ field: `options[${index}]`, code: 'required' });
    else if (seen.has(id)) errors.push({ field: `options[${index}]`, code: 'duplicate_option' });
    else seen.add(id);
  });
  if (errors.length) throw new DecisionInputError('invalid_options', errors);
}

function weightsByElector(electorate: readonly Elector[]): Map<string, Rational> {
  const weights = new Map<string, Rational>();
  electorate.forEach(({ id, weight }, index) => {
    if (typeof id !== 'string' || id === '') {
      throw new DecisionInputError('invalid_electorate', [{ field: `electorate[${index}].id`, code: 'required' }]);
    }
    if (weights.has(id)) {
      throw new DecisionInputError('invalid_electorate', [{ field: `electorate[${index}].id`, code: 'duplicate_voter' }], id);
    }
    const exact = readWeight(weight);
    if (exact === null) throw new DecisionInputError('invalid_weight', [{ field: `electorate[${index}].weight`, code: 'not_a_weight' }], id);
    weights.set(id, exact);
  });
  return weights;
}

function latestBallot(voterId: string, history: readonly CastBallot[]): CastBallot {
  const timed = history.map((cast) => {
    const at = cast.castAt === undefined ? Number.NaN : Date.parse(cast.castAt);
    if (cast.castAt !== undefined && Number.isNaN(at)) {
      throw new DecisionInputError('invalid_ballot', [{ field: 'castAt', code: 'not_a_date' }], voterId);
    }
    return { cast, at };
  });
  if (timed.length === 1) return timed[0]!.cast;
  if (timed.some((t) => Number.isNaN(t.at)) || new Set(timed.map((t) => t.at)).size !== timed.length) {
    throw new DecisionInputError('ambiguous_ballot_order', [{ field: 'castAt', code: 'required_and_distinct' }], voterId);
  }
  return timed.reduce((latest, t) => (t.at > latest.at ? t : latest)).cast;
}

/** Throws DecisionInputError when anything would make the count wrong; nothing is half-counted. */
export function countedVote<M extends DecisionMethod>(
  method: M, rule: RuleByMethod[M], options: readonly string[], electorate: readonly Elector[], ballots: readonly CastBallot[],
): CountedVote<BallotByMethod[M]> {
  checkOptions(options);
  const weights = weightsByElector(electorate);
  const weightScale = [...weights.values()].reduce((scale, w) => (scale / gcd(scale, w.d)) * w.d, 1n);
  const histories = new Map<string, CastBallot[]>();
  for (const cast of ballots) {
    if (!weights.has(cast.voterId)) throw new DecisionInputError('not_in_electorate', [{ field: 'voterId', code: 'not_in_electorate' }], cast.voterId);
    const history = histories.get(cast.voterId) ?? [];
    history.push(cast);
    histories.set(cast.voterId, history);
  }
  const counted = [...histories].map(([voterId, history]): CountedBallot<BallotByMethod[M]> => {
    const { ballot } = latestBallot(voterId, history);
    const errors = validateBallot(method, rule, options, ballot);
    if (errors.length) throw new DecisionInputError('invalid_ballot', errors, voterId);
    const weight = weights.get(voterId)!;
    return { voterId, ballot: ballot as BallotByMethod[M], weightUnits: (weight.n * weightScale) / weight.d };
  });
  counted.sort((a, b) => (a.voterId < b.voterId ? -1 : a.voterId > b.voterId ? 1 : 0));
  const all = [...weights.values()];
  return { ballots: counted, electorateSize: weights.size, weighted: all.some((w) => !equals(w, all[0]!)), weightScale };
}
