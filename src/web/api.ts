// The web client's door to the API: same-origin fetch with the session cookie, JSON in and out,
// and problem+json errors turned into ApiError with the fields at fault. Every request says the
// interface language, so the messages the API writes for people come back in it.
import i18n from 'i18next';

export interface FieldError { field: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string | undefined, readonly errors: FieldError[]) {
    super(detail ?? title);
  }
  /** The message for one field (matching its last path segments), if any. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: { 'accept-language': i18n.language || 'en', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, data?.title ?? res.statusText, data?.detail, data?.errors ?? []);
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * What to tell a person when a request fails, in their language. The server's own detail is in
 * English, so it is not shown; the fields at fault are named when there are some.
 */
export function errorText(t: Translate, err: unknown): string {
  if (!(err instanceof ApiError)) return t('errors.network');
  if (err.status === 422 && err.errors.length) return t('errors.invalid', { fields: [...new Set(err.errors.map((e) => e.field))].join(', ') });
  const known: Record<number, string> = { 400: 'errors.badRequest', 401: 'errors.signIn', 403: 'errors.forbidden', 404: 'common.notFound', 409: 'errors.conflict', 422: 'errors.badRequest', 429: 'errors.tooMany' };
  return t(known[err.status] ?? 'errors.server');
}
