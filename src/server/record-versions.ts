import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Problem } from './problem.ts';

// Optimistic concurrency for the records people edit in forms. A GET of one of them answers with
// an ETag (a hash of what the reader was shown); a PUT or PATCH that sends it back in If-Match is
// refused with 412 when the record has changed since, with the record as it is now, so the web
// app can show what changed and let the person merge. A checked write runs alone on its record
// (this process serves the workspace), so no write slips in between its check and its write.

const VERSIONED = [
  /^\/api\/vocabularies$/, /^\/api\/organizations\/[^/]+$/, /^\/api\/people\/[^/]+$/, /^\/api\/memberships\/[^/]+$/, /^\/api\/campaigns\/[^/]+$/,
  /^\/api\/convenings\/[^/]+$/, /^\/api\/goals\/[^/]+$/, /^\/api\/work-plans\/[^/]+$/, /^\/api\/me$/, /^\/api\/alliances\/[^/]+\/priorities$/,
  /^\/api\/surveys\/[^/]+$/, /^\/api\/library\/[^/]+$/,
];
export const isVersioned = (path: string) => VERSIONED.some((r) => r.test(path));

export const etagOf = (body: Uint8Array | string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

// Per record: a checked write (If-Match) runs alone, after every write before it; unchecked writes
// run side by side (the database's row locks order them) but never inside a checked write's window
// between its check and its write.
interface RecordLock {
  /** Requests holding this lock object, running or waiting: it is dropped when none are left. */
  holders: number;
  /** Settles when the last checked write queued so far has finished. */
  checked: Promise<void>;
  plainRunning: number;
  /** Settles when the unchecked writes running now have all finished. */
  plainDone: Promise<void>;
  settlePlain?: () => void;
}
const locks = new Map<string, RecordLock>();

async function holding<T>(key: string, work: (lock: RecordLock) => Promise<T>): Promise<T> {
  let lock = locks.get(key);
  if (!lock) locks.set(key, lock = { holders: 0, checked: Promise.resolve(), plainRunning: 0, plainDone: Promise.resolve() });
  lock.holders += 1;
  try {
    return await work(lock);
  } finally {
    lock.holders -= 1;
    if (lock.holders === 0) locks.delete(key);
  }
}

/** A checked write: after every earlier write on the record, and alone. */
const alone = <T>(key: string, work: () => Promise<T>) => holding(key, async (lock) => {
  const before = Promise.all([lock.checked, lock.plainDone]);
  const run = before.then(work);
  lock.checked = run.then(() => undefined, () => undefined);
  return run;
});

/** An unchecked write: once no checked write is queued or running, beside other unchecked writes. */
const alongside = <T>(key: string, work: () => Promise<T>) => holding(key, async (lock) => {
  // A checked write queued while this one waited goes first too.
  for (let seen = lock.checked; ; seen = lock.checked) {
    await seen;
    if (seen === lock.checked) break;
  }
  if (lock.plainRunning++ === 0) lock.plainDone = new Promise<void>((resolve) => { lock.settlePlain = resolve; });
  try {
    return await work();
  } finally {
    if (--lock.plainRunning === 0) lock.settlePlain?.();
  }
});

/** Runs `work` under the record's lock: alone when it checks If-Match, beside other unchecked writes otherwise. */
export const underRecordLock = <T>(key: string, checked: boolean, work: () => Promise<T>) => (checked ? alone(key, work) : alongside(key, work));

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
      const ifMatch = c.req.header('if-match');
      return underRecordLock(parent.toLowerCase(), Boolean(ifMatch), async () => {
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
    const ifMatch = c.req.header('if-match');
    return underRecordLock(c.req.path.toLowerCase(), Boolean(ifMatch), async () => {
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
