// Turns cast vote records, read by any CVR reader as (rank, candidate name) pairs, into a
// BallotSet: names resolved through the config's names and aliases, ranks laid out in order
// (gaps become skipped ranks, shared ranks become overvotes), and RCTab's checks applied:
// unknown candidates and rankings beyond maxRankingsAllowed stop the count.
import { BallotSetBuilder, type BallotSet, SKIPPED, sameRank } from './ballot-set.ts';
import type { CvrSource, RctabContest } from './rctab-config.ts';
import { pow10 } from './fixed-point.ts';

export class CvrError extends Error {}

export class CvrCollector {
  readonly builder: BallotSetBuilder;
  private readonly unknown = new Map<string, number>();
  private readonly overvoteMark: number;
  private byRank: number[][] = [];

  constructor(private readonly contest: RctabContest) {
    // Every cast vote record counts one vote: BigDecimal.ONE, a whole number.
    this.builder = new BallotSetBuilder(contest.candidates, contest.rules.decimals, { value: pow10(contest.rules.decimals), scaled: false });
    this.overvoteMark = contest.candidates.length;
  }

  /** The candidate index for a name in a CVR of `source`, or undefined (and noted) when unknown. */
  resolve(name: string, source: CvrSource): number | undefined {
    if (source.overvoteLabel && name === source.overvoteLabel) return this.overvoteMark;
    if (source.undeclaredWriteInLabel && name === source.undeclaredWriteInLabel) return this.contest.rules.undeclaredWriteIn ?? undefined;
    const index = this.contest.aliases.get(name);
    if (index === undefined) this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
    return index;
  }

  /** The "Undeclared Write-ins" candidate; without an undeclaredWriteInLabel it is as unknown as in RCTab. */
  writeIn(): number | undefined {
    const index = this.contest.rules.undeclaredWriteIn;
    if (index === null) this.unknown.set('Undeclared Write-ins', (this.unknown.get('Undeclared Write-ins') ?? 0) + 1);
    return index ?? undefined;
  }

  /** Adds one CVR; `rankings` are (rank, candidate index) pairs in the order the CVR lists them. */
  add(cvrId: string, rankings: [rank: number, candidate: number][]): void {
    let maxRank = 0;
    for (const [rank] of rankings) {
      if (!Number.isInteger(rank) || rank < 1) throw new CvrError(`CVR ${cvrId}: rank ${rank} is not a positive whole number (rankings start at 1)`);
      if (rank > maxRank) maxRank = rank;
    }
    if (maxRank > this.contest.maxRankingsAllowed) {
      throw new CvrError(`CVR ${cvrId} has a ranking ${maxRank}, but the contest allows at most ${this.contest.maxRankingsAllowed} (rules.maxRankingsAllowed)`);
    }
    if (this.byRank.length < maxRank) this.byRank = Array.from({ length: maxRank }, () => []);
    for (let r = 0; r < maxRank; r++) this.byRank[r]!.length = 0;
    for (const [rank, candidate] of rankings) this.byRank[rank - 1]!.push(candidate);
    for (let r = 0; r < maxRank; r++) {
      const at = this.byRank[r]!;
      if (at.length === 0) { this.builder.pushMark(SKIPPED); continue; }
      this.builder.pushMark(at[0]!);
      for (let i = 1; i < at.length; i++) this.builder.pushMark(sameRank(at[i]!));
    }
    this.builder.endBallot();
  }

  /** The ballots, or an error listing the candidate names the config does not declare. */
  finish(): BallotSet {
    if (this.unknown.size > 0) {
      const list = [...this.unknown].map(([name, n]) => `"${name}" (${n} time${n === 1 ? '' : 's'})`).join(', ');
      throw new CvrError(`the cast vote records name candidates the config does not declare: ${list}`);
    }
    return this.builder.build();
  }
}
