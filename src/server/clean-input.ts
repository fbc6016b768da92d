import type { MiddlewareHandler } from 'hono';
import { type FieldError, invalid } from './problem.ts';

// Text that PostgreSQL cannot store (a NUL byte) or that is not text at all (a lone UTF-16
// surrogate, or percent-encoding that is not UTF-8) is refused at the door, naming where it was,
// instead of failing deep in a query as a server error.

const NOT_TEXT = 'contains a character that is not allowed (a NUL byte or broken Unicode)';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const badText = (s: string) => s.includes('\u0000') || LONE_SURROGATE.test(s);

function decoded(raw: string): string | null {
  try { return decodeURIComponent(raw.replace(/\+/g, ' ')); } catch { return null; }
}

/** Where a JSON value holds bad text, as field paths (organization.name, tags[2]). */
export function badTextFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return badText(value) ? [path || '(body)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => badTextFields(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const field = path ? `${path}.${k}` : k;
      return badText(k) ? [field] : badTextFields(v, field);
    });
  }
  return [];
}

export function cleanInput(): MiddlewareHandler {
  return async (c, next) => {
    const errors: FieldError[] = [];
    const url = c.req.url;
    const pathname = url.slice(url.indexOf('/', url.indexOf('//') + 2)).split('?')[0]!;
    for (const segment of pathname.split('/')) {
      const text = decoded(segment);
      if (text === null || badText(text)) { errors.push({ field: 'path', message: NOT_TEXT }); break; }
    }
    const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
    for (const pair of query ? query.split('&') : []) {
      const [rawKey = '', rawValue = ''] = pair.split('=');
      const key = decoded(rawKey);
      const value = decoded(rawValue);
      if (key === null || value === null || badText(key) || badText(value)) errors.push({ field: key && !badText(key) ? key : 'query', message: NOT_TEXT });
    }
    if (c.req.header('content-type')?.includes('application/json') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(c.req.method)) {
      // Parsed once here; the route's validator reads the same parsed body. Malformed JSON is left to it (400).
      const body = await c.req.json().catch(() => undefined);
      errors.push(...badTextFields(body).map((field) => ({ field, message: NOT_TEXT })));
      // A PATCH changes the fields it sends: one that sends none is a mistake, not a no-op to run as SQL.
      if (c.req.method === 'PATCH' && body && typeof body === 'object' && !Array.isArray(body) && Object.values(body).every((v) => v === undefined)) {
        errors.push({ field: '(body)', message: 'send at least one field to change' });
      }
    }
    if (errors.length) throw invalid(errors);
    await next();
  };
}
