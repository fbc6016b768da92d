import { describe, expect, it } from 'vitest';
import { decide, type Elector, equalWeights, type ExactFraction, type ScoreRule } from './index.ts';

const f = (numerator: number, denominator = 1): ExactFraction => ({ numerator: `${numerator}`, denominator: `${denominator}` });
const options = ['march', 'hearing', 'boycott'];
const electorate = equalWeights(['a', 'b', 'c']);
const score = (rule: ScoreRule, scores: [string, Record<string, number>][], voters: Elector[] = electorate) => decide({
  method: 'score', rule, options, electorate: voters, ballots: scores.map(([voterId, s]) => ({ voterId, ballot: { scores: s } })),
});

describe('score', () => {
  const cast: [string, Record<string, number>][] = [
    ['a', { march: 5, hearing: 2 }],
    ['b', { march: 3, hearing: 4, boycott: 5 }],
    ['c', { hearing: 3 }],
  ];

  it('missing scores as the minimum: every ballot counts for every option', () => {
    expect(score({ min: 0, max: 5, missingAs: 'min' }, cast)).toEqual({
      method: 'score', winners: ['hearing'], ties: null, decidedBy: 'unweighted', min: 0, max: 5, missingAs: 'min',
      totals: [
        { option: 'hearing', ballots: 3, sum: 9, average: f(3), weightedSum: f(3), weightedAverage: f(3) },
        { option: 'march', ballots: 3, sum: 8, average: f(8, 3), weightedSum: f(8, 3), weightedAverage: f(8, 3) },
        { option: 'boycott', ballots: 3, sum: 5, average: f(5, 3), weightedSum: f(5, 3), weightedAverage: f(5, 3) },
      ],
      electorateSize: 3, participated: 3,
    });
  });

  it('missing scores ignored: each option is averaged over the ballots that scored it', () => {
    expect(score({ min: 0, max: 5, missingAs: 'ignore' }, cast)).toMatchObject({
      winners: ['boycott'],
      totals: [
        { option: 'boycott', ballots: 1, sum: 5, average: f(5) },
        { option: 'march', ballots: 2, sum: 8, average: f(4) },
        { option: 'hearing', ballots: 3, sum: 9, average: f(3) },
      ],
    });
  });

  it('an option nobody scored cannot win, and is listed last with no average', () => {
    expect(score({ min: 1, max: 3, missingAs: 'ignore' }, [['a', { hearing: 1 }]])).toMatchObject({
      winners: ['hearing'],
      totals: [{ option: 'hearing', average: f(1) }, { option: 'march', ballots: 0, sum: 0, average: null, weightedAverage: null }, { option: 'boycott', average: null }],
    });
  });

  it('a tie for the top is reported, not broken', () => {
    expect(score({ min: -2, max: 2, missingAs: 'min' }, [['a', { march: 2, hearing: -2 }], ['b', { march: -2, hearing: 2 }]]))
      .toMatchObject({ winners: [], ties: { options: ['march', 'hearing'], seats: 1 } });
  });

  it('decides by weighted average when weights differ', () => {
    const weighted = [{ id: 'a', weight: { numerator: '3', denominator: '4' } }, { id: 'b', weight: { numerator: '1', denominator: '8' } }, { id: 'c', weight: { numerator: '1', denominator: '8' } }];
    expect(score({ min: 0, max: 5, missingAs: 'min' }, cast, weighted)).toMatchObject({
      winners: ['march'], decidedBy: 'weighted',
      totals: [
        // 3/4 × 5 + 1/8 × 3 + 1/8 × 0 = 33/8, over a weight of 1
        { option: 'march', sum: 8, average: f(8, 3), weightedSum: f(33, 8), weightedAverage: f(33, 8) },
        { option: 'hearing', sum: 9, weightedAverage: f(19, 8) },
        { option: 'boycott', sum: 5, weightedAverage: f(5, 8) },
      ],
    });
  });
});
