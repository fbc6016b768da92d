import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { conflict, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import * as repo from './commitments.repository.ts';
import { contactOfSpace, findSettings } from './donation.repository.ts';
import { type Frequency, matchProgress, pledgeBalance, recurringStatus, scheduleErrors } from './schedules.ts';

// An organization's recurring gifts, pledges, matching funds and dues, in its own space like its
// gifts: members record them, admins delete; an installment or a payment is a gift recorded with
// the commitment it pays (donation.service.ts). Dues are billed by a space: an alliance to its
// member organizations (on their memberships), an organization to its own members (contacts).

const today = () => new Date().toISOString().slice(0, 10);
type Table = 'recurring_gifts' | 'pledges' | 'match_funds' | 'dues_invoices';

async function audited(db: Db, actor: Actor, spaceId: string, action: 'create' | 'update' | 'delete', entity: string, entityId: string, changes: Record<string, [unknown, unknown]>, write: (trx: Db) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    await write(trx);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action, entity, entityId, changes }]);
  });
}

async function contactIn(db: Db, spaceId: string, contactId: string) {
  if (!(await contactOfSpace(db, spaceId, contactId))) throw invalid([{ field: 'contactId', message: 'no such contact' }]);
}

export async function createRecurring(db: Db, actor: Actor, spaceId: string, input: { contactId: string; amountMinor: number; frequency: Frequency; startsOn: string; endsOn?: string | null; fund?: string | null }) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  await contactIn(db, spaceId, input.contactId);
  if (input.endsOn && input.endsOn < input.startsOn) throw invalid([{ field: 'endsOn', message: 'ends before it starts' }]);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertRecurring(trx, { spaceId, contactId: input.contactId, amountMinor: input.amountMinor, frequency: input.frequency, startsOn: input.startsOn,
      endsOn: input.endsOn ?? null, fund: input.fund ?? null, userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'recurring_gift', entityId: id, changes: { amountMinor: [null, input.amountMinor], frequency: [null, input.frequency] } }]);
    return { id };
  });
}

export async function listRecurring(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  const day = today();
  return (await repo.listRecurring(db, spaceId)).map((r) => ({ ...r,
    ...(r.status === 'active' ? recurringStatus(r.startsOn, r.frequency, r.endsOn, day, r.received) : { due: null, received: r.received.length, missed: null, next: null }) }));
}

async function commitmentIn(db: Db, actor: Actor, table: Table, id: string, needed: 'member' | 'admin') {
  const found = await repo.findCommitment(db, table, id);
  if (!found) throw notFound('record');
  await requireRole(db, actor, found.spaceId, needed, 'donations');
  return found;
}

export async function setRecurringStatus(db: Db, actor: Actor, id: string, status: 'active' | 'paused' | 'cancelled') {
  const found = await commitmentIn(db, actor, 'recurring_gifts', id, 'member');
  await audited(db, actor, found.spaceId, 'update', 'recurring_gift', id, { status: [null, status] }, (trx) => repo.setRecurringStatus(trx, id, status, today()));
}

export async function createPledge(db: Db, actor: Actor, spaceId: string, input: { contactId: string; amountMinor: number; pledgedOn: string; schedule: { dueOn: string; amountMinor: number }[]; fund?: string | null; note?: string }) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  await contactIn(db, spaceId, input.contactId);
  const errors = scheduleErrors(input.amountMinor, input.pledgedOn, input.schedule);
  if (errors.length) throw invalid(errors.map((message) => ({ field: 'schedule', message })));
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertPledge(trx, { spaceId, contactId: input.contactId, amountMinor: input.amountMinor, pledgedOn: input.pledgedOn,
      schedule: [...input.schedule].sort((a, b) => a.dueOn.localeCompare(b.dueOn)), fund: input.fund ?? null, note: input.note ?? '', userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'pledge', entityId: id, changes: { amountMinor: [null, input.amountMinor] } }]);
    return { id };
  });
}

export async function listPledges(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  const day = today();
  return (await repo.listPledges(db, spaceId)).map((p) => ({ ...p, ...pledgeBalance(p.amountMinor, p.schedule, p.paidMinor, day) }));
}

export async function createMatch(db: Db, actor: Actor, spaceId: string, input: { name: string; matcher: string; kind: 'matching_gift' | 'challenge'; ratio: number; capMinor: number; startsOn: string; endsOn: string; campaign?: string | null }) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  if (input.endsOn < input.startsOn) throw invalid([{ field: 'endsOn', message: 'ends before it starts' }]);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertMatch(trx, { spaceId, ...input, campaign: input.campaign ?? null, userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'match_fund', entityId: id, changes: { capMinor: [null, input.capMinor], ratio: [null, input.ratio] } }]);
    return { id };
  });
}

export async function listMatches(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  return (await repo.listMatches(db, spaceId)).map((m) => ({ ...m, ...matchProgress(m.ratio, m.capMinor, m.eligibleMinor) }));
}

