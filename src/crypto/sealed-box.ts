import { createCipheriv, createDecipheriv, createHash, createHmac, createSecretKey, hkdfSync, randomBytes } from 'node:crypto';

// AES-256-GCM for sensitive fields at rest, and HMAC-SHA256 for keyed hashes (blind indexes) that
// let an organization match its own records (re-imports, duplicates) without decrypting. Keys
// derived from one secret. A blind index is scoped to its space: the same email in two
// organizations hashes to two unrelated values, so nobody holding the database (without the
// key) can join one organization's list to another's — counting what two organizations share
// goes through the private overlap (src/overlap/), never through these hashes.
//
// Each sealed value is bound to where it is stored (its table, column and row, e.g.
// "people.contact_sealed:<id>") as associated data: moved to another row, it no longer opens.
// Values sealed before that binding ("v1") open only to be re-sealed, which the server does at start.
//
// Sealing keys rotate without stopping the app (src/crypto/online-rotation.ts): a value names the
// key it was sealed with ("v3.<key id>."), the box holds the current key and the previous ones, and
// re-reads its key ring when it meets a key it does not know. Blind indexes and link signatures use
// keys of their own (the index keys), which a sealing-key rotation leaves as they are.
const VERSION = 'v3';
const UNNAMED = 'v2';
const LEGACY = 'v1';

/** The keys a box works with: the sealing key, the previous sealing keys, and the index keys (96 bytes; derived from the sealing key when absent). */
export interface KeyRing { sealing: Buffer; previous: Buffer[]; index?: Buffer }

const derive = (secret: Buffer, info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));

/** The index keys (blind indexes, their space scoping, link signatures) that `secret` has always given. */
export function indexKeysOf(secret: Buffer): Buffer {
  return Buffer.concat([derive(secret, 'crossroads/hash'), derive(secret, 'crossroads/hash-scope'), derive(secret, 'crossroads/links')]);
}

interface SealingKey { id: string; key: Buffer }
const sealingKey = (secret: Buffer): SealingKey => {
  if (secret.length !== 32) throw new Error('the secret key must be 32 bytes');
  const key = derive(secret, 'crossroads/seal');
  return { id: createHash('sha256').update(key).digest('base64url').slice(0, 8), key };
};

export interface SealedBox {
  seal(value: unknown, place: string): string;
  /** Opens a value sealed for `place`; a value sealed for another place, or unbound (v1), does not open. */
  open<T>(sealed: string, place: string): T;
  /** Opens an unbound value of the earlier version, for re-sealing it with its place (nothing else). */
  openLegacy<T>(sealed: string): T;
  /** The blind index of `value` in `spaceId`. */
  keyedHash(value: string, spaceId: string): string;
  /** A blind index made before indexes were scoped to their space, scoped now (done once, at start). */
  scopeLegacyHash(legacy: string, spaceId: string): string;
  /** A signature of `text` for a link that carries its own authority (a person's consent page), with a key of its own. */
  sign(text: string): string;
  /** The key ring itself, for a worker thread of this process that seals on the box's behalf (a big import). */
  keysForWorker(): KeyRing;
  /** The id of the key values are sealed with now; a value sealed with it starts with `sealedPrefix()`. */
  sealedPrefix(): string;
  /** Reads the key ring again (when it came from files): true when the sealing key changed. */
  reload(): boolean;
  /** Whether the box reads its key ring (from the data directory or the environment), rather than being handed fixed keys. */
  readsItsRing(): boolean;
}

/** Where a sealed field lives, the associated data of its ciphertext. */
export const sealedPlace = (table: string, column: string, rowId: string) => `${table}.${column}:${rowId}`;

