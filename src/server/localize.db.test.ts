// The messages the API writes for people come back in the language the request asks for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { requestLanguage } from './localize.ts';

const SPACE_ID_IN_SPANISH = 'elija el espacio al que pertenece el registro';
const NO_ORGANIZATION_IN_SPANISH = 'no hay ninguna organización llamada "Nobody Here" que usted pueda ver';

describe('the language of a request', () => {
  it('is Spanish only when Accept-Language puts Spanish first', () => {
    expect(requestLanguage('es')).toBe('es');
    expect(requestLanguage('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(requestLanguage('en-US,es;q=0.5')).toBe('en');
    expect(requestLanguage(undefined)).toBe('en');
    expect(requestLanguage('esperanto')).toBe('en');
  });
});

describe.each(ENGINES)('messages in the caller language on %s', (engine) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedIn>>;
  let allianceId: string;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await signedIn(t, 'lang@example.org', { admin: true });
    allianceId = (await admin.post('/api/organizations', { organization: { name: 'Alianza', kind: 'alliance' } })).json.id;
  });
  afterAll(async () => t?.close());

  const badOrganization = { organization: { name: 'X', kind: 'church' } };
  const messageOf = (res: { json: { errors: Array<{ field: string; message: string }> } }, field: string) =>
    res.json.errors.find((e) => e.field === field)?.message;

  it('writes field errors in Spanish for a Spanish reader, and in English otherwise', async () => {
    const spanish = await admin.request('POST', '/api/organizations', badOrganization, { 'accept-language': 'es-MX,es;q=0.9' });
    const english = await admin.request('POST', '/api/organizations', badOrganization, { 'accept-language': 'en-US' });
    expect(spanish.status).toBe(422);
    expect(english.status).toBe(422);
    // zod's own message for an unknown option
    expect(messageOf(english, 'organization.kind')).toMatch(/^Invalid option: expected one of "base_building"/);
    expect(messageOf(spanish, 'organization.kind')).toMatch(/^Opción inválida: se esperaba una de "base_building"/);
    // one of ours: someone who is not a workspace admin names the space a new record goes in
    const union = { organization: { name: 'X', kind: 'union' } };
    const member = await signedIn(t, 'member-lang@example.org');
    const ours = (language: string) => member.request('POST', '/api/organizations', union, { 'accept-language': language });
    expect(messageOf(await ours('en'), 'spaceId')).toBe('choose the space the record belongs to');
    expect(messageOf(await ours('es'), 'spaceId')).toBe(SPACE_ID_IN_SPANISH);
  });

  it('writes the rows of a ties import report in Spanish', async () => {
    const csv = 'from,to,kind\nNobody Here,Alianza,funds\n';
    const res = await admin.request('POST', `/api/alliances/${allianceId}/ties/import`, { csv }, { 'accept-language': 'es' });
    expect(res.status).toBe(200);
    expect(res.json.rows[0].errors[0].message).toBe(NO_ORGANIZATION_IN_SPANISH);
  });

  it('answers in the account language when the request does not say, titles and details included', async () => {
    const reader = await signedIn(t, 'lectora@example.org');
    expect((await reader.request('PATCH', '/api/me', { locale: 'es' }, { 'accept-language': 'en' })).status).toBe(200);
    const missing = await reader.get('/api/organizations/3f2a9c1e-0b7d-4c1a-9e2f-5a6b7c8d9e0f');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ title: 'No encontrado', detail: 'No hay ninguna organización aquí, o usted no tiene acceso.' });
    const bad = await reader.post('/api/organizations', { organization: { name: 'X', kind: 'union' } });
    expect(bad.json.title).toBe('Datos no válidos');
    expect(bad.json.detail).toBe(`spaceId: ${SPACE_ID_IN_SPANISH}`);
    expect(messageOf(bad, 'spaceId')).toBe(SPACE_ID_IN_SPANISH);
    // A request that says English gets English, whatever the account's language.
    const asked = await reader.request('GET', '/api/organizations/3f2a9c1e-0b7d-4c1a-9e2f-5a6b7c8d9e0f', undefined, { 'accept-language': 'en-US' });
    expect(asked.json).toMatchObject({ title: 'Not found', detail: 'No organization here, or you cannot see it.' });
    // Signed out, nobody's language is known: English.
    const anonymous = await new (reader.constructor as new (app: unknown) => typeof reader)(t.app).get('/api/me');
    expect(anonymous.json.title).toBe('Sign in required');
  });
});
