import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoWorkspace } from '../../src/demo/load-demo.ts';
import { Client, ENGINES, type TestApp, testApp } from '../test-app.ts';

// A generated attack on every route of the OpenAPI document, as a signed-in workspace admin on
// the demo workspace: path ids that exist (and ones that do not, or are not ids at all), query
// values and bodies shaped by each route's schema, then bent — NUL bytes, lone surrogates,
// formulas, numbers past bigint, missing and extra fields, empty bodies. Whatever comes in, the
// answer is never a 5xx. Seeded, so a failure replays.

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 12);
// Routes that would end the session the fuzzer works with.
const SKIPPED = new Set(['POST /api/auth/logout', 'POST /api/auth/login', 'PUT /api/me/password', 'PATCH /api/me/password', 'POST /api/me/password']);

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[];
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; format?: string; pattern?: string; maxLength?: number; minimum?: number; maximum?: number; additionalProperties?: Schema | boolean; const?: unknown };
type Operation = { parameters?: { name: string; in: string; schema?: Schema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> } };

const NASTY_STRINGS = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '=HYPERLINK("http://evil")', '+1', '-1', '@SUM(A1)', '9'.repeat(40),
  '', ' ', 'ñandú', '<script>x</script>', "'; drop table users; --", '../../etc/passwd', '%00', 'null', 'a'.repeat(5000)];
/** Percent-encoding that sends a lone surrogate as the bytes an attacker would (UTF-8 of the surrogate), not an exception. */
const encoded = (value: string) => value.replace(/[\ud800-\udfff]/g, (ch) => (ch.charCodeAt(0) < 0xdc00 ? '\u0001HI' : '\u0001LO'))
  .split(/(\u0001HI|\u0001LO)/).map((part) => (part === '\u0001HI' ? '%ED%A0%80' : part === '\u0001LO' ? '%ED%B0%80' : encodeURIComponent(part))).join('');
/** The same request with `poison` added to its k-th string (counting round, so every string gets its turn over the samples). */
function poisoned<T>(value: T, k: number, poison: string): T {
  let count = 0;
  const strings = (v: unknown): void => {
    if (typeof v === 'string') count += 1;
    else if (v && typeof v === 'object') Object.values(v).forEach(strings);
  };
  strings(value);
  if (count === 0) return value;
  let target = k % count;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return target-- === 0 ? `${v}${poison}` : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
const NASTY_NUMBERS = [-1, 0, 2 ** 53, 1e308, -1e308, 0.5, 99999999999999999999, Number.MAX_SAFE_INTEGER + 2];

function arbitraries(doc: { components?: { schemas?: Record<string, Schema> } }, ids: string[]) {
  const anyId = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) });
  const nasty = fc.oneof(fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, true, [], {}), fc.jsonValue({ maxDepth: 2 }));
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components!.schemas![s.$ref.split('/').pop()!]!) : s);

  const valid = (raw: Schema, depth: number): fc.Arbitrary<unknown> => {
    const s = resolve(raw);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const options = s.anyOf ?? s.oneOf;
    if (options) return fc.oneof(...options.map((o) => shaped(o, depth)));
    if (s.allOf) return shaped(s.allOf[0]!, depth);
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') ?? 'null' : s.type;
    if (depth > 4) return fc.constant(null);
    switch (type) {
      case 'object': {
        const props = Object.entries(s.properties ?? {});
        if (props.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
        return fc.record(Object.fromEntries(props.map(([k, v]) => [k, shaped(v, depth + 1)])), { requiredKeys: s.required?.filter((r) => s.properties?.[r]) ?? [] });
      }
      case 'array': return fc.array(shaped(s.items ?? {}, depth + 1), { maxLength: 3 });
      case 'integer': return fc.integer({ min: s.minimum ?? -5, max: Math.min(s.maximum ?? 1000, 1e6) });
      case 'number': return fc.double({ min: s.minimum ?? -5, max: s.maximum ?? 1000, noNaN: true });
      case 'boolean': return fc.boolean();
      case 'null': return fc.constant(null);
      case 'string':
        if (s.format === 'uuid') return anyId;
        if (s.format === 'date') return fc.constantFrom('2010-01-10', '2026-12-31', '1999-02-29');
        if (s.format === 'date-time') return fc.constantFrom('2011-01-22T10:00:00Z', '2030-01-01T00:00:00Z');
        if (s.format === 'email') return fc.constantFrom('ana@example.org', 'josé@ejemplo.org');
        if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).map((v) => v.slice(0, s.maxLength ?? 200));
        return fc.oneof({ weight: 3, arbitrary: fc.constantFrom('Make the Road', 'Tenants Union', 'housing', 'es', 'Strategy session') }, { weight: 2, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: anyId });
      default: return fc.jsonValue({ maxDepth: 2 });
    }
  };
  // Mostly what the schema asks for; sometimes something else in its place.
  const shaped = (s: Schema, depth: number): fc.Arbitrary<unknown> => fc.oneof({ weight: 20, arbitrary: valid(s, depth) }, { weight: 1, arbitrary: nasty });
  const body = (s: Schema | undefined) => (s ? fc.oneof({ weight: 6, arbitrary: valid(s, 0) }, { weight: 1, arbitrary: nasty }, { weight: 1, arbitrary: fc.constant({}) }) : fc.constant(undefined));
  const param = (s: Schema | undefined) => fc.oneof({ weight: 5, arbitrary: s ? valid(s, 0) : anyId }, { weight: 2, arbitrary: fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS) });
  const validParam = (s: Schema | undefined) => (s ? valid(s, 0) : anyId);
  const validBody = (s: Schema | undefined) => (s ? valid(s, 0) : fc.constant(undefined));
  return { body, param, validBody, validParam };
}

