// The in-app ranked count: instant-runoff for one seat, single transferable vote for several,
// on the same engine as the RCTab-compatible count. The app's rules:
//   - a candidate is elected with more than votes / (seats + 1) (exact Droop quota: for one seat, a
//     majority of the votes still counting; for several, the first round's votes fix the quota);
//   - surpluses move at fractional value, truncated to `decimalPlaces` (RCTab's method);
//   - a rank marked for several candidates is skipped; skipped ranks and repeats are allowed;
//   - ties for last (or for first, when only two remain without a majority) go to the earlier
//     previous-round count and then a draw seeded by `tieBreakSeed`; without a seed, the
//     candidate listed later loses (listed earlier wins).
// Every number is an exact decimal string.
import type { BallotSet } from './ballot-set.ts';
import { BallotSetBuilder } from './ballot-set.ts';
import { Inactive } from './ballot-groups.ts';
import { checkCandidateNames, plainNumber } from './app-ballots.ts';
import { type Dec, formatPlain, parseDecimal, pow10 } from './fixed-point.ts';
import { tabulate } from './ranked-engine.ts';
import { type EngineResult, EXHAUSTED, RESIDUAL_SURPLUS, type TallyRules } from './tally-rules.ts';

export interface RankedBallotInput { ranking: string[]; weight?: number | string }

export interface TallyRankedInput {
  candidates: string[];
  ballots: RankedBallotInput[];
  seats: number;
  /** Places of vote arithmetic (default 4). */
  decimalPlaces?: number;
  tieBreakSeed?: string;
}

export interface RankedRound {
  round: number;
  threshold: string;
  /** Votes per candidate still counting (and, with several seats, per candidate elected so far). */
  tally: Record<string, string>;
  elected: string[];
  eliminated: string[];
  /** Where the votes of this round's elected and eliminated candidates went (counted in the next round). */
  transfers: Record<string, Record<string, string>>;
  /** Votes on ballots that count for no one any more (so far). */
  exhausted: string;
  /** Surplus left on winners' ballots once every seat is filled (final round only). */
  surplusSetAside: string;
  /** Fractions of a vote lost to truncation so far. */
  residualSurplus: string;
  tiebreaks: { candidates: string[]; selected: string; for: 'first' | 'last'; reason: string }[];
}

export interface RankedResult {
  /** 1: instant runoff; more: single transferable vote. */
  seats: number;
  decimalPlaces: number;
  winners: string[];
  totalVotes: string;
  threshold: string;
  rounds: RankedRound[];
  /** Ballots whose weight had more decimal places than the count uses (they were truncated). */
  weightsTruncated: number;
}

export class RankedInputError extends Error {}

/** A java.util.Random seed for a text seed: the number itself when it is one, else a 64-bit FNV-1a hash. */
export function seedFromText(text: string): bigint {
  if (/^[+-]?\d{1,15}$/.test(text.trim())) return BigInt(text.trim());
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return BigInt.asIntN(64, h);
}

export function appRules(set: BallotSet, seats: number, tieBreakSeed?: string): TallyRules {
  const C = set.candidates.length;
  if (!Number.isInteger(seats) || seats < 1 || seats > C) throw new RankedInputError(`seats: must be a whole number from 1 to ${C}`);
  return {
    seats, winnerMode: seats === 1 ? 'singleWinnerMajority' : 'multiWinnerAllowMultipleWinnersPerRound', decimals: set.decimals,
    overvoteRule: 'alwaysSkipToNextRank', maxSkippedRanks: null, exhaustOnDuplicateCandidate: false,
    nonIntegerWinningThreshold: true, hareQuota: false, firstRoundDeterminesThreshold: false, minimumVoteThreshold: 0n,
    batchElimination: false, continueUntilTwoCandidatesRemain: false, stopAfterRound: null, bottomsUpPercentage: null,
    tiebreakMode: tieBreakSeed === undefined ? 'useCandidateOrder' : 'previousRoundCountsThenRandom',
    randomSeed: tieBreakSeed === undefined ? null : seedFromText(tieBreakSeed),
    tiebreakOrder: set.candidates.map((_, i) => i), excluded: new Set(), undeclaredWriteIn: null,
  };
}

