import { sql } from 'kysely';
import { countsInAlliance } from '../consent/consent.repository.ts';
import type { TaxStatus } from '../db/tables.ts';
import { passesFirewall } from '../firewall/firewall.repository.ts';
import type { Db } from '../db/database.ts';

const columns = ['d.id', 'd.space_id as spaceId', 'd.contact_id as contactId', 'd.amount_minor as amountMinor', 'd.currency', 'd.received_on as receivedOn',
  'd.method', 'd.fund', 'd.campaign', 'd.appeal', 'd.soft_credit_contact_id as softCreditContactId', 'd.in_kind as inKind', 'd.receipt_id as receiptId',
  'd.source', 'd.refunded_on as refundedOn', 'd.created_at as createdAt'] as const;

export async function findSettings(db: Db, spaceId: string) {
  return db.selectFrom('fundraising_settings').select(['fiscal_year_start_month as fiscalYearStartMonth', 'currency']).where('space_id', '=', spaceId).executeTakeFirst();
}

export async function saveSettings(db: Db, spaceId: string, s: { fiscalYearStartMonth: number; currency: string }) {
  await db.insertInto('fundraising_settings').values({ space_id: spaceId, fiscal_year_start_month: s.fiscalYearStartMonth, currency: s.currency })
    .onConflict((oc) => oc.column('space_id').doUpdateSet({ fiscal_year_start_month: s.fiscalYearStartMonth, currency: s.currency, updated_at: new Date() })).execute();
}

export async function insertDonation(db: Db, d: { spaceId: string; contactId: string; amountMinor: number; currency: string; receivedOn: string; method: string | null;
  fund: string | null; campaign: string | null; appeal: string | null; softCreditContactId: string | null; inKind: boolean; receiptId: string | null; source: string; userId: string;
  recurringGiftId?: string | null; pledgeId?: string | null }) {
  return db.insertInto('donations').values({
    recurring_gift_id: d.recurringGiftId ?? null, pledge_id: d.pledgeId ?? null,
    space_id: d.spaceId, contact_id: d.contactId, amount_minor: d.amountMinor, currency: d.currency, received_on: d.receivedOn, method: d.method, fund: d.fund,
    campaign: d.campaign, appeal: d.appeal, soft_credit_contact_id: d.softCreditContactId, in_kind: d.inKind, receipt_id: d.receiptId, source: d.source, created_by: d.userId,
  }).returning('id').executeTakeFirstOrThrow();
}

export interface NewDonation {
  spaceId: string; contactId: string; amountMinor: number; currency: string; receivedOn: string; method: string | null; fund: string | null; campaign: string | null;
  appeal?: string | null; source: string; receiptId: string | null; refundedOn?: string | null; importJobId?: string | null; userId?: string | null;
}

/** Many gifts in one statement; a receipt already recorded from the same source is left as it is. Returns the receipts written. */
export async function insertDonations(db: Db, rows: NewDonation[]) {
  if (rows.length === 0) return [];
  return db.insertInto('donations').values(rows.map((d) => ({
    space_id: d.spaceId, contact_id: d.contactId, amount_minor: d.amountMinor, currency: d.currency, received_on: d.receivedOn, method: d.method, fund: d.fund,
    campaign: d.campaign, appeal: d.appeal ?? null, receipt_id: d.receiptId, source: d.source, refunded_on: d.refundedOn ?? null, import_job_id: d.importJobId ?? null,
    created_by: d.userId ?? null,
  }))).onConflict((oc) => oc.columns(['space_id', 'source', 'receipt_id']).where('receipt_id', 'is not', null).doNothing())
    .returning(['id', 'receipt_id as receiptId']).execute();
}

/**
 * Gifts without a receipt id already recorded from this source for these donors, by donor, day
 * and amount (with how many of each): a file without receipt ids imported again is recognized.
 * Gifts the running import wrote itself are not counted.
 */
