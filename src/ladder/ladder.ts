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
    { step: 'owning', all: [{ kind: 'attended', atLeast: 2 }] },
    { step: 'leading', all: [{ kind: 'tag', tag: 'leader' }] },
  ],
};

export interface ContactFacts { conversations: number; attended: number; tags: string[]; answers: Record<string, string[]> }

function holds(c: LadderCondition, f: ContactFacts): boolean {
  switch (c.kind) {
    case 'conversations': return f.conversations >= c.atLeast;
    case 'attended': return f.attended >= c.atLeast;
    case 'tag': return f.tags.includes(c.tag);
    case 'answer': return (f.answers[c.question] ?? []).includes(c.answer);
  }
}

/** Why a condition holds, in words (English; the web words it again from the codes). */
function because(c: LadderCondition): string {
  switch (c.kind) {
    case 'conversations': return `${c.atLeast}+ conversations`;
    case 'attended': return `attended ${c.atLeast}+ times`;
    case 'tag': return `tagged ${c.tag}`;
    case 'answer': return `answered ${c.question}: ${c.answer}`;
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
