import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

// CAUSE's staff leave Crossroads on a phone: they download everything their space holds, then
// remove it, typing its name; the organization stays in California Calls' directory.

describe.skipIf(browserMissing)('leaving with one\'s data, in Chromium', () => {
  const env = useDemoBrowser();

  it('downloads everything, then removes the space for good', async () => {
    const page = await (await env.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 }, acceptDownloads: true })).newPage();
    await signIn(page, env.server.url, 'staff.cause@example.org');
    const me = await (await page.request.get(`${env.server.url}/api/me`)).json() as { spaces: { id: string; kind: string; role: string; name: string }[] };
    const space = me.spaces.find((s) => s.kind === 'organization' && s.role === 'owner')!;
    await page.goto(`${env.server.url}/spaces/${space.id}`);
    await page.getByRole('heading', { name: 'Leave with your data' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download everything (zip)' }).click()]);
    const zip = await JSZip.loadAsync(await (await import('node:fs/promises')).readFile((await download.path())!));
    expect(JSON.parse(await zip.file('manifest.json')!.async('string')).rows.contacts).toBe(2500);
    const purge = page.getByRole('button', { name: 'Remove everything, for good' });
    expect(await purge.isDisabled()).toBe(true);
    await page.getByLabel(/To remove this space for good, type its name/).fill(space.name);
    await page.screenshot({ path: 'test-results/leave-360.png', fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await purge.click();
    await page.getByRole('heading', { name: 'This space was removed' }).waitFor();
    await page.getByText('Your organization stays in the directory of California Calls.').waitFor();
    expect((await page.request.get(`${env.server.url}/api/spaces/${space.id}/contacts`)).status()).toBe(404);
  });
});
