// The API's messages for people (field errors, import row reports) in the caller's language.
// Messages are written in English where they arise; a Spanish reader gets them through
// messages-es.ts (our own messages) or zod's Spanish locale (zod's defaults, remembered here as
// they are made, since a finished issue no longer says whether its message was a default).
import type { Context } from 'hono';
import { z } from 'zod';
import type { FieldError } from './problem.ts';
import { SPANISH_MESSAGES } from './messages-es.ts';

export type Language = 'en' | 'es';

/** The language a request asks for: Spanish when Accept-Language puts Spanish first, else English. */
export function requestLanguage(acceptLanguage: string | undefined): Language {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first === 'es' || first.startsWith('es-') ? 'es' : 'en';
}

const english = z.locales.en();
const spanish = z.locales.es();
const zodDefaults = new Map<string, string>();

/** Notes the Spanish of a zod issue whose message is zod's English default (not one of ours). */
export function rememberZodDefault(issue: z.core.$ZodIssue): void {
  const raw = issue as unknown as Parameters<typeof english.localeError>[0];
  if (english.localeError(raw) !== issue.message || zodDefaults.has(issue.message)) return;
  const translated = spanish.localeError(raw);
  if (typeof translated !== 'string') return;
  // Bounded (a message can quote a key someone sent): the oldest goes first, not the whole map.
  if (zodDefaults.size >= 10_000) zodDefaults.delete(zodDefaults.keys().next().value!);
  zodDefaults.set(issue.message, translated);
}

/** One message in Spanish: from our catalog, else zod's default, else (unknown) as written. */
export function toSpanish(message: string): string {
  for (const [pattern, template] of SPANISH_MESSAGES) {
    if (pattern.test(message)) return message.replace(pattern, template);
  }
  return zodDefaults.get(message) ?? message;
}

export function localizeErrors<T extends FieldError>(errors: T[], language: Language): T[] {
  return language === 'en' ? errors : errors.map((e) => ({ ...e, message: toSpanish(e.message) }));
}

/** The language of the request behind `c`. */
/** The language a request asks for; a request that does not say gets its account's language. */
export function languageOf(c: Context): Language {
  const asked = c.req.header('accept-language');
  if (asked && asked.trim() && asked.trim() !== '*') return requestLanguage(asked);
  return (c.get('actor') as { language?: Language } | null | undefined)?.language ?? 'en';
}

/** A report (import preview or job, ties import) with its rows' errors in `language`. */
export function localizeReport<T extends { rows: Array<{ errors?: FieldError[] }> }>(report: T, language: Language): T {
  if (language === 'en') return report;
  return { ...report, rows: report.rows.map((r) => (r.errors ? { ...r, errors: localizeErrors(r.errors, language) } : r)) };
}
