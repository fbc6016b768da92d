import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

// Two people edit the same organization at once: the second save is not allowed to erase the
// first; the second person is told what changed, keeps their own edit on top, and saves again.

describe.skipIf(browserMissing)('editing the same organization at once, in Chromium', () => {
  const env = useDemoBrowser();

  it('shows what the other person changed and merges, instead of losing their change', async () => {
    const [ana, ben] = await Promise.all([env.browser.newContext({ locale: 'en-US' }), env.browser.newContext({ locale: 'en-US' })]);
    const [a, b] = await Promise.all([ana.newPage(), ben.newPage()]);
    await signIn(a, env.server.url, DEMO_USERS.coordinator.email);
    await signIn(b, env.server.url, DEMO_USERS.coordinator.email);
    const found = await (await a.request.get(`${env.server.url}/api/organizations?kind=alliance&limit=1`)).json() as { items: { id: string; name: string }[] };
    const org = found.items[0]!;
    for (const page of [a, b]) {
      await page.goto(`${env.server.url}/organizations/${org.id}/edit`);
      await page.getByLabel('Description').waitFor();
    }
    await a.getByLabel('Description').fill('A description written by the first person.');
    await a.getByRole('button', { name: 'Save' }).click();
    await a.waitForURL(new RegExp(`/alliances/${org.id}$`));

    await b.getByLabel('Short name').fill('SECOND');
    await b.getByRole('button', { name: 'Save' }).click();
    const banner = b.getByText(/Someone changed this while you were editing/);
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Description: A description written by the first person.');
    await b.screenshot({ path: 'test-results/concurrent-edit.png', fullPage: true });
    // The form now holds the first person's description and the second person's short name.
    expect(await b.getByLabel('Description').inputValue()).toBe('A description written by the first person.');
    expect(await b.getByLabel('Short name').inputValue()).toBe('SECOND');
    await b.getByRole('button', { name: 'Save' }).click();
    await b.waitForURL(new RegExp(`/alliances/${org.id}$`));

    const stored = await (await a.request.get(`${env.server.url}/api/organizations/${org.id}`)).json() as { organization: { description: string; shortName: string } };
    expect(stored.organization).toMatchObject({ description: 'A description written by the first person.', shortName: 'SECOND' });
    await Promise.all([ana.close(), ben.close()]);
  });
});
