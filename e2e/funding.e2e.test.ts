import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

// The IAD's coordinator reads the map of the money on a phone, imports a funder's 360Giving file
// after checking it, and reads the alliance's movement metrics for 2009–2011 in Spanish, the
// drill-down included; nothing is wider than the screen.

const GRANTS = JSON.stringify({ grants: [{ id: '360G-e2e-1', title: 'Base-building in the Deep South', currency: 'USD', amountAwarded: 42000, awardDate: '2011-05-01',
  recipientOrganization: [{ id: 'X-E2E-R', name: 'Inter-Alliance Dialogue' }], fundingOrganization: [{ id: 'X-E2E-F', name: 'Atlantic Philanthropies' }] }] });

describe.skipIf(browserMissing)('funding and metrics, in Chromium', () => {
  const env = useDemoBrowser();

  it('maps the money, imports a 360Giving file, and reads the metrics in Spanish', async () => {
    const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.coordinator.email);
    const me = await (await page.request.get(`${env.server.url}/api/me`)).json() as { spaces: { id: string; name: string; organizationId: string }[] };
    const iad = me.spaces.find((s) => s.name === 'Inter-Alliance Dialogue')!;
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth);

    await page.goto(`${env.server.url}/spaces/${iad.id}/funding`);
    await page.getByRole('heading', { name: 'The map of the money' }).waitFor();
    await page.getByRole('img', { name: /Sankey diagram/ }).locator('svg').waitFor();
    await page.getByRole('cell', { name: '$525,000.00' }).waitFor();
    expect(await wide()).toBeLessThanOrEqual(360);

    await page.getByLabel('File').setInputFiles({ name: 'grants.json', mimeType: 'application/json', buffer: Buffer.from(GRANTS) });
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('1 grants: 1 new, 0 updated, 0 unchanged. Nothing is written yet.').waitFor();
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 1 grants: 1 new').waitFor();
    await page.getByText('Base-building in the Deep South').waitFor();
    await page.getByRole('heading', { name: '10 grants' }).waitFor();

    await page.goto(`${env.server.url}/alliances/${iad.organizationId}/metrics?from=2009-01-01&to=2011-12-31`);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Métricas del movimiento: Inter-Alliance Dialogue' }).waitFor();
    const pairs = page.locator('li', { hasText: 'Parejas por primera vez' });
    await pairs.getByText('15', { exact: true }).waitFor();
    await pairs.getByText(/Lo que contó \(15\)/).click();
    await pairs.getByRole('listitem').first().waitFor();
    await page.locator('li', { hasText: 'Mayor parte del dinero' }).getByText(/%/).first().waitFor();
    expect(await wide()).toBeLessThanOrEqual(360);
    const report = await page.request.get(`${env.server.url}/api/alliances/${iad.organizationId}/funder-report?from=2009-01-01&to=2011-12-31&lang=es`);
    expect(await report.text()).toContain('Informe para financiadores');
    // The language choice is the account's: set it back for the next test.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Movement metrics: Inter-Alliance Dialogue' }).waitFor();
    await context.close();
  });

  it('starts a monthly gift and records its installment; bills the IAD\'s members their dues', async () => {
    const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.organizer.email);
    const me = await (await page.request.get(`${env.server.url}/api/me`)).json() as { spaces: { id: string; kind: string; role: string }[] };
    const space = me.spaces.find((s) => s.kind === 'organization' && s.role === 'owner')!;
    await page.request.post(`${env.server.url}/api/spaces/${space.id}/contacts`, { data: { firstName: 'Mona', lastName: 'Monthly-Test' }, headers: { origin: env.server.url } });
    await page.goto(`${env.server.url}/spaces/${space.id}/donations`);
    await page.getByLabel('Donor of the commitment').fill('Monthly-Test');
    await page.getByRole('button', { name: 'Mona Monthly-Test' }).click();
    await page.getByLabel('Each gift, or the whole pledge').fill('15');
    await page.getByLabel('Starting on').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const gift = page.locator('li', { hasText: 'Mona Monthly-Test' });
    await gift.getByText('0 of 1 installments received, 0 missed').waitFor();
    await gift.getByRole('button', { name: 'Record this month\'s installment' }).click();
    await gift.getByText('1 of 1 installments received, 0 missed').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await context.close();
    const coordinatorContext = await env.browser.newContext({ locale: 'en-US', viewport: { width: 1024, height: 900 } });
    const page2 = await coordinatorContext.newPage();
    await signIn(page2, env.server.url, DEMO_USERS.coordinator.email);
    const coordinator = await (await page2.request.get(`${env.server.url}/api/me`)).json() as { spaces: { id: string; name: string }[] };
    const iad = coordinator.spaces.find((s) => s.name === 'Inter-Alliance Dialogue')!;
    await page2.goto(`${env.server.url}/spaces/${iad.id}/funding`);
    await page2.getByLabel('Period').fill('2030');
    await page2.getByLabel('Dues per member').fill('500');
    await page2.getByRole('button', { name: 'Bill every member organization' }).click();
    await page2.getByText(/^7 invoices made; 0 members were already billed/).waitFor();
    await page2.locator('li', { hasText: 'National Day Laborer Organizing Network' }).getByRole('button', { name: 'Mark paid' }).click();
    await page2.getByText('Collected $500.00; outstanding $3,000.00.').waitFor();
    await coordinatorContext.close();
  });
});

