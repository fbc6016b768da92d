// A short-lived cache of assembled read responses (directory pages, alliance pages), per caller
// and URL. Any write in this process invalidates everything at once by bumping the data
// version, after its transaction has committed; writes from another process (the CLI) are
// seen within MAX_AGE_MS. Callers are resolved before the cache, so a signed-out or changed
// session never reads another's entry.

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
