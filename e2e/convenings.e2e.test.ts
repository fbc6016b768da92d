import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

if (browserMissing) console.warn(`Skipping browser tests: ${browserMissing}.`);

// From convening to plan in Chromium: a convening with staff and leaders from several
// organizations, a goal identified that becomes a SMARTIE goal, fixed until every letter passes,
// placed in a work plan with an anchor organization; the convening exported as .ics.

describe.skipIf(browserMissing)('from convening to plan in Chromium', () => {
  const env = useDemoBrowser();

  it('records a convening, turns its goal into a SMARTIE goal, puts it in a work plan, and exports the .ics', async () => {
    const context = await env.browser.newContext({ locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.coordinator.email);
    // Wait for the search's own answer, so the click lands on the filtered list, not the first page.
    const searched = page.waitForResponse((r) => r.url().includes('/api/organizations?') && r.url().includes('q='));
    await page.getByLabel('Search', { exact: true }).fill('California Calls');
    await searched;
    await page.getByRole('list', { name: 'Organizations found' }).getByRole('link', { name: 'California Calls' }).click();
    await page.getByRole('link', { name: 'Convenings' }).click();

    // A new convening, in its own time zone.
    const form = page.getByRole('form', { name: 'New convening' });
    await form.getByLabel('Title').fill('July strategy session: the budget gap');
    await form.getByLabel('Kind').selectOption({ label: 'Strategy session' });
    await form.getByLabel('Time zone').fill('America/Los_Angeles');
    await form.getByLabel('Starts').fill('2011-07-14T10:00');
    await form.getByLabel('Ends').fill('2011-07-14T15:00');
    await form.getByLabel('Place').fill('Oakland');
    await form.getByRole('button', { name: 'Create the convening' }).click();
    await page.getByRole('heading', { level: 1, name: 'July strategy session: the budget gap' }).waitFor();

    // Attendance: staff and grassroots leaders from several organizations.
    const attendance = page.getByRole('form', { name: 'Record attendance' });
    for (const [name, org, as] of [['Jasmine Holloway', 'Strategic Concepts in Organizing and Policy Education', 'Staff'], ['Rogelio Zavala', 'Strategic Concepts in Organizing and Policy Education', 'Grassroots leader'],
      ['Maricela Fuentes', 'Central Coast Alliance United for a Sustainable Economy', 'Staff'], ['Nueva Líder', 'Central Coast Alliance United for a Sustainable Economy', 'Grassroots leader']] as const) {
      await attendance.getByLabel('Name').fill(name);
      await attendance.getByLabel('Organization').selectOption({ label: org });
      await attendance.getByLabel('Came as').selectOption({ label: as });
      await attendance.getByRole('button', { name: 'Add to attendance' }).click();
      await page.getByRole('region', { name: 'Attendance' }).getByText(name).waitFor();
    }
    // Those who came in January are no longer first-timers; the new leader is.
    await page.getByRole('status').filter({ hasText: '4 people from 2 organizations: 2 staff, 2 grassroots leaders; 1 for the first time.' }).waitFor();

    // A session and its goal identified, tracked as a SMARTIE goal.
    const sessions = page.getByRole('form', { name: 'Add a session' });
    await sessions.getByLabel('Session').fill('Closing the budget gap');
    await sessions.getByRole('button', { name: 'Add a session' }).click();
    const item = page.getByRole('form', { name: 'Add to Closing the budget gap' });
    await item.getByLabel("In the session's words").fill('Build strong relationships with key community stakeholders.');
    await item.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: 'Track as a SMARTIE goal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Goal' }).waitFor();

    // The check flags the missing letters...
    const checks = page.getByRole('list', { name: 'SMARTIE check' });
    await checks.getByText('Time-bound: no deadline').waitFor();
    for (const letter of ['✗ M', '✗ T', '✗ I', '✗ E']) await checks.getByText(letter).waitFor();
    await page.screenshot({ path: 'test-results/smartie-flags.png', fullPage: true });

    // ...and passes once the goal is rewritten with a deadline, a measure, power for the most affected and equity.
    await page.getByLabel('The goal, in your words').fill('By December 2011, hold 12 one-on-ones with key community stakeholders, led by grassroots leaders of the most affected neighborhoods who decide the asks, so that the budget debate addresses racial and economic justice.');
    await page.getByLabel('Deadline').fill('2011-12-31');
    await page.getByLabel('People most affected take part in deciding').check();
    await page.getByRole('button', { name: 'Add an indicator' }).click();
    await page.getByLabel('Indicator').fill('one-on-ones held');
    await page.getByLabel('Baseline').fill('2');
    await page.getByLabel('Target').fill('12');
    for (const letter of ['✓ M', '✓ T', '✓ I', '✓ E']) await checks.getByText(letter).waitFor();
    await page.getByRole('button', { name: 'Save the goal' }).click();
    await page.getByText('Saved.').waitFor();
    const goalUrl = page.url();

    // A work plan with a strategy area anchored by SCOPE; the goal goes into it.
    await page.getByRole('link', { name: 'Goals', exact: true }).click();
    await page.getByRole('link', { name: 'California Calls' }).click();
    await page.getByRole('link', { name: 'Work plans' }).click();
    // The router keeps the convenings page (which has its own Title field) on screen until the plans page has loaded.
    await page.getByRole('heading', { name: 'Work plans', level: 1 }).waitFor();
    await page.getByLabel('Title').fill('2011 budget campaign plan');
    await page.getByRole('button', { name: 'Create the plan' }).click();
    const area = page.getByRole('form', { name: 'New strategy area' });
    await area.getByLabel('Strategy area').fill('Tax and fiscal reform');
    await area.getByLabel('Strategic Concepts in Organizing and Policy Education').check();
    await area.getByRole('button', { name: 'Add the strategy area' }).click();
    await page.getByRole('heading', { name: 'Tax and fiscal reform' }).waitFor();
    await page.getByText('Anchored by SCOPE').waitFor();

    await page.goto(goalUrl);
    await page.getByLabel('Strategy area').selectOption({ label: '2011 budget campaign plan — Tax and fiscal reform' });
    await page.getByRole('button', { name: 'Save the goal' }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'Tax and fiscal reform' }).click();
    await page.getByRole('region', { name: 'Tax and fiscal reform' }).getByRole('link', { name: /hold 12 one-on-ones/ }).waitFor();

    // The convening as .ics, in its own time zone.
    await page.goto(goalUrl);
    await page.getByRole('link', { name: /July strategy session: the budget gap — Closing the budget gap/ }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Add to calendar (.ics)' }).click();
    const download = await downloading;
    const ics = readFileSync((await download.path())!, 'utf8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('July strategy session: the budget gap');
    expect(event.startDate.zone?.tzid).toBe('America/Los_Angeles');
    expect(event.startDate.toJSDate().toISOString()).toBe('2011-07-14T17:00:00.000Z');
    await context.close();
  });
});
