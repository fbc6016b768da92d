import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/load-demo.ts';
import { axeViolations, browserMissing, signIn, useDemoBrowser } from './harness.ts';

// On a phone, in Spanish: the coordinator imports the IAD's member list as Excel on Windows
// saves it (Windows-1252, Windows line ends), with no "kind" column, words of her own for the
// issues, dates day first, a near-duplicate row, an organization the directory holds spelt otherwise
// and an impossible date. The page asks about each; she answers; the import does what she said.

const FILE = [
  'Organización,Temas,Estado,Ciudad,Fundada,Correo,Miembro desde',
  'Comité de Jornaleros de Queens,"labor; immigrant",NY,Queens,03/04/1992,info@jornaleros.example.org,2001',
  'comite de jornaleros de QUEENS,Housing,NY,Queens,,,2001',
  'MAKE THE ROAD NEW YORK,"tax and fiscal; Housing",NY,Brooklyn,15/06/1997,josé@maketheroad.example.org,2005',
  'Unión de Inquilinas del Bronx,Housing,NY,Bronx,31/31/2020,,2010',
].join('\r\n');

describe.skipIf(browserMissing)('the import conversation, in Chromium', () => {
  const demo = useDemoBrowser();

  // First: the next case switches the coordinator's account to Spanish.
  it('logs no error in the console, under the security policy, on the import page or a discussion', async () => {
    const context = await demo.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, demo.server.url, DEMO_USERS.coordinator.email);
    // Counted once signed in: before, the app's question "who is signed in?" is answered 401, as it should be.
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    // The import page, and a discussion (its composer loads zod, told by /zod-config.js not to probe for eval).
    const me = await (await page.request.get(`${demo.server.url}/api/me`)).json() as { spaces: { id: string; name: string }[] };
    await page.goto(`${demo.server.url}/spaces/${me.spaces.find((s) => s.name === 'Inter-Alliance Dialogue')!.id}/import`);
    await page.getByRole('heading', { name: 'Import a CSV file' }).waitFor();
    await page.getByLabel('CSV file').setInputFiles({ name: 'm.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Kind\nA Group,union\n') });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('1 rows, 0 with errors.').waitFor();
    const found = await (await page.request.get(`${demo.server.url}/api/discussions/search?q=${encodeURIComponent('national call schedule')}`)).json() as { results: { threadId: string }[] };
    await page.goto(`${demo.server.url}/threads/${found.results[0]!.threadId}`);
    await page.getByRole('heading', { name: 'Challenging the Banks: who anchors what' }).waitFor();
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks, in Spanish on a 360 px page, what a messy member list leaves open, and imports it as answered', async () => {
    const context = await demo.browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 780 }, bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, demo.server.url, DEMO_USERS.coordinator.email);
    const me = await (await page.request.get(`${demo.server.url}/api/me`)).json() as { spaces: { id: string; name: string }[] };
    const iad = me.spaces.find((s) => s.name === 'Inter-Alliance Dialogue')!;
    await page.goto(`${demo.server.url}/spaces/${iad.id}/import`);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Importar un archivo CSV' }).waitFor();

    await page.getByLabel('Archivo CSV').setInputFiles({ name: 'miembros.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE, 'latin1') });
    await page.getByText('Leído como Windows-1252').waitFor();
    await page.getByRole('button', { name: 'Revisar el archivo' }).click();

    // Columns are named in her language; the unmapped one is shown as ignored, not dropped silently.
    expect(await page.getByLabel('Fundada', { exact: true }).locator('option:checked').textContent()).toBe('Fundada');
    expect(await page.getByLabel('Miembro desde', { exact: true }).locator('option:checked').textContent()).toBe('(ignorar)');

    // No "kind" column: she chooses one for every row.
    await page.getByRole('group', { name: 'Para las filas sin valor' }).getByLabel('Tipo de organización').selectOption({ label: 'Grupo de base' });
    // Her words, with the term each probably means put forward; one she leaves out.
    expect(await page.getByLabel('Qué significa «labor»').locator('option:checked').textContent()).toBe('Derechos laborales (sugerido)');
    expect(await page.getByLabel('Qué significa «immigrant»').locator('option:checked').textContent()).toBe('Derechos de los inmigrantes (sugerido)');
    await page.getByLabel('Qué significa «tax and fiscal»').selectOption({ label: 'Dejarla fuera' });
    // 15/06/1997 shows the file writes the day first: that reading is put forward.
    await page.getByText('En otra parte el archivo escribe 15/06/1997: pone el día primero.').waitFor();
    expect(await page.getByLabel('El día primero: 03/04/1992 es día/mes/año').isChecked()).toBe(true);
    // The near-duplicate row is merged into the first; the organization already in the directory is skipped.
    await page.getByText('La fila 3, «comite de jornaleros de QUEENS», puede ser la fila 2 («Comité de Jornaleros de Queens»).').waitFor();
    await page.getByRole('radiogroup', { name: 'Qué hacer con la fila 3' }).getByLabel('Combinar').check();
    await page.getByRole('radiogroup', { name: 'Qué hacer con la fila 4' }).getByLabel('Omitir esta fila').check();
    expect(await page.getByRole('button', { name: 'Importar', exact: true }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/import-conversation-360-es.png', fullPage: true });

    await page.getByRole('button', { name: 'Revisar de nuevo con estas respuestas' }).click();
    await page.getByText('4 filas, 1 con errores.').waitFor();
    await page.getByText('Fila 5: Fundada: "31/31/2020" no es una fecha').waitFor();
    await page.getByLabel('Importar solo las filas correctas').check();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByRole('heading', { name: 'Importación terminada' }).waitFor();
    for (const line of ['Nuevas: 1', 'Actualizadas: 1', 'Omitidas: 1', 'Rechazadas: 1']) await page.getByText(line, { exact: true }).waitFor();

    const found = await (await page.request.get(`${demo.server.url}/api/organizations?q=${encodeURIComponent('Jornaleros de Queens')}`)).json() as { items: { id: string; name: string }[] };
    expect(found.items.map((o) => o.name)).toEqual(['Comité de Jornaleros de Queens']);
    const record = await (await page.request.get(`${demo.server.url}/api/organizations/${found.items[0]!.id}`)).json() as { organization: Record<string, unknown> };
    expect(record.organization).toMatchObject({ kind: 'base_building', foundedOn: '1992-04-03', issues: ['workers_rights', 'immigrant_rights', 'housing'] });

    // The space's audit log says it in words, in her language, with names rather than ids.
    await page.goto(`${demo.server.url}/spaces/${iad.id}`);
    await page.getByText(/importó organizaciones: Nuevas: 1, Actualizadas: 1, Rechazadas: 1, Omitidas: 1\.$/).waitFor();
    await page.getByText(/creó la organización «Comité de Jornaleros de Queens»\.$/).waitFor();
    await page.getByText(/cambió la organización «Comité de Jornaleros de Queens»: temas de Derechos laborales, Derechos de los inmigrantes a Derechos laborales, Derechos de los inmigrantes, Vivienda\.$/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.locator('#audit-title').screenshot({ path: 'test-results/audit-log-360-es.png' });
    await context.close();
  });
});