export async function receiptlessGifts(db: Db, spaceId: string, source: string, contactIds: string[], jobId: string) {
  if (!contactIds.length) return new Map<string, number>();
  const { rows } = await sql<{ key: string; n: number }>`
    select contact_id || '|' || received_on || '|' || amount_minor as key, count(*)::int as n from donations
    where space_id = ${spaceId} and source = ${source} and receipt_id is null and contact_id = any(${contactIds}::uuid[])
      and import_job_id is distinct from ${jobId}::uuid group by 1`.execute(db);
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** Takes back up to `limit` gifts an import wrote; how many went. */
export async function deleteImportedDonations(db: Db, jobId: string, limit: number) {
  const result = await sql`delete from donations where id in (select id from donations where import_job_id = ${jobId} limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function findDonation(db: Db, id: string) {
  return db.selectFrom('donations as d').select(columns).where('d.id', '=', id).executeTakeFirst();
}

export async function setRefund(db: Db, id: string, refundedOn: string | null) {
  await db.updateTable('donations').set({ refunded_on: refundedOn, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteDonation(db: Db, id: string) {
  await db.deleteFrom('donations').where('id', '=', id).execute();
}

export async function listDonations(db: Db, spaceId: string, f: { contactId?: string; from?: string; to?: string; limit: number; offset: number }) {
  let query = db.selectFrom('donations as d').innerJoin('contacts as c', 'c.id', 'd.contact_id').where('d.space_id', '=', spaceId);
  if (f.contactId) query = query.where('d.contact_id', '=', f.contactId);
  if (f.from) query = query.where('d.received_on', '>=', f.from);
  if (f.to) query = query.where('d.received_on', '<=', f.to);
  const [{ n }] = await query.select((eb) => eb.fn.countAll<number>().as('n')).execute() as [{ n: number }];
  const items = await query.select([...columns, 'c.first_name as firstName', 'c.last_name as lastName'])
    .orderBy('d.received_on', 'desc').orderBy('d.id').offset(f.offset).limit(f.limit).execute();
  return { total: Number(n), items };
}

/**
 * What the donor report of fiscal year `fy` needs of each donor, aggregated in the database: the
 * net giving (refunded gifts count nothing) in FY and in FY−1, and the latest earlier fiscal year
 * with giving, as rows of giving per year — never the gifts themselves. `startMonth`: the month
 * the fiscal year starts in. (A merge moves gifts to the kept contact, so donors are contacts.)
 */
export async function donorYears(db: Db, spaceId: string, startMonth: number, fy: number) {
  const { rows } = await sql<{ donorId: string; now: string | null; last: string | null; earlier: number | null }>`
    with y as (
      select contact_id, (substr(received_on, 1, 4)::int + case when ${startMonth} > 1 and substr(received_on, 6, 2)::int >= ${startMonth} then 1 else 0 end) as fy,
        sum(case when refunded_on is null then amount_minor else 0 end) as total
      from donations where space_id = ${spaceId} group by 1, 2)
    select contact_id as "donorId", sum(total) filter (where fy = ${fy}) as now, sum(total) filter (where fy = ${fy - 1}) as last,
      max(fy) filter (where fy < ${fy - 1} and total > 0) as earlier
    from y group by 1`.execute(db);
  return rows.flatMap((r) => [
    ...(r.now !== null ? [{ donorId: r.donorId, fiscalYear: fy, total: Number(r.now) }] : []),
    ...(r.last !== null ? [{ donorId: r.donorId, fiscalYear: fy - 1, total: Number(r.last) }] : []),
    ...(r.earlier !== null ? [{ donorId: r.donorId, fiscalYear: Number(r.earlier), total: 1 }] : []),
  ]);
}

/** The amounts of the gifts received in a period, not refunded. */
export async function giftAmounts(db: Db, spaceId: string, from: string, to: string) {
  const rows = await db.selectFrom('donations').select('amount_minor').where('space_id', '=', spaceId).where('received_on', '>=', from).where('received_on', '<=', to)
    .where('refunded_on', 'is', null).execute();
  return rows.map((r) => Number(r.amount_minor));
}

/** Names of the contacts given, for the lists of a report. */
export async function donorNames(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('contacts').select(['id', 'first_name as firstName', 'last_name as lastName']).where('id', 'in', ids).execute();
}

/** The donor of a recurring gift or a pledge in this space, if it is one. */
export async function commitmentDonor(db: Db, table: 'recurring_gifts' | 'pledges', id: string, spaceId: string) {
  return (await db.selectFrom(table).select('contact_id').where('id', '=', id).where('space_id', '=', spaceId).executeTakeFirst())?.contact_id;
}

export async function contactOfSpace(db: Db, spaceId: string, id: string) {
  return db.selectFrom('contacts').select('id').where('id', '=', id).where('space_id', '=', spaceId).where('merged_into', 'is', null).executeTakeFirst();
}

/** Per member space: this fiscal year's donors and total, for an alliance marked `reader` (numbers only). */
export async function totalsBySpace(db: Db, spaceIds: string[], from: string, to: string, reader: TaxStatus | null) {
  if (spaceIds.length === 0) return [];
  const { rows } = await sql<{ spaceId: string; donors: number; total: number; gifts: number }>`
    select space_id as "spaceId", count(distinct contact_id)::int as donors, sum(amount_minor)::bigint as total, count(*)::int as gifts
    from donations where space_id = any(${spaceIds}::uuid[]) and received_on between ${from} and ${to} and refunded_on is null
      and ${countsInAlliance(sql`donations.contact_id`, sql`donations.space_id`)}
      and ${passesFirewall(reader, sql`donations.space_id`, sql`(select c.work_for from contacts c where c.id = donations.contact_id)`)} group by 1`.execute(db);
  return rows.map((r) => ({ ...r, total: Number(r.total) }));
}

/** A page of the space's gifts for OSDI, oldest first, with the organization's name as recipient. */
export async function pageDonations(db: Db, spaceId: string, options: { id?: string; offset: number; limit: number }) {
  let query = db.selectFrom('donations as d').innerJoin('organizations as o', 'o.own_space_id', 'd.space_id').where('d.space_id', '=', spaceId);
  if (options.id) query = query.where('d.id', '=', options.id);
  const [{ n }] = await query.select((eb) => eb.fn.countAll<number>().as('n')).execute() as [{ n: number }];
  const rows = await query.select([...columns, 'o.name as organizationName']).orderBy('d.created_at').orderBy('d.id').offset(options.offset).limit(options.limit).execute();
  return { total: Number(n), rows: rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor) })) };
}
