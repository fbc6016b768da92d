// Score voting: each elector scores options within the rule's range; the best average wins one
// seat. Options are ranked by average, not sum: under `missingAs: 'ignore'` options are scored by
// different numbers of ballots and a sum would reward being scored at all; under `missingAs: 'min'`
// every ballot scores every option, so average and sum rank alike.
import type { ScoreBallot } from './ballots.ts';
import { type CountedVote, unitsAsWeight } from './counted-ballots.ts';
import { type CutLineTie, fillSeats } from './cut-line.ts';
import { compare, divide, type ExactFraction, type Rational, rational, toExact, ZERO } from './rational.ts';
import type { ScoreRule } from './rules.ts';

export interface ScoreTotal {
  option: string;
  /** Ballots that counted for this option (all of them under `missingAs: 'min'`). */
  ballots: number;
  sum: number;
  /** sum / ballots; null when no ballot counted. */
  average: ExactFraction | null;
  /** Σ weight × score over those ballots. */
  weightedSum: ExactFraction;
  /** weightedSum / Σ weight of those ballots; null when they weigh nothing. */
  weightedAverage: ExactFraction | null;
}

export interface ScoreOutcome {
  method: 'score';
  /** The winner, or none when the best average is tied (then `ties` lists the tied options). */
  winners: string[];
  ties: CutLineTie | null;
  decidedBy: 'weighted' | 'unweighted';
  min: number;
  max: number;
  missingAs: ScoreRule['missingAs'];
  /** Every option, ranked by the average that decides (weighted when weights differ). */
  totals: ScoreTotal[];
  electorateSize: number;
  participated: number;
}

interface Accumulator { ballots: number; sum: number; weightUnits: bigint; weightedSumUnits: bigint }

const ratio = (numerator: Rational, denominator: Rational) => (compare(denominator, ZERO) > 0 ? divide(numerator, denominator) : null);

export function decideScore(rule: ScoreRule, options: readonly string[], vote: CountedVote<ScoreBallot>): ScoreOutcome {
  const totals = new Map<string, Accumulator>(options.map((o) => [o, { ballots: 0, sum: 0, weightUnits: 0n, weightedSumUnits: 0n }]));
  for (const { ballot, weightUnits } of vote.ballots) {
    for (const option of options) {
      const given = Object.hasOwn(ballot.scores, option) ? ballot.scores[option] : undefined;
      const score = given ?? (rule.missingAs === 'min' ? rule.min : undefined);
      if (score === undefined) continue;
      const total = totals.get(option)!;
      total.ballots += 1;
      total.sum += score;
      total.weightUnits += weightUnits;
      total.weightedSumUnits += weightUnits * BigInt(score);
    }
  }
  const ranked = options.map((option, index) => {
    const t = totals.get(option)!;
    const average = ratio(rational(BigInt(t.sum)), rational(BigInt(t.ballots)));
    const weightedSum = unitsAsWeight(t.weightedSumUnits, vote);
    const weightedAverage = ratio(rational(t.weightedSumUnits), rational(t.weightUnits)); // the scale cancels
    return { option, index, t, average, weightedSum, weightedAverage, measure: vote.weighted ? weightedAverage : average };
  });
  const { winners, ties } = fillSeats(ranked, 1);
  // Options nobody scored (null measure) go last.
  ranked.sort((a, b) => (a.measure && b.measure ? compare(b.measure, a.measure) : a.measure ? -1 : b.measure ? 1 : 0) || a.index - b.index);
  return {
    method: 'score',
    winners, ties,
    decidedBy: vote.weighted ? 'weighted' : 'unweighted',
    min: rule.min, max: rule.max, missingAs: rule.missingAs,
    totals: ranked.map(({ option, t, average, weightedSum, weightedAverage }) => ({
      option, ballots: t.ballots, sum: t.sum,
      average: average && toExact(average), weightedSum: toExact(weightedSum), weightedAverage: weightedAverage && toExact(weightedAverage),
    })),
    electorateSize: vote.electorateSize, participated: vote.ballots.length,
  };
}
