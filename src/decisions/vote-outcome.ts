import {
  approximate, checkQuorum, computeWeights, decide, DecisionInputError, equalWeights, type FieldCode, RULE_SCHEMAS,
  validateBallot as validateMethodBallot, validateWeighting, type DecisionMethod,
} from './methods/index.ts';
import { RankedInputError, tallyRanked } from './tally/index.ts';
import type { VoteConfig } from './decision.schema.ts';
import type { Elector } from './electorate.ts';
import { fieldErrorsFromZod } from '../server/problem.ts';

// The bridge between stored votes and the pure methods (./methods for the non-ranked ones,
// ./tally for IRV and STV): checks a vote's settings and ballots, weighs the electorate, and
// computes the outcome with its quorum.

const RANKED = new Set(['irv', 'stv']);
const NEEDS_OPTIONS = new Set(['approval', 'score', 'irv', 'stv']);

// The methods speak in codes; the API answers in words (the web app words them again in Spanish).
const MESSAGES: Record<string, string> = {
  required: 'required', reason_required: 'give a reason', unknown_option: 'not one of the vote\'s options', duplicate_option: 'listed twice',
  not_an_object: 'not a ballot', unknown_field: 'not part of this kind of ballot', out_of_range: 'outside the allowed range',
  not_an_integer: 'must be a whole number', shares_must_sum_to_one: 'the shares must add up to 1', not_a_share: 'must be between 0 and 1',
  invalid_choice: 'not one of the choices', not_a_string: 'must be text', not_a_list: 'must be a list', too_long: 'too long',
  position_or_reason_required: 'give a position or a reason', below_min: 'below the minimum', above_max: 'above the maximum', duplicate_key: 'listed twice',
  // The rule schemas' codes (methods/rules.ts).
  above_one: 'at most 1', unreachable_threshold: 'nothing is more than the whole: use "at least"', min_not_below_max: 'must be above the minimum',
};
const worded = (errors: FieldCode[]) => errors.map((e) => ({ field: e.field, message: MESSAGES[e.code] ?? e.code.replace(/_/g, ' ') }));

export function validateVoteConfig(config: VoteConfig): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  if (NEEDS_OPTIONS.has(config.method) && config.options.length < 2) errors.push({ field: 'options', message: 'list at least two options' });
  if (new Set(config.options.map((o) => o.id)).size !== config.options.length) errors.push({ field: 'options', message: 'option ids must differ' });
  if (config.method === 'stv' && config.seats >= config.options.length) errors.push({ field: 'seats', message: 'fewer seats than options' });
  if (!RANKED.has(config.method)) {
    const { seats: _s, ...rule } = { ...(config.method === 'approval' ? { winners: config.seats } : {}), ...config.rule } as Record<string, unknown>;
    const parsed = RULE_SCHEMAS[config.method as DecisionMethod].safeParse(rule);
    if (!parsed.success) errors.push(...fieldErrorsFromZod(parsed.error, 'rule').map((e) => ({ ...e, message: MESSAGES[e.message] ?? e.message })));
  }
  if (config.weighting) {
    if (config.electorate.kind === 'people') errors.push({ field: 'weighting', message: 'only organization and committee votes are weighted' });
    errors.push(...worded(validateWeighting(config.weighting)).map((e) => ({ ...e, field: `weighting.${e.field}` })));
  }
  return errors;
}

type StoredVote = { method: string; rule: unknown; options: unknown; weighting: unknown; quorum: unknown };
const optionIds = (vote: StoredVote) => (vote.options as { id: string }[]).map((o) => o.id);
// The vote stores its seats beside the method's rule; approval calls them winners.
const methodRule = (vote: StoredVote) => {
  const { seats, ...rule } = vote.rule as Record<string, unknown>;
  return vote.method === 'approval' && rule.winners === undefined ? { ...rule, winners: seats } : rule;
};

function rankedBallotErrors(ballot: Record<string, unknown>, options: string[]): FieldCode[] {
  const ranking = ballot.ranking;
  if (!Array.isArray(ranking) || ranking.length === 0) return [{ field: 'ranking', code: 'required' }];
  const errors: FieldCode[] = [];
  ranking.forEach((id, i) => {
    if (!options.includes(id as string)) errors.push({ field: `ranking[${i}]`, code: 'unknown_option' });
    else if (ranking.indexOf(id) !== i) errors.push({ field: `ranking[${i}]`, code: 'duplicate_option' });
  });
  return errors;
}