/** Deletes a recurring gift, a pledge, a match or an invoice; one with gifts recorded against it stays (its gifts would lose what they paid). */
export async function deleteCommitment(db: Db, actor: Actor, table: Table, id: string) {
  const found = await commitmentIn(db, actor, table, id, 'admin');
  const column = table === 'recurring_gifts' ? 'recurring_gift_id' : table === 'pledges' ? 'pledge_id' : null;
  if (column && (await repo.giftsPointingAt(db, column, id)) > 0) throw conflict('Gifts were recorded against it: cancel it instead, or delete those gifts first.');
  await audited(db, actor, found.spaceId, 'delete', table.replace(/s$/, ''), id, {}, (trx) => repo.deleteCommitment(trx, table, id));
}

// Dues.

/** Bills dues for a period: to every active member organization (an alliance), or to named memberships or contacts. One invoice per payer and period. */
export async function billDues(db: Db, actor: Actor, spaceId: string, input: { period: string; amountMinor: number; dueOn: string; allMembers?: boolean; membershipIds?: string[]; contactIds?: string[] }) {
  await requireRole(db, actor, spaceId, 'admin', 'dues');
  const currency = ((await findSettings(db, spaceId)) ?? { currency: 'USD' }).currency;
  const membershipIds = input.allMembers ? (await repo.activeMembershipsOf(db, spaceId)).map((m) => m.id) : (input.membershipIds ?? []);
  for (const [i, m] of (input.membershipIds ?? []).entries()) {
    if (!(await repo.membershipOfSpace(db, spaceId, m))) throw invalid([{ field: `membershipIds[${i}]`, message: 'not a membership of this alliance' }]);
  }
  const foreign = input.contactIds?.length ? await repo.foreignContacts(db, spaceId, input.contactIds) : new Set<string>();
  const unknown = (input.contactIds ?? []).flatMap((c, i) => (foreign.has(c) ? [{ field: `contactIds[${i}]`, message: 'no such contact' }] : []));
  if (unknown.length) throw invalid(unknown.slice(0, 100));
  if (!membershipIds.length && !input.contactIds?.length) throw invalid([{ field: 'membershipIds', message: 'bill at least one member' }]);
  const rows = [...membershipIds.map((m) => ({ membershipId: m, contactId: null })), ...(input.contactIds ?? []).map((c) => ({ membershipId: null, contactId: c }))]
    .map((r) => ({ ...r, spaceId, period: input.period, amountMinor: input.amountMinor, currency, dueOn: input.dueOn, userId: actor.userId }));
  return db.transaction().execute(async (trx) => {
    const made = await repo.insertInvoices(trx, rows);
    await insertAudit(trx, made.map((m) => ({ userId: actor.userId, spaceId, action: 'create' as const, entity: 'dues_invoice', entityId: m.id, changes: { period: [null, input.period], amountMinor: [null, input.amountMinor] } })));
    // A payer already billed for the period keeps that invoice: the count says how many were new.
    return { billed: made.length, alreadyBilled: rows.length - made.length };
  });
}

export async function listDues(db: Db, actor: Actor, spaceId: string, period?: string) {
  await requireRole(db, actor, spaceId, 'member', 'dues');
  const invoices = await repo.listInvoices(db, spaceId, period);
  const owed = invoices.reduce((s, i) => s + Math.max(0, i.amountMinor - i.paidMinor), 0);
  return { invoices: invoices.map((i) => ({ ...i, payer: i.organizationName ?? `${i.firstName ?? ''} ${i.lastName ?? ''}`.trim() })), outstandingMinor: owed,
    collectedMinor: invoices.reduce((s, i) => s + i.paidMinor, 0) };
}

/** What alliances billed this organization: the payer reads its own invoices (not the alliance's other members'). */
export async function duesOwed(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'dues');
  const invoices = await repo.invoicesOwedBy(db, spaceId);
  return { invoices, outstandingMinor: invoices.reduce((s, i) => s + Math.max(0, i.amountMinor - i.paidMinor), 0) };
}

export async function payDues(db: Db, actor: Actor, id: string, input: { paidOn: string | null; paidMinor: number }) {
  const invoice = await repo.findInvoice(db, id);
  if (!invoice) throw notFound('invoice');
  await requireRole(db, actor, invoice.spaceId, 'member', 'dues');
  if (input.paidMinor > invoice.amountMinor) throw invalid([{ field: 'paidMinor', message: 'more than the invoice' }]);
  await audited(db, actor, invoice.spaceId, 'update', 'dues_invoice', id, { paidMinor: [invoice.paidMinor, input.paidMinor], paidOn: [invoice.paidOn, input.paidOn] },
    (trx) => repo.payInvoice(trx, id, input.paidOn, input.paidOn ? input.paidMinor : 0));
}
