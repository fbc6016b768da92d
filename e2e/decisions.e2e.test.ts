import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { WORK_PLAN_TITLE } from '../src/demo/demo-convenings.ts';
import { DEMO_PEOPLE } from '../src/demo/demo-data.ts';
import { castBallot } from '../src/decisions/vote.service.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

if (browserMissing) console.warn(`Skipping browser tests: ${browserMissing}.`);

// The demo's four-step ratification of the Inter-Alliance Dialogue's 2010 work plan (seed 000):
// draft → regional meetings → mass membership call → weighted network vote → ratified.

describe.skipIf(browserMissing)('ratifying the 2010 work plan in Chromium', () => {
  const env = useDemoBrowser();

  it('walks the proposal through its steps, a representative votes in Spanish, and the decision log shows it', async () => {
    const context = await env.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.coordinator.email);

    // From the alliance page to its decisions and the drafted work plan.
    // Wait for the search's own answer, so the click lands on the filtered list, not the first page.
    const searched = page.waitForResponse((r) => r.url().includes('/api/organizations?') && r.url().includes('q='));
    await page.getByLabel('Search', { exact: true }).fill('Inter-Alliance');
    await searched;
    await page.getByRole('list', { name: 'Organizations found' }).getByRole('link', { name: 'Inter-Alliance Dialogue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inter-Alliance Dialogue' }).waitFor();
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('link', { name: WORK_PLAN_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: WORK_PLAN_TITLE }).waitFor();

    // Step 1: the regional meetings, with who took part and what they said.
    await page.getByRole('button', { name: 'Start the process' }).click();
    const meetings = page.getByRole('region', { name: /Regional meetings/ });
    await meetings.waitFor();
    await meetings.getByRole('textbox', { name: 'Who took part' }).fill('Bay Area meeting: GGJ and Right to the City members');
    await meetings.getByRole('textbox', { name: 'What they said' }).fill('Add a youth leadership track to the climate area.');
    await meetings.getByRole('button', { name: 'Record' }).click();
    await meetings.getByText('Add a youth leadership track').waitFor();

    // Step 2: the mass membership call.
    await page.getByRole('button', { name: 'Move to the next step' }).click();
    const call = page.getByRole('region', { name: /Mass membership call/ });
    await call.getByRole('textbox', { name: 'Who took part' }).fill('Members of the six alliances on the national call');
    await call.getByRole('button', { name: 'Record' }).click();
    await call.getByText('Members of the six alliances').waitFor();

    // Step 3: the weighted network vote opens; the weights and their inputs are visible.
    await page.getByRole('button', { name: 'Move to the next step' }).click();
    const vote = page.getByRole('region', { name: /Network ratification/ });
    await vote.getByText('0 of 6 have voted').waitFor();
    await vote.getByText('organizers: 20').waitFor();

    // Five alliances vote through their representatives' accounts...
    const staffOf = (alliance: string) => DEMO_PEOPLE.find((p) => p.affiliations[0]!.orgKey === alliance && p.seats.some((s) => s.allianceKey === 'iad' && s.seat === 'staff'))!;
    const voteId = (await env.server.deps.db.selectFrom('votes').innerJoin('proposal_steps', 'proposal_steps.id', 'votes.step_id')
      .select('votes.id').where('proposal_steps.title', '=', 'Network ratification').executeTakeFirstOrThrow()).id;
    for (const alliance of ['ggj', 'jwj', 'ndwa', 'pbn', 'rttc']) {
      const user = await env.server.deps.db.selectFrom('users').select('id').where('email', '=', staffOf(alliance).email).executeTakeFirstOrThrow();
      await castBallot(env.server.deps.db, { userId: user.id, isWorkspaceAdmin: false }, voteId, { ballot: { position: alliance === 'pbn' ? 'no' : 'yes' } });
    }
    // ...and NDLON's representative votes in the browser, in her own language.
    const repContext = await env.browser.newContext({ locale: 'en-US' });
    const rep = await repContext.newPage();
    await signIn(rep, env.server.url, staffOf('ndlon').email, 'Directorio de organizaciones');
    await rep.goto(page.url());
    const ballot = rep.getByRole('form', { name: 'Voto de National Day Laborer Organizing Network' });
    await ballot.getByLabel('Sí').check();
    await ballot.getByRole('button', { name: 'Votar' }).click();
    await rep.getByText('Su voto quedó registrado').waitFor();
    await rep.screenshot({ path: 'test-results/ballot-es.png', fullPage: true });
    await repContext.close();

    // The coordinator closes by the vote's rule and sees the arithmetic, weighted and unweighted.
    await page.reload();
    await vote.getByText('6 of 6 have voted').waitFor();
    await vote.getByRole('button', { name: 'Close: everyone has voted' }).click();
    await vote.getByRole('heading', { name: 'Outcome: passed' }).waitFor();
    const arithmetic = vote.getByRole('table').filter({ hasText: 'Needed to pass' });
    await expect(arithmetic.getByRole('columnheader', { name: 'Weighted' }).count()).resolves.toBe(1);
    await expect(arithmetic.getByRole('columnheader', { name: 'One vote each' }).count()).resolves.toBe(1);
    await page.screenshot({ path: 'test-results/vote-outcome.png', fullPage: true });

    // The outcome statement ratifies the plan.
    await page.getByLabel('Outcome statement').fill('The six alliances ratified the 2010 work plan by weighted network vote.');
    await page.getByRole('button', { name: 'State the outcome' }).click();
    await page.getByText('Ratified', { exact: true }).first().waitFor();

    // The decision log shows who could vote, who did, and the result.
    await page.getByRole('link', { name: 'Inter-Alliance Dialogue' }).click();
    await page.getByRole('link', { name: 'Decision log' }).click();
    const entry = page.getByRole('region', { name: WORK_PLAN_TITLE });
    await entry.getByText('Ratified', { exact: true }).first().waitFor();
    await entry.getByText(/Could vote: .*National Domestic Workers Alliance/).waitFor();
    await entry.getByText(/Voted: .*Pushback Network/).waitFor();
    await entry.getByText('The six alliances ratified').waitFor();
    await page.screenshot({ path: 'test-results/decision-log.png', fullPage: true });
    await context.close();
  });
});
