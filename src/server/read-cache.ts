// A short-lived cache of assembled read responses (directory pages, alliance pages), per caller
// and URL. Any write in this process invalidates everything at once by bumping the data
// version, after its transaction has committed; writes from another process (the CLI) are
// seen within MAX_AGE_MS. Callers are resolved before the cache, so a signed-out or changed
// session never reads another's entry. Identical reads arriving while one is being assembled
// wait for it (see readInProgress) rather than assembling it fifty times over.

const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 5_000;

let version = 0;
const entries = new Map<string, { version: number; at: number; body: Uint8Array<ArrayBuffer>; contentType: string }>();

/** Called once a write has committed: every cached read may now be stale. */
export function invalidateReads(): void {
  version += 1;
  entries.clear();
}

export function cachedRead(key: string): { body: Uint8Array<ArrayBuffer>; contentType: string } | undefined {
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.version !== version || Date.now() - entry.at > MAX_AGE_MS) {
    entries.delete(key);
    return undefined;
  }
  return entry;
}

/** Stores a response computed while the version was `startedAt`, unless a write happened meanwhile. */
// Bodies are kept encoded, so a hit costs no serialization at all.
export function storeRead(key: string, startedAt: number, body: Uint8Array<ArrayBuffer>, contentType: string): void {
  if (startedAt !== version) return;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { version, at: Date.now(), body, contentType });
}

export function currentVersion(): number {
  return version;
}

type Read = { body: Uint8Array<ArrayBuffer>; contentType: string };
const computing = new Map<string, { version: number; result: Promise<Read | undefined> }>();

/**
 * The same read (same caller, same URL) already being computed at the current data version, if
 * any. When an entry expires or a write empties the cache, the identical requests that arrive
 * meanwhile wait for that one answer instead of each assembling it again: it is exactly what
 * the cache would have held a moment later, under the same rules.
 */
export function readInProgress(key: string): Promise<Read | undefined> | undefined {
  const entry = computing.get(key);
  return entry && entry.version === version ? entry.result : undefined;
}

/**
 * Marks `key` as being computed now. Call the returned function once done, with the answer it
 * stored (or nothing when it stored none): waiting requests get it only if no write happened
 * meanwhile, and otherwise compute their own.
 */
export function beginRead(key: string): (read?: Read) => void {
  let settle!: (read: Read | undefined) => void;
  const entry = { version, result: new Promise<Read | undefined>((resolve) => { settle = resolve; }) };
  computing.set(key, entry);
  return (read) => {
    if (computing.get(key) === entry) computing.delete(key);
    settle(read && entry.version === version ? read : undefined);
  };
}
