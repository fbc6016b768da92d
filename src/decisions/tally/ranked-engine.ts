// The round-by-round count for instant-runoff (one seat) and single transferable vote (several
// seats), following RCTab's rules (see rctab-config.ts for the options). Pure: ballots and rules
// in, rounds out.
//
// Speed without losing exactness: identical ballots are grouped (ballot-groups.ts); each
// candidate keeps a pile of the groups counting for it, and a round only walks the piles of the
// candidates who just left the count. Ballot values live in a small table of "value classes"
// (every ballot starts at its weight; a surplus transfer maps each class to a reduced one), so the
// walk only adds plain ballot counts per class, and the BigInt fixed-point sums are formed once
// per round per candidate and class.
import type { BallotSet } from './ballot-set.ts';
import { type BallotGroups, buildGroups, Inactive, INACTIVE_REASONS } from './ballot-groups.ts';
import { type Dec, addDec, pow10, subDec, ZERO } from './fixed-point.ts';
import { JavaRandom, javaShuffle, compareJavaStrings } from './java-compat.ts';
import { breakTie, type TiebreakContext } from './tiebreak.ts';
import { identifyWinners, chooseEliminated, computeThreshold, type TallyEntry } from './round-decisions.ts';
import { type EngineResult, type EngineRound, EXHAUSTED, RESIDUAL_SURPLUS, type TallyRules, usesSurpluses } from './tally-rules.ts';

/** Counts `ballots` under `rules`. */
export function tabulate(ballots: BallotSet, rules: TallyRules): EngineResult {
  if (ballots.decimals !== rules.decimals) throw new Error('internal: ballot weights and rules use different decimal places');
  return new Count(ballots, buildGroups(ballots, rules), rules).run();
}

class Count {
  private readonly C: number;
  private readonly unit: bigint;
  private readonly continuing: Uint8Array;
  private readonly wonIn: Int32Array;
  private readonly pileHead: Int32Array;
  private readonly pileNext: Int32Array;
  private readonly position: Int32Array;
  private readonly valueClass: Uint32Array;
  private readonly classes: Dec[];
  private readonly classIds = new Map<string, number>();
  private readonly tally: Dec[];
  private readonly inactive: Dec[] = Array.from({ length: INACTIVE_REASONS }, () => ZERO);
  private residual: Dec = ZERO;
  private readonly winners: number[] = [];
  private eliminatedCount = 0;
  private readonly allocated = new Map<number, Dec>();
  private readonly locked = new Map<number, Dec>();
  private leaving: number[] = [];
  private readonly rounds: EngineRound[] = [];
  private readonly tiebreak: TiebreakContext;
  private readonly surplus: boolean;

  constructor(ballots: BallotSet, private readonly groups: BallotGroups, private readonly rules: TallyRules) {
    const C = this.C = ballots.candidates.length;
    this.unit = pow10(rules.decimals);
    this.continuing = new Uint8Array(C).map((_, c) => (rules.excluded.has(c) ? 0 : 1));
    this.wonIn = new Int32Array(C);
    this.pileHead = new Int32Array(C).fill(-1);
    this.pileNext = new Int32Array(groups.size);
    this.position = groups.stepStart.slice(0, groups.size).map((s) => s - 1);
    this.valueClass = groups.weightId.slice();
    this.classes = [...ballots.weights];
    this.classes.forEach((d, k) => this.classIds.set(`${d.value}:${d.scaled}`, k));
    this.tally = Array.from({ length: C }, () => ZERO);
    this.surplus = usesSurpluses(rules);
    let random: JavaRandom | null = null;
    const permutation = [...rules.tiebreakOrder];
    if (rules.tiebreakMode !== 'useCandidateOrder') {
      if (rules.randomSeed === null) throw new Error(`tiebreakMode ${rules.tiebreakMode} needs a random seed`);
      random = new JavaRandom(rules.randomSeed);
      if (rules.tiebreakMode === 'generatePermutation') {
        permutation.sort((a, b) => compareJavaStrings(ballots.candidates[a]!, ballots.candidates[b]!));
        javaShuffle(permutation, random);
      }
    }
    this.tiebreak = { mode: rules.tiebreakMode, names: ballots.candidates, permutation, random, history: [] };
  }

  run(): EngineResult {
    while (this.shouldContinue()) this.countRound(this.rounds.length + 1);
    const first = this.rounds[0];
    let total = ZERO;
    if (first) {
      for (const d of first.tally.values()) total = addDec(total, d);
      for (const d of first.inactive) total = addDec(total, d);
    }
    return { rounds: this.rounds, winners: this.winners, totalBallots: total, groups: this.groups.size };
  }

  private numCandidates() {
    return this.C - this.rules.excluded.size;
  }