export function validateBallot(vote: StoredVote, ballot: Record<string, unknown>) {
  const options = optionIds(vote);
  if (RANKED.has(vote.method)) return worded(rankedBallotErrors(ballot, options));
  return worded(validateMethodBallot(vote.method as DecisionMethod, methodRule(vote) as never, options, ballot));
}

/** Each elector's weight: from the declared inputs when the vote is weighted, else one each. */
export function electorWeights(weighting: (VoteConfig['weighting'] & object) | null, electors: Elector[]) {
  const result = new Map<string, { weight: { numerator: string; denominator: string }; inputs: Record<string, unknown> | null }>();
  if (!weighting) {
    for (const w of equalWeights(electors.map((e) => e.id))) result.set(w.id, { weight: w.weight, inputs: null });
    return result;
  }
  const voters = electors.map((e) => ({ id: e.id, inputs: weighting.values[e.id] ?? {} }));
  const computed = computeWeights(weighting, voters);
  for (const explanation of computed.explanations) {
    result.set(explanation.voterId, { weight: explanation.weight, inputs: { declared: weighting.values[explanation.voterId] ?? {}, explanation } });
  }
  return result;
}

interface StoredElector { electorId: string; label: string; weight: { numerator: string; denominator: string } }
interface StoredBallot { electorId: string; ballot: unknown }


/** The outcome of a closed vote: the method's result with its arithmetic, and the quorum. */
export function computeOutcome(vote: StoredVote, electors: StoredElector[], ballots: StoredBallot[]) {
  const quorumShare = vote.quorum as { numerator: number; denominator: number } | null;
  const quorum = checkQuorum({ electorateSize: electors.length, participated: new Set(ballots.map((b) => b.electorId)).size, share: quorumShare });
  const weighted = new Set(electors.map((e) => `${e.weight.numerator}/${e.weight.denominator}`)).size > 1;
  let result: Record<string, unknown>;
  try {
    if (RANKED.has(vote.method)) {
      const weightOf = new Map(electors.map((e) => [e.electorId, approximate(e.weight) * electors.length]));
      result = { ...tallyRanked({
        candidates: optionIds(vote),
        ballots: ballots.map((b) => ({ ranking: (b.ballot as { ranking: string[] }).ranking, weight: weighted ? weightOf.get(b.electorId)! : 1 })),
        seats: vote.method === 'irv' ? 1 : Number((vote.rule as { seats?: number }).seats ?? 1),
      }) };
    } else {
      result = decide({
        method: vote.method as DecisionMethod, rule: methodRule(vote) as never, options: optionIds(vote),
        electorate: electors.map((e) => ({ id: e.electorId, weight: e.weight })),
        ballots: ballots.map((b) => ({ voterId: b.electorId, ballot: b.ballot })),
      }) as unknown as Record<string, unknown>;
    }
  } catch (err) {
    // Nothing doubtful is counted: the vote closes with the reason it could not be tallied.
    if (err instanceof DecisionInputError) return { quorum, quorumMet: quorum.met, passed: null, error: { code: err.code, errors: err.errors } };
    if (err instanceof RankedInputError) return { quorum, quorumMet: quorum.met, passed: null, error: { code: 'invalid_ranked_input', errors: [] } };
    throw err;
  }
  const passed = typeof result.passed === 'boolean' ? (quorum.met && result.passed) : null;
  return { quorum, quorumMet: quorum.met, passed, weighted, result };
}

/**
 * The outcome of a closed secret vote, from its ballot box: each ballot counts as a nameless
 * elector with the weight it carried, the electors who did not vote count as themselves, and
 * whatever the method reports per voter (a block, an objection, a reason) comes out with no voter.
 */
export function computeSecretOutcome(vote: StoredVote, electors: StoredElector[], voted: Set<string>,
  box: { ballot: unknown; weight: StoredElector['weight'] }[]) {
  const nameless = box.map((b, i) => ({ electorId: `secret-ballot-${i + 1}`, label: '', weight: b.weight, ballot: b.ballot }));
  const outcome = computeOutcome(vote, [...nameless, ...electors.filter((e) => !voted.has(e.electorId))], nameless);
  return withoutVoters(outcome, new Set(nameless.map((n) => n.electorId))) as typeof outcome;
}

/** The outcome with every nameless ballot's id replaced by null, and per-voter lists sorted by what was said. */
function withoutVoters(value: unknown, nameless: Set<string>): unknown {
  if (typeof value === 'string') return nameless.has(value) ? null : value;
  if (Array.isArray(value)) {
    const items = value.map((v) => withoutVoters(v, nameless));
    const perVoter = items.some((i) => typeof i === 'object' && i !== null && 'voterId' in i);
    return perVoter ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutVoters(v, nameless)]));
}
