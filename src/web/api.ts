// The web client's door to the API: same-origin fetch with the session cookie, JSON in and out,
// and problem+json errors turned into ApiError with the fields at fault. Every request says the
// interface language, so the messages the API writes for people come back in it.
import i18n from 'i18next';

export interface FieldError { field: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail: string | undefined, readonly errors: FieldError[],
    /** For a 412: what someone else changed since this page read the record (field path, their value). */
    readonly changes: { field: string; value: string }[] = [],
    /** For a 412: the record as it is now (what the GET of its page answers). */
    readonly current: unknown = undefined) {
    super(detail ?? title);
  }
  /** The message for one field (matching its last path segments), if any. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

// The version (ETag) of each record this page has read, sent back with a change to it, so a
// change made meanwhile by someone else is refused (412) instead of silently overwritten.
const versions = new Map<string, { etag: string; data: unknown }>();

function flatten(value: unknown, prefix: string, depth: number, out: Map<string, string>) {
  if (depth < 2 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  } else out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value) ?? '');
}

/** The fields (two levels deep) whose values differ between two versions of a record, with their new values. */
export function changedFields(before: unknown, after: unknown): { field: string; value: string }[] {
  const old = new Map<string, string>();
  const now = new Map<string, string>();
  flatten(before, '', 0, old);
  flatten(after, '', 0, now);
  // Timestamps change with every save and say nothing to a person; a wrapper ("organization.") is dropped.
  const changed = [...now].filter(([k, v]) => old.get(k) !== v && !/(^|\.)(id|\w+At)$/.test(k));
  const wrapper = changed.length && changed.every(([k]) => k.startsWith(`${changed[0]![0].split('.')[0]}.`)) ? `${changed[0]![0].split('.')[0]}.` : '';
  return changed.map(([k, v]) => ({ field: k.slice(wrapper.length), value: v.length > 80 ? `${v.slice(0, 79)}…` : v }));
}

// A part of a record saved on its own carries the version of the page it was read from
// (server/record-parents.ts); the web app edits one such part: a vocabulary.
const pageOf = (path: string) => (/^\/vocabularies\/[a-z_]+$/.test(path) ? '/vocabularies' : path);

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const versionKey = pageOf(path);
  const seen = method === 'PUT' || method === 'PATCH' ? versions.get(versionKey) : undefined;
  const res = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      'accept-language': i18n.language || 'en', ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(seen ? { 'if-match': seen.etag } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  const etag = res.headers.get('etag');
  if (res.status === 412 && seen) {
    // Saving again keeps this person's edits over the version now stored: that is the merge.
    if (etag) versions.set(versionKey, { etag, data: data?.current });
    throw new ApiError(412, data?.title ?? res.statusText, data?.detail, [], changedFields(seen.data, data?.current), data?.current);
  }
  if (!res.ok) throw new ApiError(res.status, data?.title ?? res.statusText, data?.detail, data?.errors ?? []);
  if (method === 'GET' && etag) versions.set(path, { etag, data });
  if (seen) versions.delete(versionKey);
  return data as T;
}

/** Raw bytes in or out (application/octet-stream): the blinded values of a private overlap. */
async function bytes(method: 'GET' | 'PUT', path: string, body?: Uint8Array): Promise<Uint8Array> {
  const res = await fetch(`/api${path}`, {
    method, credentials: 'same-origin',
    headers: { 'accept-language': i18n.language || 'en', ...(body ? { 'content-type': 'application/octet-stream' } : {}) },
    body: body as Uint8Array<ArrayBuffer> | undefined,
  });
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, data?.title ?? res.statusText, data?.detail, data?.errors ?? []);
  }
  return new Uint8Array(await res.arrayBuffer());
}

export const api = {
  bytes,
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
  if (err.status === 412) {
    // Fields are named as the form labels them (org.*), in the person's language.
    const label = (field: string) => t(`org.${field.split('.').pop()}`, { defaultValue: field });
    return t('errors.stale', { changes: err.changes.map((c) => `${label(c.field)}: ${c.value}`).join('; ') || '—' });
  }
  const known: Record<number, string> = { 400: 'errors.badRequest', 401: 'errors.signIn', 403: 'errors.forbidden', 404: 'common.notFound', 409: 'errors.conflict', 422: 'errors.badRequest', 429: 'errors.tooMany' };
  return t(known[err.status] ?? 'errors.server');
}
