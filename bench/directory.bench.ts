// `npm run bench`: requests per second and p99 latency of the directory search and the alliance
// page on a generated workspace (10,000 organizations, 100,000 people), at 50 connections, side
// by side with a bare node:http server returning the same precomputed JSON (the ceiling).
// Embedded PGlite in a temporary directory by default; with DATABASE_URL, a fresh database
// on that PostgreSQL server, dropped at the end. It prints numbers; it asserts nothing.
//
//   BENCH_SECONDS  measured seconds per run (default 5; each run follows a 2 s warm-up)
//   BENCH_ROUNDS   app and ceiling runs, alternated, per endpoint (default 3); the medians are
//                  compared, since one run of either on a shared machine can be off by a third
//   BENCH_WORKERS  autocannon worker threads, off the server's event loop (default 1; 0 = same thread)
import http from 'node:http';
import os from 'node:os';
import autocannon, { type Result } from 'autocannon';
import { createApp } from '../src/server/app.ts';
import { createHttpServer } from '../src/server/http-server.ts';
import { listen, openBenchDatabase, signIn } from './bench-support.ts';
import { DEFAULT_SIZE, generateWorkspace } from './generate-workspace.ts';

const SECONDS = positiveNumber('BENCH_SECONDS', 5);
const ROUNDS = Math.floor(positiveNumber('BENCH_ROUNDS', 3));
const WORKERS = Math.floor(positiveNumber('BENCH_WORKERS', 1, true));
const WARMUP_SECONDS = 2;
const CONNECTIONS = 50;
const TARGET = { ratio: 0.5, p99Ms: 50 };
const TEXT_QUERY = 'workers'; // "Workers" and "Farmworkers" appear in about 7% of generated names

function positiveNumber(name: string, fallback: number, zeroAllowed = false) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** The ceiling: a bare node:http server answering every request with the same bytes. */
function bareServer(body: Buffer, contentType: string) {
  return http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    res.end(body);
  });
}

async function load(url: string, headers: Record<string, string>) {
  const options = { url, headers, connections: CONNECTIONS, ...(WORKERS ? { workers: WORKERS } : {}) };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  return summarize(await autocannon({ ...options, duration: SECONDS }));
}

function summarize(r: Result) {
  return {
    rps: Math.round((r['2xx'] / r.duration) * 10) / 10,
    p99Ms: r.latency.p99, p50Ms: r.latency.p50, ok: r['2xx'],
    // autocannon counts a timeout (no answer within 10 s) as an error too.
    non2xx: r.non2xx, timeouts: r.timeouts, otherErrors: r.errors - r.timeouts,
  };
}

/** The run with the median requests per second (its p99 with it), and every run's rate for the record. */
function medianRun(runs: ReturnType<typeof summarize>[]) {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, allRps: runs.map((r) => r.rps) };
}

