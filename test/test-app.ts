import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createUser } from '../src/accounts/accounts.service.ts';
import { createSealedBox } from '../src/crypto/sealed-box.ts';
import { loadKeyRing } from '../src/crypto/secret-key.ts';
import { openDatabase } from '../src/db/database.ts';
import { createMailer } from '../src/notifications/mailer.ts';
import { createApp } from '../src/server/app.ts';
import type { AppDeps } from '../src/server/context.ts';
import { loadConfig } from '../src/shared/config.ts';
import { ensureDefaultVocabularies } from '../src/vocabularies/vocabulary.service.ts';

export const ORIGIN = 'http://crossroads.test';
export type Engine = 'pglite' | 'postgres';

/** Integration tests run on embedded PGlite always, and on PostgreSQL too when DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database: in-memory PGlite, or a new database on the PostgreSQL server
 * named by DATABASE_URL (dropped again by close()).
 */
export async function freshDatabase(engine: Engine = 'pglite') {
  const serverUrl = process.env.DATABASE_URL;
  if (engine === 'pglite' || !serverUrl) {
    return openDatabase({ dataDir: 'memory://' });
  }
  const name = `crossroads_test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), dataDir: 'unused' });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** The app on a fresh database; `webRoot` serves a built web app (none by default); `keyDir` keeps its key ring in files there, as the embedded default does. */
export async function testApp(engine: Engine = 'pglite', options: { smtpUrl?: string; webRoot?: string; keyDir?: string } = {}) {
  const handle = await freshDatabase(engine);
  await ensureDefaultVocabularies(handle.db);
  const ring = () => loadKeyRing({}, options.keyDir!);
  const deps: AppDeps = {
    db: handle.db,
    box: options.keyDir ? createSealedBox(ring(), ring) : createSealedBox(randomBytes(32)),
    config: { ...loadConfig({}), publicOrigin: ORIGIN, ...(options.keyDir ? { dataDir: options.keyDir } : {}) },
    mailer: createMailer({ smtpUrl: options.smtpUrl, from: 'Crossroads <no-reply@crossroads.test>' }),
  };
  const app = createApp(deps, { webRoot: options.webRoot ?? '/nonexistent' });
  return { app, deps, db: handle.db, close: handle.close };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** An HTTP client for the app that keeps a session cookie, as a browser would. */
export class Client {
  cookie = '';
  constructor(private readonly app: TestApp['app']) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.request(`${ORIGIN}${path}`, {
      method,
      headers: {
        origin: ORIGIN,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let json: any = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    return { status: res.status, headers: res.headers, json, text };
  }

  /** Sends or reads raw bytes (application/octet-stream). */
  async bytes(method: 'GET' | 'PUT', path: string, body?: Uint8Array) {
    const res = await this.app.request(`${ORIGIN}${path}`, {
      method,
      headers: { origin: ORIGIN, ...(body ? { 'content-type': 'application/octet-stream' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body as Uint8Array<ArrayBuffer> | undefined,
    });
    const data = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(data);
    let json: any = null;
    try { json = JSON.parse(text); } catch { json = null; }
    return { status: res.status, headers: res.headers, data, json };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body: unknown) => this.request('PUT', path, body);
  patch = (path: string, body: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);
}

export const PASSWORD = 'correct horse battery';

/** Creates an account and returns a signed-in client for it. */
export async function signedIn(t: TestApp, email: string, options: { admin?: boolean } = {}) {
  const user = await createUser(t.db, { email, displayName: email.split('@')[0]!, password: PASSWORD, isWorkspaceAdmin: options.admin });
  const client = new Client(t.app);
  const res = await client.post('/api/auth/login', { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return Object.assign(client, { userId: user.id });
}
