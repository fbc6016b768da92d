import type { Script } from './outreach.schema.ts';

// Pure rules of outreach results: which answers a script accepts, and what counts toward a target.

export interface FieldError { field: string; message: string }

/** The errors of one attempt's answers against the script (unknown questions, wrong types, choices not offered). */
export function answerErrors(script: Script, answers: Record<string, unknown>, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const byKey = new Map(script.questions.map((q) => [q.key, q]));
  for (const [key, value] of Object.entries(answers)) {
    const q = byKey.get(key);
    const field = `${at}.answers.${key}`;
    if (!q) { errors.push({ field, message: 'not a question of this script' }); continue; }
    if (q.type === 'yes_no' && typeof value !== 'boolean') errors.push({ field, message: 'yes or no' });
    if (q.type === 'text' && typeof value !== 'string') errors.push({ field, message: 'must be text' });
    if (q.type === 'choice' && !q.choices?.some((c) => c.key === value)) errors.push({ field, message: 'not one of the choices' });
    if (q.type === 'scale' && (typeof value !== 'number' || !Number.isInteger(value) || value < (q.min ?? 1) || value > (q.max ?? 5))) {
      errors.push({ field, message: `a whole number from ${q.min ?? 1} to ${q.max ?? 5}` });
    }
  }
  return errors;
}

/** What a target counts, from per-organization tallies of attempts. */
export function measureOf(measure: 'conversations' | 'attempts' | 'people_reached', t: { attempts: number; conversations: number; peopleReached: number }) {
  return measure === 'attempts' ? t.attempts : measure === 'conversations' ? t.conversations : t.peopleReached;
}
