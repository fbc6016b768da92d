import { describe, expect, it } from 'vitest';
import { demoContactsCsv, demoSharesWithPartner } from '../src/demo/demo-contacts.ts';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

// Two member organizations of California Calls count the people they share, each in its own
// browser on a phone: SCOPE's organizer asks in English, CAUSE's staff accepts and runs its side
// in Spanish, each list is blinded in its own browser (libsodium in WebAssembly, under the app's
// security policy), and both read the same count — the one the demo's lists really share.

const emails = (csv: string) => new Set(csv.split('\n').slice(1).map((row) => row.split(',')[2]).filter(Boolean));

describe.skipIf(browserMissing)('private overlap, in Chromium', () => {
  const env = useDemoBrowser();

  it('counts the people two organizations share, each blinding its own list in its own browser', { timeout: 240_000 }, async () => {
    const [first, second] = [emails(demoContactsCsv(2500, 7, 'example.org')), emails(demoContactsCsv(2500, 8, 'example.org', 7))];
    const truth = [...first].filter((e) => second.has(e)).length;
    const phone = { viewport: { width: 360, height: 780 } };
    const scope = await (await env.browser.newContext({ locale: 'en-US', ...phone })).newPage();
    const cause = await (await env.browser.newContext({ locale: 'en-US', ...phone })).newPage();
    await signIn(scope, env.server.url, DEMO_USERS.organizer.email);
    await signIn(cause, env.server.url, 'staff.cause@example.org');
    // Signed in (the sign-in page's own check of the session answers 401): from here on, no error
    // in either console — a WebAssembly module the security policy refused would show here.
    const errors: string[] = [];
    for (const page of [scope, cause]) page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const ownSpace = async (page: typeof scope) => ((await (await page.request.get(`${env.server.url}/api/me`)).json()) as { spaces: { id: string; kind: string; role: string }[] })
      .spaces.find((s) => s.kind === 'organization' && s.role === 'owner')!.id;
    const [scopeSpace, causeSpace] = [await ownSpace(scope), await ownSpace(cause)];

    await scope.goto(`${env.server.url}/spaces/${scopeSpace}/overlap`);
    await scope.getByLabel('Organization', { exact: true }).selectOption({ label: 'Central Coast Alliance United for a Sustainable Economy (in California Calls)' });
    await scope.getByLabel('Match people by').selectOption('email');
    await scope.getByRole('button', { name: 'Ask', exact: true }).click();
    await scope.getByText('Waiting for the other organization to accept.').waitFor();

    await cause.getByRole('button', { name: 'Español' }).click();
    await cause.goto(`${env.server.url}/spaces/${causeSpace}/overlap`);
    await cause.getByRole('heading', { name: 'Personas en común con otras organizaciones' }).waitFor();
    await cause.getByRole('button', { name: 'Aceptar' }).click();
    await cause.getByRole('button', { name: 'Cifrar y enviar nuestra lista' }).click();
    await cause.getByText(/Su lado ya se envió/).waitFor({ timeout: 60_000 });
    expect(await cause.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // SCOPE's side: its list, then CAUSE's values blinded again at once; CAUSE's open page finishes by itself.
    await scope.reload();
    await scope.getByRole('button', { name: 'Scramble and send our list' }).click();
    await scope.getByText(`${truth.toLocaleString('en-US')} people in common`).waitFor({ timeout: 60_000 });
    await cause.getByText(`${truth.toLocaleString('es')} personas en común`).waitFor({ timeout: 30_000 });
    await scope.screenshot({ path: 'test-results/overlap-360.png', fullPage: true });
    expect(await scope.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Again, showing who is shared: each side sees its own people both organizations may share (the demo's consents), once.
    const revealable = [...first].filter((e) => second.has(e) && demoSharesWithPartner(e!)).length;
    await scope.getByLabel('Organization', { exact: true }).selectOption({ label: 'Central Coast Alliance United for a Sustainable Economy (in California Calls)' });
    await scope.getByLabel('Also show who is shared').check();
    await scope.getByRole('button', { name: 'Ask', exact: true }).click();
    await scope.getByText('Waiting for the other organization to accept.').waitFor();
    await cause.reload();
    await cause.getByRole('button', { name: 'Aceptar' }).click();
    await cause.getByRole('button', { name: 'Cifrar y enviar nuestra lista' }).click();
    await cause.getByText(/Su lado ya se envió/).waitFor({ timeout: 60_000 });
    await scope.reload();
    await scope.getByRole('button', { name: 'Scramble and send our list' }).click();
    await scope.getByRole('button', { name: `Show the ${revealable} people we may see` }).click();
    await scope.getByText(`${revealable} people both organizations may share.`, { exact: false }).waitFor();
    expect(await scope.getByRole('list', { name: 'People both organizations hold' }).getByRole('listitem').count()).toBe(revealable);
    await cause.getByRole('button', { name: `Mostrar las ${revealable} personas que podemos ver` }).click({ timeout: 30_000 });
    await cause.getByRole('list', { name: 'Personas que ambas organizaciones tienen' }).waitFor();
    expect(await cause.getByRole('list', { name: 'Personas que ambas organizaciones tienen' }).getByRole('listitem').count()).toBe(revealable);
    await cause.screenshot({ path: 'test-results/overlap-reveal-360.png' });
    // The demo's two bases counted themselves into California Calls' reach; SCOPE counts itself in again, and reads the alliance's figures.
    await scope.getByRole('button', { name: 'Count again' }).click();
    await scope.getByText(/counted in on/).waitFor();
    const californiaCalls = ((await (await scope.request.get(`${env.server.url}/api/me`)).json()) as { spaces: { id: string; name: string }[] }).spaces.find((s) => s.name === 'California Calls')!.id;
    await cause.goto(`${env.server.url}/spaces/${californiaCalls}/ladder`);
    await cause.getByRole('heading', { name: 'Alcance sin duplicados' }).waitFor();
    await cause.getByRole('row', { name: /Personas alcanzadas unas [\d.\s]+ \(entre [\d.\s]+ y [\d.\s]+\)/ }).waitFor();
    await cause.screenshot({ path: 'test-results/reach-360.png', fullPage: true });
    expect(await cause.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Read once: after a reload the page says so and shows nobody.
    await scope.reload();
    await scope.getByText(`${revealable} people were shown to this organization already.`).waitFor();
    expect(await scope.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });
});
