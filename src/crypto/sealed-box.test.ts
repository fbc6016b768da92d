import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealedBox, indexKeysOf } from './sealed-box.ts';
import { loadKeyRing, loadSecretKey } from './secret-key.ts';

describe('sealed box', () => {
  const box = createSealedBox(randomBytes(32));

  it('round-trips a value and never shows the plaintext', () => {
    const sealed = box.seal({ email: 'ana@example.org' }, 'people.contact_sealed:1');
    expect(sealed).not.toContain('ana');
    expect(box.open(sealed, 'people.contact_sealed:1')).toEqual({ email: 'ana@example.org' });
  });

  it('uses a fresh nonce each time', () => {
    expect(box.seal('x', 'p')).not.toBe(box.seal('x', 'p'));
  });

  it('refuses a tampered value', () => {
    const sealed = box.seal('secret', 'p');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join('.'), 'p')).toThrow();
  });

  it('refuses a value sealed with another key', () => {
    const other = createSealedBox(randomBytes(32));
    expect(() => other.open(box.seal('x', 'p'), 'p')).toThrow();
  });

  it('binds a value to its place: moved to another row, it does not open', () => {
    const sealed = box.seal({ email: 'ana@example.org' }, 'people.contact_sealed:1');
    expect(() => box.open(sealed, 'people.contact_sealed:2')).toThrow();
  });

  it('gives stable keyed hashes that differ between keys and between spaces', () => {
    expect(box.keyedHash('a@example.org', 'space-1')).toBe(box.keyedHash('a@example.org', 'space-1'));
    expect(createSealedBox(randomBytes(32)).keyedHash('a@example.org', 'space-1')).not.toBe(box.keyedHash('a@example.org', 'space-1'));
    // One email in two organizations: two unrelated blind indexes, so their lists cannot be joined on them.
    expect(box.keyedHash('a@example.org', 'space-2')).not.toBe(box.keyedHash('a@example.org', 'space-1'));
  });
});

describe('secret key', () => {
  it('generates a key file readable only by its owner, and reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crossroads-key-'));
    const first = loadSecretKey(undefined, dir);
    expect(first).toHaveLength(32);
    expect(statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadSecretKey(undefined, dir).equals(first)).toBe(true);
  });

  it('rejects a configured key of the wrong size', () => {
    expect(() => loadSecretKey(Buffer.from('short').toString('base64'), '/nonexistent')).toThrow(/32 bytes/);
  });
});

describe('a key ring', () => {
  it('opens values sealed before values named their key, and values of a previous key', () => {
    const [oldSecret, newSecret] = [randomBytes(32), randomBytes(32)];
    const old = createSealedBox(oldSecret);
    const named = old.seal({ email: 'a@example.org' }, 'contacts.sealed:1');
    const [, , iv, tag, body] = named.split('.');
    const unnamed = ['v2', iv, tag, body].join('.');
    expect(old.open(unnamed, 'contacts.sealed:1')).toEqual({ email: 'a@example.org' });
    const rotated = createSealedBox({ sealing: newSecret, previous: [oldSecret], index: indexKeysOf(oldSecret) });
    expect(rotated.open(named, 'contacts.sealed:1')).toEqual({ email: 'a@example.org' });
    expect(rotated.open(unnamed, 'contacts.sealed:1')).toEqual({ email: 'a@example.org' });
    expect(rotated.seal({}, 'x').startsWith(rotated.sealedPrefix())).toBe(true);
    expect(rotated.sealedPrefix()).not.toBe(old.sealedPrefix());
    // The index keys stay: the same blind index before and after.
    expect(rotated.keyedHash('email:a@example.org', 's')).toBe(old.keyedHash('email:a@example.org', 's'));
    // Without the previous key, nothing of the old one opens.
    const forgot = createSealedBox({ sealing: newSecret, previous: [], index: indexKeysOf(oldSecret) });
    expect(() => forgot.open(named, 'contacts.sealed:1')).toThrow(/key this server does not hold/);
    expect(() => forgot.open(unnamed, 'contacts.sealed:1')).toThrow();
  });
});

describe('the key ring from the environment', () => {
  it('refuses previous keys without the index keys they would otherwise change', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crossroads-ring-'));
    const [now, before] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    expect(() => loadKeyRing({ secretKey: now, previousSecretKeys: before }, dir)).toThrow(/CROSSROADS_INDEX_KEY/);
    const index = indexKeysOf(Buffer.from(before, 'base64')).toString('base64');
    const ring = loadKeyRing({ secretKey: now, previousSecretKeys: before, indexKey: index }, dir);
    expect(createSealedBox(ring).keyedHash('email:a@example.org', 's')).toBe(createSealedBox(Buffer.from(before, 'base64')).keyedHash('email:a@example.org', 's'));
  });

  it('writes index.key once, from the first key, and keeps it when the key file changes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crossroads-ring-'));
    const first = loadKeyRing({}, dir);
    expect(first.index!.equals(indexKeysOf(first.sealing))).toBe(true);
    writeFileSync(path.join(dir, 'secret.key'), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const second = loadKeyRing({}, dir);
    expect(second.sealing.equals(first.sealing)).toBe(false);
    expect(second.index!.equals(first.index!)).toBe(true);
  });
});
