import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes } from 'node:crypto';

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
const VERSION = 'v2';
const LEGACY = 'v1';

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
  /** The secret itself, for a worker thread of this process that seals on the box's behalf (a big import). */
  secretForWorker(): Buffer;
}

/** Where a sealed field lives, the associated data of its ciphertext. */
export const sealedPlace = (table: string, column: string, rowId: string) => `${table}.${column}:${rowId}`;

export function createSealedBox(secret: Buffer): SealedBox {
  if (secret.length !== 32) throw new Error('the secret key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'crossroads/seal', 32));
  // A key object is prepared once, not re-imported by every hash (a million-row import makes five a row).
  const macKey = createSecretKey(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'crossroads/hash', 32)));
  const scopeKey = createSecretKey(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'crossroads/hash-scope', 32)));
  // The value's keyed hash, keyed again with its space: the inner step is what indexes held
  // before they were scoped, so those can be scoped without the values they came from.
  const linkKey = createSecretKey(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'crossroads/links', 32)));
  const scoped = (inner: string, spaceId: string) => createHmac('sha256', scopeKey).update(`${spaceId}:${inner}`).digest('base64url');
  // Nonces are drawn from the system's random source 4,096 at a time rather than one call each.
  let nonces = Buffer.alloc(0);
  const nextNonce = () => {
    if (nonces.length < 12) nonces = randomBytes(12 * 4096);
    const iv = nonces.subarray(0, 12);
    nonces = nonces.subarray(12);
    return iv;
  };
  const openWith = <T>(sealed: string, version: string, place: string | null): T => {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== version || !iv || !tag || !body) throw new Error(v === LEGACY || v === VERSION ? 'sealed by another version' : 'not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64'));
    if (place !== null) decipher.setAAD(Buffer.from(place, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')) as T;
  };
  return {
    seal(value, place) {
      const iv = nextNonce();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(place, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open<T>(sealed: string, place: string): T {
      return openWith(sealed, VERSION, place);
    },
    openLegacy<T>(sealed: string): T {
      return openWith(sealed, LEGACY, null);
    },
    secretForWorker() {
      return Buffer.from(secret);
    },
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
