import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

// A person opens the link an organization sent them, on a phone, with no account: reads in
// Spanish what the organization holds about them, says no to overlap counts and not to be
// contacted; the organization's record shows the person's choices at once.

describe.skipIf(browserMissing)('a person\'s consent page, in Chromium', () => {
  const env = useDemoBrowser();

  it('shows what the organization holds and takes the person\'s choices, in Spanish, with no account', async () => {
    const staff = await (await env.browser.newContext({ locale: 'en-US' })).newPage();
    await signIn(staff, env.server.url, DEMO_USERS.organizer.email);
    const headers = { origin: env.server.url };
    const me = await (await staff.request.get(`${env.server.url}/api/me`)).json() as { spaces: { id: string; kind: string; role: string }[] };
    const space = me.spaces.find((s) => s.kind === 'organization' && s.role === 'owner')!;
    const made = await (await staff.request.post(`${env.server.url}/api/spaces/${space.id}/contacts`, { data: { firstName: 'Lucía', lastName: 'Consentida', email: 'lucia.consent@example.org', street: '12 Calle Sol' }, headers })).json() as { id: string };
    const { token } = await (await staff.request.post(`${env.server.url}/api/contacts/${made.id}/consent-link`, { headers })).json() as { token: string };

    const person = await (await env.browser.newContext({ locale: 'es-MX', viewport: { width: 360, height: 780 } })).newPage();
    const errors: string[] = [];
    person.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await person.goto(`${env.server.url}/consent/${token}`);
    await person.getByRole('button', { name: 'Español' }).click();
    await person.getByRole('heading', { name: /Lo que .* guarda sobre usted/ }).waitFor();
    await person.getByText('lucia.consent@example.org').waitFor();
    await person.getByLabel(/Comprobar, sin revelar mis datos/).uncheck();
    await person.getByLabel('No me contacten').check();
    await person.getByRole('button', { name: 'Guardar mis decisiones' }).click();
    await person.getByText('Guardado.').waitFor();
    expect(await person.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await person.screenshot({ path: 'test-results/consent-es-360.png', fullPage: true });
    expect(errors).toEqual([]);

    const consent = await (await staff.request.get(`${env.server.url}/api/contacts/${made.id}/consent`)).json() as { purposes: { purpose: string; granted: boolean; source: string; recorded: boolean }[] };
    expect(consent.purposes.find((p) => p.purpose === 'overlap_matching')).toMatchObject({ granted: false, source: 'person' });
    // What the person left as it was is not recorded as their choice: it still follows the organization's default.
    expect(consent.purposes.find((p) => p.purpose === 'count_in_alliance')).toMatchObject({ granted: true, recorded: false });
    expect((await (await staff.request.get(`${env.server.url}/api/contacts/${made.id}`)).json()).doNotContact).toBe(true);
    // A forged link opens nothing, and says so in the person's language.
    await person.goto(`${env.server.url}/consent/${token.slice(0, -3)}abc`);
    await person.getByText(/Este enlace no abre nada|This link does not open anything/).waitFor();
  });
});