describe.each(ENGINES)('generated requests against every route on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let doc: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
  let ids: string[];

  beforeAll(async () => {
    t = await testApp(engine);
    await loadDemoWorkspace(t.deps);
    admin = new Client(t.app);
    const login = await admin.post('/api/auth/login', { email: DEMO_USERS.coordinator.email, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    doc = (await admin.get('/api/openapi.json')).json;
    // A few real ids of every table, so generated paths reach records and not only 404s.
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`.execute(t.db);
    ids = [];
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ id: string }>`select id from ${sql.table(table_name)} limit 4`.execute(t.db);
      ids.push(...rows.rows.map((r) => r.id));
    }
  });
  afterAll(async () => t?.close());

  // Some 6,000 requests on each engine: longer than the default minute on a busy two-core machine.
  it('answers every generated request with something other than a server error', { timeout: 240_000 }, async () => {
    const { body, param, validBody, validParam } = arbitraries(doc, ids);
    const failures: string[] = [];
    let sent = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (SKIPPED.has(route)) continue;
        const params = op.parameters ?? [];
        const requestArb = fc.record({
          path: fc.record(Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, param(p.schema)]))),
          query: fc.record(Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, param(p.schema)])), { requiredKeys: [] }),
          body: method === 'get' || method === 'delete' ? fc.constant(undefined) : body(op.requestBody?.content?.['application/json']?.schema),
        });
        const validArb = fc.record({
          path: fc.record(Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, validParam(p.schema)]))),
          query: fc.record(Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, validParam(p.schema)])), { requiredKeys: [] }),
          body: method === 'get' || method === 'delete' ? fc.constant(undefined) : validBody(op.requestBody?.content?.['application/json']?.schema),
        });
        const samples = fc.sample(requestArb, { numRuns: RUNS_PER_ROUTE, seed: SEED + sent });
        // Requests as the schema wants them, with every string in them poisoned (a NUL byte, a lone surrogate).
        const wellFormed = fc.sample(validArb, { numRuns: RUNS_PER_ROUTE * 2, seed: SEED + sent + 1 });
        for (const [, request] of [...samples, ...wellFormed.map((r, i) => poisoned(r, Math.floor(i / 2), i % 2 === 0 ? '\u0000' : '\ud800'))].entries()) {
          const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
          const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encoded(String(request.path[name])))
            + (Object.keys(request.query).length ? `?${Object.entries(request.query).map(([k, v]) => `${k}=${encoded(text(v))}`).join('&')}` : '');
          const res = await admin.request(method.toUpperCase(), url, request.body === undefined && method !== 'get' && method !== 'delete' ? {} : request.body);
          sent += 1;
          if (process.env.FUZZ_DEBUG) console.log('FUZZ', route, res.status, JSON.stringify(request.body)?.slice(0, 150), res.text.slice(0, 150));
          if (res.status >= 500) failures.push(`${route} ${url} ${JSON.stringify(request.body)?.slice(0, 200)} → ${res.status}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
  });
});
