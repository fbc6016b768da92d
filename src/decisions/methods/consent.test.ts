import { describe, expect, it } from 'vitest';
import { decide, equalWeights } from './index.ts';

const electorate = equalWeights(['clinic', 'tenants', 'union', 'youth']);
const consent = (ballots: { voterId: string; ballot: unknown }[]) => decide({ method: 'consent', rule: {}, options: [], electorate, ballots });

describe('consent', () => {
  it('passes when nobody objects', () => {
    expect(consent([
      { voterId: 'tenants', ballot: { position: 'consent' } },
      { voterId: 'clinic', ballot: { position: 'consent', reason: 'good enough for now, safe enough to try' } },
    ])).toEqual({ method: 'consent', passed: true, consents: 2, objections: [], electorateSize: 4, participated: 2 });
  });

  it('one reasoned objection stops it, whatever its weight, and is shown with its reason', () => {
    expect(decide({
      method: 'consent', rule: {}, options: [],
      electorate: [{ id: 'big', weight: 99 }, { id: 'small', weight: 1 }],
      ballots: [{ voterId: 'big', ballot: { position: 'consent' } }, { voterId: 'small', ballot: { position: 'object', reason: '  no interpretation budget  ' } }],
    })).toMatchObject({ passed: false, consents: 1, objections: [{ voterId: 'small', reason: 'no interpretation budget' }] });
  });

  it('an objection without a reason is not a valid ballot, so it cannot be counted', () => {
    expect(() => consent([{ voterId: 'youth', ballot: { position: 'object' } }])).toThrow(expect.objectContaining({
      code: 'invalid_ballot', voterId: 'youth', errors: [{ field: 'reason', code: 'reason_required' }],
    }));
  });

  it('silence is not consent: with no ballots nothing passes', () => {
    expect(consent([])).toMatchObject({ passed: false, consents: 0, participated: 0 });
  });
});