  private shouldContinue(): boolean {
    const round = this.rounds.length;
    if (round === 0) return true;
    const { rules } = this;
    if (rules.stopAfterRound !== null && round >= rules.stopAfterRound) return false;
    const declared = this.C - (rules.undeclaredWriteIn === null ? 0 : 1);
    if (this.winners.length === declared && rules.seats > this.numCandidates()) return false;
    const last = this.rounds[round - 1]!;
    if (rules.continueUntilTwoCandidatesRemain) {
      return this.eliminatedCount + this.winners.length + 1 < this.numCandidates() || last.eliminated.length > 0;
    }
    if (rules.winnerMode === 'bottomsUpUsingPercentageThreshold') return this.winners.length === 0;
    return this.winners.length < rules.seats || (this.surplus && last.elected.length > 0);
  }

  private classOf(value: bigint): number {
    const key = `${value}:true`;
    let k = this.classIds.get(key);
    if (k === undefined) {
      k = this.classes.length;
      this.classes.push({ value, scaled: true });
      this.classIds.set(key, k);
    }
    return k;
  }

  /** Moves the groups that must find a new candidate; returns ballot counts per (target, class) and per source. */
  private moveBallots(round: number): { counts: Float64Array; bySource: Map<number, Float64Array> } {
    const { C, groups, continuing, pileHead, pileNext, position, valueClass } = this;
    const { stepStart, steps, setStart, setMembers, end, count } = groups;
    const K = this.classes.length;
    const counts = new Float64Array((C + INACTIVE_REASONS) * K);
    const bySource = new Map<number, Float64Array>();
    const finalSurplus = this.surplus && this.winners.length === this.rules.seats;
    const place = (g: number, from: Float64Array | null) => {
      let target = -1;
      if (finalSurplus) target = C + Inactive.finalRoundSurplus;
      else {
        const stop = stepStart[g + 1]!;
        let p = position[g]! + 1;
        for (; p < stop; p++) {
          const s = steps[p]!;
          if (s >= 0) {
            if (continuing[s]) { target = s; break; }
          } else {
            let found = -1, n = 0;
            for (let i = setStart[-s - 1]!; i < setStart[-s]!; i++) {
              const c = setMembers[i]!;
              if (c < C && continuing[c]) { found = c; n++; }
            }
            if (n > 1) { target = C + Inactive.overvotes; break; }
            if (n === 1) { target = found; break; }
          }
        }
        position[g] = p;
        if (target < 0) target = C + end[g]!;
      }
      if (target < C) { pileNext[g] = pileHead[target]!; pileHead[target] = g; }
      const i = target * K + valueClass[g]!;
      counts[i] = counts[i]! + count[g]!;
      if (from) from[i] = from[i]! + count[g]!;
    };
    if (round === 1) {
      for (let g = 0; g < groups.size; g++) place(g, null);
    } else {
      for (const source of this.leaving) {
        let g = pileHead[source]!;
        pileHead[source] = -1;
        if (g === -1) continue;
        const from = new Float64Array((C + INACTIVE_REASONS) * K);
        bySource.set(source, from);
        while (g !== -1) {
          const next = pileNext[g]!;
          place(g, from);
          g = next;
        }
      }
    }
    return { counts, bySource };
  }

  /** Σ count × class value over the classes of one target row. */
  private sumRow(counts: Float64Array, target: number, positiveOnly: boolean): Dec | null {
    const K = this.classes.length;
    let value = 0n, scaled = false, any = false;
    for (let k = 0; k < K; k++) {
      const n = counts[target * K + k]!;
      if (n === 0) continue;
      const cls = this.classes[k]!;
      if (positiveOnly && cls.value <= 0n) continue;
      value += BigInt(n) * cls.value;
      scaled ||= cls.scaled;
      any = true;
    }
    return any ? { value, scaled } : null;
  }

