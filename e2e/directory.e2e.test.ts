import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn as signInAs, useDemoBrowser } from './harness.ts';

if (browserMissing) console.warn(`Skipping browser tests: ${browserMissing}.`);

describe.skipIf(browserMissing)('the directory in Chromium', () => {
  const env = useDemoBrowser();
  const signIn = (page: Page, email = DEMO_USERS.coordinator.email) => signInAs(page, env.server.url, email);

  it('signs in, finds an organization by filter, adds it to an alliance, and works in Spanish', async () => {
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page);

    // Filter the directory down to base-building groups and open the first one.
    const filtered = page.waitForResponse((r) => r.url().includes('/api/organizations?kind=base_building'));
    await page.getByLabel('Kind').selectOption({ label: 'Base-building group' });
    await filtered;
    const results = page.getByRole('list', { name: 'Organizations found' }).getByRole('link');
    await results.first().waitFor();
    const name = (await results.first().textContent())!;
    const countText = await page.getByRole('status').first().textContent();
    expect(countText).toMatch(/organization/);
    await results.first().click();
    await page.waitForURL(/\/organizations\//);
    await page.screenshot({ path: 'test-results/organization-page.png', fullPage: true });
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // Add it to an alliance it is not yet in.
    const current = await page.getByRole('region', { name: 'Alliances' }).getByRole('link').allTextContents().catch(() => [] as string[]);
    const select = page.getByLabel('Alliance', { exact: true });
    await page.screenshot({ path: 'test-results/organization-page.png', fullPage: true });
    await select.waitFor();
    const options = (await select.locator('option').allTextContents()).slice(1).filter((o) => !current.includes(o));
    expect(options.length).toBeGreaterThan(0);
    await select.selectOption({ label: options[0]! });
    await page.getByRole('button', { name: 'Add to alliance' }).click();
    await page.getByText('Added to the alliance.').waitFor();
    await page.getByRole('link', { name: options[0]! }).click();
    await page.getByRole('heading', { level: 1, name: options[0]! }).waitFor();
    await expect(page.getByRole('link', { name, exact: true }).count()).resolves.toBeGreaterThan(0);

    // Switch to Spanish: the page is translated, and the choice follows the account.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Miembros', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Directorio' }).click();
    await page.getByRole('heading', { name: 'Directorio de organizaciones' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const other = await env.browser.newContext({ locale: 'en-US' });
    await signInAs(await other.newPage(), env.server.url, DEMO_USERS.coordinator.email, 'Directorio de organizaciones');
    await page.getByRole('button', { name: 'English' }).click();
    await other.close();
    await context.close();
  });

  it('fits a 360 px phone screen and can be used by keyboard', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.organizer.email);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The first Tab reaches the skip link; Enter moves to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    // Keyboard alone: type a search and open a result.
    await page.getByRole('searchbox', { name: 'Search' }).focus();
    await page.keyboard.type('Alliance');
    const first = page.getByRole('list', { name: 'Organizations found' }).getByRole('link').first();
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(page.url()).toMatch(/\/(alliances|organizations)\//);
    await page.screenshot({ path: 'test-results/phone-360.png', fullPage: true }).catch(() => undefined);
    await context.close();
  });

  it('shows inline validation on the organization form', async () => {
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, DEMO_USERS.organizer.email);
    await page.getByRole('link', { name: 'New organization' }).click();
    await page.getByLabel('Name', { exact: true }).focus();
    await page.getByLabel('Short name').focus();
    await page.getByText('A name is required.').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Example Workers Center');
    await page.getByLabel('Website').fill('not a url');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Please fix the fields marked below.').waitFor();
    expect(await page.getByLabel('Website').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });
});

describe.skipIf(browserMissing)('people of an organization in Chromium', () => {
  const env = useDemoBrowser();

  it('adds a person with inline errors, shows contact details on request and gives a seat', async () => {
    const page = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
    await signInAs(page, env.server.url, DEMO_USERS.organizer.email);
    await page.getByRole('link', { name: 'My spaces' }).click();
    // The organizer's own organization space is the one they own.
    await page.getByRole('listitem').filter({ hasText: 'Owner' }).getByRole('link', { name: 'People' }).click();
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name').fill('Teresa Example');
    await form.getByLabel('Languages').fill('spanish');
    await form.getByLabel('Email').fill('teresa@example.org');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('an ISO 639 language code such as en or es').waitFor();
    await form.getByLabel('Languages').fill('es');
    await form.getByRole('button', { name: 'Save' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Teresa Example' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Show contact details' }).click();
    await card.getByText('teresa@example.org').waitFor();
    await card.getByRole('button', { name: 'Give the seat' }).click();
    await card.getByText(/Leader representative ·/).waitFor();
  });
});
