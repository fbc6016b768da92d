// `npm run bench:soak`: 50 connections of mixed reads and writes for BENCH_SOAK_SECONDS (default
// 60) against the app on a generated workspace, then the same while a CSV import of
// BENCH_IMPORT_ROWS organizations (default 1,000,000) streams in. Prints server errors (must be
// 0), p50/p99 latency, requests per second, the server's RSS before and after, and how long the
// import took. PGlite by default; with DATABASE_URL, a fresh database on that server. The load
// generator runs in BENCH_WORKERS worker threads (default 1; 0 = on the server's own thread).
// It prints numbers; it asserts nothing.
import os from 'node:os';
import { Readable } from 'node:stream';
import autocannon, { type Result } from 'autocannon';
import { startImport } from '../src/interchange/import.service.ts';
import { createApp } from '../src/server/app.ts';
import { createHttpServer } from '../src/server/http-server.ts';
import { listen, openBenchDatabase, signIn } from './bench-support.ts';
import { generateWorkspace } from './generate-workspace.ts';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const CONNECTIONS = 50;
// The load generator in worker threads, off the server's event loop (0 = the same thread).
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const TARGET_P99 = { postgres: 50, pglite: 250 };
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function summary(label: string, r: Result, rssBefore: number) {
  return {
    label, requests: r.requests.total, rps: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99,
    server5xx: r['5xx'], client4xx: r['4xx'], timeouts: r.timeouts, errors: r.errors, rssBefore: mb(rssBefore), rssAfter: mb(process.memoryUsage().rss),
  };
}

/** A CSV file of `rows` new organizations, made as it is read. */
const organizationsCsv = (rows: number) => () => Readable.from((function* () {
  yield 'name,kind,city,state,issues\n';
  for (let i = 0; i < rows; i += 5000) {
    yield Array.from({ length: Math.min(5000, rows - i) }, (_, j) => `Soak Import Org ${i + j},${j % 3 ? 'union' : 'faith'},Oakland,CA,housing`).join('\n') + '\n';
  }
})());

async function main() {
  const database = await openBenchDatabase();
  try {
    const workspace = await generateWorkspace(database.deps.db, database.deps.box, { organizations: 2_000, alliances: 5, organizationsWithPeople: 40, people: 10_000 });
    const app = await listen(createHttpServer(createApp(database.deps, { webRoot: '/nonexistent' }).fetch));
    try {
      const cookie = await signIn(app.base);
      const alliance = workspace.alliances[0]!;
      // An organization of the alliance's own space, which the bench account may edit.
      const org = (await (await fetch(`${app.base}/api/organizations?limit=50`, { headers: { cookie } })).json()) as { items: { id: string; spaceId?: string }[] };
      const orgId = (org.items.find((o) => o.spaceId === alliance.spaceId) ?? org.items[0]!).id;
      const headers = { cookie, origin: app.base, 'content-type': 'application/json' };
      // Reads (some past the read cache), edits of one organization, new convenings, health checks.
      const requests: { method: string; path: string; headers: Record<string, string>; body?: string }[] = [
        { method: 'GET', path: '/api/organizations?q=workers&limit=20', headers: { cookie } },
        { method: 'GET', path: `/api/alliances/${alliance.id}`, headers: { cookie, 'cache-control': 'no-cache' } },
        { method: 'PUT', path: `/api/organizations/${orgId}`, headers, body: JSON.stringify({ name: 'Soak Edited Organization', kind: 'union' }) },
        { method: 'GET', path: `/api/organizations/${orgId}`, headers: { cookie } },
        { method: 'POST', path: `/api/organizations/${alliance.id}/convenings`, headers,
          body: JSON.stringify({ title: 'Soak convening', kind: 'team_meeting', startsAt: '2027-01-10T10:00', endsAt: '2027-01-10T11:00', timeZone: 'America/Chicago' }) },
        { method: 'GET', path: '/api/health', headers: {} },
      ];
      // Each request once, so a refused one shows here and not only as a count of 4xx.
      for (const r of requests) {
        const res = await fetch(app.base + r.path, { method: r.method, headers: r.headers, body: r.body });
        console.log(`${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}')}: ${res.status}${res.status >= 400 ? ` ${(await res.text()).slice(0, 160)}` : ''}`);
      }
      const load = () => autocannon({ url: app.base, connections: CONNECTIONS, duration: SECONDS, requests, ...(WORKERS ? { workers: WORKERS } : {}) });
      const rss0 = process.memoryUsage().rss;
      const mixed = summary('mixed reads and writes', await load(), rss0);
      console.log(JSON.stringify(mixed));

      const rss1 = process.memoryUsage().rss;
      const importStarted = Date.now();
      const { job, done } = await startImport(database.deps.db, database.deps.box, { userId: workspace.userId, isWorkspaceAdmin: true }, alliance.spaceId,
        { entity: 'organizations', source: organizationsCsv(IMPORT_ROWS), importGoodRows: false });
      const during = summary(`the same during an import of ${IMPORT_ROWS.toLocaleString('en')} organizations`, await load(), rss1);
      console.log(JSON.stringify(during));
      const progress = setInterval(() => console.log(`import: ${job.status}, ${job.processed} of ${job.total || '?'} rows, ${Math.round((Date.now() - importStarted) / 1000)} s`), 30_000);
      await done;
      clearInterval(progress);
      const importSeconds = (Date.now() - importStarted) / 1000;
      const target = TARGET_P99[database.engine as 'postgres' | 'pglite'];
      console.log(`\nengine: ${database.engine}; ${CONNECTIONS} connections, ${SECONDS} s each; load generator ${WORKERS ? `in ${WORKERS} worker thread(s)` : 'on the main thread'}; ${os.cpus().length} CPUs; p99 target ≤ ${target} ms`);
      console.table([mixed, during]);
      console.log(`import: ${job.status}, ${JSON.stringify(job.counts)}, ${importSeconds.toFixed(1)} s (${Math.round(IMPORT_ROWS / importSeconds)} rows/s); RSS after ${mb(process.memoryUsage().rss)}`);
      console.log(JSON.stringify({ engine: database.engine, seconds: SECONDS, importRows: IMPORT_ROWS, importSeconds, importStatus: job.status, mixed, during }));
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

await main();
