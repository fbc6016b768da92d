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

function hashBallot(set: BallotSet, b: number, weightId: number): number {
  let h = (weightId * 0x9e3779b1) ^ 0x811c9dc5;
  for (let i = set.offsets[b]!; i < set.offsets[b + 1]!; i++) h = Math.imul(h ^ set.marks[i]!, 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12);
}

function sameBallot(set: BallotSet, a: number, b: number): boolean {
  const { offsets, marks } = set;
  const la = offsets[a + 1]! - offsets[a]!;
  if (la !== offsets[b + 1]! - offsets[b]!) return false;
  const oa = offsets[a]!, ob = offsets[b]!;
  for (let i = 0; i < la; i++) if (marks[oa + i] !== marks[ob + i]) return false;
  return true;
}

/** Groups identical ballots (same marks, same weight); returns each ballot's group and the first ballot of each group. */
function groupIdentical(set: BallotSet): { groupCount: number; firstBallot: Int32Array; count: Float64Array } {
  let capacity = 1 << 12;
  let table = new Int32Array(capacity).fill(-1);
  let firstBallot = new Int32Array(1024);
  let hashes = new Int32Array(1024);
  let count = new Float64Array(1024);
  let groups = 0;
  const weightOf = set.weightIndex;
  for (let b = 0; b < set.size; b++) {
    const w = weightOf ? weightOf[b]! : 0;
    const h = hashBallot(set, b, w);
    let slot = h & (capacity - 1);
    for (;;) {
      const g = table[slot]!;
      if (g === -1) {
        if (groups === firstBallot.length) {
          firstBallot = growInt(firstBallot);
          hashes = growInt(hashes);
          const next = new Float64Array(count.length * 2);
          next.set(count);
          count = next;
        }
        table[slot] = groups;
        firstBallot[groups] = b;
        hashes[groups] = h;
        count[groups] = 1;
        groups++;
        if (groups * 2 > capacity) {
          capacity *= 2;
          table = new Int32Array(capacity).fill(-1);
          for (let i = 0; i < groups; i++) {
            let s = hashes[i]! & (capacity - 1);
            while (table[s] !== -1) s = (s + 1) & (capacity - 1);
            table[s] = i;
          }
        }
        break;
      }
      const f = firstBallot[g]!;
      if (hashes[g] === h && (weightOf ? weightOf[f] : 0) === w && sameBallot(set, f, b)) {
        count[g]!++;
        break;
      }
      slot = (slot + 1) & (capacity - 1);
    }
  }
  return { groupCount: groups, firstBallot: firstBallot.slice(0, groups), count: count.slice(0, groups) };
}

function growInt(array: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
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
