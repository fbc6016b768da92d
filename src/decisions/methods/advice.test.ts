import { describe, expect, it } from 'vitest';
import { decide, equalWeights } from './index.ts';

describe('advice', () => {
  it('gathers every position and reason, counted but neither passed nor failed', () => {
    const outcome = decide({
      method: 'advice', rule: {}, options: [], electorate: equalWeights(['clinic', 'tenants', 'union', 'youth']),
      ballots: [
        { voterId: 'union', ballot: { position: 'concern', reason: 'the timeline clashes with bargaining' } },
        { voterId: 'clinic', ballot: { reason: 'ask the promotoras' } },
        { voterId: 'youth', ballot: { position: 'support' } },
      ],
    });
    expect(outcome).toEqual({
      method: 'advice',
      reasons: [
        { voterId: 'clinic', position: null, reason: 'ask the promotoras' },
        { voterId: 'union', position: 'concern', reason: 'the timeline clashes with bargaining' },
        { voterId: 'youth', position: 'support', reason: null },
      ],
      counts: { support: 1, concern: 1, neutral: 0, unstated: 1 },
      electorateSize: 4, participated: 3,
    });
    expect(outcome).not.toHaveProperty('passed');
  });
});
