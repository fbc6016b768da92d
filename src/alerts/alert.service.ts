import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { findMembershipByPair } from '../memberships/membership.repository.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { conflict, forbidden, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { findRole } from '../spaces/spaces.repository.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { alertProgress, type Resources } from './alert-progress.ts';
import * as repo from './alert.repository.ts';

// Rapid response: the alliance calls its members to mobilize (e.g. after Arizona's SB 1070);
// each member organization answers with what it commits, and the alert shows commitments
// against the need.

export async function createAlert(db: Db, actor: Actor, allianceId: string, input: { title: string; body: string; need: Resources; respondBy?: string | null }) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'admin');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertAlert(trx, { spaceId, allianceId, title: input.title, body: input.body, need: input.need, respondBy: input.respondBy ?? null, createdBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'alert', entityId: row.id, changes: { title: [null, input.title] } }]);
    return row;
  });
}

export async function listAlerts(db: Db, actor: Actor, allianceId: string) {
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  const role = await requireRole(db, actor, spaceId, 'viewer');
  const alerts = await repo.listAlerts(db, allianceId);
  const commitments = await repo.listCommitments(db, alerts.map((a) => a.id));
  return { alliance: { id: alliance.id, name: alliance.name }, role,
    alerts: alerts.map((a) => ({ ...a, progress: alertProgress(a.need, commitments.filter((c) => c.alertId === a.id)) })) };
}

export async function getAlert(db: Db, actor: Actor, id: string) {
  const alert = await repo.findAlert(db, id);
  if (!alert) throw notFound('alert');
  const role = await requireRole(db, actor, alert.spaceId, 'viewer');
  const commitments = (await repo.listCommitments(db, [id])).map(({ alertId: _a, ...c }) => c);
  const { spaceId: _s, ...rest } = alert;
  return { ...rest, role, commitments, progress: alertProgress(alert.need, commitments) };
}

/**
 * A member organization's answer. Its own staff (a role in its space) answer for it; the
 * alliance's coordinators may record an answer given by phone.
 */
export async function commit(db: Db, actor: Actor, alertId: string, input: Resources & { organizationId: string; note?: string | null }) {
  const alert = await repo.findAlert(db, alertId);
  if (!alert) throw notFound('alert');
  await requireRole(db, actor, alert.spaceId, 'viewer');
  if (alert.status !== 'open') throw conflict('This alert is closed.');
  if (!(await findMembershipByPair(db, alert.allianceId, input.organizationId))) throw invalid([{ field: 'organizationId', message: 'not a member of this alliance' }]);
  const org = await findOrganization(db, input.organizationId);
  const speaksForOrg = org?.ownSpaceId ? roleAtLeast(await findRole(db, actor.userId, org.ownSpaceId), 'member') : false;
  const coordinates = roleAtLeast(await findRole(db, actor.userId, alert.spaceId), 'admin');
  if (!speaksForOrg && !coordinates) throw forbidden('Only the organization itself, or the alliance\'s coordinators, answer for it.');
  await db.transaction().execute(async (trx) => {
    await repo.upsertCommitment(trx, { alertId, organizationId: input.organizationId, organizers: input.organizers, people: input.people, money: input.money,
      days: input.days, note: input.note ?? null, committedBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: alert.spaceId, action: 'update', entity: 'alert_commitment', entityId: alertId,
      changes: { organization: [null, input.organizationId], organizers: [null, input.organizers], people: [null, input.people] } }]);
  });
}

export async function closeAlert(db: Db, actor: Actor, id: string) {
  const alert = await repo.findAlert(db, id);
  if (!alert) throw notFound('alert');
  await requireRole(db, actor, alert.spaceId, 'admin');
  await db.transaction().execute(async (trx) => {
    await repo.setAlertStatus(trx, id, 'closed');
    await insertAudit(trx, [{ userId: actor.userId, spaceId: alert.spaceId, action: 'update', entity: 'alert', entityId: id, changes: { status: [alert.status, 'closed'] } }]);
  });
}
