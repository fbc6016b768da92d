import { describe, expect, it } from 'vitest';
import { isValidBallot, REASON_MAX_LENGTH, validateBallot } from './index.ts';

const score = { min: 0, max: 5, missingAs: 'ignore' } as const;
const options = ['park', 'school', 'clinic'];

describe('ballot validation', () => {
  it('refuses what is not an object, and fields the method does not have', () => {
    expect(validateBallot('majority', { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' }, [], null))
      .toEqual([{ field: 'ballot', code: 'not_an_object' }]);
    expect(validateBallot('consent', {}, [], ['consent'])).toEqual([{ field: 'ballot', code: 'not_an_object' }]);
    expect(validateBallot('majority', { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' }, [], { position: 'yes', reason: 'x' }))
      .toEqual([{ field: 'reason', code: 'unknown_field' }]);
  });

  it('advice: a position, a reason or both; never neither', () => {
    expect(validateBallot('advice', {}, [], { position: 'concern' })).toEqual([]);
    expect(validateBallot('advice', {}, [], { reason: 'talk to the tenants first' })).toEqual([]);
    expect(validateBallot('advice', {}, [], {})).toEqual([{ field: 'ballot', code: 'position_or_reason_required' }]);
    expect(validateBallot('advice', {}, [], { reason: '   ' })).toEqual([{ field: 'ballot', code: 'position_or_reason_required' }]);
    expect(validateBallot('advice', {}, [], { position: 'maybe' })).toEqual([{ field: 'position', code: 'invalid_choice' }]);
  });

  it('consent: an objection needs a reason; a consent does not', () => {
    expect(validateBallot('consent', {}, [], { position: 'consent' })).toEqual([]);
    expect(validateBallot('consent', {}, [], { position: 'object', reason: 'the budget leaves out the rural groups' })).toEqual([]);
    expect(validateBallot('consent', {}, [], { position: 'object' })).toEqual([{ field: 'reason', code: 'reason_required' }]);
    expect(validateBallot('consent', {}, [], { position: 'object', reason: ' \n ' })).toEqual([{ field: 'reason', code: 'reason_required' }]);
    expect(validateBallot('consent', {}, [], { position: 'object', reason: 42 })).toEqual([{ field: 'reason', code: 'not_a_string' }]);
    expect(validateBallot('consent', {}, [], {})).toEqual([{ field: 'position', code: 'required' }]);
  });

  it('consensus: a block needs a reason; a stand-aside may carry one', () => {
    expect(validateBallot('consensus', {}, [], { position: 'block' })).toEqual([{ field: 'reason', code: 'reason_required' }]);
    expect(validateBallot('consensus', {}, [], { position: 'block', reason: 'breaks our charter' })).toEqual([]);
    expect(validateBallot('consensus', {}, [], { position: 'stand_aside' })).toEqual([]);
    expect(validateBallot('consensus', {}, [], { position: 'stand_aside', reason: 'we disagree but will not stop it' })).toEqual([]);
    expect(validateBallot('consensus', {}, [], { position: 'object' })).toEqual([{ field: 'position', code: 'invalid_choice' }]);
  });

  it('limits the length of a reason', () => {
    expect(validateBallot('consensus', {}, [], { position: 'block', reason: 'x'.repeat(REASON_MAX_LENGTH + 1) }))
      .toEqual([{ field: 'reason', code: 'too_long' }]);
  });

  it('majority: yes, no or abstain, and nothing else', () => {
    const rule = { threshold: { numerator: 1, denominator: 2 }, comparison: 'more_than', abstentions: 'excluded' } as const;
    for (const position of ['yes', 'no', 'abstain']) expect(validateBallot('majority', rule, [], { position })).toEqual([]);
    expect(validateBallot('majority', rule, [], { position: 'YES' })).toEqual([{ field: 'position', code: 'invalid_choice' }]);
    expect(validateBallot('majority', rule, [], {})).toEqual([{ field: 'position', code: 'required' }]);
  });

  it('approval: known options, each once; approving none is a ballot', () => {
    expect(validateBallot('approval', { winners: 1 }, options, { approved: [] })).toEqual([]);
    expect(validateBallot('approval', { winners: 1 }, options, { approved: ['park', 'clinic'] })).toEqual([]);
    expect(validateBallot('approval', { winners: 1 }, options, { approved: ['park', 'mall', 'park', 3] })).toEqual([
      { field: 'approved[1]', code: 'unknown_option' },
      { field: 'approved[2]', code: 'duplicate_option' },
      { field: 'approved[3]', code: 'not_a_string' },
    ]);
    expect(validateBallot('approval', { winners: 1 }, options, { approved: 'park' })).toEqual([{ field: 'approved', code: 'not_a_list' }]);
    expect(validateBallot('approval', { winners: 1 }, options, {})).toEqual([{ field: 'approved', code: 'required' }]);
  });

  it('score: integers within the range, for known options; unscored options are allowed', () => {
    expect(validateBallot('score', score, options, { scores: { park: 5, school: 0 } })).toEqual([]);
    expect(validateBallot('score', score, options, { scores: { park: 6, school: -1, clinic: 2.5, mall: 3 } })).toEqual([
      { field: 'scores.park', code: 'above_max' },
      { field: 'scores.school', code: 'below_min' },
      { field: 'scores.clinic', code: 'not_an_integer' },
      { field: 'scores.mall', code: 'unknown_option' },
    ]);
    expect(validateBallot('score', score, options, { scores: { park: '5' } })).toEqual([{ field: 'scores.park', code: 'not_an_integer' }]);
    expect(validateBallot('score', score, options, { scores: [5] })).toEqual([{ field: 'scores', code: 'not_an_object' }]);
    // A key smuggled in through JSON is an unknown option, not a way around the check.
    expect(validateBallot('score', score, options, JSON.parse('{"scores":{"__proto__":5}}'))).toEqual([{ field: 'scores.__proto__', code: 'unknown_option' }]);
  });

  it('narrows the type of a valid ballot', () => {
    const ballot: unknown = { approved: ['school'] };
    if (!isValidBallot('approval', { winners: 1 }, options, ballot)) throw new Error('expected a valid ballot');
    expect(ballot.approved).toEqual(['school']);
  });
});
