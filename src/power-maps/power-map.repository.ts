import type { Db } from '../db/database.ts';
import type { Stance } from '../db/tables.ts';

export async function insertMap(db: Db, m: { spaceId: string; organizationId: string; campaignId: string | null; title: string }) {
  return db.insertInto('power_maps').values({ space_id: m.spaceId, organization_id: m.organizationId, campaign_id: m.campaignId, title: m.title }).returning('id').executeTakeFirstOrThrow();
}
export async function findMap(db: Db, id: string) {
  return db.selectFrom('power_maps').select(['id', 'space_id as spaceId', 'organization_id as organizationId', 'campaign_id as campaignId', 'title']).where('id', '=', id).executeTakeFirst();
}
export async function listMaps(db: Db, organizationId: string) {
  return db.selectFrom('power_maps').select(['id', 'title', 'campaign_id as campaignId']).where('organization_id', '=', organizationId).orderBy('created_at', 'desc').execute();
}
export async function insertStakeholder(db: Db, s: { spaceId: string; mapId: string; name: string; kind: 'organization' | 'person' | 'institution' | 'decision_maker';
  organizationId: string | null; influence: number; stance: Stance; note: string | null }) {
  return db.insertInto('stakeholders').values({ space_id: s.spaceId, power_map_id: s.mapId, name: s.name, kind: s.kind, organization_id: s.organizationId,
    influence: s.influence, stance: s.stance, note: s.note }).returning('id').executeTakeFirstOrThrow();
}
export async function findStakeholder(db: Db, id: string) {
  return db.selectFrom('stakeholders').select(['id', 'space_id as spaceId', 'influence', 'stance']).where('id', '=', id).executeTakeFirst();
}
export async function updateStakeholder(db: Db, id: string, s: { influence: number; stance: Stance }) {
  await db.updateTable('stakeholders').set(s).where('id', '=', id).execute();
}
export async function insertMove(db: Db, m: { stakeholderId: string; fromStance: string | null; toStance: string; fromInfluence: number | null; toInfluence: number; note: string | null; movedBy: string }) {
  await db.insertInto('stakeholder_moves').values({ stakeholder_id: m.stakeholderId, from_stance: m.fromStance, to_stance: m.toStance, from_influence: m.fromInfluence,
    to_influence: m.toInfluence, note: m.note, moved_by: m.movedBy }).execute();
}
export async function listStakeholders(db: Db, mapId: string) {
  return db.selectFrom('stakeholders').select(['id', 'name', 'kind', 'organization_id as organizationId', 'influence', 'stance', 'note'])
    .where('power_map_id', '=', mapId).orderBy('influence', 'desc').orderBy('name').execute();
}
export async function listMoves(db: Db, stakeholderIds: string[]) {
  if (stakeholderIds.length === 0) return [];
  return db.selectFrom('stakeholder_moves as m').leftJoin('users as u', 'u.id', 'm.moved_by')
    .select(['m.stakeholder_id as stakeholderId', 'm.from_stance as fromStance', 'm.to_stance as toStance', 'm.from_influence as fromInfluence', 'm.to_influence as toInfluence',
      'm.note', 'm.moved_at as movedAt', 'u.display_name as movedBy'])
    .where('m.stakeholder_id', 'in', stakeholderIds).orderBy('m.moved_at').execute();
}
