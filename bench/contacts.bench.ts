// `npm run bench:contacts`: an organization's base at scale, on PGlite and — when DATABASE_URL
// names a PostgreSQL server — on PostgreSQL, side by side in one run:
//  1. importing BENCH_CONTACTS generated contacts (default 1,000,000) through the app's import
//     (a CSV file streamed, checked, matched, sealed and written) vs PostgreSQL's COPY of the same
//     stored rows into the same table with the same indexes; with the process's peak RSS;
//  2. a segment of three conditions counted over them: p50 and p99 of 30 counts;
//  3. OSDI people paging at 50 connections vs a bare node:http server answering the same page
//     from the same queries (no framework, no token check, no read log): requests per second and p99.
// It prints numbers; it asserts nothing.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import autocannon from 'autocannon';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createUser } from '../src/accounts/accounts.service.ts';
import { startContactImport } from '../src/contacts/contact-import.service.ts';
import { openContact } from '../src/contacts/contact-sealing.ts';
import * as contacts from '../src/contacts/contact.repository.ts';
import { contactView } from '../src/contacts/contact.service.ts';
import { countSegment } from '../src/contacts/segment.repository.ts';
import type { Condition } from '../src/contacts/segment.ts';
import { createToken } from '../src/osdi/osdi-token.service.ts';
import { collection, personResource } from '../src/osdi/osdi-format.ts';
import { createOrganization } from '../src/orgs/organization.service.ts';
import { createApp } from '../src/server/app.ts';
import { createHttpServer } from '../src/server/http-server.ts';
import { listen, openBenchDatabase } from './bench-support.ts';

const ROWS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 50;
const SEGMENT: Condition = { type: 'and', conditions: [{ type: 'language', language: 'es' }, { type: 'county', county: '06037' }, { type: 'tag', tag: 'volunteer' }] };
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

const FIRST = ['María', 'José', 'Ana', 'Luis', 'Keisha', 'Darnell', 'Mei', 'Thanh', 'Grace', 'Omar', 'Sofía', 'Tomás', 'Imani', 'Hoa', 'Rafael'];
const LAST = ['García', 'López', 'Nguyen', 'Johnson', 'Williams', 'Kim', 'Ortiz', 'Núñez', 'Reyes', 'Chen', 'Díaz', 'Jackson', 'Tran', 'Flores'];
const PLACES = [['Los Angeles', '90033', 'Los Angeles'], ['Oakland', '94612', 'Alameda'], ['Fresno', '93721', 'Fresno'], ['Riverside', '92501', 'Riverside']];

