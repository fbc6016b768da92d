import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { markOf } from '../firewall/firewall.repository.ts';
import { memberSpacesOf } from '../ladder/ladder.repository.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import type { DonationInput } from './donation.schema.ts';
import * as repo from './donation.repository.ts';
import { donorReport as computeReport, fiscalYearSpan } from './donor-metrics.ts';

// An organization's donations and its donor report, private to its own space: only a role there
// opens them (requireRole), never a grant; members see donors and gifts, admins delete. An
// alliance reads its members' totals and counts for a year, never a donor, small counts hidden.

const DEFAULTS = { fiscalYearStartMonth: 1, currency: 'USD' };
/** Below this many donors an organization's numbers are not shown to its alliance. */
export const SMALL_COUNT = 10;
/** A report names at most this many lapsed donors per list; the counts are whole. */
const LIST_LIMIT = 1000;

export async function getSettings(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'fundraising');
  return (await repo.findSettings(db, spaceId)) ?? DEFAULTS;
}

export async function saveSettings(db: Db, actor: Actor, spaceId: string, settings: { fiscalYearStartMonth: number; currency: string }) {
  await requireRole(db, actor, spaceId, 'admin', 'fundraising');
  const before = (await repo.findSettings(db, spaceId)) ?? DEFAULTS;
  await db.transaction().execute(async (trx) => {
    await repo.saveSettings(trx, spaceId, settings);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'fundraising_settings', entityId: spaceId,
      changes: { fiscalYearStartMonth: [before.fiscalYearStartMonth, settings.fiscalYearStartMonth], currency: [before.currency, settings.currency] } }]);
  });
}

export async function createDonation(db: Db, actor: Actor, spaceId: string, input: DonationInput, source = 'manual') {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  if (!(await repo.contactOfSpace(db, spaceId, input.contactId))) throw invalid([{ field: 'contactId', message: 'no such contact' }]);
  if (input.softCreditContactId && !(await repo.contactOfSpace(db, spaceId, input.softCreditContactId))) {
    throw invalid([{ field: 'softCreditContactId', message: 'no such contact' }]);
  }
  for (const [field, table] of [['recurringGiftId', 'recurring_gifts'], ['pledgeId', 'pledges']] as const) {
    const linked = input[field];
    // An installment or a payment comes from the donor who made the commitment, in the same organization.
    if (linked && (await repo.commitmentDonor(db, table, linked, spaceId)) !== input.contactId) {
      throw invalid([{ field, message: 'not a commitment of this donor in this organization' }]);
    }
  }
  const currency = ((await repo.findSettings(db, spaceId)) ?? DEFAULTS).currency;
  // One currency per organization, so no sum adds dollars to pesos.
  if (input.currency && input.currency !== currency) throw invalid([{ field: 'currency', message: `this organization keeps its gifts in ${currency}` }]);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertDonation(trx, {
      spaceId, contactId: input.contactId, amountMinor: input.amountMinor, currency, receivedOn: input.receivedOn, method: input.method ?? null, fund: input.fund ?? null,
      campaign: input.campaign ?? null, appeal: input.appeal ?? null, softCreditContactId: input.softCreditContactId ?? null, inKind: input.inKind,
      receiptId: input.receiptId ?? null, source, userId: actor.userId, recurringGiftId: input.recurringGiftId ?? null, pledgeId: input.pledgeId ?? null,
    });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'donation', entityId: id, changes: { amountMinor: [null, input.amountMinor], currency: [null, currency] } }]);
    return { id };
  });
}

async function donationIn(db: Db, actor: Actor, id: string, needed: 'member' | 'admin') {
  const donation = await repo.findDonation(db, id);
  if (!donation) throw notFound('donation');
  await requireRole(db, actor, donation.spaceId, needed, 'donation');
  return donation;
}

export async function setRefund(db: Db, actor: Actor, id: string, refundedOn: string | null) {
  const donation = await donationIn(db, actor, id, 'member');
  if (refundedOn && refundedOn < donation.receivedOn) throw invalid([{ field: 'refundedOn', message: 'a gift cannot be refunded before it was received' }]);
  await db.transaction().execute(async (trx) => {
    await repo.setRefund(trx, id, refundedOn);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: donation.spaceId, action: 'update', entity: 'donation', entityId: id, changes: { refundedOn: [donation.refundedOn, refundedOn] } }]);
  });
}

