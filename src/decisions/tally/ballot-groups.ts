// Identical ballots are counted once: ballots with the same marks and the same weight form a
// group, and the count only ever moves groups. Each group's ranking is also reduced, once, to the
// "steps" the count can stop at, under the overvote, skipped-rank and duplicate rules: RCTab
// rescans a ballot from its first rank every time its candidate leaves the count, but every check
// it makes on the ranks already passed gives the same answer again, so resuming after the last
// step taken is the same walk.
import { type BallotSet, SKIPPED, sameRankCandidate } from './ballot-set.ts';

/** Why a ballot stopped counting for any candidate (RCTab's inactive-ballot categories). */
export const Inactive = {
  exhaustedChoices: 0,
  overvotes: 1,
  skippedRankings: 2,
  repeatedRankings: 3,
  /** The ballot ranks no candidate at all (RCTab's "undervotes"). */
  noRankings: 4,
  /** Surplus left on winners' ballots once every seat is filled. */
  finalRoundSurplus: 5,
} as const;
export const INACTIVE_REASONS = 6;

export type OvervoteRule = 'alwaysSkipToNextRank' | 'exhaustImmediately' | 'exhaustIfMultipleContinuing';

export interface StepRules {
  overvoteRule: OvervoteRule;
  /** null: any number of ranks may be skipped. */
  maxSkippedRanks: number | null;
  exhaustOnDuplicateCandidate: boolean;
}

export interface BallotGroups {
  size: number;
  /** Ballots in each group. */
  count: Float64Array;
  weightId: Uint32Array;
  /** Group g's steps are steps[stepStart[g] .. stepStart[g + 1]): a candidate index, or -(s + 1) for overvote set s. */
  stepStart: Int32Array;
  steps: Int32Array;
  /** Overvote set s (candidates marked at one rank, decided by how many still count) is setMembers[setStart[s] .. setStart[s + 1]). */
  setStart: Int32Array;
  setMembers: Int32Array;
  /** The Inactive reason a group ends with once it runs out of steps. */
  end: Uint8Array;
  /** A ballot of each group, for messages. */
  firstBallot: Int32Array;
}

/**
 * Groups identical ballots (same marks, same weight): the groups' first ballots and sizes. The
 * table keeps each slot's hash beside its group and each group's marks in one dense array, so a
 * lookup touches little memory beyond the ballot being read.
 */
function groupIdentical(set: BallotSet): { groupCount: number; firstBallot: Int32Array; count: Float64Array } {
  const { offsets, marks, size } = set;
  const weightOf = set.weightIndex;
  let capacity = 1 << 12;
  let slots = new Int32Array(capacity * 2);
  let firstBallot = new Int32Array(1 << 10);
  let count = new Float64Array(1 << 10);
  let groupWeight = new Uint32Array(1 << 10);
  let groupStart = new Int32Array((1 << 10) + 1);
  let groupMarks = new Int32Array(1 << 12);
  let groups = 0;
  for (let b = 0; b < size; b++) {
    const from = offsets[b]!, to = offsets[b + 1]!, length = to - from;
    const w = weightOf ? weightOf[b]! : 0;
    let h = Math.imul(w, 0x9e3779b1) ^ 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ marks[i]!, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12);
    let slot = h & (capacity - 1);
    for (;;) {
      const g = slots[2 * slot + 1]! - 1;
      if (g === -1) {
        if (groups === firstBallot.length) {
          firstBallot = grown(firstBallot, groups * 2);
          count = grown(count, groups * 2);
          groupWeight = grown(groupWeight, groups * 2);
          groupStart = grown(groupStart, groups * 2 + 1);
        }
        const start = groupStart[groups]!;
        if (start + length > groupMarks.length) groupMarks = grown(groupMarks, Math.max(groupMarks.length * 2, start + length));
        groupMarks.set(marks.subarray(from, to), start);
        groupStart[groups + 1] = start + length;
        firstBallot[groups] = b;
        count[groups] = 1;
        groupWeight[groups] = w;
        slots[2 * slot] = h;
        slots[2 * slot + 1] = ++groups;
        if (groups * 2 > capacity) {
          capacity *= 2;
          const old = slots;
          slots = new Int32Array(capacity * 2);
          for (let i = 0; i < old.length; i += 2) {
            if (old[i + 1] === 0) continue;
            let s = old[i]! & (capacity - 1);
            while (slots[2 * s + 1] !== 0) s = (s + 1) & (capacity - 1);
            slots[2 * s] = old[i]!;
            slots[2 * s + 1] = old[i + 1]!;
          }
        }
        break;
      }
      if (slots[2 * slot] === h && groupWeight[g] === w) {
        const start = groupStart[g]!;
        let same = groupStart[g + 1]! - start === length;
        for (let i = 0; same && i < length; i++) same = groupMarks[start + i] === marks[from + i];
        if (same) { count[g]!++; break; }
      }
      slot = (slot + 1) & (capacity - 1);
    }
  }
  return { groupCount: groups, firstBallot: firstBallot.slice(0, groups), count: count.slice(0, groups) };
}

