import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { haveThreeSixty, THREESIXTY_DIR, threeSixtyErrors } from '../../test/threesixty-schemas.ts';
import { addMember } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { upsertRole } from '../spaces/spaces.repository.ts';
import { grant } from '../spaces/spaces.service.ts';

// Grants through the API: the 360Giving examples as funders publish them (the complete ones
// import; the broken ones are refused naming the grant and the field, nothing written), links to
// the directory by org-id and by name with a review list for the unsure, re-grants that never
// pass on more than the grant, an export that validates against the standard's schema, and
// grants nobody outside the space can read.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
const EXAMPLES = path.join(THREESIXTY_DIR, 'examples');
const example = (name: string) => readFileSync(path.join(EXAMPLES, name)).toString('base64');

/** The flat CSV example as a workbook, as funders also publish it (dates as text, amounts as numbers). */
async function workbookFromCsv(csvName: string) {
  const [head, ...lines] = readFileSync(path.join(EXAMPLES, csvName), 'utf8').trim().split(/\r?\n/);
  const split = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.slice(0, -1).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').trim());
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('grants');
  const headers = split(head!);
  sheet.addRow(headers);
  // Blank rows between grants, as people leave them: every grant after them is still read.
  for (const line of lines) { sheet.addRow([]); sheet.addRow([]); sheet.addRow(split(line).map((v, i) => (headers[i] === 'Amount Awarded' ? Number(v) : v))); }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

describe.skipIf(!haveThreeSixty).each(ENGINES)('grants on %s', (engine) => {
  let t: TestApp;
  let coordinator: Awaited<ReturnType<typeof signedIn>>;
  let viewer: Awaited<ReturnType<typeof signedIn>>;
  let outsider: Awaited<ReturnType<typeof signedIn>>;
  let allianceSpaceId: string;
  let otherSpaceId: string;
  const orgs: Record<string, string> = {};
  const importFile = (fileBase64: string, extra: object = {}) => coordinator.post(`/api/spaces/${allianceSpaceId}/funding-grant-imports`, { fileBase64, ...extra });
  const count = async () => Number((await t.db.selectFrom('funding_grants').select((eb) => eb.fn.countAll<number>().as('n')).where('space_id', '=', allianceSpaceId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await testApp(engine);
    coordinator = await signedIn(t, 'grants-coordinator@example.org', { admin: true });
    viewer = await signedIn(t, 'grants-viewer@example.org');
    outsider = await signedIn(t, 'grants-outsider@example.org');
    const actor: Actor = { userId: coordinator.userId, isWorkspaceAdmin: true };
    const make = async (name: string, kind: string, externalId: string | null = null, spaceId: string | null = null) =>
      (await createOrganization(t.db, actor, spaceId, { ...BLANK, name, kind: kind as 'funder' }, { ownSpace: !spaceId, externalId }));
    const alliance = await make('Funding Alliance', 'alliance');
    // A funder without a space of its own: the alliance added it to the directory.
    const funder = await make('Funding Providers UK', 'funder', 'GB-CHC-000000', alliance.ownSpaceId);
    const university = await make('University of UK', 'research');
    const company = await make('Company Name Ltd', 'base_building');
    const member = await make('Base Group', 'base_building');
    const other = await make('Other Alliance', 'alliance');
    Object.assign(orgs, { alliance: alliance.id, funder: funder.id, university: university.id, company: company.id, member: member.id });
    await addMember(t.db, actor, alliance.id, { memberId: member.id, role: 'member', status: 'active' });
    [allianceSpaceId, otherSpaceId] = [alliance.ownSpaceId!, other.ownSpaceId!];
    await upsertRole(t.db, allianceSpaceId, viewer.userId, 'viewer');
    await upsertRole(t.db, otherSpaceId, outsider.userId, 'admin');
    // The coordinator made the other alliance's space: it is not theirs to read.
    await t.db.deleteFrom('space_roles').where('space_id', '=', otherSpaceId).where('user_id', '=', coordinator.userId).execute();
  });
  afterAll(async () => t?.close());

  it('refuses the broken examples, naming the grant and the field, and writes nothing', async () => {
    const broken = await importFile(example('fundingproviders-grants_broken_grants.json'));
    expect(broken.status).toBe(422);
    const fields = (broken.json as { errors: { field: string; message: string }[] }).errors;
    expect(fields).toEqual(expect.arrayContaining([
      { field: '360G-fundingproviders-000001/X/00/X › amountAwarded', message: expect.stringContaining('152505.03') },
      { field: '360G-fundingproviders-000001/X/00/X › fundingOrganization[0].id', message: expect.stringContaining('RUBBISH1-GB-CHC-000000') },
    ]));
    const malformed = await importFile(example('fundingproviders-grants_malformed.json'));
    expect(malformed.status).toBe(422);
    expect((malformed.json as { errors: { field: string; message: string }[] }).errors).toEqual([{ field: '(file) › JSON', message: 'not valid JSON: line 10, column 15' }]);
    const nulls = await importFile(example('nulls.json'));
    expect(nulls.status).toBe(422);
    const nullFields = (nulls.json as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(nullFields).toEqual(expect.arrayContaining(['grants[0] › id', 'grants[0] › amountAwarded', 'grants[1] › fundingOrganization[0].name']));
    // Incomplete files: the byte order mark is read (the grant is "42", its Identifier column found), decimals are no fault.
    const bom = await importFile(example('bom.csv'));
    expect((bom.json as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['42 › Title', '42 › Amount Awarded', '42 › Award Date', '42 › Recipient Org:Name', '42 › Funding Org:Name']);
    const decimals = await importFile(example('decimal_amounts.csv'));
    expect((decimals.json as { errors: { field: string }[] }).errors.map((e) => e.field)).not.toContain('row 2 › Amount Awarded');
    expect((decimals.json as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('row 2 › Identifier');
    expect(await count()).toBe(0);
  });

  it('imports the complete examples, linking funders and recipients to the directory', async () => {
    const fixed = await importFile(example('fundingproviders-grants_fixed_2_grants.json'));
    expect(fixed.status).toBe(200);
    expect(fixed.json).toMatchObject({ format: 'json', grants: 2, created: 2, updated: 0,
      repeats: [{ identifier: '360G-fundingproviders-000001/X/00/X', count: 2 }, { identifier: '360G-fundingproviders-000002/X/00/X', count: 2 }] });
    const list = await coordinator.get(`/api/spaces/${allianceSpaceId}/funding-grants`);
    const items = (list.json as { items: Record<string, unknown>[] }).items;
    const a = items.find((g) => g.identifier === '360G-fundingproviders-000001/X/00/X')!;
    const b = items.find((g) => g.identifier === '360G-fundingproviders-000002/X/00/X')!;
    expect(a).toMatchObject({ amountMinor: 15250500, currency: 'GBP', awardDate: '2014-07-24', durationMonths: 30, funderOrgId: orgs.funder, funderMatch: 'id', funderType: 'foundation',
      // The repeat filled in the recipient's org-id; "Company Name Limited" is only loosely "Company Name Ltd": unsure.
      recipientIdentifier: 'RUBBISH-COH-RC000000', recipientOrgId: null, recipientMatch: 'unsure' });
    expect(b).toMatchObject({ recipientOrgId: orgs.university, recipientMatch: 'name' });
    // The same file again changes nothing.
    expect((await importFile(example('fundingproviders-grants_fixed_2_grants.json'))).json).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const review = await coordinator.get(`/api/spaces/${allianceSpaceId}/funding-grants?review=true`);
    expect((review.json as { items: { identifier: string }[] }).items.map((g) => g.identifier)).toEqual(['360G-fundingproviders-000001/X/00/X']);
    const detail = await coordinator.get(`/api/funding-grants/${a.id}`);
    expect((detail.json as { recipientCandidates: { id: string }[] }).recipientCandidates.map((c) => c.id)).toEqual([orgs.company]);
    expect((await coordinator.put(`/api/funding-grants/${a.id}/links`, { recipientOrganizationId: orgs.company })).status).toBe(200);
    // A confirmed link stays when the funder publishes again.
    await importFile(example('fundingproviders-grants_fixed_2_grants.json'));
    expect((await coordinator.get(`/api/funding-grants/${a.id}`)).json).toMatchObject({ recipientOrgId: orgs.company, recipientMatch: 'confirmed' });
  });

  it('reads the flat CSV in UTF-8 and Windows-1252, and as a workbook', async () => {
    const utf8 = await importFile(example('fundingproviders_grants_2_grants.csv'), { dryRun: true });
    expect(utf8.json).toMatchObject({ format: 'csv', encoding: 'utf-8', grants: 2, created: 2, dryRun: true });
    expect((utf8.json as { ignoredColumns: string[] }).ignoredColumns).toContain('Surname of applicant');
    const cp1252 = await importFile(example('fundingproviders-grants_2_grants_cp1252.csv'));
    expect(cp1252.json).toMatchObject({ format: 'csv', encoding: 'windows-1252', created: 2 });
    const euro = await t.db.selectFrom('funding_grants').select('identifier').where('space_id', '=', allianceSpaceId).where('identifier', 'like', '%Title%').execute();
    expect(euro).toEqual([]);
    const ids = (await t.db.selectFrom('funding_grants').select('identifier').where('identifier', 'like', '360G-<~>%').execute()).map((r) => r.identifier);
    expect(ids).toEqual(expect.arrayContaining(['360G-<~>€funding€providers-000001/X/00/X']));
    const xlsx = await importFile(await workbookFromCsv('fundingproviders_grants_2_grants.csv'));
    expect(xlsx.json).toMatchObject({ format: 'xlsx', grants: 2, created: 2 });
    const row = await t.db.selectFrom('funding_grants').select(['amount_minor', 'award_date', 'recipient_name']).where('identifier', '=', '360G-fundingprovidersuk-000002/X/00/X').executeTakeFirstOrThrow();
    expect(row).toEqual({ amount_minor: 17899000, award_date: '2014-07-24', recipient_name: 'University of UK' });
    expect((await importFile(example('multiple_funder_names_org_ids.json'))).json).toMatchObject({ created: 2 });
  });

  it('passes part of a grant on to a member, never more than the grant', async () => {
    const all = (await coordinator.get(`/api/spaces/${allianceSpaceId}/funding-grants?limit=100`)).json as { items: { id: string; identifier: string }[] };
    const parent = all.items.find((g) => g.identifier === '360G-fundingproviders-000002/X/00/X')!;
    // The University (the recipient) passes part on to the member.
    const first = await coordinator.post(`/api/funding-grants/${parent.id}/regrants`, { recipientOrganizationId: orgs.member, amountMinor: 10_000_000, awardDate: '2014-09-01' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ identifier: '360G-fundingproviders-000002/X/00/X-R1' });
    const tooMuch = await coordinator.post(`/api/funding-grants/${parent.id}/regrants`, { recipientOrganizationId: orgs.member, amountMinor: 7_899_001, awardDate: '2014-09-01' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json).toMatchObject({ errors: [{ field: 'amountMinor', message: 'only 7899000 of this grant is left to pass on' }] });
    expect((await coordinator.post(`/api/funding-grants/${parent.id}/regrants`, { recipientOrganizationId: orgs.member, amountMinor: 100, awardDate: '2014-01-01' })).status).toBe(422);
    expect((await coordinator.delete(`/api/funding-grants/${parent.id}`)).status).toBe(409);
    const toItself = await coordinator.post(`/api/funding-grants/${parent.id}/regrants`, { recipientOrganizationId: orgs.university, amountMinor: 100, awardDate: '2014-09-01' });
    expect(toItself.json.errors).toEqual([{ field: 'recipientOrganizationId', message: 'a grant cannot be passed on to the organization that received it' }]);
    // The funder publishing a smaller amount than was already passed on: the file is refused whole.
    const smaller = JSON.parse(readFileSync(path.join(EXAMPLES, 'fundingproviders-grants_fixed_2_grants.json'), 'utf8')) as { grants: { id: string; amountAwarded: number }[] };
    for (const g of smaller.grants) if (g.id === '360G-fundingproviders-000002/X/00/X') g.amountAwarded = 50_000;
    const refused = await importFile(Buffer.from(JSON.stringify(smaller)).toString('base64'));
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([{ field: '360G-fundingproviders-000002/X/00/X › amountAwarded', message: 'less than its re-grants already passed on, or in another currency than theirs' }]);
    expect((await t.db.selectFrom('funding_grants').select('amount_minor').where('id', '=', parent.id).executeTakeFirstOrThrow()).amount_minor).toBe(17_899_000);
    const regrant = await coordinator.get(`/api/funding-grants/${(first.json as { id: string }).id}`);
    expect(regrant.json).toMatchObject({ funderOrgId: orgs.university, recipientOrgId: orgs.member, funderType: 'intermediary', parentGrantId: parent.id, currency: 'GBP' });
  });

  it('exports a 360Giving package that validates against the standard', async () => {
    const exported = await coordinator.get(`/api/spaces/${allianceSpaceId}/funding-grants/export`);
    expect(exported.status).toBe(200);
    const pkg = exported.json as { grants: Record<string, unknown>[] };
    expect(pkg.grants.length).toBe(await count());
    expect(threeSixtyErrors(pkg)).toEqual([]);
    const regrant = pkg.grants.find((g) => g.id === '360G-fundingproviders-000002/X/00/X-R1')!;
    expect(regrant).toMatchObject({ amountAwarded: 100000, relatedActivity: ['360G-fundingproviders-000002/X/00/X'],
      fundingOrganization: [{ id: `360G-crossroads-${orgs.university}`, name: 'University of UK' }] });
  });

  it('maps the money from funder through the alliance to its members, and a member\'s diversification', async () => {
    const file = { grants: [{ id: '360G-mm-1', title: 'Alliance support', currency: 'USD', amountAwarded: 50000, awardDate: '2015-02-01',
      recipientOrganization: [{ id: 'US-ALLIANCE', name: 'Funding Alliance' }], fundingOrganization: [{ id: 'GB-CHC-000000', name: 'Funding Providers UK' }] }] };
    expect((await importFile(Buffer.from(JSON.stringify(file)).toString('base64'))).json).toMatchObject({ created: 1 });
    const parent = (await t.db.selectFrom('funding_grants').select('id').where('identifier', '=', '360G-mm-1').executeTakeFirstOrThrow()).id;
    expect((await coordinator.post(`/api/funding-grants/${parent}/regrants`, { recipientOrganizationId: orgs.member, amountMinor: 2_000_000, awardDate: '2015-03-01' })).status).toBe(201);
    const memberSpace = (await t.db.selectFrom('organizations').select('own_space_id').where('id', '=', orgs.member!).executeTakeFirstOrThrow()).own_space_id!;
    // Until the member shares its profile with the alliance, its kind is not the alliance's to read.
    const unshared = await viewer.get(`/api/spaces/${allianceSpaceId}/money-map?currency=USD`);
    expect(unshared.json.totals).toMatchObject({ toBaseBuildingMinor: 0, toMembersOfUnknownKindMinor: 2_000_000 });
    await grant(t.db, { userId: coordinator.userId, isWorkspaceAdmin: true }, memberSpace, allianceSpaceId, 'profile');
    const map = await viewer.get(`/api/spaces/${allianceSpaceId}/money-map?currency=USD`);
    expect(map.status).toBe(200);
    expect(map.json.flows).toEqual([
      { from: orgs.funder, to: orgs.alliance, amountMinor: 5_000_000, grants: 1 },
      { from: orgs.alliance, to: orgs.member, amountMinor: 2_000_000, grants: 1 },
    ]);
    expect(map.json.totals).toMatchObject({ cameInMinor: 5_000_000, regrantedMinor: 2_000_000, keptByAllianceMinor: 3_000_000, toBaseBuildingMinor: 2_000_000, toMembersOfUnknownKindMinor: 0, baseBuildingShare: 0.4 });
    expect(map.json.otherCurrencies).toEqual(['GBP']);
    expect((await coordinator.get(`/api/spaces/${allianceSpaceId}/money-map?currency=USD&from=2016-01-01`)).json.flows).toEqual([]);

    expect((await coordinator.post(`/api/spaces/${memberSpace}/other-income`, { sourceType: 'earned', amountMinor: 1_000_000, receivedOn: '2015-06-30', description: 'Workshops' })).status).toBe(201);
    const mix = await coordinator.get(`/api/spaces/${memberSpace}/funding-diversification?year=2015`);
    expect(mix.status).toBe(200);
    expect(mix.json).toMatchObject({ totalMinor: 3_000_000, largestFunder: { name: 'Funding Alliance', amountMinor: 2_000_000 } });
    expect(mix.json.sources.filter((x: { amountMinor: number }) => x.amountMinor > 0)).toEqual([
      { source: 'intermediary', amountMinor: 2_000_000, share: 2 / 3 }, { source: 'earned', amountMinor: 1_000_000, share: 1 / 3 }]);
    expect(mix.json.hhi).toBeCloseTo(5 / 9, 12);
    // The alliance's viewer reads the map, never the member's own money; an outsider neither.
    expect((await viewer.get(`/api/spaces/${memberSpace}/funding-diversification?year=2015`)).status).toBe(404);
    expect((await outsider.get(`/api/spaces/${allianceSpaceId}/money-map`)).status).toBe(404);
    expect((await outsider.get(`/api/spaces/${memberSpace}/other-income?year=2015`)).status).toBe(404);
  });

  it('keeps grants inside the space', async () => {
    const [grant] = (await t.db.selectFrom('funding_grants').select('id').where('space_id', '=', allianceSpaceId).limit(1).execute());
    for (const path of [`/api/spaces/${allianceSpaceId}/funding-grants`, `/api/spaces/${allianceSpaceId}/funding-grants/export`, `/api/funding-grants/${grant!.id}`]) {
      expect((await outsider.get(path)).status).toBe(404);
    }
    expect((await outsider.put(`/api/funding-grants/${grant!.id}/links`, { funderType: 'government' })).status).toBe(404);
    expect((await viewer.get(`/api/spaces/${allianceSpaceId}/funding-grants`)).status).toBe(200);
    expect((await viewer.post(`/api/spaces/${allianceSpaceId}/funding-grant-imports`, { fileBase64: example('multiple_funder_names_org_ids.json') })).status).toBe(403);
    expect((await viewer.delete(`/api/funding-grants/${grant!.id}`)).status).toBe(403);
    // Links only to organizations the caller can read: the other alliance's private space is not one.
    const hidden = await createOrganization(t.db, { userId: outsider.userId, isWorkspaceAdmin: false }, otherSpaceId, { ...BLANK, name: 'Hidden Group', kind: 'base_building' });
    expect((await coordinator.put(`/api/funding-grants/${grant!.id}/links`, { recipientOrganizationId: hidden.id })).status).toBe(422);
  });
});
