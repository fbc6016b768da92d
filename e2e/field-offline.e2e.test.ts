import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

// A volunteer works a turf on a phone with no signal: the packet stays on the phone, results and a
// house-meeting sign-in are kept while offline and survive a reload, and when the signal returns
// they are sent — and a send whose answer is lost, retried three times, is counted once.

describe.skipIf(browserMissing)('field outreach with no signal, in Chromium', () => {
  const env = useDemoBrowser();

  it('keeps results offline and counts each once when the signal comes back', async () => {
    const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.organizer.email);
    const api = (path: string, data?: unknown) => (data === undefined ? page.request.get(`${env.server.url}/api${path}`)
      : page.request.post(`${env.server.url}/api${path}`, { data, headers: { origin: env.server.url } }));
    const me = await (await api('/me')).json() as { id: string; spaces: { id: string; kind: string; role: string }[] };
    const space = me.spaces.find((s) => s.kind === 'organization' && s.role === 'owner')!;
    const effort = await (await api(`/spaces/${space.id}/efforts`, { name: 'Saturday canvass', kind: 'canvass', script: { questions: [
      { key: 'top_issue', type: 'choice', prompt: { en: 'What matters most?', es: '¿Qué le importa más?' }, choices: [{ key: 'housing', label: { en: 'Housing', es: 'Vivienda' } }, { key: 'wages', label: { en: 'Wages', es: 'Salarios' } }] },
    ] } })).json() as { id: string };
    const turfs = await (await api(`/efforts/${effort.id}/turfs`, { by: 'size', size: 8 })).json() as { items: { id: string }[] };
    const turf = turfs.items[0]!;
    expect((await page.request.put(`${env.server.url}/api/assignments/${turf.id}/assignee`, { data: { userId: me.id }, headers: { origin: env.server.url } })).status()).toBe(200);

    await page.goto(`${env.server.url}/outreach/assignments/${turf.id}`);
    const record = page.getByRole('button', { name: /^Record a result for / });
    await record.first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null || !('serviceWorker' in navigator));

    await context.setOffline(true);
    await page.getByText('No signal').waitFor();
    for (const [i, result] of [[0, 'Talked'], [1, 'Not home']] as const) {
      await record.nth(i).click();
      await page.getByLabel(/^Result for /).selectOption({ label: result });
      if (result === 'Talked') await page.getByLabel('What matters most?').selectOption({ label: 'Housing' });
      await page.getByRole('button', { name: 'Save' }).click();
    }
    await page.getByLabel('First name').fill('Luz');
    await page.getByLabel('Last name').fill('Sign-in');
    await page.getByLabel('Attended the meeting').check();
    await page.getByRole('button', { name: 'Add this person' }).click();
    await page.getByText('3 results waiting to be sent.').waitFor();

    // Still offline: the page comes back from the phone (the app from the service worker, the turf and results from IndexedDB).
    await page.reload();
    await page.getByText('3 results waiting to be sent.').waitFor();
    await page.screenshot({ path: 'test-results/field-offline.png', fullPage: true });

    // The signal returns, but the first two answers are lost on the way back: the phone retries.
    let sends = 0;
    await page.route('**/api/assignments/*/attempts', async (route) => {
      sends += 1;
      const response = await route.fetch();
      if (sends < 3) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await context.setOffline(false);
    for (let i = 0; i < 10 && sends < 3; i++) {
      await page.waitForTimeout(300);
      const sendNow = page.getByRole('button', { name: 'Send now' });
      if (sends > 0 && await sendNow.isVisible()) await sendNow.click();
    }
    await page.getByText('Everything is sent.').waitFor();
    expect(sends).toBe(3);

    const results = await (await api(`/efforts/${effort.id}`)).json() as { results: { result: string; n: number }[]; answers: { question: string; answer: string; n: number }[] };
    expect(results.results.sort((a, b) => a.result.localeCompare(b.result))).toEqual([{ result: 'attended', n: 1 }, { result: 'contacted', n: 1 }, { result: 'not_home', n: 1 }]);
    expect(results.answers).toEqual([{ question: 'top_issue', answer: 'housing', n: 1 }]);
    const signedIn = await (await api(`/spaces/${space.id}/contacts?q=Sign-in`)).json() as { total: number };
    expect(signedIn.total).toBe(1);
    await context.close();
  });
});