function grown<T extends Int32Array | Uint32Array | Float64Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}

/** Groups the ballots and reduces each group's ranking to steps under `rules`. */
export function buildGroups(set: BallotSet, rules: StepRules): BallotGroups {
  const { groupCount, firstBallot, count } = groupIdentical(set);
  const { offsets, marks, weightIndex } = set;
  const skipped = SKIPPED;
  const overvoteMark = set.candidates.length;
  const stepStart = new Int32Array(groupCount + 1);
  let steps = new Int32Array(Math.max(64, groupCount * 4));
  let stepCount = 0;
  const setStart: number[] = [0];
  const setMembers: number[] = [];
  const end = new Uint8Array(groupCount);
  const weightId = new Uint32Array(groupCount);
  const seenStamp = new Int32Array(overvoteMark + 1).fill(-1);
  const maxGap = rules.maxSkippedRanks === null ? Infinity : rules.maxSkippedRanks + 1;
  const { overvoteRule, exhaustOnDuplicateCandidate } = rules;
  const candidateAt = (i: number) => (marks[i]! < skipped ? sameRankCandidate(marks[i]!) : marks[i]!);

  for (let g = 0; g < groupCount; g++) {
    const b = firstBallot[g]!;
    weightId[g] = weightIndex ? weightIndex[b]! : 0;
    stepStart[g] = stepCount;
    const from = offsets[b]!, to = offsets[b + 1]!;
    let reason: number = to === from ? Inactive.noRankings : Inactive.exhaustedChoices;
    let rankNumber = 0, lastRankSeen = 0;
    let i = from;
    rankLoop: while (i < to) {
      const first = marks[i]!;
      rankNumber++;
      const rankStart = i++;
      if (first === skipped) continue;
      while (i < to && marks[i]! < skipped) i++;
      // The rank is marks[rankStart .. i): its first candidate, then any sharing the rank.
      if (rankNumber - lastRankSeen > maxGap) { reason = Inactive.skippedRankings; break; }
      lastRankSeen = rankNumber;
      if (exhaustOnDuplicateCandidate) {
        for (let k = rankStart; k < i; k++) {
          const c = candidateAt(k);
          if (seenStamp[c] === g) { reason = Inactive.repeatedRankings; break rankLoop; }
          seenStamp[c] = g;
        }
      }
      let explicitOvervote = false;
      for (let k = rankStart; k < i; k++) if (candidateAt(k) === overvoteMark) explicitOvervote = true;
      if (explicitOvervote) {
        if (i - rankStart !== 1) throw new Error(`ballot ${b + 1}: an explicit overvote mark shares rank ${rankNumber} with candidates`);
        if (overvoteRule === 'exhaustImmediately') { reason = Inactive.overvotes; break; }
        if (overvoteRule === 'alwaysSkipToNextRank') continue;
        throw new Error('an explicit overvote mark needs overvoteRule exhaustImmediately or alwaysSkipToNextRank');
      }
      if (stepCount === steps.length) steps = grown(steps, steps.length * 2);
      if (i - rankStart === 1) steps[stepCount++] = first;
      else if (overvoteRule === 'exhaustImmediately') { reason = Inactive.overvotes; break; }
      else if (overvoteRule === 'exhaustIfMultipleContinuing') {
        steps[stepCount++] = -setStart.length;
        for (let k = rankStart; k < i; k++) setMembers.push(candidateAt(k));
        setStart.push(setMembers.length);
      }
    }
    end[g] = reason;
  }
  stepStart[groupCount] = stepCount;
  return {
    size: groupCount, count, weightId, stepStart, steps: steps.slice(0, stepCount),
    setStart: Int32Array.from(setStart), setMembers: Int32Array.from(setMembers), end, firstBallot,
  };
}
