// What a round decides, given its tallies: the winning threshold, who is elected, and otherwise
// who is eliminated. Mirrors RCTab's Tabulator (identifyWinners, dropUndeclaredWriteIns,
// dropCandidatesBelowThreshold, runBatchElimination, doRegularElimination).
import { type Dec, divCeil, divFloor, pow10 } from './fixed-point.ts';
import type { TallyRules } from './tally-rules.ts';

/** Candidates sharing one tally value, in the round's iteration order. */
export interface TallyEntry { value: bigint; candidates: number[] }

export interface RoundState {
  /** Candidates still counting, in iteration order. */
  ordered: number[];
  /** By ascending tally. */
  entries: TallyEntry[];
  tally: Map<number, Dec>;
  threshold: Dec;
  /** Winners and eliminated candidates before this round. */
  winners: number;
  eliminated: number;
  /** Candidates not excluded. */
  numCandidates: number;
}

type BreakTie = (tied: number[], selectingWinner: boolean) => number;

/** Droop (or Hare) quota over the round's active votes, or the bottoms-up percentage of them; never below the minimum vote threshold. */
export function computeThreshold(rules: TallyRules, values: Dec[]): Dec {
  const unit = pow10(rules.decimals);
  let total = 0n, totalScaled = false;
  for (const d of values) { total += d.value; totalScaled ||= d.scaled; }
  let threshold: Dec;
  if (rules.winnerMode === 'bottomsUpUsingPercentageThreshold') {
    const share = (BigInt(rules.bottomsUpPercentage ?? 0) * unit) / 100n;
    if (totalScaled) throw new Error('a bottoms-up percentage threshold needs whole-vote ballots');
    threshold = { value: (total / unit) * share, scaled: true };
  } else {
    const divisor = BigInt(rules.hareQuota ? rules.seats : rules.seats + 1);
    if (rules.nonIntegerWinningThreshold) {
      threshold = { value: rules.hareQuota ? divCeil(total, divisor) : divFloor(total, divisor) + 1n, scaled: true };
    } else {
      const whole = rules.hareQuota ? divCeil(total, divisor * unit) : divFloor(total, divisor * unit) + 1n;
      threshold = { value: whole * unit, scaled: false };
    }
  }
  const minimum = rules.minimumVoteThreshold * unit;
  return minimum > 0n && minimum > threshold.value ? { value: minimum, scaled: false } : threshold;
}

export function identifyWinners(rules: TallyRules, s: RoundState, breakTie: BreakTie): number[] {
  const uwi = rules.undeclaredWriteIn;
  if (uwi !== null && (s.tally.get(uwi)?.value ?? 0n) !== 0n) return [];
  const top = s.entries.at(-1);
  if (rules.winnerMode === 'bottomsUpUsingPercentageThreshold') {
    const above = s.ordered.filter((c) => s.tally.get(c)!.value > s.threshold.value).length;
    return above === s.ordered.length ? [...s.ordered] : [];
  }
  let selected: number[] = [];
  const unfilled = rules.seats - s.winners;
  if (unfilled > 0) {
    if (s.ordered.length <= unfilled) selected = [...s.ordered];
    else if (rules.firstRoundDeterminesThreshold && s.ordered.length - 1 === rules.seats) selected = [...top!.candidates];
    else if (rules.winnerMode !== 'bottomsUp') {
      for (const e of s.entries) if (e.value >= s.threshold.value) selected.push(...e.candidates.filter((c) => c !== uwi));
    }
  }
  const minimum = rules.minimumVoteThreshold * pow10(rules.decimals);
  const severalButOneAllowed = selected.length > 1
    && (rules.winnerMode === 'multiWinnerAllowOnlyOneWinnerPerRound' || rules.firstRoundDeterminesThreshold);
  const lastTwoBelowThreshold = rules.seats === 1 && selected.length === 0 && s.ordered.length === 2 && unfilled === 1
    && s.entries.every((e) => e.value >= minimum);
  if ((severalButOneAllowed || lastTwoBelowThreshold) && top) {
    selected = [...top.candidates];
    if (selected.length > 1) selected = [breakTie(selected, true)];
  }
  return selected;
}

export function chooseEliminated(rules: TallyRules, s: RoundState, breakTie: BreakTie, numDeclared: number): number[] {
  const uwi = rules.undeclaredWriteIn;
  if (uwi !== null && (s.tally.get(uwi)?.value ?? 0n) > 0n) return [uwi];
  const lowest = s.entries[0];
  if (!lowest) throw new Error('no candidate is left to eliminate');
  const minimum = rules.minimumVoteThreshold * pow10(rules.decimals);
  if (minimum > 0n && lowest.value < minimum) {
    const below = s.entries.filter((e) => e.value < minimum).flatMap((e) => e.candidates);
    if (below.length === numDeclared) throw new Error('every declared candidate is below the minimum vote threshold; the count cannot proceed');
    return below;
  }
  if (rules.batchElimination) {
    const batch = batchEliminate(rules, s);
    if (batch.length > 1) return batch;
  }
  return lowest.candidates.length > 1 ? [breakTie(lowest.candidates, false)] : [lowest.candidates[0]!];
}

/** The lowest candidates whose combined votes are fewer than the next candidate's: none of them can catch up. */
function batchEliminate(rules: TallyRules, s: RoundState): number[] {
  let running = 0n;
  const seen: number[] = [];
  const taken = new Set<number>();
  let eliminations: number[] = [];
  let previous: number[] = [];
  for (const e of s.entries) {
    const next = [...eliminations];
    if (running < e.value) for (const c of seen) if (!taken.has(c)) { taken.add(c); next.push(c); }
    running += e.value * BigInt(e.candidates.length);
    seen.push(...e.candidates);
    if (next.length > eliminations.length) { previous = eliminations; eliminations = next; }
  }
  if (rules.continueUntilTwoCandidatesRemain && eliminations.length + s.eliminated === s.numCandidates - 1) return previous;
  return eliminations;
}
