import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, launchBrowser, signIn, startDemoServer } from './harness.ts';

// On a phone, in Spanish: the coordinator opens the demo's thread on the 2010 work plan, downloads
// the proposal attached to its first post, replies with a resource of the IAD's library attached,
// and finds the reply by a word of it in the search.

describe.skipIf(browserMissing)('a discussion with attachments from the library, in Chromium', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => { await browser?.close(); await server?.close(); });

  it('replies with an attachment on a 360 px page, and the reply is found by its words', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, server.url, DEMO_USERS.coordinator.email);
    const found = await (await page.request.get(`${server.url}/api/discussions/search?q=${encodeURIComponent('national call schedule')}`)).json() as { results: { threadId: string }[] };
    const threadId = found.results[0]!.threadId;
    await page.goto(`${server.url}/threads/${threadId}`);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Challenging the Banks: who anchors what' }).waitFor();
    // The first post's attachment downloads from the library, as a file, not a page.
    const proposal = page.getByRole('link', { name: 'IAD proposal to member alliances regarding joint work in 2010' });
    const download = await page.request.get(new URL((await proposal.getAttribute('href'))!, server.url).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="000_75b6953666dfea95\.txt"/);
    expect(await download.text()).toContain('2010');

    await page.getByLabel('Su respuesta').fill('Adjunto la hoja de capacitación para las reuniones regionales de marzo.');
    await page.getByText('Adjuntar de la biblioteca (0 elegidos)').click();
    await page.getByLabel('Alliance building training hand-out').check();
    await page.getByText('Adjuntar de la biblioteca (1 elegido)').waitFor();
    await page.getByRole('button', { name: 'Enviar', exact: true }).click();
    const reply = page.locator('li', { hasText: 'Adjunto la hoja de capacitación' });
    await reply.getByRole('link', { name: 'Alliance building training hand-out' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await reply.screenshot({ path: 'test-results/thread-reply-attachment-360.png' });

    // "capacitaciones" finds "capacitación" (Spanish stems).
    await page.goto(`${server.url}/discussions/search?q=capacitaciones`);
    await page.getByRole('link', { name: 'Challenging the Banks: who anchors what' }).first().waitFor();
    await context.close();
  });
});
