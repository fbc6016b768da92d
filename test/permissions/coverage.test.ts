import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-app.ts';
import { ALL_CASES, EXEMPT } from './all-cases.ts';

describe('the permission matrix', () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => t?.close());

  it('covers every route of the API, or says why a route is outside it', async () => {
    const doc = (await (await t.app.request('http://crossroads.test/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m.toUpperCase()} ${path}`));
    const inMatrix = new Set(ALL_CASES.map((c) => c.route));
    expect(routes.filter((r) => !inMatrix.has(r) && !(r in EXEMPT))).toEqual([]);
    // Nothing listed that the API does not have, and nothing both tested and exempted.
    expect([...inMatrix, ...Object.keys(EXEMPT)].filter((r) => !routes.includes(r))).toEqual([]);
    expect([...inMatrix].filter((r) => r in EXEMPT)).toEqual([]);
  });
});
