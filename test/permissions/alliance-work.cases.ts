// Campaigns, the charter and stages, rapid response, power maps, ties and the network, the whole
// field, CSV imports and linking a person to an account, for the permission matrix (matrix.ts).
import { createAlert } from '../../src/alerts/alert.service.ts';
import { CampaignInputSchema } from '../../src/campaigns/campaign.schema.ts';
import { createCampaign } from '../../src/campaigns/campaign.service.ts';
import { addCharterVersion } from '../../src/charters/charter.service.ts';
import { startImport } from '../../src/interchange/import.service.ts';
import { addMember } from '../../src/memberships/membership.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { createPerson } from '../../src/people/person.service.ts';
import { addStakeholder, createMap } from '../../src/power-maps/power-map.service.ts';
import { upsertRole } from '../../src/spaces/spaces.repository.ts';
import { TieInputSchema } from '../../src/ties/tie.schema.ts';
import { recordTie } from '../../src/ties/tie.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, bystander, type Callers, foreignAlliance, type RouteCase } from './matrix.ts';

export interface AllianceWorkRecords {
  allianceId: string; spaceId: string;
  /** A member organization with a space of its own, where the viewer caller is staff. */
  staffedMemberId: string;
  campaignId: string; charterVersionId: string; alertId: string; powerMapId: string; stakeholderId: string;
  tieId: string; personId: string; importJobId: string; accountEmail: string;
}

const blocks = { diverse_people: 'Labor, immigrant and faith groups', common_purpose: 'Economic justice', clear_boundaries: 'Base-building groups',
  clear_roles: 'Anchors lead each area', explicit_norms: 'Decisions by consent' };
const answers = { more_powerful_together: 'Yes', who_else_at_table: 'Faith groups', enough_trust: 'Yes, after two years',
  what_jointly: 'A statewide budget campaign', reason_long_term: 'The budget fight lasts a decade' };
const campaignBody = { name: 'Summer jobs for youth', status: 'active', chart: { primaryTargets: ['City Council'] } };

// The alliance's own work in the fixture, by name: what a grant never shares (the imported
// organization is a directory profile, which the profile grant does share).
const OWN_WORK = /Foreign (Campaign|Alert|Power Map|Stakeholder)/;

