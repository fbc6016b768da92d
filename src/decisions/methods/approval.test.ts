import { describe, expect, it } from 'vitest';
import { decide, type Elector, equalWeights, type ExactFraction } from './index.ts';

const f = (numerator: number, denominator = 1): ExactFraction => ({ numerator: `${numerator}`, denominator: `${denominator}` });
const options = ['housing', 'transit', 'wages', 'water'];
const electorate = equalWeights(['a', 'b', 'c', 'd', 'e']);
const approve = (winners: number, approvals: [string, string[]][], voters: Elector[] = electorate) => decide({
  method: 'approval', rule: { winners }, options, electorate: voters,
  ballots: approvals.map(([voterId, approved]) => ({ voterId, ballot: { approved } })),
});

describe('approval', () => {
  it('fills the seats with the most approved options and shows every count', () => {
    expect(approve(2, [['a', ['housing', 'wages']], ['b', ['housing']], ['c', ['wages', 'water']], ['d', ['housing', 'transit']], ['e', []]])).toEqual({
      method: 'approval', seats: 2, winners: ['housing', 'wages'], ties: null, decidedBy: 'unweighted',
      counts: [
        { option: 'housing', unweighted: 3, weighted: f(3, 5) },
        { option: 'wages', unweighted: 2, weighted: f(2, 5) },
        { option: 'transit', unweighted: 1, weighted: f(1, 5) },
        { option: 'water', unweighted: 1, weighted: f(1, 5) },
      ],
      electorateSize: 5, participated: 5,
    });
  });

  it('reports a tie at the cut line with the seats left, instead of breaking it', () => {
    expect(approve(2, [['a', ['housing', 'wages']], ['b', ['housing', 'transit']], ['c', ['water']]]))
      .toMatchObject({ winners: ['housing'], ties: { options: ['transit', 'wages', 'water'], seats: 1 } });
    expect(approve(1, [['a', ['wages']], ['b', ['transit']]])).toMatchObject({ winners: [], ties: { options: ['transit', 'wages'], seats: 1 } });
  });

  it('a tie that fits inside the seats is no tie', () => {
    expect(approve(2, [['a', ['housing', 'wages']], ['b', ['housing', 'transit']], ['c', ['wages']]]))
      .toMatchObject({ winners: ['housing', 'wages'], ties: null });
  });

  it('ranks by weight when weights differ, showing the head count beside it', () => {
    const weighted = [{ id: 'a', weight: 5 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }, { id: 'd', weight: 1 }, { id: 'e', weight: 1 }];
    expect(approve(1, [['a', ['water']], ['b', ['transit']], ['c', ['transit']], ['d', ['transit']]], weighted)).toMatchObject({
      winners: ['water'], decidedBy: 'weighted',
      counts: [{ option: 'water', unweighted: 1, weighted: f(5) }, { option: 'transit', unweighted: 3, weighted: f(3) }, { option: 'housing' }, { option: 'wages' }],
    });
  });

  it('more seats than options: every option wins', () => {
    expect(approve(9, [['a', ['water']]])).toMatchObject({ seats: 9, winners: ['water', 'housing', 'transit', 'wages'], ties: null });
  });
});