/** Counts a BallotSet (from a ballot file) under the app's rules. */
export function countBallotSet(set: BallotSet, seats: number, tieBreakSeed?: string, weightsTruncated = 0): RankedResult {
  const rules = appRules(set, seats, tieBreakSeed);
  return present(set, rules, tabulate(set, rules), weightsTruncated);
}

export function tallyRanked(input: TallyRankedInput): RankedResult {
  const decimals = input.decimalPlaces ?? 4;
  if (!Number.isInteger(decimals) || decimals < 1 || decimals > 20) throw new RankedInputError('decimalPlaces: must be a whole number from 1 to 20');
  let candidates: string[];
  try {
    candidates = checkCandidateNames(input.candidates);
  } catch (err) {
    throw new RankedInputError((err as Error).message);
  }
  const index = new Map(candidates.map((c, i) => [c, i]));
  const unit = pow10(decimals);
  const builder = new BallotSetBuilder(candidates, decimals, { value: unit, scaled: false });
  let truncated = 0;
  if (!Array.isArray(input.ballots)) throw new RankedInputError('ballots: must be a list');
  input.ballots.forEach((ballot, b) => {
    if (!Array.isArray(ballot?.ranking)) throw new RankedInputError(`ballots[${b}].ranking: must be a list of candidates`);
    for (const [r, name] of ballot.ranking.entries()) {
      const c = index.get(typeof name === 'string' ? name.trim() : '');
      if (c === undefined) throw new RankedInputError(`ballots[${b}].ranking[${r}]: ${JSON.stringify(name)} is not a candidate`);
      builder.pushMark(c);
    }
    let id = 0;
    if (ballot.weight !== undefined) {
      const text = typeof ballot.weight === 'number' ? plainNumber(ballot.weight) : String(ballot.weight);
      const exact = parseDecimal(text, 40);
      if (!exact || exact.value < 0n) throw new RankedInputError(`ballots[${b}].weight: ${JSON.stringify(ballot.weight)} is not a number of zero or more`);
      const value = exact.value / 10n ** BigInt(40 - decimals);
      if (value * 10n ** BigInt(40 - decimals) !== exact.value) truncated++;
      id = builder.weightId({ value, scaled: value % unit !== 0n });
    }
    builder.endBallot(id);
  });
  return countBallotSet(builder.build(), input.seats, input.tieBreakSeed, truncated);
}

function present(set: BallotSet, rules: TallyRules, result: EngineResult, weightsTruncated: number): RankedResult {
  const name = (c: number) => set.candidates[c]!;
  const fmt = (d: Dec) => formatPlain(d.value, set.decimals);
  const sum = (ds: Dec[]) => formatPlain(ds.reduce((t, d) => t + d.value, 0n), set.decimals);
  const rounds = result.rounds.map((r): RankedRound => {
    const next = result.rounds[r.round];
    const transfers: Record<string, Record<string, string>> = {};
    for (const c of [...r.elected, ...r.eliminated]) {
      const row = next?.transfers.get(c);
      transfers[name(c)] = Object.fromEntries([...(row ?? [])].map(([to, d]) => [
        to === EXHAUSTED ? 'exhausted' : to === RESIDUAL_SURPLUS ? 'residual surplus' : name(to), fmt(d)]));
    }
    return {
      round: r.round, threshold: fmt(r.threshold),
      tally: Object.fromEntries([...r.tally].sort((a, b) => a[0] - b[0]).map(([c, d]) => [name(c), fmt(d)])),
      elected: r.elected.map(name), eliminated: r.eliminated.map(name), transfers,
      exhausted: sum(r.inactive.filter((_, reason) => reason !== Inactive.finalRoundSurplus)),
      surplusSetAside: fmt(r.inactive[Inactive.finalRoundSurplus]!), residualSurplus: fmt(r.residualSurplus),
      tiebreaks: r.tiebreaks.map((t) => ({
        candidates: t.candidates.map(name), selected: name(t.selected), for: t.selectingWinner ? 'first' : 'last', reason: t.explanation,
      })),
    };
  });
  return {
    seats: rules.seats, decimalPlaces: set.decimals,
    winners: result.winners.map(name), totalVotes: fmt(result.totalBallots),
    threshold: rounds.at(-1)?.threshold ?? '0', rounds, weightsTruncated,
  };
}
