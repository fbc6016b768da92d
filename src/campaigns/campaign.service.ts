import { insertAudit } from '../audit/audit.repository.ts';
import { holderSpace } from '../convenings/convening.service.ts';
import type { Db } from '../db/database.ts';
import { findMembershipByPair } from '../memberships/membership.repository.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole, canSeeProfiles } from '../spaces/access.ts';
import type { SpaceRole } from '../spaces/roles.ts';
import * as repo from './campaign.repository.ts';
import type { CampaignEventInput, CampaignInput } from './campaign.schema.ts';

// Campaigns of an alliance: the strategy chart, who takes part and what each brings, and what
// happened — actions with their turnout, wins, and issues one organization carried for another.

async function campaignIn(db: Db, actor: Actor, id: string, needed: SpaceRole) {
  const campaign = await repo.findCampaign(db, id);
  if (!campaign) throw notFound('campaign');
  const role = await requireRole(db, actor, campaign.spaceId, needed);
  return { campaign, role };
}

/** Organizations a campaign (or a power map) may name: the holder's members, or those the caller can see. */
export async function checkOrganization(db: Db, actor: Actor, holderId: string, id: string, field: string) {
  if (id === holderId || (await findMembershipByPair(db, holderId, id))) return;
  const org = await findOrganization(db, id);
  const visible = org && (await canSeeProfiles(db, actor, org.spaceId));
  if (!visible) throw invalid([{ field, message: 'no such organization' }]);
}

export async function createCampaign(db: Db, actor: Actor, organizationId: string, input: CampaignInput) {
  const { spaceId } = await holderSpace(db, actor, organizationId, 'member');
  for (const [i, p] of input.participants.entries()) await checkOrganization(db, actor, organizationId, p.organizationId, `participants[${i}].organizationId`);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertCampaign(trx, { ...input, spaceId, organizationId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'campaign', entityId: row.id, changes: { name: [null, input.name] } }]);
    return row;
  });
}

export async function updateCampaign(db: Db, actor: Actor, id: string, input: CampaignInput) {
  const { campaign } = await campaignIn(db, actor, id, 'member');
  for (const [i, p] of input.participants.entries()) await checkOrganization(db, actor, campaign.organizationId, p.organizationId, `participants[${i}].organizationId`);
  await db.transaction().execute(async (trx) => {
    await repo.updateCampaign(trx, id, input);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: campaign.spaceId, action: 'update', entity: 'campaign', entityId: id, changes: { status: [campaign.status, input.status] } }]);
  });
}

export async function recordEvent(db: Db, actor: Actor, id: string, input: CampaignEventInput) {
  const { campaign } = await campaignIn(db, actor, id, 'member');
  if (input.kind === 'issue_carried') {
    await checkOrganization(db, actor, campaign.organizationId, input.carrierId, 'carrierId');
    await checkOrganization(db, actor, campaign.organizationId, input.demandOwnerId, 'demandOwnerId');
    if (input.carrierId === input.demandOwnerId) throw invalid([{ field: 'demandOwnerId', message: 'carried for another organization' }]);
  }
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertEvent(trx, campaign.spaceId, id, input);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: campaign.spaceId, action: 'create', entity: 'campaign_event', entityId: row.id,
      changes: { campaign: [null, id], kind: [null, input.kind], title: [null, input.title] } }]);
    return row;
  });
}

export async function getCampaign(db: Db, actor: Actor, id: string) {
  const { campaign, role } = await campaignIn(db, actor, id, 'viewer');
  const [participants, events] = await Promise.all([repo.listParticipants(db, id), repo.listEvents(db, id)]);
  const { spaceId: _s, ...rest } = campaign;
  const actions = events.filter((e) => e.kind === 'action');
  return { ...rest, role, participants, events, totals: { actions: actions.length, turnout: actions.reduce((sum, e) => sum + (e.turnout ?? 0), 0),
    wins: events.filter((e) => e.kind === 'win').length, issuesCarried: events.filter((e) => e.kind === 'issue_carried').length } };
}

export async function listCampaigns(db: Db, actor: Actor, organizationId: string) {
  const { organization, role } = await holderSpace(db, actor, organizationId, 'viewer');
  return { organization: { id: organization.id, name: organization.name }, role, campaigns: await repo.listCampaigns(db, organizationId) };
}
