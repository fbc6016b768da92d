import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LADDER, type LadderCondition, noFacts, placeOnLadder } from '../ladder/ladder.ts';
import { wordReason } from './ladder-reasons.ts';
import en from './locales/en.json';
import es from './locales/es.json';

// Every reason the ladder's rules can give is said again in Spanish: the phrases the server
// writes (ladder.ts) and the ones the web knows stay in step.

const CONDITIONS: { condition: LadderCondition; facts: Parameters<typeof noFacts>[0] }[] = [
  { condition: { kind: 'conversations', atLeast: 2 }, facts: { conversations: 2 } },
  { condition: { kind: 'attended', atLeast: 1 }, facts: { attended: 1 } },
  { condition: { kind: 'tag', tag: 'leader' }, facts: { tags: ['leader'] } },
  { condition: { kind: 'answer', question: 'will_vote', answer: 'yes' }, facts: { answers: { will_vote: ['yes'] } } },
  { condition: { kind: 'trainings', atLeast: 3 }, facts: { trainings: 3 } },
  { condition: { kind: 'led_session', atLeast: 1 }, facts: { sessionsLed: 1 } },
  { condition: { kind: 'committee' }, facts: { committeeSeats: 1 } },
  { condition: { kind: 'represents' }, facts: { represents: 1 } },
  { condition: { kind: 'recruited', atLeast: 5 }, facts: { recruited: 5 } },
  { condition: { kind: 'attempts_made', atLeast: 10 }, facts: { attemptsMade: 10 } },
  { condition: { kind: 'cohort_completed' }, facts: { cohortsCompleted: 1 } },
];

describe('the ladder\'s reasons in the reader\'s language', () => {
  beforeAll(async () => { await i18next.init({ lng: 'es', resources: { en: { translation: en }, es: { translation: es } } }); });

  it('words every rule\'s reason in Spanish, and keeps a reason a person wrote', () => {
    const t = i18next.getFixedT('es');
    for (const { condition, facts } of CONDITIONS) {
      const ladder = { steps: DEFAULT_LADDER.steps, rules: [{ step: 'leading', all: [condition] }] };
      const { reason } = placeOnLadder(ladder, noFacts(facts));
      expect(wordReason(reason, t), reason).not.toBe(reason);
    }
    expect(wordReason(placeOnLadder(DEFAULT_LADDER, noFacts()).reason, t)).toBe('no cumple ninguna regla');
    const both = placeOnLadder({ steps: DEFAULT_LADDER.steps, rules: [{ step: 'owning', all: [{ kind: 'conversations', atLeast: 1 }, { kind: 'recruited', atLeast: 3 }] }] },
      noFacts({ conversations: 1, recruited: 3 }));
    expect(wordReason(both.reason, t)).toBe('1 conversación o más y trajo a 3 personas o más');
    expect(wordReason('Spoke at the city council', t)).toBe('Spoke at the city council');
  });
});