export function createSealedBox(keys: Buffer | KeyRing, loadRing?: () => KeyRing): SealedBox {
  const initial: KeyRing = Buffer.isBuffer(keys) ? { sealing: keys, previous: [] } : keys;
  let ring = initial;
  let current = sealingKey(ring.sealing);
  let previous = ring.previous.map(sealingKey);
  const index = initial.index ?? indexKeysOf(initial.sealing);
  if (index.length !== 96) throw new Error('the index keys must be 96 bytes');
  // A key object is prepared once, not re-imported by every hash (a million-row import makes five a row).
  const macKey = createSecretKey(index.subarray(0, 32));
  const scopeKey = createSecretKey(index.subarray(32, 64));
  const linkKey = createSecretKey(index.subarray(64, 96));
  // The value's keyed hash, keyed again with its space: the inner step is what indexes held
  // before they were scoped, so those can be scoped without the values they came from.
  const scoped = (inner: string, spaceId: string) => createHmac('sha256', scopeKey).update(`${spaceId}:${inner}`).digest('base64url');
  // Nonces are drawn from the system's random source 4,096 at a time rather than one call each.
  let nonces = Buffer.alloc(0);
  const nextNonce = () => {
    if (nonces.length < 12) nonces = randomBytes(12 * 4096);
    const iv = nonces.subarray(0, 12);
    nonces = nonces.subarray(12);
    return iv;
  };
  const decrypt = <T>(key: Buffer, iv: string, tag: string, body: string, place: string | null): T => {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    if (place !== null) decipher.setAAD(Buffer.from(place, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')) as T;
  };
  let lastReload = 0;
  const reload = () => {
    if (!loadRing) return false;
    lastReload = Date.now();
    const next = loadRing();
    const changed = !next.sealing.equals(ring.sealing);
    ring = next;
    current = sealingKey(ring.sealing);
    previous = ring.previous.map(sealingKey);
    return changed;
  };
  const named = (id: string) => [current, ...previous].find((k) => k.id === id);
  /** Without a key id (v1, v2): the current key, then each previous one (GCM's tag tells a wrong key). */
  const withAnyKey = <T>(iv: string, tag: string, body: string, place: string | null): T => {
    let failure: unknown;
    for (const k of [current, ...previous]) {
      try { return decrypt<T>(k.key, iv, tag, body, place); } catch (err) { failure = err; }
    }
    throw failure;
  };
  const notSealed = (v: string | undefined) => new Error(v === LEGACY || v === UNNAMED || v === VERSION ? 'sealed by another version' : 'not a sealed value');
  return {
    seal(value, place) {
      const iv = nextNonce();
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(place, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, current.id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open<T>(sealed: string, place: string): T {
      const parts = sealed.split('.');
      if (parts[0] === UNNAMED && parts.length === 4) return withAnyKey<T>(parts[1]!, parts[2]!, parts[3]!, place);
      const [v, id, iv, tag, body] = parts;
      if (v !== VERSION || !id || !iv || !tag || !body) throw notSealed(v);
      // A key this box does not know yet: another process rotated the ring; read it again (at most once a second: a
      // restored old backup full of unknown keys must not have every row read the files).
      const key = named(id) ?? (Date.now() - lastReload > 1000 ? (reload(), named(id)) : undefined);
      if (!key) throw new Error('sealed with a key this server does not hold');
      return decrypt<T>(key.key, iv, tag, body, place);
    },
    openLegacy<T>(sealed: string): T {
      const [v, iv, tag, body] = sealed.split('.');
      if (v !== LEGACY || !iv || !tag || !body) throw notSealed(v);
      return withAnyKey<T>(iv, tag, body, null);
    },
    keysForWorker() {
      return { sealing: Buffer.from(ring.sealing), previous: ring.previous.map((k) => Buffer.from(k)), index: Buffer.from(index) };
    },
    sealedPrefix() {
      return `${VERSION}.${current.id}.`;
    },
    reload,
    readsItsRing: () => loadRing !== undefined,
    keyedHash(value, spaceId) {
      return scoped(createHmac('sha256', macKey).update(value).digest('base64url'), spaceId);
    },
    sign(text) {
      return createHmac('sha256', linkKey).update(text).digest('base64url');
    },
    scopeLegacyHash(legacy, spaceId) {
      return scoped(legacy, spaceId);
    },
  };
}
