import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './test-app.ts';

// The built web app as a browser gets it: the first page's script compressed ahead of time
// (brotli, else gzip) with a year of caching, and the same bytes once decompressed. `npm test`
// builds dist/web first.

const WEB = path.resolve('dist/web');

describe.skipIf(!existsSync(path.join(WEB, 'index.html')))('the built web app', () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp('pglite', { webRoot: WEB }); });
  afterAll(async () => t?.close());

  it('sends its scripts precompressed and cached, and only the first route\'s script up front', async () => {
    const html = readFileSync(path.join(WEB, 'index.html'), 'utf8');
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)![1]!;
    const res = await t.app.request(`http://crossroads.test${script}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = brotliDecompressSync(Buffer.from(await res.arrayBuffer()));
    expect(body.equals(readFileSync(path.join(WEB, script)))).toBe(true);
    // Pages other than the directory load with their route: the first script stays small.
    expect(body.length).toBeLessThan(400 * 1024);
    const plain = await t.app.request(`http://crossroads.test${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    // A file that is not there is not answered with the app's page (which would then be cached for a year).
    const missing = await t.app.request('http://crossroads.test/assets/index-gone.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
  });
});