export const ALLIANCE_WORK_CASES: RouteCase<AllianceWorkRecords>[] = [
  { route: 'GET /api/alliances/{id}/metrics', name: 'read movement metrics', path: (r) => `/api/alliances/${r.allianceId}/metrics?from=2000-01-01&to=2030-12-31`, need: 'viewer', ok: 200 },
  { route: 'GET /api/alliances/{id}/funder-report', name: 'read the funder report', path: (r) => `/api/alliances/${r.allianceId}/funder-report?from=2000-01-01&to=2030-12-31`, need: 'viewer', ok: 200 },
  // The whole field takes no alliance list (only `derived` and `kinds`): it is every organization
  // the caller can see. It names no record, so there is nothing to answer 404 for: an outsider
  // naming a foreign alliance (the parameter is ignored) gets their own field, 200. Through the
  // grants they see the alliance's profile and members, never its own work (campaigns, alerts…).
  { route: 'GET /api/field/network', name: 'whole field network', path: (r) => `/api/field/network?alliances=${r.allianceId}`,
    need: 'viewer', ok: 200, expect: { outsider: 200 }, leak: OWN_WORK },
  { route: 'POST /api/field/network/analyses', name: 'start whole field analysis', path: (r) => `/api/field/network/analyses?alliances=${r.allianceId}`,
    need: 'viewer', ok: 200, expect: { outsider: 200 }, writesNothing: true, leak: OWN_WORK },
  { route: 'GET /api/campaigns/{id}', name: 'read campaign', path: (r) => `/api/campaigns/${r.campaignId}`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/campaigns/{id}', name: 'update campaign', path: (r) => `/api/campaigns/${r.campaignId}`, body: () => campaignBody, need: 'member', ok: 200 },
  { route: 'POST /api/campaigns/{id}/events', name: 'record campaign event', path: (r) => `/api/campaigns/${r.campaignId}/events`,
    body: () => ({ kind: 'action', title: 'March on City Hall', happenedOn: '2011-03-01', turnout: 120 }), need: 'member', ok: 201 },
  { route: 'POST /api/alliances/{id}/charter', name: 'add charter version', path: (r) => `/api/alliances/${r.allianceId}/charter`,
    body: () => ({ blocks, vision: 'A just economy' }), need: 'member', ok: 201 },
  { route: 'POST /api/charter-versions/{id}/ratification', name: 'send charter for ratification', path: (r) => `/api/charter-versions/${r.charterVersionId}/ratification`,
    need: 'admin', ok: 201 },
  { route: 'POST /api/alliances/{id}/stage', name: 'move stage', path: (r) => `/api/alliances/${r.allianceId}/stage`,
    body: () => ({ toStage: 'formation', answers }), need: 'admin', ok: 201 },
  { route: 'GET /api/alerts/{id}', name: 'read alert', path: (r) => `/api/alerts/${r.alertId}`, need: 'viewer', ok: 200 },
  { route: 'POST /api/alerts/{id}/close', name: 'close alert', path: (r) => `/api/alerts/${r.alertId}/close`, need: 'admin', ok: 200 },
  // A member organization answers for itself: its own staff (a member role in its space) or the
  // alliance's coordinators (admins and up) may. The viewer caller is that organization's staff,
  // so may answer although only a viewer of the alliance; the member caller is not, so may not.
  { route: 'PUT /api/alerts/{id}/commitments', name: 'commit to alert', path: (r) => `/api/alerts/${r.alertId}/commitments`,
    body: (r) => ({ organizationId: r.staffedMemberId, organizers: 2, days: 5 }), need: 'admin', ok: 200, expect: { viewer: 200 } },
  { route: 'GET /api/power-maps/{id}', name: 'read power map', path: (r) => `/api/power-maps/${r.powerMapId}`, need: 'viewer', ok: 200 },
  { route: 'POST /api/power-maps/{id}/stakeholders', name: 'add stakeholder', path: (r) => `/api/power-maps/${r.powerMapId}/stakeholders`,
    body: () => ({ name: 'Harbor Commission', kind: 'decision_maker', influence: 8, stance: 'neutral' }), need: 'member', ok: 201 },
  { route: 'PATCH /api/stakeholders/{id}', name: 'move stakeholder', path: (r) => `/api/stakeholders/${r.stakeholderId}`,
    body: () => ({ stance: 'passive_ally', note: 'After the hearing' }), need: 'member', ok: 200 },
  { route: 'DELETE /api/ties/{id}', name: 'remove tie', path: (r) => `/api/ties/${r.tieId}`, need: 'member', ok: 200 },
  { route: 'GET /api/alliances/{id}/ties.csv', name: 'export ties CSV', path: (r) => `/api/alliances/${r.allianceId}/ties.csv`, need: 'viewer', ok: 200 },
  { route: 'GET /api/alliances/{id}/network.kumu.json', name: 'export network for Kumu', path: (r) => `/api/alliances/${r.allianceId}/network.kumu.json`, need: 'viewer', ok: 200 },
  // Answers 202 at once: the job writes the rows afterwards; the start itself is logged. The
  // outsider sees the space's people and profiles through the grants, so is refused (403), not told it is not there.
  { route: 'POST /api/spaces/{id}/imports', name: 'start import', path: (r) => `/api/spaces/${r.spaceId}/imports`,
    body: () => ({ entity: 'organizations', csv: 'name,kind\nImported Center,union\n' }), need: 'member', ok: 202, expect: { outsider: 403 } },
  // An import's report belongs to whoever started it (the owner, in the fixture), like any job:
  // the space's other roles get 404, not 403, as they would for someone else's job.
  { route: 'GET /api/imports/{id}', name: 'read import report', path: (r) => `/api/imports/${r.importJobId}`,
    need: 'owner', ok: 200, expect: { admin: 404, member: 404, viewer: 404 } },
  // The person is shared with the outsider's alliance (the people grant): visible, so 403.
  { route: 'PUT /api/people/{id}/account', name: 'link person to account', path: (r) => `/api/people/${r.personId}/account`,
    body: (r) => ({ email: r.accountEmail }), need: 'admin', ok: 200, expect: { outsider: 403 } },
];

/**
 * A fresh alliance space with two member organizations (one in a space of its own, where the
 * viewer caller is staff; one kept in the alliance's space), a stated tie between them, a
 * campaign they take part in, a charter version, an open alert, a power map with a stakeholder,
 * a person, a finished import started by the owner, and an account nobody has linked yet. Each
 * caller holds its role in the alliance's space.
 */
export async function allianceWorkRecords(t: TestApp, clients: Callers, n: number): Promise<AllianceWorkRecords> {
  const { owner, alliance, spaceId } = await foreignAlliance(t, clients, n, { outsiderGrants: true });
  const base = BLANK;
  const staffed = await createOrganization(t.db, owner, null, { ...base, name: `Foreign Org ${n}`, kind: 'base_building' }, { ownSpace: true });
  await upsertRole(t.db, staffed.ownSpaceId!, clients.viewer.userId!, 'member');
  const partner = await createOrganization(t.db, owner, spaceId, { ...base, name: `Foreign Partner ${n}`, kind: 'union' });
  for (const member of [staffed, partner]) await addMember(t.db, owner, alliance.id, { memberId: member.id, role: 'member', status: 'active' });
  const tie = await recordTie(t.db, owner, alliance.id, TieInputSchema.parse({ fromId: staffed.id, toId: partner.id, kind: 'co_campaigned' }));
  const campaign = await createCampaign(t.db, owner, alliance.id, CampaignInputSchema.parse({ name: `Foreign Campaign ${n}`,
    participants: [{ organizationId: staffed.id, brings: ['base'] }, { organizationId: partner.id, brings: ['legal'] }] }));
  const charter = await addCharterVersion(t.db, owner, alliance.id, { blocks });
  const alert = await createAlert(t.db, owner, alliance.id, { title: `Foreign Alert ${n}`, body: 'Send organizers to Phoenix.', need: { organizers: 10, people: 0, money: 0, days: 30 } });
  const map = await createMap(t.db, owner, alliance.id, { title: `Foreign Power Map ${n}` });
  const stakeholder = await addStakeholder(t.db, owner, map.id, { name: `Foreign Stakeholder ${n}`, kind: 'institution', influence: 6, stance: 'neutral' });
  const personId = await createPerson(t.db, t.deps.box, owner, spaceId, { name: `Foreign Person ${n}`, languages: ['en'], contact: {}, affiliations: [{ organizationId: partner.id, role: 'staff' }] });
  const imported = await startImport(t.db, t.deps.box, owner, spaceId, { entity: 'organizations', csv: `name,kind\nForeign Import ${n},faith\n`, importGoodRows: false });
  await imported.done;
  const account = await bystander(t, `alliance-work-${n}`);
  return { allianceId: alliance.id, spaceId, staffedMemberId: staffed.id, campaignId: campaign.id, charterVersionId: charter.id, alertId: alert.id,
    powerMapId: map.id, stakeholderId: stakeholder.id, tieId: tie.id, personId, importJobId: imported.job.id, accountEmail: account.email };
}
