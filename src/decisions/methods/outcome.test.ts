import { describe, expect, it } from 'vitest';
import { DecisionInputError, decide, type Elector, equalWeights, SIMPLE_MAJORITY } from './index.ts';
import { thrownBy } from './test-support.ts';

const electorate = equalWeights(['clinic', 'tenants', 'union']);
const majority = (ballots: { voterId: string; ballot: unknown; castAt?: string }[], voters: Elector[] = electorate) =>
  decide({ method: 'majority', rule: SIMPLE_MAJORITY, options: [], electorate: voters, ballots });

describe('deciding a vote', () => {
  it('refuses a ballot from outside the electorate, naming the voter', () => {
    const error = thrownBy(() => majority([{ voterId: 'tenants', ballot: { position: 'yes' } }, { voterId: 'stranger', ballot: { position: 'yes' } }]));
    expect(error).toBeInstanceOf(DecisionInputError);
    expect(error).toMatchObject({ code: 'not_in_electorate', voterId: 'stranger' });
  });

  it('counts only the latest ballot of each voter, by castAt, whatever the order given', () => {
    const history = [
      { voterId: 'union', ballot: { position: 'no' }, castAt: '2026-03-02T10:00:00Z' },
      { voterId: 'union', ballot: { position: 'yes' }, castAt: '2026-03-02T12:30:00+02:00' }, // 10:30Z: the latest
      { voterId: 'union', ballot: { position: 'abstain' }, castAt: '2026-03-01T23:00:00Z' },
      { voterId: 'clinic', ballot: { position: 'no' } },
    ];
    expect(majority(history)).toMatchObject({ unweighted: { yes: 1, no: 1, abstain: 0 }, participated: 2 });
    expect(majority([...history].reverse())).toEqual(majority(history));
  });

  it('an earlier ballot may be invalid (the rules changed); only the counted one is checked', () => {
    expect(majority([
      { voterId: 'union', ballot: { position: 'maybe' }, castAt: '2026-03-01T00:00:00Z' },
      { voterId: 'union', ballot: { position: 'yes' }, castAt: '2026-03-02T00:00:00Z' },
    ])).toMatchObject({ passed: true });
  });

  it('refuses a history whose order cannot be told, rather than guess from array order', () => {
    const twice = [{ voterId: 'union', ballot: { position: 'no' } }, { voterId: 'union', ballot: { position: 'yes' } }];
    expect(thrownBy(() => majority(twice))).toMatchObject({ code: 'ambiguous_ballot_order', voterId: 'union' });
    const sameTime = twice.map((b) => ({ ...b, castAt: '2026-03-02T10:00:00Z' }));
    expect(thrownBy(() => majority(sameTime))).toMatchObject({ code: 'ambiguous_ballot_order' });
    expect(thrownBy(() => majority([{ voterId: 'union', ballot: { position: 'no' }, castAt: 'yesterday' }])))
      .toMatchObject({ code: 'invalid_ballot', errors: [{ field: 'castAt', code: 'not_a_date' }] });
  });

  it('refuses an invalid ballot with its fields', () => {
    expect(thrownBy(() => majority([{ voterId: 'clinic', ballot: { position: 'si' } }])))
      .toMatchObject({ code: 'invalid_ballot', voterId: 'clinic', errors: [{ field: 'position', code: 'invalid_choice' }] });
  });

  it('refuses a rule its schema refuses', () => {
    const error = thrownBy(() => decide({
      method: 'majority', options: [], electorate, ballots: [],
      rule: { threshold: { numerator: 2, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' },
    }));
    expect(error).toMatchObject({ code: 'invalid_rule', errors: [{ field: 'threshold', code: 'unreachable_threshold' }] });
    expect(thrownBy(() => decide({ method: 'approval', rule: { winners: 0 }, options: ['a'], electorate, ballots: [] })))
      .toMatchObject({ code: 'invalid_rule', errors: [{ field: 'winners' }] });
  });

  it('refuses a method it does not count (ranked methods are tallied in ../tally)', () => {
    expect(thrownBy(() => decide({ method: 'irv', rule: {}, options: [], electorate, ballots: [] } as never)))
      .toMatchObject({ code: 'invalid_rule', errors: [{ field: 'method', code: 'invalid_choice' }] });
  });

  it('refuses an electorate listing someone twice, a negative or unreadable weight, or repeated options', () => {
    expect(thrownBy(() => majority([], [{ id: 'a', weight: 1 }, { id: 'a', weight: 1 }])))
      .toMatchObject({ code: 'invalid_electorate', errors: [{ field: 'electorate[1].id', code: 'duplicate_voter' }] });
    expect(thrownBy(() => majority([], [{ id: 'a', weight: -1 }]))).toMatchObject({ code: 'invalid_weight', voterId: 'a', errors: [{ field: 'electorate[0].weight' }] });
    expect(thrownBy(() => majority([], [{ id: 'a', weight: Number.POSITIVE_INFINITY }]))).toMatchObject({ code: 'invalid_weight' });
    expect(thrownBy(() => majority([], [{ id: 'a', weight: { numerator: '1', denominator: '0' } }]))).toMatchObject({ code: 'invalid_weight' });
    expect(thrownBy(() => decide({ method: 'approval', rule: { winners: 1 }, options: ['a', 'a'], electorate, ballots: [] })))
      .toMatchObject({ code: 'invalid_options', errors: [{ field: 'options[1]', code: 'duplicate_option' }] });
  });

  it('outcomes are plain data: they survive a JSON round trip unchanged', () => {
    const outcome = decide({
      method: 'approval', rule: { winners: 1 }, options: ['a', 'b'], electorate: [{ id: 'x', weight: 0.25 }, { id: 'y', weight: 0.75 }],
      ballots: [{ voterId: 'x', ballot: { approved: ['a'] } }, { voterId: 'y', ballot: { approved: ['b'] } }],
    });
    expect(JSON.parse(JSON.stringify(outcome))).toEqual(outcome);
  });

  it('error messages name codes and fields, never ballot content', () => {
    const error = thrownBy(() => decide({
      method: 'consent', rule: {}, options: [], electorate, ballots: [{ voterId: 'union', ballot: { position: 'object', reason: 42, secret: 'x' } }],
    })) as Error;
    expect(error.message).toBe('invalid_ballot: secret unknown_field, reason not_a_string');
  });
});
