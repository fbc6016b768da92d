import { describe, expect, it } from 'vitest';
import { decide, equalWeights } from './index.ts';

const electorate = equalWeights(['clinic', 'tenants', 'union', 'youth']);
const consensus = (ballots: { voterId: string; ballot: unknown }[]) => decide({ method: 'consensus', rule: {}, options: [], electorate, ballots });

describe('consensus', () => {
  it('passes with stand-asides, recording them and their reasons', () => {
    expect(consensus([
      { voterId: 'youth', ballot: { position: 'agree' } },
      { voterId: 'union', ballot: { position: 'stand_aside', reason: 'we disagree and will not stand in the way' } },
      { voterId: 'clinic', ballot: { position: 'stand_aside' } },
      { voterId: 'tenants', ballot: { position: 'agree', reason: 'finally' } },
    ])).toEqual({
      method: 'consensus', passed: true,
      agree: ['tenants', 'youth'],
      standAside: [{ voterId: 'clinic', reason: null }, { voterId: 'union', reason: 'we disagree and will not stand in the way' }],
      blocks: [],
      electorateSize: 4, participated: 4,
    });
  });

  it('a single block stops it', () => {
    expect(consensus([
      { voterId: 'youth', ballot: { position: 'agree' } },
      { voterId: 'tenants', ballot: { position: 'agree' } },
      { voterId: 'union', ballot: { position: 'block', reason: 'crosses our picket line' } },
    ])).toMatchObject({ passed: false, agree: ['tenants', 'youth'], blocks: [{ voterId: 'union', reason: 'crosses our picket line' }] });
  });

  it('stand-asides alone agree on nothing, and no ballots decide nothing', () => {
    expect(consensus([{ voterId: 'youth', ballot: { position: 'stand_aside' } }])).toMatchObject({ passed: false });
    expect(consensus([])).toMatchObject({ passed: false, participated: 0 });
  });
});
