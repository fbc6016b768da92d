// The engine groups identical ballots, keeps piles per candidate and resumes each ballot where it
// stopped. This checks it against RCTab's loop taken literally: every ballot rescanned from its
// first rank whenever its candidate leaves the count, with its own value, on random ballots
// (overvotes, skipped ranks, repeats, weights) under random rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BallotSetBuilder, type BallotSet, SKIPPED, sameRank, sameRankCandidate } from './ballot-set.ts';
import { Inactive, INACTIVE_REASONS, type OvervoteRule } from './ballot-groups.ts';
import { type Dec, addDec, pow10, subDec, ZERO } from './fixed-point.ts';
import { tabulate } from './ranked-engine.ts';
import { chooseEliminated, computeThreshold, identifyWinners } from './round-decisions.ts';
import { type EngineRound, EXHAUSTED, RESIDUAL_SURPLUS, type TallyRules, usesSurpluses } from './tally-rules.ts';
import { breakTie } from './tiebreak.ts';

interface Cvr { ranks: [number, number[]][]; value: Dec; status: number; recipient: number; allocated: Map<number, Dec> }

/** RCTab's Tabulator.tabulate, per cast vote record, sharing only the round decisions with the engine. */
function reference(set: BallotSet, rules: TallyRules): EngineRound[] {
  const C = set.candidates.length, unit = pow10(rules.decimals);
  const cvrs: Cvr[] = [];
  for (let b = 0; b < set.size; b++) {
    const ranks: [number, number[]][] = [];
    let rank = 0;
    for (let i = set.offsets[b]!; i < set.offsets[b + 1]!; i++) {
      const m = set.marks[i]!;
      if (m < SKIPPED) ranks.at(-1)![1].push(sameRankCandidate(m));
      else if (++rank && m !== SKIPPED) ranks.push([rank, [m]]);
    }
    cvrs.push({ ranks, value: set.weights[set.weightIndex ? set.weightIndex[b]! : 0]!, status: -1, recipient: -1, allocated: new Map() });
  }
  const continuing = new Set(Array.from({ length: C }, (_, c) => c).filter((c) => !rules.excluded.has(c)));
  const winners: number[] = [], wonIn = new Map<number, number>(), rounds: EngineRound[] = [];
  let eliminatedCount = 0, residual = ZERO;
  const history: Map<number, bigint>[] = [];
  const surplus = usesSurpluses(rules);
  for (let round = 1; ; round++) {
    const last = rounds.at(-1);
    if (last && !(winners.length < rules.seats || (surplus && last.elected.length > 0))) break;
    const tally = new Map<number, Dec>([...continuing].map((c) => [c, ZERO]));
    const inactive: Dec[] = Array.from({ length: INACTIVE_REASONS }, () => ZERO);
    const transfers = new Map<number, Map<number, Dec>>();
    const move = (cvr: Cvr, to: number, status: number) => {
      if (cvr.value.value > 0n && round > 1) {
        const row = transfers.get(cvr.recipient) ?? new Map<number, Dec>();
        transfers.set(cvr.recipient, row);
        const key = to < 0 ? EXHAUSTED : to;
        row.set(key, addDec(row.get(key) ?? ZERO, cvr.value));
      }
      cvr.recipient = to;
      if (to < 0) { cvr.status = status; inactive[status] = addDec(inactive[status]!, cvr.value); } else tally.set(to, addDec(tally.get(to)!, cvr.value));
    };
    for (const cvr of cvrs) {
      if (cvr.status >= 0) { inactive[cvr.status] = addDec(inactive[cvr.status]!, cvr.value); continue; }
      if (cvr.recipient >= 0 && continuing.has(cvr.recipient)) { tally.set(cvr.recipient, addDec(tally.get(cvr.recipient)!, cvr.value)); continue; }
      if (cvr.ranks.length === 0) { move(cvr, -1, Inactive.noRankings); continue; }
      let lastRank = 0;
      const seen = new Set<number>();
      for (const [rank, candidates] of cvr.ranks) {
        if (surplus && winners.length === rules.seats) { move(cvr, -1, Inactive.finalRoundSurplus); break; }
        if (rules.maxSkippedRanks !== null && rank - lastRank > rules.maxSkippedRanks + 1) { move(cvr, -1, Inactive.skippedRankings); break; }
        lastRank = rank;
        if (rules.exhaustOnDuplicateCandidate && candidates.some((c) => (seen.has(c) ? true : (seen.add(c), false)))) { move(cvr, -1, Inactive.repeatedRankings); break; }
        const live = candidates.filter((c) => continuing.has(c));
        const isLast = rank === cvr.ranks.at(-1)![0];
        if (candidates.length > 1 && (rules.overvoteRule === 'exhaustImmediately' || (rules.overvoteRule === 'exhaustIfMultipleContinuing' && live.length > 1))) { move(cvr, -1, Inactive.overvotes); break; }
        if (candidates.length > 1 && rules.overvoteRule === 'alwaysSkipToNextRank') { if (isLast) move(cvr, -1, Inactive.exhaustedChoices); continue; }
        if (live.length > 0) { move(cvr, live[0]!, -1); break; }
        if (isLast) move(cvr, -1, Inactive.exhaustedChoices);
      }
    }
    const counting = [...continuing].sort((a, b) => a - b);
    const recompute = rules.seats > 1 ? round === 1 : true;
    const threshold = recompute || !last ? computeThreshold(rules, [...tally.values()]) : last.threshold;
    const byValue = new Map<bigint, number[]>();
    for (const c of counting) byValue.set(tally.get(c)!.value, [...(byValue.get(tally.get(c)!.value) ?? []), c]);
    const entries = [...byValue].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([value, candidates]) => ({ value, candidates }));
    const ctx = { mode: rules.tiebreakMode, names: set.candidates, permutation: rules.tiebreakOrder, random: null, history };
    const tie = (tied: number[], winner: boolean) => breakTie(ctx, tied, winner, round).selected;
    const state = { ordered: counting, entries, tally, threshold, winners: winners.length, eliminated: eliminatedCount, numCandidates: C - rules.excluded.size };
    const elected = identifyWinners(rules, state, tie);
    let eliminated: number[] = [];
    if (elected.length) {
      for (const w of elected) { winners.push(w); wonIn.set(w, round); continuing.delete(w); }
      if (surplus) {
        for (const w of elected) {
          const votes = tally.get(w)!.value, extra = votes - threshold.value;
          const fraction = extra > 0n ? (extra * unit) / votes : 0n;
          for (const cvr of cvrs) {
            if (cvr.recipient !== w || cvr.status >= 0) continue;
            const transferred = (cvr.value.value * fraction) / unit;
            cvr.allocated.set(w, subDec(cvr.value, { value: transferred, scaled: true }));
            cvr.value = { value: transferred, scaled: true };
          }
        }
      }
    } else if (winners.length < rules.seats) {
      eliminated = chooseEliminated(rules, state, tie, C);
      for (const e of eliminated) continuing.delete(e);
      eliminatedCount += eliminated.length;
    }
    if (rules.seats > 1) {
      for (const w of winners) {
        if (wonIn.get(w) === round) continue;
        if (wonIn.get(w) === round - 1) {
          let kept = cvrs.reduce((t, cvr) => (cvr.allocated.has(w) ? addDec(t, cvr.allocated.get(w)!) : t), surplus ? { value: 0n, scaled: true } : ZERO);
          const extra = subDec(kept, threshold);
          if (extra.value > 0n) {
            residual = addDec(residual, extra);
            transfers.set(w, (transfers.get(w) ?? new Map()).set(RESIDUAL_SURPLUS, extra));
            kept = threshold;
          }
          tally.set(w, kept);
        } else tally.set(w, last!.tally.get(w)!);
      }
    }
    history.push(new Map([...tally].map(([c, d]) => [c, d.value])));
    rounds.push({ round, threshold, tally, elected, eliminated, transfers, inactive, residualSurplus: residual, tiebreaks: [] });
  }
  return rounds;
}

