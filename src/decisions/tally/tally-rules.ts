// The rules a count follows and what it produces, shared by the engine, the RCTab adapter and
// the app's tallyRanked.
import type { StepRules } from './ballot-groups.ts';
import type { Dec } from './fixed-point.ts';
import type { TiebreakMode } from './tiebreak.ts';

export const WINNER_MODES = [
  'singleWinnerMajority', 'multiWinnerAllowOnlyOneWinnerPerRound', 'multiWinnerAllowMultipleWinnersPerRound',
  'bottomsUp', 'bottomsUpUsingPercentageThreshold',
] as const;
export type WinnerMode = (typeof WINNER_MODES)[number];

export interface TallyRules extends StepRules {
  /** Seats to fill (0 only with bottomsUpUsingPercentageThreshold). */
  seats: number;
  winnerMode: WinnerMode;
  /** Decimal places of vote arithmetic; must match the ballot set's. */
  decimals: number;
  nonIntegerWinningThreshold: boolean;
  hareQuota: boolean;
  firstRoundDeterminesThreshold: boolean;
  /** Whole votes; candidates below it are eliminated and no threshold is lower. */
  minimumVoteThreshold: bigint;
  batchElimination: boolean;
  continueUntilTwoCandidatesRemain: boolean;
  stopAfterRound: number | null;
  /** 1..100, for bottomsUpUsingPercentageThreshold. */
  bottomsUpPercentage: number | null;
  tiebreakMode: TiebreakMode;
  randomSeed: bigint | null;
  /** Candidates in tie-break order (declared order; no undeclared write-ins). */
  tiebreakOrder: number[];
  excluded: ReadonlySet<number>;
  /** The candidate standing for undeclared write-ins, if any. */
  undeclaredWriteIn: number | null;
  /** The order RCTab iterates a round's candidates in (it only matters for listing order); default: index order. */
  iterationOrder?: (candidates: number[]) => number[];
}

export const EXHAUSTED = -1;
export const RESIDUAL_SURPLUS = -2;

export interface EngineRound {
  round: number;
  threshold: Dec;
  /** Candidates still counting, and (with several seats) everyone elected so far. */
  tally: Map<number, Dec>;
  elected: number[];
  eliminated: number[];
  /** Votes moved while counting this round, by source candidate, to a candidate, EXHAUSTED or RESIDUAL_SURPLUS. */
  transfers: Map<number, Map<number, Dec>>;
  /** Inactive ballot value so far, by Inactive reason. */
  inactive: Dec[];
  /** Residual surplus (lost to truncation) so far. */
  residualSurplus: Dec;
  tiebreaks: { candidates: number[]; selected: number; selectingWinner: boolean; explanation: string }[];
}

export interface EngineResult {
  rounds: EngineRound[];
  /** In the order elected. */
  winners: number[];
  totalBallots: Dec;
  groups: number;
}

export function usesSurpluses(rules: Pick<TallyRules, 'seats' | 'winnerMode'>): boolean {
  return rules.seats > 1 && (rules.winnerMode === 'multiWinnerAllowOnlyOneWinnerPerRound' || rules.winnerMode === 'multiWinnerAllowMultipleWinnersPerRound');
}
