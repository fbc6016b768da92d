import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveHttp } from '../src/server/http-server.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/load-demo.ts';
import { loadDemoWorkspace } from '../src/demo/load-demo.ts';
import { createApp } from '../src/server/app.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/shared/config.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WEB_ROOT = path.resolve('dist/web');
/** Why browser tests cannot run here, or null when they can. */
export const browserMissing = !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
  : !existsSync(path.join(WEB_ROOT, 'index.html')) ? 'the web app is not built (npm run build:web)' : null;

/** The real server on a free port, with the demo workspace in a fresh embedded database. */
export async function startDemoServer(options: { smtpUrl?: string } = {}) {
  const dataDir = mkdtemp();
  const config = { ...loadConfig({}), dataDir, port: 0, ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}) };
  const deps = await bootstrap(config);
  await loadDemoWorkspace(deps);
  const app = createApp(deps, { webRoot: WEB_ROOT });
  const server = serveHttp(app.fetch, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, deps,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await deps.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function mkdtemp() {
  return mkdtempSync(path.join(tmpdir(), 'crossroads-e2e-'));
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Starts the demo server and Chromium for the enclosing describe block, and stops them after. */
export function useDemoBrowser() {
  const env = {} as { server: Awaited<ReturnType<typeof startDemoServer>>; browser: Browser };
  beforeAll(async () => {
    env.server = await startDemoServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Signs in through the form as a person would; `heading` is what the first screen shows. */
export async function signIn(page: Page, url: string, email: string, heading = 'Directory of organizations') {
  await page.goto(url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

/**
 * The accessibility violations axe-core finds on the page as it is now (WCAG 2.1 A and AA). Run it
 * in a context opened with `bypassCSP: true`: the app's security policy refuses injected scripts.
 */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