export async function deleteDonation(db: Db, actor: Actor, id: string) {
  const donation = await donationIn(db, actor, id, 'admin');
  await db.transaction().execute(async (trx) => {
    await repo.deleteDonation(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: donation.spaceId, action: 'delete', entity: 'donation', entityId: id, changes: { amountMinor: [donation.amountMinor, null] } }]);
  });
}

export async function listDonations(db: Db, actor: Actor, spaceId: string, filter: { contactId?: string; from?: string; to?: string; limit: number; offset: number }) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  return repo.listDonations(db, spaceId, filter);
}

/** "MM-01" of a query, or the space's own start month. */
async function startMonthOf(db: Db, spaceId: string, fiscalYearStart?: string) {
  return fiscalYearStart ? Number(fiscalYearStart.slice(0, 2)) : ((await repo.findSettings(db, spaceId)) ?? DEFAULTS).fiscalYearStartMonth;
}

/** The donor report of fiscal year `year`: the counts, the rates, the pyramid, and LYBUNT and SYBUNT named. */
export async function donorReport(db: Db, actor: Actor, spaceId: string, year: number, fiscalYearStart?: string) {
  await requireRole(db, actor, spaceId, 'member', 'donations');
  const startMonth = await startMonthOf(db, spaceId, fiscalYearStart);
  const span = fiscalYearSpan(year, startMonth);
  const [years, gifts] = await Promise.all([repo.donorYears(db, spaceId, startMonth, year), repo.giftAmounts(db, spaceId, span.from, span.to)]);
  const report = computeReport(year, years, gifts);
  const named = [...report.lybunt.slice(0, LIST_LIMIT), ...report.sybunt.slice(0, LIST_LIMIT)];
  const names = new Map((await repo.donorNames(db, named)).map((n) => [n.id, `${n.firstName} ${n.lastName}`.trim()]));
  const list = (ids: string[]) => ids.slice(0, LIST_LIMIT).map((id) => ({ contactId: id, name: names.get(id) ?? '' }));
  // Lists of lapsed donors name people: their reading is logged like a read of details.
  if (named.length) await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'read_sensitive', entity: 'donor_report', entityId: null, changes: { year, named: named.length } }]);
  const { lybunt, sybunt, ...numbers } = report;
  const currency = ((await repo.findSettings(db, spaceId)) ?? DEFAULTS).currency;
  return { ...numbers, currency, fiscalYearStartMonth: startMonth, from: span.from, to: span.to, lybuntCount: lybunt.length, sybuntCount: sybunt.length, lybunt: list(lybunt), sybunt: list(sybunt) };
}

/**
 * An alliance's view of a fiscal year: each active member organization's donors, gifts and total
 * on its own fiscal year, hidden below SMALL_COUNT donors. Numbers only: no donor leaves a member.
 */
export async function membersGiving(db: Db, actor: Actor, allianceSpaceId: string, year: number) {
  await requireRole(db, actor, allianceSpaceId, 'viewer', 'alliance');
  const members = await memberSpacesOf(db, allianceSpaceId);
  const reader = (await markOf(db, allianceSpaceId)).taxStatus;
  const result = [];
  for (const m of members) {
    const settings = (await repo.findSettings(db, m.spaceId)) ?? DEFAULTS;
    const span = fiscalYearSpan(year, settings.fiscalYearStartMonth);
    const [totals] = await repo.totalsBySpace(db, [m.spaceId], span.from, span.to, reader);
    const counted = totals ?? { donors: 0, gifts: 0, total: 0 };
    // None is shown as none; one to SMALL_COUNT − 1 as "fewer than SMALL_COUNT".
    const suppressed = counted.donors > 0 && counted.donors < SMALL_COUNT;
    result.push({ organizationId: m.organizationId, name: m.name, from: span.from, to: span.to, currency: settings.currency,
      donors: suppressed ? null : counted.donors, gifts: suppressed ? null : counted.gifts, totalMinor: suppressed ? null : counted.total, suppressed });
  }
  return { year, smallCount: SMALL_COUNT, organizations: result };
}

