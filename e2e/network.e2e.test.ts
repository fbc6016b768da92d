import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

if (browserMissing) console.warn(`Skipping browser tests: ${browserMissing}.`);

// The field's network in Chromium: the WebGL view draws the IAD's field, filters by tie kind,
// and the table beside it ranks the brokers and clicks through to each organization.

describe.skipIf(browserMissing)('the network view and the field map in Chromium', () => {
  const env = useDemoBrowser();

  it('draws the network, filters ties by kind, and clicks through to an organization', async () => {
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.coordinator.email);
    const iad = await env.server.deps.db.selectFrom('organizations').select('id').where('name', '=', 'Inter-Alliance Dialogue').executeTakeFirstOrThrow();
    await page.goto(`${env.server.url}/alliances/${iad.id}`);
    await page.getByRole('link', { name: 'Network', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Network' }).waitFor();

    // The WebGL view is drawn (sigma adds its canvases), with every organization and tie counted.
    await page.getByTestId('network-canvas').locator('canvas').first().waitFor();
    const status = page.getByRole('status').filter({ hasText: 'organizations and' });
    const before = await status.textContent();
    const total = Number(/and (\d+) ties/.exec(before!)![1]);
    expect(total).toBeGreaterThan(0);
    const pixels = await page.getByTestId('network-canvas').screenshot({ path: 'test-results/network-graph.png' });
    expect(pixels.length).toBeGreaterThan(2000);

    // Leaving out the ties of meeting at the same convenings shows fewer ties.
    await page.getByRole('group', { name: 'Kinds of ties shown' }).getByLabel('Came together to').uncheck();
    await expect.poll(async () => Number(/and (\d+) ties/.exec((await status.textContent())!)![1])).toBeLessThan(total);

    // Ties from a CSV file: a preview with a verdict per row, then only the good rows imported.
    const csv = 'From,To,Type,Strength\nRTTC,NDWA,Campaigned together,4\nRTTC,Nobody Known,Funds,2\n';
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'ties.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const rows = page.getByRole('table', { name: 'Rows of the file' });
    await rows.getByText('no organization called "Nobody Known" that you can see', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Import the 1 good row, leave out the rejected ones' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 1 new' }).waitFor();
    await page.getByRole('region', { name: 'Ties' }).getByText('Right to the City Alliance — National Domestic Workers Alliance: Campaigned together (strength 4)', { exact: false }).waitFor();

    // The brokers table ranks organizations; the first one opens its profile.
    const first = page.getByRole('region', { name: 'Brokers and central organizations' }).getByRole('link').first();
    const name = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.screenshot({ path: 'test-results/network-view.png', fullPage: true });
    await context.close();
  });

  it('maps two alliances side by side on the US map, with their gaps and the members they share', async () => {
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.coordinator.email);
    await page.getByRole('link', { name: 'Map the field' }).click();
    await page.getByRole('group', { name: 'Alliances to compare' }).getByLabel('Partnership for Working Families').check();
    await page.getByRole('group', { name: 'Alliances to compare' }).getByLabel('Coalition for Clean & Safe Ports').check();
    const map = page.getByRole('img', { name: 'Members of Partnership for Working Families by state' });
    await map.waitFor();
    // PWF's members are in California, Pennsylvania, Georgia and Colorado (seed 001).
    await expect.poll(async () => Number(await map.locator('path[data-state="06"]').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(Number(await map.locator('path[data-state="48"]').getAttribute('data-count'))).toBe(0);
    // By county: the county shapes load on demand, and the counties with members are drawn.
    await page.getByRole('region', { name: 'Partnership for Working Families' }).getByRole('radio', { name: 'County' }).check();
    // LAANE is in Los Angeles County (06037); no PWF member is in Harris County, Texas (48201).
    await map.locator('path[data-county="06037"]').waitFor();
    expect(Number(await map.locator('path[data-county="06037"]').getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await map.locator('path[data-county="48201"]').count()).toBe(0);
    await map.screenshot({ path: 'test-results/field-map-county.png' });
    await page.getByRole('region', { name: 'Partnership for Working Families' }).getByText(/Capacities no member holds: Organized base/).waitFor();
    const shared = page.getByRole('table', { name: 'Members by combination of alliances' });
    await shared.getByText(/Los Angeles Alliance for a New Economy/).waitFor();
    await page.screenshot({ path: 'test-results/field-map.png', fullPage: true });

    // The whole field as one network, analysed as a job and drawn when done.
    await page.getByRole('button', { name: 'Show the whole field as a network' }).click();
    const whole = page.getByRole('region', { name: 'Show the whole field as a network' });
    await whole.getByTestId('network-canvas').locator('canvas').first().waitFor();
    await expect.poll(async () => Number((await whole.getByRole('status').first().textContent())?.match(/^(\d+) organizations/)?.[1] ?? 0)).toBeGreaterThan(30);

    // The ally finder for PWF: ranked by fit, each with its reasons and who can introduce us.
    await page.getByRole('link', { name: 'Partnership for Working Families' }).first().click();
    await page.getByRole('link', { name: 'Ally finder' }).click();
    const allies = page.getByRole('list', { name: 'Ally finder' });
    await allies.getByText(/score \d+/).first().waitFor();
    await allies.getByText('Who can introduce us').first().waitFor();
    await context.close();
  });
});
