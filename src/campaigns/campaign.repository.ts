import type { Db } from '../db/database.ts';
import type { CampaignEventInput, CampaignInput } from './campaign.schema.ts';

export async function insertCampaign(db: Db, c: CampaignInput & { spaceId: string; organizationId: string }) {
  const row = await db.insertInto('campaigns').values({ space_id: c.spaceId, organization_id: c.organizationId, name: c.name, status: c.status, chart: JSON.stringify(c.chart) })
    .returning('id').executeTakeFirstOrThrow();
  await replaceParticipants(db, row.id, c.participants);
  return row;
}

export async function updateCampaign(db: Db, id: string, c: CampaignInput) {
  await db.updateTable('campaigns').set({ name: c.name, status: c.status, chart: JSON.stringify(c.chart), updated_at: new Date() }).where('id', '=', id).execute();
  await replaceParticipants(db, id, c.participants);
}

async function replaceParticipants(db: Db, campaignId: string, participants: CampaignInput['participants']) {
  await db.deleteFrom('campaign_participants').where('campaign_id', '=', campaignId).execute();
  if (participants.length === 0) return;
  await db.insertInto('campaign_participants').values(participants.map((p) => ({ campaign_id: campaignId, organization_id: p.organizationId, brings: p.brings }))).execute();
}

export async function findCampaign(db: Db, id: string) {
  return db.selectFrom('campaigns').select(['id', 'space_id as spaceId', 'organization_id as organizationId', 'name', 'status', 'chart', 'updated_at as updatedAt'])
    .where('id', '=', id).executeTakeFirst();
}

export async function listCampaigns(db: Db, organizationId: string) {
  return db.selectFrom('campaigns').select(['id', 'name', 'status', 'updated_at as updatedAt']).where('organization_id', '=', organizationId).orderBy('created_at', 'desc').execute();
}

export async function listParticipants(db: Db, campaignId: string) {
  return db.selectFrom('campaign_participants as p').innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select(['p.organization_id as organizationId', 'o.name', 'p.brings']).where('p.campaign_id', '=', campaignId).orderBy('o.name').execute();
}

export async function insertEvent(db: Db, spaceId: string, campaignId: string, e: CampaignEventInput) {
  return db.insertInto('campaign_events').values({
    space_id: spaceId, campaign_id: campaignId, kind: e.kind, title: e.title, happened_on: e.happenedOn,
    turnout: e.kind === 'action' ? e.turnout ?? null : null,
    carrier_id: e.kind === 'issue_carried' ? e.carrierId : null, demand_owner_id: e.kind === 'issue_carried' ? e.demandOwnerId : null,
    decision_maker: e.kind === 'issue_carried' ? e.decisionMaker : null,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function listEvents(db: Db, campaignId: string) {
  return db.selectFrom('campaign_events as e').leftJoin('organizations as c', 'c.id', 'e.carrier_id').leftJoin('organizations as d', 'd.id', 'e.demand_owner_id')
    .select(['e.id', 'e.kind', 'e.title', 'e.happened_on as happenedOn', 'e.turnout', 'e.carrier_id as carrierId', 'c.name as carrierName',
      'e.demand_owner_id as demandOwnerId', 'd.name as demandOwnerName', 'e.decision_maker as decisionMaker'])
    .where('e.campaign_id', '=', campaignId).orderBy('e.happened_on').execute();
}
