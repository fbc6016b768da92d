import type { TFunction } from 'i18next';

// The server records why the rules moved someone in fixed English phrases (ladder.ts `because`),
// joined by " and ". The web says them again in the reader's language; a phrase it does not know
// (a move by hand, where a person wrote the reason) is shown as written.

const PHRASES: [RegExp, string][] = [
  [/^no rule met$/, 'noRule'],
  [/^(\d+)\+ conversations$/, 'conversations'],
  [/^attended (\d+)\+ times$/, 'attended'],
  [/^tagged (.+)$/, 'tagged'],
  [/^answered ([a-z0-9_]+): (.*)$/, 'answered'],
  [/^(\d+)\+ trainings$/, 'trainings'],
  [/^led (\d+)\+ sessions$/, 'ledSessions'],
  [/^sits on a committee$/, 'committee'],
  [/^represents the organization$/, 'represents'],
  [/^recruited (\d+)\+ people$/, 'recruited'],
  [/^made (\d+)\+ contact attempts$/, 'attemptsMade'],
  [/^completed a leadership cohort$/, 'cohortCompleted'],
];

function wordPhrase(phrase: string, t: TFunction): string | null {
  for (const [pattern, key] of PHRASES) {
    const m = pattern.exec(phrase);
    if (!m) continue;
    const count = m[1] && /^\d+$/.test(m[1]) ? Number(m[1]) : undefined;
    return t(`ladder.reasons.${key}`, { count, value: m[1], answer: m[2] });
  }
  return null;
}

/** A rule's reason in the reader's language, or the reason as written when it is not a rule's. */
export function wordReason(reason: string, t: TFunction): string {
  const phrases = reason.split(' and ').map((p) => wordPhrase(p, t));
  return phrases.every((p) => p !== null) ? phrases.join(t('ladder.reasons.and')) : reason;
}
