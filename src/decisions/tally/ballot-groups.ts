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

/** Groups identical ballots (same marks, same weight): the groups' first ballots and sizes. */
function groupIdentical(set: BallotSet): { groupCount: number; firstBallot: Int32Array; count: Float64Array } {
  const { offsets, marks, size } = set;
  const weightOf = set.weightIndex;
  // A table at least twice the ballot count never fills past half, so it never needs to grow.
  let capacity = 16;
  while (capacity < size * 2) capacity *= 2;
  const slotMask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  const firstBallot = new Int32Array(size);
  const hashes = new Int32Array(size);
  const count = new Float64Array(size);
  let groups = 0;
  for (let b = 0; b < size; b++) {
    const from = offsets[b]!, to = offsets[b + 1]!;
    const w = weightOf ? weightOf[b]! : 0;
    let h = Math.imul(w, 0x9e3779b1) ^ 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ marks[i]!, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12);
    let slot = h & slotMask;
    for (;;) {
      const g = table[slot]!;
      if (g === -1) {
        table[slot] = groups;
        firstBallot[groups] = b;
        hashes[groups] = h;
        count[groups] = 1;
        groups++;
        break;
      }
      if (hashes[g] === h) {
        const f = firstBallot[g]!;
        const ff = offsets[f]!;
        let same = offsets[f + 1]! - ff === to - from && (weightOf ? weightOf[f] : 0) === w;
        for (let i = 0; same && i < to - from; i++) same = marks[ff + i] === marks[from + i];
        if (same) { count[g]!++; break; }
      }
      slot = (slot + 1) & slotMask;
    }
  }
  return { groupCount: groups, firstBallot: firstBallot.slice(0, groups), count: count.slice(0, groups) };
}

/** Groups the ballots and reduces each group's ranking to steps under `rules`. */
export function buildGroups(set: BallotSet, rules: StepRules): BallotGroups {
  const { groupCount, firstBallot, count } = groupIdentical(set);
  const overvoteMark = set.candidates.length;
  const stepStart = new Int32Array(groupCount + 1);
  const steps: number[] = [];
  const setStart: number[] = [0];
  const setMembers: number[] = [];
  const end = new Uint8Array(groupCount);
  const weightId = new Uint32Array(groupCount);
  const seenStamp = new Int32Array(overvoteMark + 1).fill(-1);
  const rank: number[] = [];
  const maxGap = rules.maxSkippedRanks === null ? Infinity : rules.maxSkippedRanks + 1;

  for (let g = 0; g < groupCount; g++) {
    const b = firstBallot[g]!;
    weightId[g] = set.weightIndex ? set.weightIndex[b]! : 0;
    stepStart[g] = steps.length;
    const from = set.offsets[b]!, to = set.offsets[b + 1]!;
    let reason: number = to === from ? Inactive.noRankings : Inactive.exhaustedChoices;
    let rankNumber = 0, lastRankSeen = 0;
    let i = from;
    rankLoop: while (i < to) {
      const first = set.marks[i++]!;
      rankNumber++;
      if (first === SKIPPED) continue;
      rank.length = 0;
      rank.push(first);
      while (i < to && set.marks[i]! < SKIPPED) rank.push(sameRankCandidate(set.marks[i++]!));
      if (rankNumber - lastRankSeen > maxGap) { reason = Inactive.skippedRankings; break; }
      lastRankSeen = rankNumber;
      if (rules.exhaustOnDuplicateCandidate) {
        for (const c of rank) {
          if (seenStamp[c] === g) { reason = Inactive.repeatedRankings; break rankLoop; }
          seenStamp[c] = g;
        }
      }
      if (rank.includes(overvoteMark)) {
        if (rank.length !== 1) throw new Error(`ballot ${b + 1}: an explicit overvote mark shares rank ${rankNumber} with candidates`);
        if (rules.overvoteRule === 'exhaustImmediately') { reason = Inactive.overvotes; break; }
        if (rules.overvoteRule === 'alwaysSkipToNextRank') continue;
        throw new Error('an explicit overvote mark needs overvoteRule exhaustImmediately or alwaysSkipToNextRank');
      }
      if (rank.length === 1) steps.push(first);
      else if (rules.overvoteRule === 'exhaustImmediately') { reason = Inactive.overvotes; break; }
      else if (rules.overvoteRule === 'exhaustIfMultipleContinuing') {
        steps.push(-setStart.length);
        setMembers.push(...rank);
        setStart.push(setMembers.length);
      }
    }
    end[g] = reason;
  }
  stepStart[groupCount] = steps.length;
  return {
    size: groupCount, count, weightId, stepStart, steps: Int32Array.from(steps),
    setStart: Int32Array.from(setStart), setMembers: Int32Array.from(setMembers), end, firstBallot,
  };
}
