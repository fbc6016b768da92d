import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { languageOf, localizeErrors, rememberZodDefault } from './localize.ts';
import { detailToSpanish, PROBLEM_TITLES_ES } from './problems-es.ts';

export interface FieldError { field: string; message: string }

/** An error that becomes an RFC 9457 application/problem+json response. */
export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    /** For a 412: the record as it is now, and its ETag. */
    readonly current?: unknown,
    readonly etag?: string,
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what = 'record') => new Problem(404, 'Not found', `No ${what} here, or you cannot see it.`);
export const forbidden = (detail = 'Your role in this space does not allow this.') => new Problem(403, 'Forbidden', detail);
export const invalid = (errors: FieldError[], detail?: string) =>
  new Problem(422, 'Invalid input', detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
export const conflict = (detail: string, field?: string) =>
  new Problem(409, 'Conflict', detail, field ? [{ field, message: detail }] : []);

export function fieldErrorsFromZod(error: ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => {
    rememberZodDefault(issue);
    // Paths read as they would in code: organization.capacities[0].key
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]') || '(body)';
    return { field, message: issue.message };
  });
}

export function problemResponse(c: Context, problem: Problem): Response {
  if (problem.etag) c.header('etag', problem.etag);
  const language = languageOf(c);
  const errors = localizeErrors(problem.errors, language);
  // In Spanish, a detail that lists the field messages is rebuilt from their Spanish.
  const listed = problem.errors.length > 0 && problem.detail === problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  const detail = language === 'en' || problem.detail === undefined ? problem.detail
    : listed ? errors.map((e) => `${e.field}: ${e.message}`).join('; ') : detailToSpanish(problem.detail);
  return c.body(
    JSON.stringify({
      type: 'about:blank',
      title: language === 'es' ? PROBLEM_TITLES_ES[problem.title] ?? problem.title : problem.title,
      status: problem.status,
      detail,
      // The title and detail say what happened; the fields' messages say it field by field.
      ...(errors.length ? { errors } : {}),
      ...(problem.current !== undefined ? { current: problem.current } : {}),
    }),
    problem.status,
    { 'content-type': 'application/problem+json' },
  );
}
