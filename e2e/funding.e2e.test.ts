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
    await context.close();
  });
});
