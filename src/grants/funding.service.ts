import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { fiscalYearSpan } from '../donations/donor-metrics.ts';
import { duesCollected } from '../donations/commitments.repository.ts';
import { findSettings } from '../donations/donation.repository.ts';
import { notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { diversification, type IncomeLine, type SourceType } from './diversification.ts';
import type { OTHER_INCOME_TYPES } from './grant.schema.ts';
import * as repo from './grant.repository.ts';
import { moneyMap, type MoneyMapFilter } from './money-map.ts';

// Where an alliance's money comes from and where it goes (the map of the money), and where an
// organization's money comes from (diversification). The map reads the grants recorded in the
// alliance's space, to a role there; directory details (kind, issues, region) only of the
// organizations the reader may read. Diversification reads an organization's own gifts and other
// income and the grants made to it — recorded in its space or in an alliance's it belongs to
// (the recipient knows what it was given) — to a member of its space.

export async function moneyMapOf(db: Db, actor: Actor, spaceId: string, filter: MoneyMapFilter) {
  await requireRole(db, actor, spaceId, 'viewer', 'money map');
  const owner = await repo.ownerOfSpace(db, spaceId);
  if (!owner) throw notFound('organization');
  const grants = await repo.allGrants(db, spaceId);
  const memberIds = new Set(await repo.activeMemberIds(db, owner.id));
  const orgIds = [...new Set(grants.flatMap((g) => [g.funderOrgId, g.recipientOrgId]).filter((v): v is string => Boolean(v)))];
  const orgs = new Map((await repo.readableOrganizations(db, actor.userId, orgIds)).map((o) => [o.id, o]));
  return { organization: { id: owner.id, name: owner.name }, filter, ...moneyMap(owner.id, memberIds, orgs, grants, filter) };
}

const FUNDER_SOURCE: Record<string, SourceType> = { foundation: 'foundation', government: 'government', corporate: 'corporate', intermediary: 'intermediary', individual: 'individuals', other: 'other' };

export async function diversificationOf(db: Db, actor: Actor, spaceId: string, year: number) {
  await requireRole(db, actor, spaceId, 'member', 'funding');
  const owner = await repo.ownerOfSpace(db, spaceId);
  if (!owner) throw notFound('organization');
  const settings = (await findSettings(db, spaceId)) ?? { fiscalYearStartMonth: 1, currency: 'USD' };
  const span = fiscalYearSpan(year, settings.fiscalYearStartMonth);
  const [gifts, dues, other, grants] = await Promise.all([
    repo.giftsTotal(db, spaceId, span.from, span.to),
    duesCollected(db, spaceId, span.from, span.to),
    repo.listOtherIncome(db, spaceId, span.from, span.to),
    repo.allianceSpacesOf(db, owner.id).then((spaces) => repo.grantsReceivedBy(db, owner.id, [spaceId, ...spaces], span.from, span.to)),
  ]);
  const lines: IncomeLine[] = [{ source: 'individuals', amountMinor: gifts }, { source: 'dues', amountMinor: dues }];
  for (const o of other) lines.push({ source: o.sourceType as SourceType, amountMinor: o.amountMinor });
  const otherCurrencies: { currency: string; grants: number }[] = [];
  // One grant recorded twice (by the organization and by its alliance, from the same funder's file) counts once: its own record first.
  const seen = new Set<string>();
  const once = [...grants].sort((a, b) => Number(b.spaceId === spaceId) - Number(a.spaceId === spaceId)).filter((g) => {
    const key = `${g.identifier}|${g.funderIdentifier ?? g.funderName.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const g of once) {
    // One currency per organization: a grant in another is named, not added.
    if (g.currency !== settings.currency) {
      const counted = otherCurrencies.find((c) => c.currency === g.currency);
      if (counted) counted.grants++;
      else otherCurrencies.push({ currency: g.currency, grants: 1 });
      continue;
    }
    lines.push({ source: FUNDER_SOURCE[g.funderType] ?? 'other', amountMinor: g.amountMinor, funderKey: g.funderOrgId ?? `name:${g.funderName.toLowerCase()}`, funderName: g.funderName });
  }
  return { organization: { id: owner.id, name: owner.name }, fiscalYear: year, from: span.from, to: span.to, currency: settings.currency, otherCurrencies, ...diversification(lines) };
}

export async function listOtherIncome(db: Db, actor: Actor, spaceId: string, year: number) {
  await requireRole(db, actor, spaceId, 'member', 'funding');
  const settings = (await findSettings(db, spaceId)) ?? { fiscalYearStartMonth: 1, currency: 'USD' };
  const span = fiscalYearSpan(year, settings.fiscalYearStartMonth);
  return { ...span, currency: settings.currency, items: await repo.listOtherIncome(db, spaceId, span.from, span.to) };
}

export async function addOtherIncome(db: Db, actor: Actor, spaceId: string, input: { sourceType: (typeof OTHER_INCOME_TYPES)[number]; amountMinor: number; receivedOn: string; description: string }) {
  await requireRole(db, actor, spaceId, 'member', 'funding');
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertOtherIncome(trx, { spaceId, ...input, userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'other_income', entityId: id, changes: { amountMinor: [null, input.amountMinor], sourceType: [null, input.sourceType] } }]);
    return { id };
  });
}

export async function deleteOtherIncome(db: Db, actor: Actor, id: string) {
  const row = await repo.findOtherIncome(db, id);
  if (!row) throw notFound('income');
  await requireRole(db, actor, row.spaceId, 'admin', 'funding');
  await db.transaction().execute(async (trx) => {
    await repo.deleteOtherIncome(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: row.spaceId, action: 'delete', entity: 'other_income', entityId: id, changes: { amountMinor: [row.amountMinor, null] } }]);
  });
}
