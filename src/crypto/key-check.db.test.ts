import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../server/bootstrap.ts';
import { loadConfig } from '../shared/config.ts';

// A data directory restored beside the wrong index.key: the app says so and does not start,
// instead of running with every lookup by email and every consent link quietly failing.

describe('the index keys check', () => {
  it('refuses to start with other index keys than the database was made with, and starts again with the right ones', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'crossroads-keys-'));
    const dir = path.join(root, 'data');
    const env = { ...process.env, CROSSROADS_DATA_DIR: dir, DATABASE_URL: '', CROSSROADS_SECRET_KEY: '', CROSSROADS_INDEX_KEY: '', CROSSROADS_PUBLIC_ORIGIN: '' };
    try {
      await (await bootstrap(loadConfig(env))).close();
      const indexFile = path.join(dir, 'index.key');
      const right = readFileSync(indexFile, 'utf8');
      writeFileSync(indexFile, `${randomBytes(96).toString('base64')}\n`);
      await expect(bootstrap(loadConfig(env))).rejects.toThrow(/index keys \(index\.key .*\) are not the ones this database was made with/);
      writeFileSync(indexFile, right);
      await (await bootstrap(loadConfig(env))).close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
