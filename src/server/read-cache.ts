// A short-lived cache of assembled read responses (directory pages, alliance pages), per caller
// and path. Any write in this process invalidates everything at once by bumping the data
// version, after its transaction has committed; writes from another process (the CLI) are
// seen within MAX_AGE_MS. Callers are resolved before the cache, so a signed-out or changed
// session never reads another's entry. Identical reads arriving while one is being assembled
// wait for it (see readInProgress) rather than assembling it fifty times over.

const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 5_000;

/** A whole 200 response, kept encoded: a hit costs no serialization and no header building. */
export interface CachedRead {
  body: Uint8Array<ArrayBuffer>;
  headers: Array<[string, string]>;
  /** The same headers flattened, content-length included, as node:http's writeHead takes them. */
  rawHeaders: string[];
}

// Reads worth caching: assembled from many rows, asked for again and again.
const CACHEABLE_PATHS = /^\/api\/(organizations|alliances\/[0-9a-f-]{36})$/;

export const isCacheableRead = (method: string, path: string) => method === 'GET' && CACHEABLE_PATHS.test(path);

/** A client asking for a fresh answer (Cache-Control: no-cache) gets one. */
export const wantsFreshAnswer = (cacheControl: string | undefined) => cacheControl?.includes('no-cache') ?? false;

/** `/api/organizations?q=x` of `http://host/api/organizations?q=x`. */
export const pathAndQuery = (url: string) => url.slice(url.indexOf('/', url.indexOf('//') + 2));

let version = 0;
const entries = new Map<string, { version: number; at: number; read: CachedRead }>();

/** The cache key of one caller's read of one path (with its query string). */
export const readKey = (userId: string, pathAndQuery: string) => `${userId} ${pathAndQuery}`;

/** Called once a write has committed: every cached read may now be stale. */
export function invalidateReads(): void {
  version += 1;
  entries.clear();
}

export function cachedRead(key: string): CachedRead | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.version !== version || Date.now() - entry.at > MAX_AGE_MS) {
    entries.delete(key);
    return undefined;
  }
  return entry.read;
}

/** A cache entry for a response's body and headers. */
export function toCachedRead(body: Uint8Array<ArrayBuffer>, headers: Headers): CachedRead {
  const pairs = [...headers].filter(([name]) => name !== 'content-length');
  return { body, headers: pairs, rawHeaders: [...pairs.flat(), 'content-length', String(body.byteLength)] };
}

/** Stores a response computed while the version was `startedAt`, unless a write happened meanwhile. */
export function storeRead(key: string, startedAt: number, read: CachedRead): void {
  if (startedAt !== version) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { version, at: Date.now(), read });
}

export function currentVersion(): number {
  return version;
}

const computing = new Map<string, { version: number; result: Promise<CachedRead | undefined> }>();

/**
 * The same read (same caller, same path) already being computed at the current data version, if
 * any. When an entry expires or a write empties the cache, the identical requests that arrive
 * meanwhile wait for that one answer instead of each assembling it again: it is exactly what
 * the cache would have held a moment later, under the same rules.
 */
export function readInProgress(key: string): Promise<CachedRead | undefined> | undefined {
  const entry = computing.get(key);
  return entry && entry.version === version ? entry.result : undefined;
}

/**
 * Marks `key` as being computed now. Call the returned function once done, with the answer it
 * stored (or nothing when it stored none): waiting requests get it only if no write happened
 * meanwhile, and otherwise compute their own.
 */
export function beginRead(key: string): (read?: CachedRead) => void {
  let settle!: (read: CachedRead | undefined) => void;
  const entry = { version, result: new Promise<CachedRead | undefined>((resolve) => { settle = resolve; }) };
  computing.set(key, entry);
  return (read) => {
    if (computing.get(key) === entry) computing.delete(key);
    settle(read && entry.version === version ? read : undefined);
  };
}
