// Breaking a tie between candidates with equal tallies, the way RCTab does: for the last place
// (who is eliminated) or, in a few cases, for the first place (who is elected).
import { compareJavaStrings, copiedSetCapacity, javaHashOrder, type JavaRandom } from './java-compat.ts';

export const TIEBREAK_MODES = ['useCandidateOrder', 'random', 'previousRoundCountsThenRandom', 'generatePermutation'] as const;
export type TiebreakMode = (typeof TIEBREAK_MODES)[number];

export interface TiebreakContext {
  mode: TiebreakMode;
  names: readonly string[];
  /** Candidates in tie-break order: the earliest wins a tie for first, the latest loses a tie for last. */
  permutation: readonly number[];
  random: JavaRandom | null;
  /** Each completed round's tallies (index 0 = round 1), for previousRoundCounts. */
  history: Map<number, bigint>[];
}

/** Picks the winner (selectingWinner) or the loser among `tied`, in round `round`; `explanation` says why. */
export function breakTie(ctx: TiebreakContext, tied: readonly number[], selectingWinner: boolean, round: number): { selected: number; explanation: string } {
  const sorted = [...tied].sort((a, b) => compareJavaStrings(ctx.names[a]!, ctx.names[b]!));
  switch (ctx.mode) {
    case 'useCandidateOrder':
    case 'generatePermutation': {
      const order = selectingWinner ? ctx.permutation : [...ctx.permutation].reverse();
      const selected = order.find((c) => sorted.includes(c));
      if (selected === undefined) throw new Error(`no tie-break order for ${sorted.map((c) => ctx.names[c]).join(', ')}`);
      return { selected, explanation: `appears ${selectingWinner ? 'earliest' : 'latest'} in the tie-break order` };
    }
    case 'random':
      return { selected: randomPick(ctx, sorted), explanation: 'drawn at random' };
    case 'previousRoundCountsThenRandom':
      return previousRounds(ctx, sorted, selectingWinner, round);
  }
}

function randomPick(ctx: TiebreakContext, candidates: readonly number[]): number {
  if (!ctx.random) throw new Error('a random tie-break needs a seed');
  return candidates[Math.floor(ctx.random.nextDouble() * candidates.length)]!;
}

function previousRounds(ctx: TiebreakContext, sorted: number[], selectingWinner: boolean, round: number) {
  let contention = sorted;
  for (let previous = round - 1; previous > 0; previous--) {
    const tallies = ctx.history[previous - 1]!;
    // RCTab groups the candidates through a HashSet, so each group lists them in hash order.
    const ordered = javaHashOrder(contention, (c) => ctx.names[c]!, copiedSetCapacity(contention.length));
    let best: bigint | null = null;
    for (const c of ordered) {
      const v = tallies.get(c)!;
      if (best === null || (selectingWinner ? v > best : v < best)) best = v;
    }
    contention = ordered.filter((c) => tallies.get(c) === best);
    if (contention.length === 1) {
      return { selected: contention[0]!, explanation: `had the ${selectingWinner ? 'most' : 'fewest'} votes in round ${previous}` };
    }
  }
  return { selected: randomPick(ctx, contention), explanation: 'still tied in every previous round, so drawn at random' };
}
