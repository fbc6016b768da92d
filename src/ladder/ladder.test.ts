import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, LadderSchema, noFacts as facts, placeOnLadder } from './ladder.ts';

describe('the engagement ladder', () => {
  it('places a contact on the highest step whose rule it meets', () => {
    expect(placeOnLadder(DEFAULT_LADDER, facts({}))).toEqual({ step: 'observing', reason: 'no rule met' });
    expect(placeOnLadder(DEFAULT_LADDER, facts({ conversations: 1 }))).toEqual({ step: 'following', reason: '1+ conversations' });
    expect(placeOnLadder(DEFAULT_LADDER, facts({ conversations: 3, attended: 2 }))).toEqual({ step: 'owning', reason: 'attended 2+ times' });
    expect(placeOnLadder(DEFAULT_LADDER, facts({ tags: ['leader'] })).step).toBe('leading');
  });

  it('moves a contact down when the record no longer meets a rule', () => {
    expect(placeOnLadder(DEFAULT_LADDER, facts({ attended: 1 })).step).toBe('contributing');
    expect(placeOnLadder(DEFAULT_LADDER, facts({ attended: 0, conversations: 1 })).step).toBe('following');
  });

  it('needs every condition of a rule, and refuses rules on steps it does not have', () => {
    const ladder = LadderSchema.parse({ steps: [{ key: 'base', label: { en: 'Base', es: 'Base' } }, { key: 'voter', label: { en: 'Voter', es: 'Votante' } }],
      rules: [{ step: 'voter', all: [{ kind: 'conversations', atLeast: 2 }, { kind: 'answer', question: 'will_vote', answer: 'true' }] }] });
    expect(placeOnLadder(ladder, facts({ conversations: 2 })).step).toBe('base');
    expect(placeOnLadder(ladder, facts({ conversations: 2, answers: { will_vote: ['true'] } })).step).toBe('voter');
    expect(LadderSchema.safeParse({ ...ladder, rules: [{ step: 'nope', all: [{ kind: 'tag', tag: 'x' }] }] }).success).toBe(false);
  });

  it('reads leadership from the record: sessions led, committee seats, representation, recruits, attempts made, cohorts', () => {
    expect(placeOnLadder(DEFAULT_LADDER, facts({ attemptsMade: 4 }))).toEqual({ step: 'contributing', reason: 'made 1+ contact attempts' });
    expect(placeOnLadder(DEFAULT_LADDER, facts({ recruited: 2 })).step).toBe('observing');
    expect(placeOnLadder(DEFAULT_LADDER, facts({ recruited: 3 }))).toEqual({ step: 'owning', reason: 'recruited 3+ people' });
    expect(placeOnLadder(DEFAULT_LADDER, facts({ committeeSeats: 1 }))).toEqual({ step: 'owning', reason: 'sits on a committee' });
    expect(placeOnLadder(DEFAULT_LADDER, facts({ sessionsLed: 1 }))).toEqual({ step: 'leading', reason: 'led 1+ sessions' });
    expect(placeOnLadder(DEFAULT_LADDER, facts({ represents: 1 }))).toEqual({ step: 'leading', reason: 'represents the organization' });
    expect(placeOnLadder(DEFAULT_LADDER, facts({ cohortsCompleted: 1 }))).toEqual({ step: 'leading', reason: 'completed a leadership cohort' });
    const trained = LadderSchema.parse({ steps: DEFAULT_LADDER.steps, rules: [{ step: 'owning', all: [{ kind: 'trainings', atLeast: 2 }] }] });
    expect(placeOnLadder(trained, facts({ trainings: 1 })).step).toBe('observing');
    expect(placeOnLadder(trained, facts({ trainings: 2 })).step).toBe('owning');
  });
});
