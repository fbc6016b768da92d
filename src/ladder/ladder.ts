import { z } from '@hono/zod-openapi';

// An engagement ladder, pure: its steps from the lowest, and the rules that place a contact on a
// step from what the record says (conversations, attendance, tags, answers). A contact stands on
// the highest step whose rule it meets; a step with no rule is reached only by a person's choice.

const key = z.string().regex(/^[a-z0-9_]{1,40}$/, 'lowercase letters, digits and _');
const bilingual = z.object({ en: z.string().trim().min(1).max(100), es: z.string().trim().min(1).max(100) });

export const LadderConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversations'), atLeast: z.number().int().min(1).max(1000) }),
  z.object({ kind: z.literal('attended'), atLeast: z.number().int().min(1).max(1000) }),
  z.object({ kind: z.literal('tag'), tag: z.string().trim().min(1).max(80) }),
  z.object({ kind: z.literal('answer'), question: key, answer: z.string().trim().max(200) }),
  // Convenings of kind training attended.
  z.object({ kind: z.literal('trainings'), atLeast: z.number().int().min(1).max(1000) }),
  // Sessions of convenings the organization takes part in, facilitated by the contact.
  z.object({ kind: z.literal('led_session'), atLeast: z.number().int().min(1).max(1000) }),
  // The directory person the contact is holds a committee seat now / represents the organization in an alliance.
  z.object({ kind: z.literal('committee') }),
  z.object({ kind: z.literal('represents') }),
  // Contacts this contact brought in.
  z.object({ kind: z.literal('recruited'), atLeast: z.number().int().min(1).max(1000) }),
  // Outreach attempts the contact made as a volunteer (the account with the contact's email).
  z.object({ kind: z.literal('attempts_made'), atLeast: z.number().int().min(1).max(100_000) }),
  z.object({ kind: z.literal('cohort_completed') }),
]);
export type LadderCondition = z.infer<typeof LadderConditionSchema>;

export const LadderSchema = z.object({
  steps: z.array(z.object({ key, label: bilingual })).min(2, 'a ladder has at least two steps').max(12),
  rules: z.array(z.object({ step: key, all: z.array(LadderConditionSchema).min(1).max(10) })).max(24).default([]),
}).refine((l) => new Set(l.steps.map((s) => s.key)).size === l.steps.length, { message: 'each step needs its own key', path: ['steps'] })
  .refine((l) => l.rules.every((r) => l.steps.some((s) => s.key === r.step)), { message: 'a rule names a step the ladder does not have', path: ['rules'] })
  .openapi('Ladder');
export type Ladder = z.infer<typeof LadderSchema>;

/** The engagement pyramid, with rules a newly set-up organization can start from. */
export const DEFAULT_LADDER: Ladder = {
  steps: [
    { key: 'observing', label: { en: 'Observing', es: 'Observa' } },
    { key: 'following', label: { en: 'Following', es: 'Sigue' } },
    { key: 'endorsing', label: { en: 'Endorsing', es: 'Respalda' } },
    { key: 'contributing', label: { en: 'Contributing', es: 'Contribuye' } },
    { key: 'owning', label: { en: 'Owning', es: 'Se apropia' } },
    { key: 'leading', label: { en: 'Leading', es: 'Lidera' } },
  ],
  rules: [
    { step: 'following', all: [{ kind: 'conversations', atLeast: 1 }] },
    { step: 'contributing', all: [{ kind: 'attended', atLeast: 1 }] },
    { step: 'contributing', all: [{ kind: 'attempts_made', atLeast: 1 }] },
    { step: 'owning', all: [{ kind: 'attended', atLeast: 2 }] },
    { step: 'owning', all: [{ kind: 'recruited', atLeast: 3 }] },
    { step: 'owning', all: [{ kind: 'committee' }] },
    { step: 'leading', all: [{ kind: 'tag', tag: 'leader' }] },
    { step: 'leading', all: [{ kind: 'led_session', atLeast: 1 }] },
    { step: 'leading', all: [{ kind: 'represents' }] },
    { step: 'leading', all: [{ kind: 'cohort_completed' }] },
  ],
};

export interface ContactFacts {
  conversations: number; attended: number; tags: string[]; answers: Record<string, string[]>;
  trainings: number; sessionsLed: number; committeeSeats: number; represents: number; recruited: number; attemptsMade: number; cohortsCompleted: number;
}

/** Facts of a contact with no record beyond the ones given. */
export const noFacts = (f: Partial<ContactFacts> = {}): ContactFacts => ({
  conversations: 0, attended: 0, tags: [], answers: {}, trainings: 0, sessionsLed: 0, committeeSeats: 0, represents: 0, recruited: 0, attemptsMade: 0, cohortsCompleted: 0, ...f,
});

function holds(c: LadderCondition, f: ContactFacts): boolean {
  switch (c.kind) {
    case 'conversations': return f.conversations >= c.atLeast;
    case 'attended': return f.attended >= c.atLeast;
    case 'tag': return f.tags.includes(c.tag);
    case 'answer': return (f.answers[c.question] ?? []).includes(c.answer);
    case 'trainings': return f.trainings >= c.atLeast;
    case 'led_session': return f.sessionsLed >= c.atLeast;
    case 'committee': return f.committeeSeats > 0;
    case 'represents': return f.represents > 0;
    case 'recruited': return f.recruited >= c.atLeast;
    case 'attempts_made': return f.attemptsMade >= c.atLeast;
    case 'cohort_completed': return f.cohortsCompleted > 0;
  }
}

/** Why a condition holds, in words (English; the web words it again from the codes). */
function because(c: LadderCondition): string {
  switch (c.kind) {
    case 'conversations': return `${c.atLeast}+ conversations`;
    case 'attended': return `attended ${c.atLeast}+ times`;
    case 'tag': return `tagged ${c.tag}`;
    case 'answer': return `answered ${c.question}: ${c.answer}`;
    case 'trainings': return `${c.atLeast}+ trainings`;
    case 'led_session': return `led ${c.atLeast}+ sessions`;
    case 'committee': return 'sits on a committee';
    case 'represents': return 'represents the organization';
    case 'recruited': return `recruited ${c.atLeast}+ people`;
    case 'attempts_made': return `made ${c.atLeast}+ contact attempts`;
    case 'cohort_completed': return 'completed a leadership cohort';
  }
}

/** The highest step whose rule the facts meet (the lowest step if none), and why. */
export function placeOnLadder(ladder: Ladder, facts: ContactFacts): { step: string; reason: string } {
  for (let i = ladder.steps.length - 1; i > 0; i--) {
    const step = ladder.steps[i]!.key;
    const met = ladder.rules.find((r) => r.step === step && r.all.every((c) => holds(c, facts)));
    if (met) return { step, reason: met.all.map(because).join(' and ') };
  }
  return { step: ladder.steps[0]!.key, reason: 'no rule met' };
}