const NAMES = ['A', 'B', 'C', 'D', 'E'];
const mark = fc.oneof(
  { weight: 1, arbitrary: fc.constant<number[]>([]) },
  { weight: 6, arbitrary: fc.nat(4).map((c) => [c]) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(4), fc.nat(4)).map(([a, b]) => [a, b]) },
);
const cases = fc.record({
  candidates: fc.integer({ min: 2, max: 5 }),
  ballots: fc.array(fc.record({ ranks: fc.array(mark, { maxLength: 6 }), weight: fc.constantFrom(1, 1, 2, 0.5) }), { maxLength: 30 }),
  seats: fc.nat(4),
  mode: fc.constantFrom('multiWinnerAllowMultipleWinnersPerRound', 'multiWinnerAllowOnlyOneWinnerPerRound', 'bottomsUp'),
  decimals: fc.integer({ min: 1, max: 4 }),
  overvoteRule: fc.constantFrom<OvervoteRule>('alwaysSkipToNextRank', 'exhaustImmediately', 'exhaustIfMultipleContinuing'),
  maxSkippedRanks: fc.constantFrom(null, 0, 1),
  exhaustOnDuplicateCandidate: fc.boolean(),
  nonInteger: fc.boolean(),
});

describe('the ranked engine', () => {
  it('counts exactly as a ballot-by-ballot RCTab count does', () => {
    fc.assert(fc.property(cases, (k) => {
      const names = NAMES.slice(0, k.candidates);
      const unit = pow10(k.decimals);
      const builder = new BallotSetBuilder(names, k.decimals, { value: unit, scaled: false });
      for (const ballot of k.ballots) {
        for (const rank of ballot.ranks) {
          const cands = rank.map((c) => c % names.length);
          if (cands.length === 0) builder.pushMark(SKIPPED);
          else cands.forEach((c, i) => builder.pushMark(i === 0 ? c : sameRank(c)));
        }
        builder.endBallot(ballot.weight === 1 ? 0 : builder.weightId({ value: (unit * BigInt(ballot.weight * 2)) / 2n, scaled: ballot.weight % 1 !== 0 }));
      }
      const set = builder.build();
      const seats = 1 + (k.seats % names.length);
      const rules: TallyRules = {
        seats, winnerMode: seats === 1 ? 'singleWinnerMajority' : k.mode, decimals: k.decimals,
        overvoteRule: k.overvoteRule, maxSkippedRanks: k.maxSkippedRanks, exhaustOnDuplicateCandidate: k.exhaustOnDuplicateCandidate,
        nonIntegerWinningThreshold: k.nonInteger, hareQuota: false, firstRoundDeterminesThreshold: false, minimumVoteThreshold: 0n,
        batchElimination: false, continueUntilTwoCandidatesRemain: false, stopAfterRound: null, bottomsUpPercentage: null,
        tiebreakMode: 'useCandidateOrder', randomSeed: null, tiebreakOrder: names.map((_, i) => i), excluded: new Set(), undeclaredWriteIn: null,
      };
      const engine = tabulate(set, rules).rounds.map((r) => ({ ...r, tiebreaks: [] }));
      expect(engine).toEqual(reference(set, rules));
    }), { numRuns: 300 });
  });
});
