import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { indexKeysOf, type KeyRing } from './sealed-box.ts';

/**
 * The key that seals sensitive fields. From configuration (base64) when given; otherwise the
 * embedded default keeps one in `<dataDir>/secret.key`, created on first run with mode 0600.
 */
export function loadSecretKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) {
    const key = Buffer.from(configured, 'base64');
    if (key.length !== 32) throw new Error('CROSSROADS_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    return key;
  }
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return loadSecretKey(readFileSync(file, 'utf8').trim(), dataDir);
}

const base64Key = (text: string, bytes: number, what: string) => {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== bytes) throw new Error(`${what} must be ${bytes} bytes, base64-encoded`);
  return key;
};

/**
 * The whole key ring: the sealing key (as loadSecretKey), the previous sealing keys
 * (CROSSROADS_PREVIOUS_SECRET_KEYS, separated by commas, and `<dataDir>/secret.previous.key`, one
 * a line), and the index keys (CROSSROADS_INDEX_KEY, or `<dataDir>/index.key`). The embedded
 * default writes index.key the first time, from the sealing key (the index keys it has always
 * given), so that a later rotation of the sealing key leaves blind indexes and links as they are.
 * With keys in the environment and no CROSSROADS_INDEX_KEY, the index keys come from the sealing key.
 */
export function loadKeyRing(keys: { secretKey?: string; previousSecretKeys?: string; indexKey?: string }, dataDir: string): KeyRing {
  const sealing = loadSecretKey(keys.secretKey, dataDir);
  const previousFile = path.join(dataDir, 'secret.previous.key');
  const previous = [
    ...(keys.previousSecretKeys ?? '').split(',').filter((k) => k.trim()),
    ...(existsSync(previousFile) ? readFileSync(previousFile, 'utf8').split('\n').filter((k) => k.trim()) : []),
  ].map((k) => base64Key(k, 32, 'a previous secret key'));
  if (keys.indexKey) return { sealing, previous, index: base64Key(keys.indexKey, 96, 'CROSSROADS_INDEX_KEY') };
  if (keys.secretKey) {
    // Previous keys mean the sealing key has changed: index keys taken from it would have changed too.
    if (previous.length) throw new Error('CROSSROADS_PREVIOUS_SECRET_KEYS is set without CROSSROADS_INDEX_KEY: set it to what `crossroads index-key` printed with the old key (docs/security.md).');
    return { sealing, previous, index: indexKeysOf(sealing) };
  }
  const indexFile = path.join(dataDir, 'index.key');
  if (!existsSync(indexFile)) {
    // Written whole under another name, then linked into place: two processes starting together never read half a file.
    const temporary = `${indexFile}.${process.pid}`;
    writeFileSync(temporary, `${indexKeysOf(sealing).toString('base64')}\n`, { mode: 0o600 });
    try { linkSync(temporary, indexFile); } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; } finally { rmSync(temporary, { force: true }); }
  }
  return { sealing, previous, index: base64Key(readFileSync(indexFile, 'utf8'), 96, 'index.key') };
}
