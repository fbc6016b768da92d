import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Problem } from './problem.ts';

// Optimistic concurrency for the records people edit in forms. A GET of one of them answers with
// an ETag (a hash of what the reader was shown); a PUT or PATCH that sends it back in If-Match is
// refused with 412 when the record has changed since, with the record as it is now, so the web
// app can show what changed and let the person merge. The check and the write run one at a time
// per record (this process serves the workspace), so no write slips in between them.

const VERSIONED = [
  /^\/api\/vocabularies$/, /^\/api\/organizations\/[^/]+$/, /^\/api\/people\/[^/]+$/, /^\/api\/memberships\/[^/]+$/, /^\/api\/campaigns\/[^/]+$/,
  /^\/api\/convenings\/[^/]+$/, /^\/api\/goals\/[^/]+$/, /^\/api\/work-plans\/[^/]+$/, /^\/api\/me$/, /^\/api\/alliances\/[^/]+\/priorities$/,
];
export const isVersioned = (path: string) => VERSIONED.some((r) => r.test(path));

export const etagOf = (body: Uint8Array | string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

const queues = new Map<string, Promise<unknown>>();
/** Runs `work` after every earlier work on the same key has finished. */
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.then(() => undefined, () => undefined);
  queues.set(key, settled);
  try {
    return await run;
  } finally {
    if (queues.get(key) === settled) queues.delete(key);
  }
}

/**
 * `readCurrent` re-reads the record as the writer would see it now (a GET through the whole app);
 * `parentOf` names the page whose version a part of a record shares (record-parents.ts), or null.
 */
export function recordVersions(readCurrent: (path: string, headers: Headers) => Promise<Response>,
  parentOf: (path: string) => Promise<string | null> = async () => null): MiddlewareHandler {
  return async (c, next) => {
    if (!isVersioned(c.req.path)) {
      if (c.req.method !== 'PUT') return next();
      const parent = await parentOf(c.req.path);
      if (!parent) return next();
      return oneAtATime(parent.toLowerCase(), async () => {
        const ifMatch = c.req.header('if-match');
        if (ifMatch) await checkIfMatch(ifMatch, parent, c.req.header('cookie'), c.req.header('accept-language'), readCurrent);
        await next();
      });
    }
    if (c.req.method === 'GET') {
      await next();
      if (c.res.status === 200) c.header('etag', etagOf(new Uint8Array(await c.res.clone().arrayBuffer())));
      return;
    }
    if (c.req.method !== 'PUT' && c.req.method !== 'PATCH') return next();
    // Ids are UUIDs, which PostgreSQL reads in either case: one queue per record, however written.
    return oneAtATime(c.req.path.toLowerCase(), async () => {
      const ifMatch = c.req.header('if-match');
      if (ifMatch) await checkIfMatch(ifMatch, c.req.path, c.req.header('cookie'), c.req.header('accept-language'), readCurrent);
      await next();
    });
  };
}

/** Refuses with 412 (and the record as it is now) when `ifMatch` names none of the record's current version. */
async function checkIfMatch(ifMatch: string, path: string, cookie: string | undefined, language: string | undefined,
  readCurrent: (path: string, headers: Headers) => Promise<Response>) {
  if (ifMatch.trim() === '*') return;
  const current = await readCurrent(path, new Headers({ 'cache-control': 'no-cache', cookie: cookie ?? '', 'accept-language': language ?? '' }));
  if (current.status !== 200) return;
  const body = await current.text();
  const tags = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (!tags.includes(etagOf(body))) {
    throw new Problem(412, 'Changed since you read it', 'Someone changed this record after you read it; here it is as it is now.', [], JSON.parse(body) as unknown, etagOf(body));
  }
}