  private countRound(round: number): void {
    const { C, rules } = this;
    const { counts, bySource } = this.moveBallots(round);
    const transfers = new Map<number, Map<number, Dec>>();
    for (let t = 0; t < C + INACTIVE_REASONS; t++) {
      const d = this.sumRow(counts, t, false);
      if (!d) continue;
      if (t < C) this.tally[t] = addDec(this.tally[t]!, d);
      else this.inactive[t - C] = addDec(this.inactive[t - C]!, d);
    }
    for (const [source, from] of bySource) {
      const row = new Map<number, Dec>();
      for (let t = 0; t < C + INACTIVE_REASONS; t++) {
        const d = this.sumRow(from, t, true);
        if (!d) continue;
        const key = t < C ? t : EXHAUSTED;
        row.set(key, row.has(key) ? addDec(row.get(key)!, d) : d);
      }
      if (row.size) transfers.set(source, row);
    }

    const counting: number[] = [];
    for (let c = 0; c < C; c++) if (this.continuing[c]) counting.push(c);
    const tally = new Map<number, Dec>(counting.map((c) => [c, this.tally[c]!]));
    const previous = this.rounds[round - 2];
    const recompute = rules.seats > 1 ? round === 1 : (!rules.firstRoundDeterminesThreshold || round === 1);
    const threshold = recompute || !previous ? computeThreshold(rules, [...tally.values()]) : previous.threshold;
    const ordered = rules.iterationOrder ? rules.iterationOrder(counting) : counting;
    const entries = groupByTally(ordered, tally);

    const tiebreaks: EngineRound['tiebreaks'] = [];
    const breakTieFor = (tied: number[], selectingWinner: boolean) => {
      const { selected, explanation } = breakTie(this.tiebreak, tied, selectingWinner, round);
      tiebreaks.push({ candidates: [...tied], selected, selectingWinner, explanation });
      return selected;
    };
    const state = { round, ordered, entries, tally, threshold, winners: this.winners.length, eliminated: this.eliminatedCount, numCandidates: this.numCandidates() };
    const elected = identifyWinners(rules, state, breakTieFor);
    let eliminated: number[] = [];
    this.leaving = [];
    if (elected.length > 0) {
      for (const w of elected) {
        this.wonIn[w] = round;
        this.winners.push(w);
        if (!rules.continueUntilTwoCandidatesRemain) { this.continuing[w] = 0; this.leaving.push(w); }
      }
      if (this.surplus) for (const w of elected) this.takeSurplus(w, threshold);
    } else if (this.winners.length < rules.seats
      || (rules.continueUntilTwoCandidatesRemain && this.eliminatedCount < this.numCandidates() - 2)
      || rules.winnerMode === 'bottomsUpUsingPercentageThreshold') {
      eliminated = chooseEliminated(rules, state, breakTieFor, C - (rules.undeclaredWriteIn === null ? 0 : 1));
      for (const e of eliminated) {
        this.continuing[e] = 0;
        this.leaving.push(e);
      }
      this.eliminatedCount += eliminated.length;
    }
    if (rules.seats > 1) this.settleWinnerTallies(round, tally, threshold, transfers);
    this.tiebreak.history.push(new Map([...tally].map(([c, d]) => [c, d.value])));
    this.rounds.push({
      round, threshold, tally, elected, eliminated, transfers, tiebreaks,
      inactive: [...this.inactive], residualSurplus: this.residual,
    });
  }

  /** Keeps the threshold's share of each of the winner's ballots with the winner and reduces the rest to the surplus fraction. */
  private takeSurplus(winner: number, threshold: Dec): void {
    const votes = this.tally[winner]!;
    const extra = votes.value - threshold.value;
    const fraction = extra > 0n ? (extra * this.unit) / votes.value : 0n;
    const remap = new Map<number, number>();
    let kept = 0n;
    for (let g = this.pileHead[winner]!; g !== -1; g = this.pileNext[g]!) {
      const k = this.valueClass[g]!;
      let next = remap.get(k);
      const value = this.classes[k]!.value;
      const transferred = (value * fraction) / this.unit;
      if (next === undefined) {
        next = this.classOf(transferred);
        remap.set(k, next);
      }
      kept += BigInt(this.groups.count[g]!) * (value - transferred);
      this.valueClass[g] = next;
    }
    this.allocated.set(winner, { value: kept, scaled: true });
  }

  /** RCTab's updateWinnerTallies: winners of earlier rounds keep what their ballots left them, down to the threshold. */
  private settleWinnerTallies(round: number, tally: Map<number, Dec>, threshold: Dec, transfers: Map<number, Map<number, Dec>>): void {
    for (const w of this.winners) {
      const won = this.wonIn[w]!;
      if (won === round) continue;
      if (won === round - 1) {
        let kept = this.allocated.get(w) ?? ZERO;
        const residual = subDec(kept, threshold);
        if (residual.value > 0n) {
          this.residual = addDec(this.residual, residual);
          if (!transfers.has(w)) transfers.set(w, new Map());
          transfers.get(w)!.set(RESIDUAL_SURPLUS, residual);
          kept = threshold;
        }
        this.locked.set(w, kept);
      }
      tally.set(w, this.locked.get(w)!);
    }
  }
}

function groupByTally(ordered: number[], tally: Map<number, Dec>): TallyEntry[] {
  const byValue = new Map<bigint, number[]>();
  for (const c of ordered) {
    const v = tally.get(c)!.value;
    const list = byValue.get(v);
    if (list) list.push(c); else byValue.set(v, [c]);
  }
  return [...byValue].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([value, candidates]) => ({ value, candidates }));
}
