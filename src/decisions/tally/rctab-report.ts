// Builds RCTab's detailed report (the `*_summary.json` / expected_detailed_report.json format)
// from a count: per round the tallies, the winning threshold, the inactive ballots by category,
// and who was elected or eliminated with where their votes went; then a summary. Numbers are
// strings printed as RCTab prints its BigDecimals, and candidates elected or eliminated in the
// same round are listed in the order RCTab's HashMaps give them.
import { Inactive } from './ballot-groups.ts';
import { type Dec, formatJava, pow10 } from './fixed-point.ts';
import { grownCapacity, javaHashOrder } from './java-compat.ts';
import { type EngineResult, EXHAUSTED, RESIDUAL_SURPLUS, usesSurpluses } from './tally-rules.ts';
import type { RctabContest } from './rctab-config.ts';

export interface RctabTallyResult {
  elected?: string;
  eliminated?: string;
  transfers: Record<string, string>;
}

export interface RctabRound {
  inactiveBallots: Record<string, string>;
  round: number;
  tally: Record<string, string>;
  tallyResults: RctabTallyResult[];
  threshold: string;
}

export interface RctabReport {
  config: { contest: string; date: string; generatedBy: string; jurisdiction: string; office: string };
  jsonFormatVersion: string;
  results: RctabRound[];
  summary: { finalThreshold: string; numCandidates: number; numWinners: number; totalNumBallots: string; undervotes: number };
}

const INACTIVE_KEYS: [string, number][] = [
  ['exhaustedChoices', Inactive.exhaustedChoices],
  ['overvotes', Inactive.overvotes],
  ['repeatedRankings', Inactive.repeatedRankings],
  ['skippedRankings', Inactive.skippedRankings],
];

/** Object with keys in String.compareTo order, as RCTab's ORDER_MAP_ENTRIES_BY_KEYS writes them. */
function sortedObject(entries: [string, string][]): Record<string, string> {
  return Object.fromEntries(entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** The order RCTab iterates a set of candidates: its candidate-name HashSet, then the round's HashMap. */
export function rctabIterationOrder(names: readonly string[]): (candidates: number[]) => number[] {
  const all = names.map((_, i) => i);
  const nameSetOrder = javaHashOrder(all, (c) => names[c]!, grownCapacity(all.length));
  const rank = new Int32Array(names.length);
  nameSetOrder.forEach((c, i) => { rank[c] = i; });
  return (candidates) => javaHashOrder([...candidates].sort((a, b) => rank[a]! - rank[b]!), (c) => names[c]!, grownCapacity(candidates.length));
}

export function buildRctabReport(contest: RctabContest, result: EngineResult, generatedBy = 'Crossroads'): RctabReport {
  const { decimals } = contest.rules;
  const names = contest.candidates;
  const fmt = (d: Dec) => formatJava(d, decimals);
  const nameOf = (c: number) => names[c]!;
  // RCTab lists a round's winners and losers by iterating winnerToRound / candidateToRoundEliminated.
  const electedOrder = javaHashOrder(result.winners, nameOf, grownCapacity(result.winners.length));
  const allEliminated = result.rounds.flatMap((r) => r.eliminated);
  const eliminatedOrder = javaHashOrder(allEliminated, nameOf, grownCapacity(allEliminated.length));
  const roundOf = (lists: (r: EngineResult['rounds'][number]) => number[]) => {
    const map = new Map<number, number>();
    for (const r of result.rounds) for (const c of lists(r)) map.set(c, r.round);
    return map;
  };
  const wonIn = roundOf((r) => r.elected);
  const eliminatedIn = roundOf((r) => r.eliminated);
  const surplus = usesSurpluses(contest.rules);
  const last = result.rounds.length;

  const results = result.rounds.map((r): RctabRound => {
    // Transfers are recorded while counting the next round.
    const next = result.rounds[r.round];
    const transfersOf = (c: number): Record<string, string> => {
      const row = next?.transfers.get(c);
      if (!row) return {};
      return sortedObject([...row].map(([to, d]) => [to === EXHAUSTED ? 'exhausted' : to === RESIDUAL_SURPLUS ? 'residual surplus' : nameOf(to), fmt(d)]));
    };
    const tallyResults: RctabTallyResult[] = [
      ...electedOrder.filter((c) => wonIn.get(c) === r.round).map((c) => ({ elected: nameOf(c), transfers: transfersOf(c) })),
      ...eliminatedOrder.filter((c) => eliminatedIn.get(c) === r.round).map((c) => ({ eliminated: nameOf(c), transfers: transfersOf(c) })),
    ];
    const inactive: [string, string][] = INACTIVE_KEYS.map(([key, reason]) => [key, fmt(r.inactive[reason]!)]);
    if (surplus && r.round === last) inactive.push(['finalRoundSurplus', fmt(r.inactive[Inactive.finalRoundSurplus]!)]);
    return {
      inactiveBallots: sortedObject(inactive),
      round: r.round,
      tally: sortedObject([...r.tally].map(([c, d]) => [nameOf(c), fmt(d)])),
      tallyResults,
      threshold: fmt(r.threshold),
    };
  });

  const first = result.rounds[0];
  const noRankings = first ? first.inactive[Inactive.noRankings]!.value / pow10(decimals) : 0n;
  return {
    config: {
      contest: contest.contestName, date: contest.contestDate, generatedBy,
      jurisdiction: contest.contestJurisdiction, office: contest.contestOffice,
    },
    jsonFormatVersion: '1',
    results,
    summary: {
      finalThreshold: result.rounds.length ? fmt(result.rounds[result.rounds.length - 1]!.threshold) : '0',
      numCandidates: names.length,
      numWinners: contest.rules.seats,
      totalNumBallots: fmt(result.totalBallots),
      undervotes: Number(noRankings),
    },
  };
}
