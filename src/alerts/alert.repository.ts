import type { Db } from '../db/database.ts';
import type { Resources } from './alert-progress.ts';

export async function insertAlert(db: Db, a: { spaceId: string; allianceId: string; title: string; body: string; need: Resources; respondBy: string | null; createdBy: string }) {
  return db.insertInto('alerts').values({ space_id: a.spaceId, alliance_id: a.allianceId, title: a.title, body: a.body, need: JSON.stringify(a.need),
    respond_by: a.respondBy, created_by: a.createdBy, status: 'open' }).returning('id').executeTakeFirstOrThrow();
}

export async function findAlert(db: Db, id: string) {
  return db.selectFrom('alerts').select(['id', 'space_id as spaceId', 'alliance_id as allianceId', 'title', 'body', 'need', 'status', 'respond_by as respondBy', 'created_at as createdAt'])
    .where('id', '=', id).executeTakeFirst();
}

export async function listAlerts(db: Db, allianceId: string) {
  return db.selectFrom('alerts').select(['id', 'title', 'need', 'status', 'respond_by as respondBy', 'created_at as createdAt'])
    .where('alliance_id', '=', allianceId).orderBy('created_at', 'desc').execute();
}

export async function setAlertStatus(db: Db, id: string, status: 'open' | 'closed') {
  await db.updateTable('alerts').set({ status }).where('id', '=', id).execute();
}

export async function upsertCommitment(db: Db, c: Resources & { alertId: string; organizationId: string; note: string | null; committedBy: string }) {
  const values = { organizers: c.organizers, people: c.people, money: c.money, days: c.days, note: c.note, committed_by: c.committedBy, updated_at: new Date() };
  await db.insertInto('alert_commitments').values({ alert_id: c.alertId, organization_id: c.organizationId, ...values })
    .onConflict((oc) => oc.columns(['alert_id', 'organization_id']).doUpdateSet(values)).execute();
}

export async function listCommitments(db: Db, alertIds: string[]) {
  if (alertIds.length === 0) return [];
  return db.selectFrom('alert_commitments as c').innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['c.alert_id as alertId', 'c.organization_id as organizationId', 'o.name', 'c.organizers', 'c.people', 'c.money', 'c.days', 'c.note', 'c.updated_at as updatedAt'])
    .where('c.alert_id', 'in', alertIds).orderBy('o.name').execute();
}
