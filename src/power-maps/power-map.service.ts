import { insertAudit } from '../audit/audit.repository.ts';
import { findCampaign } from '../campaigns/campaign.repository.ts';
import { checkOrganization } from '../campaigns/campaign.service.ts';
import { holderSpace } from '../convenings/convening.service.ts';
import type { Db } from '../db/database.ts';
import type { Stance } from '../db/tables.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import * as repo from './power-map.repository.ts';

// Power maps: who matters to a campaign or alliance, how much influence each has (0–10), and
// where each stands on the spectrum of allies; each move along it is kept, dated and signed.

async function mapIn(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member') {
  const map = await repo.findMap(db, id);
  if (!map) throw notFound('power map');
  const role = await requireRole(db, actor, map.spaceId, needed);
  return { map, role };
}

export async function createMap(db: Db, actor: Actor, organizationId: string, input: { title: string; campaignId?: string | null }) {
  const { spaceId } = await holderSpace(db, actor, organizationId, 'member');
  if (input.campaignId) {
    if ((await findCampaign(db, input.campaignId))?.organizationId !== organizationId) throw invalid([{ field: 'campaignId', message: 'not a campaign of this alliance' }]);
  }
  return db.transaction().execute(async (trx) => {
    const map = await repo.insertMap(trx, { spaceId, organizationId, campaignId: input.campaignId ?? null, title: input.title });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'power_map', entityId: map.id, changes: { title: [null, input.title] } }]);
    return map;
  });
}

export async function listMaps(db: Db, actor: Actor, organizationId: string) {
  const { role } = await holderSpace(db, actor, organizationId, 'viewer');
  return { role, maps: await repo.listMaps(db, organizationId) };
}

export async function addStakeholder(db: Db, actor: Actor, mapId: string, input: { name: string; kind: 'organization' | 'person' | 'institution' | 'decision_maker';
  organizationId?: string | null; influence: number; stance: Stance; note?: string | null }) {
  const { map } = await mapIn(db, actor, mapId, 'member');
  // Not an organization the caller cannot see: that would link to it, and tell them it exists.
  if (input.organizationId) await checkOrganization(db, actor, map.organizationId, input.organizationId, 'organizationId');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertStakeholder(trx, { spaceId: map.spaceId, mapId, name: input.name, kind: input.kind, organizationId: input.organizationId ?? null,
      influence: input.influence, stance: input.stance, note: input.note ?? null });
    await repo.insertMove(trx, { stakeholderId: row.id, fromStance: null, toStance: input.stance, fromInfluence: null, toInfluence: input.influence, note: input.note ?? null, movedBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: map.spaceId, action: 'create', entity: 'stakeholder', entityId: row.id,
      changes: { name: [null, input.name], stance: [null, input.stance], influence: [null, input.influence] } }]);
    return row;
  });
}

export async function moveStakeholder(db: Db, actor: Actor, id: string, input: { influence?: number; stance?: Stance; note?: string | null }) {
  const s = await repo.findStakeholder(db, id);
  if (!s) throw notFound('stakeholder');
  await requireRole(db, actor, s.spaceId, 'member');
  const next = { influence: input.influence ?? s.influence, stance: input.stance ?? s.stance };
  await db.transaction().execute(async (trx) => {
    await repo.updateStakeholder(trx, id, next);
    await repo.insertMove(trx, { stakeholderId: id, fromStance: s.stance, toStance: next.stance, fromInfluence: s.influence, toInfluence: next.influence, note: input.note ?? null, movedBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: s.spaceId, action: 'update', entity: 'stakeholder', entityId: id, changes: { stance: [s.stance, next.stance], influence: [s.influence, next.influence] } }]);
  });
}

export async function getMap(db: Db, actor: Actor, id: string) {
  const { map, role } = await mapIn(db, actor, id, 'viewer');
  const stakeholders = await repo.listStakeholders(db, id);
  const moves = await repo.listMoves(db, stakeholders.map((s) => s.id));
  const { spaceId: _s, ...rest } = map;
  return { ...rest, role, stakeholders: stakeholders.map((s) => ({ ...s, moves: moves.filter((m) => m.stakeholderId === s.id).map(({ stakeholderId: _x, ...m }) => m) })) };
}
