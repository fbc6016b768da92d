// Shared by the benchmarks: a database of their own, a server on a free port, a sign-in.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bootstrap } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/shared/config.ts';
import { BENCH_USER } from './generate-workspace.ts';

/** PGlite in a temporary directory, or a new database on the DATABASE_URL server; close() removes either. */
export async function openBenchDatabase() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'crossroads-bench-'));
  const serverUrl = process.env.DATABASE_URL || undefined;
  const name = `crossroads_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  let url: string | undefined;
  if (serverUrl) {
    await admin(`create database ${name}`).catch(async (error: unknown) => {
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    });
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const removeStorage = async () => {
    try {
      if (serverUrl) await admin(`drop database if exists ${name} with (force)`);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  };
  try {
    const deps = await bootstrap(loadConfig({
      ...process.env, CROSSROADS_DATA_DIR: dataDir, DATABASE_URL: url ?? '', CROSSROADS_PUBLIC_ORIGIN: '', CROSSROADS_SECRET_KEY: '',
    }));
    return { deps, engine: deps.engine, dataDir, url, close: async () => { try { await deps.close(); } finally { await removeStorage(); } } };
  } catch (error) {
    await removeStorage();
    throw error;
  }
}

export async function listen(server: http.Server): Promise<{ base: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export async function signIn(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_USER.email, password: BENCH_USER.password }),
  });
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return cookie;
}