/** A CSV file of `rows` different people, written as it is made. */
async function generate(file: string, rows: number) {
  const out = createWriteStream(file);
  out.write('First Name,Last Name,Email,Phone,Address,City,State,County,Zip,Language,Tags,Year of Birth\n');
  for (let i = 0; i < rows; i++) {
    const [city, zip, county] = PLACES[i % PLACES.length]!;
    const line = `${FIRST[i % FIRST.length]},${LAST[(i * 7) % LAST.length]} ${i},p${i}@bench.example,${i % 3 ? '' : `+1415${String(2_000_000 + (i % 8_000_000))}`},`
      + `${i % 9000} Main St,${city},CA,${county},${zip},${(i >> 2) % 2 ? 'es' : 'en'},${i % 5 ? '' : 'volunteer'},${1940 + (i % 60)}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function peakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  return () => { clearInterval(timer); return Math.max(peak, process.memoryUsage().rss); };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function run(engine: 'pglite' | 'postgres', file: string) {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  process.env.DATABASE_URL = engine === 'postgres' ? serverUrl : '';
  const database = await openBenchDatabase();
  const { db, box } = database.deps;
  const result: Record<string, unknown> = { engine };
  try {
    const user = await createUser(db, { email: 'bench-contacts@example.org', displayName: 'Bench', password: 'a long bench password', isWorkspaceAdmin: true });
    const actor = { userId: user.id, isWorkspaceAdmin: true };
    const org = await createOrganization(db, actor, null, { name: 'Bench Base', kind: 'base_building', sectors: [], issues: [], constituencies: [], capacities: [], location: {} }, { ownSpace: true });
    const spaceId = org.ownSpaceId!;

    // 1. The app's import.
    const stopRss = peakRss();
    const started = Date.now();
    const { job, done } = await startContactImport(db, box, actor, spaceId, { source: () => createReadStream(file), file });
    const progress = setInterval(() => process.stderr.write(`\r${engine}: ${job.status} ${job.processed.toLocaleString('en')} rows, ${Math.round((Date.now() - started) / 1000)} s   `), 2000);
    await done;
    clearInterval(progress);
    process.stderr.write('\n');
    const importSeconds = (Date.now() - started) / 1000;
    result.importStatus = job.status;
    result.imported = job.counts.imported;
    result.importSeconds = importSeconds;
    result.importRowsPerSecond = Math.round(job.counts.imported / importSeconds);
    result.peakRssMb = mb(stopRss());

    // 2. A segment of three conditions, counted 30 times.
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      result.segmentCount = await countSegment(db, spaceId, SEGMENT, []);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    result.segmentP50Ms = Math.round(percentile(times, 50));
    result.segmentP99Ms = Math.round(percentile(times, 99));

    // 3. OSDI paging, the app vs a bare node:http server running the same queries.
    const { token } = await createToken(db, actor, spaceId, 'bench');
    const app = await listen(createHttpServer(createApp(database.deps, { webRoot: '/nonexistent' }).fetch));
    const bare = await listen(http.createServer((req, res) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
      void Promise.all([contacts.countContacts(db, spaceId, { hiddenJobs: [] }), contacts.listContacts(db, spaceId, { hiddenJobs: [], limit: 25, offset: (page - 1) * 25 })])
        .then(([total, rows]) => {
          const body = collection(bare.base, '/people', 'osdi:people', { page, perPage: 25, total },
            rows.map((r) => ({ id: r.id, body: personResource(bare.base, { ...contactView(r), details: openContact(box, r.id, r.sealed) }) })));
          res.writeHead(200, { 'content-type': 'application/hal+json' }).end(JSON.stringify(body));
        }, () => res.writeHead(500).end());
    }));
    try {
      for (const [label, base, headers] of [['OSDI', `${app.base}/api/osdi/v1`, { 'osdi-api-token': token }], ['bare', bare.base, {}]] as const) {
        const res = await fetch(`${base}/people?page=38&per_page=25`, { headers });
        console.log(`${engine} ${label} people page 38: ${res.status} ${res.status === 200 ? '' : (await res.text()).slice(0, 200)}`);
      }
      // autocannon takes the path from each request, not from the url.
      const paging = (base: string, prefix: string, headers: Record<string, string>) => autocannon({
        url: base, connections: CONNECTIONS, duration: SECONDS, workers: 1,
        requests: Array.from({ length: 20 }, (_, i) => ({ method: 'GET' as const, path: `${prefix}/people?page=${1 + i * 37}&per_page=25`, headers })),
      });
      const ours = await paging(app.base, '/api/osdi/v1', { 'osdi-api-token': token });
      const theirs = await paging(bare.base, '', {});
      Object.assign(result, {
        osdiRps: Math.round(ours.requests.average), osdiP99Ms: ours.latency.p99, osdiNon2xx: ours.non2xx, bareRps: Math.round(theirs.requests.average), bareP99Ms: theirs.latency.p99,
        osdiVsBare: Number((ours.requests.average / theirs.requests.average).toFixed(2)),
      });
    } finally {
      await app.close();
      await bare.close();
    }

    // 4. COPY of the same stored rows into the same table (emptied first; same indexes).
    const copied = path.join(path.dirname(file), `copy-${engine}.bin`);
    if (engine === 'postgres') {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await pipeline(client.query(copyTo('copy contacts to stdout (format binary)')), createWriteStream(copied));
        await client.query('truncate contacts cascade');
        const t0 = Date.now();
        await pipeline(createReadStream(copied), client.query(copyFrom('copy contacts from stdin (format binary)')));
        result.copySeconds = (Date.now() - t0) / 1000;
      } finally {
        await client.end();
      }
    } else {
      await database.deps.close();
      const raw = new PGlite(database.dataDir, { extensions: { pg_trgm } });
      try {
        const out = await raw.query('copy contacts to \'/dev/blob\' (format binary)');
        const blob = out.blob!;
        await raw.query('truncate contacts cascade');
        const t0 = Date.now();
        await raw.query('copy contacts from \'/dev/blob\' (format binary)', [], { blob });
        result.copySeconds = (Date.now() - t0) / 1000;
      } finally {
        await raw.close();
      }
    }
    result.copyRowsPerSecond = Math.round(job.counts.imported / (result.copySeconds as number));
    result.importVsCopy = Number(((result.copySeconds as number) / importSeconds).toFixed(2));
    await rm(copied, { force: true });
  } finally {
    await database.close().catch(() => undefined);
  }
  return result;
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'crossroads-contacts-bench-'));
  try {
    const file = path.join(dir, 'contacts.csv');
    await generate(file, ROWS);
    console.log(`${ROWS.toLocaleString('en')} generated contacts, ${mb((await stat(file)).size)} MB of CSV; ${os.cpus().length} CPUs`);
    if (!process.env.BENCH_DATABASE_URL && process.env.DATABASE_URL) process.env.BENCH_DATABASE_URL = process.env.DATABASE_URL;
    const engines: ('postgres' | 'pglite')[] = process.env.BENCH_DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
    if (!process.env.BENCH_DATABASE_URL) console.log('PostgreSQL: skipped (set DATABASE_URL to a server to compare)');
    const results: Record<string, unknown>[] = [];
    for (const engine of engines) {
      const r = await run(engine, file);
      console.log(JSON.stringify(r));
      results.push(r);
    }
    const row = (label: string, f: (r: Record<string, unknown>) => unknown) => console.log(`| ${label} | ${results.map((r) => String(f(r))).join(' | ')} |`);
    console.log(`\n| ${ROWS.toLocaleString('en')} contacts | ${results.map((r) => r.engine).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|`);
    row('app import (rows/s, s)', (r) => `${r.importRowsPerSecond} rows/s, ${r.importSeconds} s`);
    row('COPY of the same rows (rows/s, s)', (r) => `${r.copyRowsPerSecond} rows/s, ${r.copySeconds} s`);
    row('import ÷ COPY throughput (floor 0.5 on PostgreSQL)', (r) => `${r.importVsCopy}×`);
    row('peak RSS during the import', (r) => `${r.peakRssMb} MB`);
    row('segment of 3 conditions, p50 / p99 (target < 300 ms on PostgreSQL)', (r) => `${r.segmentP50Ms} / ${r.segmentP99Ms} ms (${r.segmentCount} contacts)`);
    row('OSDI people paging, 50 connections: rps, p99', (r) => `${r.osdiRps} rps, ${r.osdiP99Ms} ms`);
    row('bare node:http, same page: rps, p99', (r) => `${r.bareRps} rps, ${r.bareP99Ms} ms`);
    row('OSDI ÷ bare (target ≥ 0.5)', (r) => `${r.osdiVsBare}×`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
