import type { Db } from '../db/database.ts';
import { billDues, listDues, payDues } from '../donations/commitments.service.ts';
import { addOtherIncome } from '../grants/funding.service.ts';
import { createRegrant, importGrants } from '../grants/grant.service.ts';
import type { Actor } from '../spaces/access.ts';

// The demo's grants, from the funders the seeds name, recorded as 360Giving packages in the spaces
// of the alliances that received them, re-grants from the alliances to their members, and the
// IAD's dues from its member alliances. Every
// amount and date is fictional: the seeds name who funds the field, never how much.

type Grant = { id: string; title: string; amount: number; date: string; funder: string; recipient: string; location?: string };

const IAD_GRANTS: Grant[] = [
  { id: '360G-demo-pip-2009-01', title: 'Inter-Alliance Dialogue convenings', amount: 150_000, date: '2009-03-02', funder: 'Public Interest Projects', recipient: 'Inter-Alliance Dialogue' },
  { id: '360G-demo-pip-2010-01', title: 'Alliance building across national alliances', amount: 200_000, date: '2010-02-01', funder: 'Public Interest Projects', recipient: 'Inter-Alliance Dialogue' },
  { id: '360G-demo-atlantic-2010-01', title: 'Immigrant integration and racial justice alliances', amount: 250_000, date: '2010-06-01', funder: 'Atlantic Philanthropies', recipient: 'Inter-Alliance Dialogue' },
  { id: '360G-demo-osi-2010-01', title: 'Rapid response to Arizona SB 1070', amount: 100_000, date: '2010-09-15', funder: 'Open Society Institute', recipient: 'Inter-Alliance Dialogue', location: 'Arizona' },
  { id: '360G-demo-pip-2011-01', title: 'Inter-Alliance Dialogue, third year', amount: 175_000, date: '2011-02-01', funder: 'Public Interest Projects', recipient: 'Inter-Alliance Dialogue' },
];

const CALIFORNIA_GRANTS: Grant[] = [
  { id: '360G-demo-tce-2010-01', title: 'Reaching new and occasional voters on tax and fiscal reform', amount: 300_000, date: '2010-01-15', funder: 'The California Endowment', recipient: 'California Calls', location: 'Central Valley' },
];

function packageOf(grants: Grant[]) {
  return Buffer.from(JSON.stringify({ grants: grants.map((g) => ({
    id: g.id, title: g.title, description: `${g.title} (fictional demo grant).`, currency: 'USD', amountAwarded: g.amount, awardDate: g.date,
    recipientOrganization: [{ id: `360G-demo-${g.recipient.toLowerCase().replace(/\W+/g, '-')}`, name: g.recipient }],
    fundingOrganization: [{ id: `360G-demo-${g.funder.toLowerCase().replace(/\W+/g, '-')}`, name: g.funder }],
    ...(g.location ? { beneficiaryLocation: [{ name: g.location, countryCode: 'US' }] } : {}),
  })) }));
}

async function grantId(db: Db, spaceId: string, identifier: string) {
  return (await db.selectFrom('funding_grants').select('id').where('space_id', '=', spaceId).where('identifier', '=', identifier).executeTakeFirstOrThrow()).id;
}

export async function loadDemoFunding(db: Db, coordinator: Actor, o: { iadSpaceId: string; californiaCallsSpaceId: string; orgIds: Map<string, string>; base?: { actor: Actor; spaceId: string } }) {
  await importGrants(db, coordinator, o.iadSpaceId, packageOf(IAD_GRANTS));
  const regrant = async (spaceId: string, parent: string, memberKey: string, dollars: number, awardDate: string, title: string) =>
    createRegrant(db, coordinator, await grantId(db, spaceId, parent), { recipientOrganizationId: o.orgIds.get(memberKey)!, amountMinor: dollars * 100, awardDate, title });
  // The IAD passes part of its money on to the anchors of its areas of work.
  await regrant(o.iadSpaceId, '360G-demo-osi-2010-01', 'ndlon', 40_000, '2010-10-01', 'Organizers to Phoenix after SB 1070');
  await regrant(o.iadSpaceId, '360G-demo-atlantic-2010-01', 'rttc', 30_000, '2010-07-01', 'Challenging the Right: local alliances');
  await regrant(o.iadSpaceId, '360G-demo-atlantic-2010-01', 'ggj', 30_000, '2010-07-01', 'Climate justice at the US Social Forum');
  await regrant(o.iadSpaceId, '360G-demo-pip-2011-01', 'ndwa', 25_000, '2011-03-01', 'Domestic workers in the Dialogue');
  // The IAD's dues: every member alliance billed for 2010 and 2011; all paid 2010, four paid 2011 so far.
  for (const [period, dueOn, paying] of [['2010', '2010-03-31', 99], ['2011', '2011-03-31', 4]] as const) {
    await billDues(db, coordinator, o.iadSpaceId, { period, amountMinor: 250_000, dueOn, allMembers: true });
    const { invoices } = await listDues(db, coordinator, o.iadSpaceId, period);
    for (const invoice of invoices.slice(0, paying)) await payDues(db, coordinator, invoice.id, { paidOn: dueOn.replace('-31', '-20'), paidMinor: invoice.amountMinor });
  }
  await importGrants(db, coordinator, o.californiaCallsSpaceId, packageOf(CALIFORNIA_GRANTS));
  await regrant(o.californiaCallsSpaceId, '360G-demo-tce-2010-01', 'scope', 90_000, '2010-02-15', 'Anchoring the Los Angeles voter program');
  await regrant(o.californiaCallsSpaceId, '360G-demo-tce-2010-01', 'cause', 60_000, '2010-02-15', 'Central Coast voter outreach');
  // An organization's own money besides its donors: earned income and dues collected outside Crossroads.
  if (o.base) {
    await addOtherIncome(db, o.base.actor, o.base.spaceId, { sourceType: 'earned', amountMinor: 1_800_000, receivedOn: '2025-03-15', description: 'Trainings for other groups (fictional)' });
    await addOtherIncome(db, o.base.actor, o.base.spaceId, { sourceType: 'dues', amountMinor: 950_000, receivedOn: '2025-05-31', description: 'Member dues (fictional)' });
  }
}