function table(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0]!; // other processes on this machine skew both columns
  const database = await openBenchDatabase();
  const closers: Array<() => Promise<void>> = [database.close];
  let closing: Promise<void> | undefined;
  const closeAll = () => (closing ??= (async () => {
    for (const close of closers.splice(0).reverse()) await close().catch((error: unknown) => console.error('bench: cleanup failed:', error));
  })());
  // Bounded and interruptible: servers are closed and the PostgreSQL database is dropped either way.
  const abort = (why: string) => {
    console.error(`bench: ${why}; cleaning up`);
    void closeAll().finally(() => process.exit(1));
  };
  const limitMs = (150 + 3 * (2 * ROUNDS + 1) * (SECONDS + WARMUP_SECONDS + 3)) * 1000;
  const watchdog = setTimeout(() => abort(`still running after ${limitMs / 1000} s`), limitMs);
  watchdog.unref();
  const onSignal = (signal: NodeJS.Signals) => abort(`${signal} received`);
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const generationStarted = Date.now();
    const workspace = await generateWorkspace(database.deps.db, database.deps.box, DEFAULT_SIZE);
    const generationSeconds = (Date.now() - generationStarted) / 1000;
    const { counts } = workspace;
    console.log(`engine: ${database.engine}; generated in ${generationSeconds.toFixed(1)} s: ${counts.organizations} organizations `
      + `(${workspace.alliances.length + 1} alliances), ${counts.memberships} memberships, ${counts.people} people, `
      + `${counts.affiliations} affiliations, ${counts.representatives} representatives, ${counts.grants} grants, ${counts.spaces} spaces`);

    // Requests still in the app when a run ends (autocannon stops waiting, the app does not) would
    // share the event loop with the ceiling run: it starts only once they are done.
    const hono = createApp(database.deps, { webRoot: '/nonexistent' });
    let inFlight = 0;
    const fetchCounted: typeof hono.fetch = async (request, ...rest) => {
      inFlight++;
      try { return await hono.fetch(request, ...rest); } finally { inFlight--; }
    };
    const drained = async () => {
      for (const until = Date.now() + 60_000; inFlight > 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
    };
    const app = await listen(createHttpServer(fetchCounted));
    closers.push(app.close);
    const cookie = await signIn(app.base);
    const alliance = workspace.alliances[0]!;
    const issue = workspace.vocabularies.issue[0]!.key; // the most common issue (picks are skewed toward the first keys)
    const endpoints = [
      { name: `directory state=06 issue=${issue}`, path: `/api/organizations?state=06&issue=${encodeURIComponent(issue)}&limit=50` },
      { name: `directory q=${TEXT_QUERY}`, path: `/api/organizations?q=${TEXT_QUERY}&limit=50` },
      // What the browser loads on opening the alliance page: the alliance, its first page of members, the counts.
      { name: `alliance page (${alliance.members} members)`, path: `/api/alliances/${alliance.id}` },
    ];

    const results = [];
    for (const endpoint of endpoints) {
      const res = await fetch(app.base + endpoint.path, { headers: { cookie } });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${endpoint.path} answered ${res.status}: ${body.toString('utf8').slice(0, 300)}`);
      const json = JSON.parse(body.toString('utf8')) as { total?: number; items?: unknown[]; members?: unknown[]; membersTotal?: number };
      const shape = json.members ? `${json.members.length} of ${json.membersTotal} members` : `${json.items?.length} of ${json.total} organizations`;
      console.log(`${endpoint.name}: ${(body.length / 1024).toFixed(1)} KiB, ${shape}; measuring…`);

      // Cold: every request asks for a fresh answer (Cache-Control: no-cache), so each one
      // queries the database and assembles the JSON; warm: repeated reads served from the read cache.
      const coldRun = await load(app.base + endpoint.path, { cookie, 'cache-control': 'no-cache' });
      await drained();
      const ceiling = await listen(bareServer(body, res.headers.get('content-type') ?? 'application/json'));
      closers.push(ceiling.close);
      const appRuns = [];
      const ceilingRuns = [];
      for (let round = 0; round < ROUNDS; round++) {
        appRuns.push(await load(app.base + endpoint.path, { cookie }));
        await drained();
        ceilingRuns.push(await load(ceiling.base + endpoint.path, {}));
      }
      await closers.pop()!();
      const appRun = medianRun(appRuns);
      const ceilingRun = medianRun(ceilingRuns);
      results.push({ endpoint: endpoint.name, path: endpoint.path, bytes: body.length, app: appRun, cold: coldRun, ceiling: ceilingRun,
        ratio: Math.round((appRun.rps / ceilingRun.rps) * 1000) / 1000, coldRatio: Math.round((coldRun.rps / ceilingRun.rps) * 1000) / 1000 });
    }

    const rows = [['endpoint', 'app req/s', 'app p99 ms', 'ceiling req/s', 'ceiling p99 ms', 'ratio', 'target', 'cold req/s', 'cold p99 ms', 'cold ratio', 'app non-2xx/timeouts/errors']];
    for (const r of results) {
      const met = r.ratio >= TARGET.ratio && r.app.p99Ms <= TARGET.p99Ms;
      rows.push([r.endpoint, r.app.rps.toFixed(0), String(r.app.p99Ms), r.ceiling.rps.toFixed(0), String(r.ceiling.p99Ms),
        r.ratio.toFixed(2), met ? 'met' : 'missed', r.cold.rps.toFixed(0), String(r.cold.p99Ms), r.coldRatio.toFixed(2),
        `${r.app.non2xx + r.cold.non2xx}/${r.app.timeouts + r.cold.timeouts}/${r.app.otherErrors + r.cold.otherErrors}`]);
    }
    console.log(`\n${database.engine}, ${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up, `
      + `median of ${ROUNDS} alternated app and ceiling runs, `
      + `load generator ${WORKERS ? `in ${WORKERS} worker thread(s)` : 'on the main thread'}, ${os.cpus().length} CPUs `
      + `(load average ${loadBefore.toFixed(1)} before the run); `
      + `target: ratio ≥ ${TARGET.ratio}, app p99 ≤ ${TARGET.p99Ms} ms\n`);
    console.log(table(rows));
    console.log(`\n${JSON.stringify({
      engine: database.engine, connections: CONNECTIONS, seconds: SECONDS, cpus: os.cpus().length, loadBefore,
      generationSeconds, totalSeconds: (Date.now() - started) / 1000,
      counts: { organizations: counts.organizations, people: counts.people, memberships: counts.memberships, representatives: counts.representatives, grants: counts.grants },
      results: results.map((r) => ({ endpoint: r.endpoint, bytes: r.bytes, appRps: r.app.rps, appP99Ms: r.app.p99Ms, ceilingRps: r.ceiling.rps, ceilingP99Ms: r.ceiling.p99Ms, ratio: r.ratio, appRunsRps: r.app.allRps, ceilingRunsRps: r.ceiling.allRps, coldRps: r.cold.rps, coldP99Ms: r.cold.p99Ms, coldRatio: r.coldRatio,
        appNon2xx: r.app.non2xx, appTimeouts: r.app.timeouts, appErrors: r.app.otherErrors })),
    })}`);
  } finally {
    clearTimeout(watchdog);
    await closeAll();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

await main();
