import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

// An organizer records a gift on a phone and reads the donor report of the fiscal year: the gift
// is in the list, the year's total and donors move, and LYBUNT names who to call back.

describe.skipIf(browserMissing)('donations, in Chromium', () => {
  const env = useDemoBrowser();

  it('records a gift and reads the donor report of its fiscal year', async () => {
    const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.organizer.email);
    const me = await (await page.request.get(`${env.server.url}/api/me`)).json() as { spaces: { id: string; kind: string; role: string }[] };
    const space = me.spaces.find((s) => s.kind === 'organization' && s.role === 'owner')!;
    await page.request.post(`${env.server.url}/api/spaces/${space.id}/contacts`, { data: { firstName: 'Petra', lastName: 'Giver-Test' }, headers: { origin: env.server.url } });
    const report = async () => (await (await page.request.get(`${env.server.url}/api/spaces/${space.id}/donor-report?year=2027`)).json()) as { donors: number; totalAmount: number };
    const before = await report();

    await page.goto(`${env.server.url}/spaces/${space.id}/donations`);
    await page.getByRole('heading', { name: 'Donor report' }).waitFor();
    await page.getByLabel('Donor', { exact: true }).fill('Giver-Test');
    await page.getByRole('button', { name: 'Petra Giver-Test' }).click();
    await page.getByLabel('Amount').fill('75.50');
    await page.getByLabel('Received on').fill('2026-12-07');
    await page.getByRole('button', { name: 'Record the gift' }).click();
    await page.getByText('$75.50').first().waitFor();
    expect(await report()).toEqual(expect.objectContaining({ donors: before.donors + 1, totalAmount: before.totalAmount + 7_550 }));

    await page.getByLabel('Fiscal year').selectOption('2027');
    await page.getByText('From Jul 1, 2026 to Jun 30, 2027').waitFor();
    await page.getByText(/^LYBUNT: \d+ donors? gave last year but not this year$/).waitFor();
    await context.close();
  });
});
