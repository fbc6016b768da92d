// The normalized form every ballot source is read into: one flat Int32Array of marks with an
// offset per ballot, so a million ballots cost a few megabytes and no objects.
//
// A ballot's marks, in rank order:
//   c >= 0        the candidate with index c, at the next rank
//   SKIPPED (-1)  the next rank was left empty (a skipped ranking)
//   sameRank(c)   candidate c marked at the same rank as the mark before it (an overvote)
// The candidate index `candidates.length` stands for an explicit "overvote" mark (a CVR's
// overvote label), which RCTab treats as an overvote whatever else the rank holds.
import type { Dec } from './fixed-point.ts';

export const SKIPPED = -1;
export const sameRank = (candidate: number) => -candidate - 2;
/** For a mark below SKIPPED: the candidate marked at the same rank as the previous mark. */
export const sameRankCandidate = (mark: number) => -mark - 2;

export interface BallotSet {
  /** Candidate names; a ballot mark c refers to candidates[c]. */
  candidates: string[];
  /** Number of ballots. */
  size: number;
  /** Ballot b's marks are marks[offsets[b] .. offsets[b + 1]). */
  offsets: Int32Array;
  marks: Int32Array;
  /** Ballot b weighs weights[weightIndex[b]]; null when every ballot has weights[0]. */
  weightIndex: Uint32Array | null;
  /** Distinct ballot weights, scaled by 10^decimals. */
  weights: Dec[];
  decimals: number;
}

/** Collects ballots into a BallotSet, growing its typed arrays as needed. */
export class BallotSetBuilder {
  private offsets = new Int32Array(1024);
  private marks = new Int32Array(4096);
  private weightIndex = new Uint32Array(1024);
  private anyWeight = false;
  private markCount = 0;
  size = 0;
  readonly weights: Dec[];
  private readonly weightKeys = new Map<string, number>();

  constructor(readonly candidates: string[], readonly decimals: number, defaultWeight: Dec) {
    this.weights = [defaultWeight];
    this.weightKeys.set(`${defaultWeight.value}:${defaultWeight.scaled}`, 0);
  }

  /** The index of a weight in the weight table (adding it if new). */
  weightId(weight: Dec): number {
    const key = `${weight.value}:${weight.scaled}`;
    let id = this.weightKeys.get(key);
    if (id === undefined) {
      id = this.weights.length;
      this.weights.push(weight);
      this.weightKeys.set(key, id);
    }
    return id;
  }

  pushMark(mark: number): void {
    if (this.markCount === this.marks.length) this.marks = grow(this.marks, this.marks.length * 2);
    this.marks[this.markCount++] = mark;
  }

  /** Ends the ballot whose marks were pushed since the last endBallot. */
  endBallot(weightId = 0): void {
    // Trailing skipped ranks carry no information (RCTab keeps only ranks that were marked).
    const start = this.size === 0 ? 0 : this.offsets[this.size]!;
    while (this.markCount > start && this.marks[this.markCount - 1] === SKIPPED) this.markCount--;
    if (this.size + 2 > this.offsets.length) {
      this.offsets = grow(this.offsets, this.offsets.length * 2);
      this.weightIndex = grow(this.weightIndex, this.offsets.length);
    }
    this.weightIndex[this.size] = weightId;
    if (weightId !== 0) this.anyWeight = true;
    this.size++;
    this.offsets[this.size] = this.markCount;
  }

  /** Discards marks pushed since the last endBallot. */
  dropBallot(): void {
    this.markCount = this.size === 0 ? 0 : this.offsets[this.size]!;
  }

  build(): BallotSet {
    return {
      candidates: this.candidates,
      size: this.size,
      offsets: this.offsets.slice(0, this.size + 1),
      marks: this.marks.slice(0, this.markCount),
      weightIndex: this.anyWeight ? this.weightIndex.slice(0, this.size) : null,
      weights: this.weights,
      decimals: this.decimals,
    };
  }
}

function grow<T extends Int32Array | Uint32Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}

/** The highest rank a ballot marks (0 when it marks none). */
export function lastRank(set: BallotSet, ballot: number): number {
  let rank = 0;
  for (let i = set.offsets[ballot]!; i < set.offsets[ballot + 1]!; i++) if (set.marks[i]! >= SKIPPED) rank++;
  return rank;
}
