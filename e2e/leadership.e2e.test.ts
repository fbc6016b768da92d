import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { browserMissing, signIn, useDemoBrowser } from './harness.ts';

// An organizer types a training's sign-in sheet on a phone, in Spanish, then starts a leadership
// cohort with that training and adds one of the people who came: the cohort shows the training
// attended, and the person's place on the ladder; her record says why she moved, in Spanish.

describe.skipIf(browserMissing)('leadership development, in Chromium', () => {
  const env = useDemoBrowser();

  it('records a sign-in sheet and runs a cohort from it, in Spanish on a phone', async () => {
    const context = await env.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await signIn(page, env.server.url, DEMO_USERS.organizer.email);
    const post = (path: string, data: unknown) => page.request.post(`${env.server.url}/api${path}`, { data, headers: { origin: env.server.url } });
    const me = await (await page.request.get(`${env.server.url}/api/me`)).json() as { spaces: { id: string; kind: string; role: string; organizationId: string }[] };
    const space = me.spaces.find((s) => s.kind === 'organization' && s.role === 'owner')!;
    expect((await post(`/organizations/${space.organizationId}/convenings`, { title: 'Formación: la historia propia', kind: 'training',
      startsAt: '2026-12-12T10:00', endsAt: '2026-12-12T12:00', timeZone: 'America/Los_Angeles' })).status()).toBe(201);
    await post(`/spaces/${space.id}/contacts`, { firstName: 'Xóchitl', lastName: 'Quintero-Prueba', languages: ['es'] });

    await page.goto(`${env.server.url}/spaces/${space.id}/leadership`);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Desarrollo de liderazgo' }).waitFor();
    const convening = page.getByLabel('Convocatoria');
    await convening.locator('option', { hasText: 'Formación: la historia propia' }).waitFor({ state: 'attached' });
    await convening.selectOption(await convening.locator('option', { hasText: 'Formación: la historia propia' }).getAttribute('value'));
    await page.getByText('0 personas registradas aquí').waitFor();
    await page.getByLabel('Añadir a una persona a la hoja').fill('Quintero');
    await page.getByRole('button', { name: 'Xóchitl Quintero-Prueba' }).click();
    await page.getByRole('button', { name: 'Registrar a 1 persona' }).click();
    await page.getByText('1 persona registrada aquí').waitFor();
    await page.getByText(/^1 persona registrada\. Cambiaron de escalón: \d+\.$/).waitFor();

    await page.getByLabel('Nombre', { exact: true }).fill('Cohorte de invierno');
    await page.getByLabel(/Formación: la historia propia/).check();
    await page.getByRole('button', { name: 'Crear la cohorte' }).click();
    await page.getByRole('heading', { name: 'Cohorte de invierno' }).waitFor();
    await page.getByLabel('Añadir a una persona').last().fill('Quintero');
    await page.getByRole('button', { name: 'Xóchitl Quintero-Prueba' }).click();
    const row = page.getByRole('row', { name: /Xóchitl Quintero-Prueba/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('1 / 1');
    await row.getByLabel('Estado de Xóchitl Quintero-Prueba').selectOption({ label: 'completó' });
    await page.getByRole('status').filter({ hasText: 'Integrantes: 1 · completaron: 1' }).waitFor();
    await page.screenshot({ path: 'test-results/leadership-es.png', fullPage: true });

    // Her record: the training she came to, and why the ladder moved her, in Spanish.
    await page.goto(`${env.server.url}/spaces/${space.id}/contacts`);
    await page.getByLabel('Buscar').fill('Quintero');
    // Her row once the search has answered (the page may first show the whole list).
    await page.locator('li', { hasText: 'Quintero-Prueba' }).getByRole('button', { name: 'Escalera y asistencia' }).click();
    await page.getByText('Vino a 1 convocatoria').waitFor();
    await page.getByText('completó una cohorte de liderazgo').waitFor();
    await context.close();
  });
});
