import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Recurring gifts, pledges, dues invoices and matching funds of a space, with what was received
// on each (the gifts that point at them, refunds left out).

export async function insertRecurring(db: Db, r: { spaceId: string; contactId: string; amountMinor: number; frequency: string; startsOn: string; endsOn: string | null; fund: string | null; userId: string }) {
  return db.insertInto('recurring_gifts').values({ space_id: r.spaceId, contact_id: r.contactId, amount_minor: r.amountMinor, frequency: r.frequency as 'monthly',
    starts_on: r.startsOn, ends_on: r.endsOn, fund: r.fund, created_by: r.userId }).returning('id').executeTakeFirstOrThrow();
}

export async function listRecurring(db: Db, spaceId: string) {
  const { rows } = await sql<{ id: string; contactId: string; firstName: string; lastName: string; amountMinor: number; frequency: 'monthly'; startsOn: string;
    endsOn: string | null; status: string; fund: string | null; received: string[] | null }>`
    select r.id, r.contact_id as "contactId", c.first_name as "firstName", c.last_name as "lastName", r.amount_minor as "amountMinor", r.frequency,
      r.starts_on as "startsOn", r.ends_on as "endsOn", r.status, r.fund,
      (select array_agg(d.received_on order by d.received_on) from donations d where d.recurring_gift_id = r.id and d.refunded_on is null) as received
    from recurring_gifts r join contacts c on c.id = r.contact_id where r.space_id = ${spaceId} order by c.last_name, c.first_name, r.starts_on`.execute(db);
  return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor), received: r.received ?? [] }));
}

export async function findCommitment(db: Db, table: 'recurring_gifts' | 'pledges' | 'match_funds' | 'dues_invoices', id: string) {
  return db.selectFrom(table).select(['id', 'space_id as spaceId']).where('id', '=', id).executeTakeFirst();
}

/** Cancelling ends the schedule today; taking up a cancelled gift again opens it with no end. */
export async function setRecurringStatus(db: Db, id: string, status: 'active' | 'paused' | 'cancelled', today: string) {
  await sql`update recurring_gifts set ends_on = case when ${status} = 'cancelled' then ${today} when status = 'cancelled' then null else ends_on end, status = ${status}
    where id = ${id}`.execute(db);
}

export async function insertPledge(db: Db, p: { spaceId: string; contactId: string; amountMinor: number; pledgedOn: string; schedule: { dueOn: string; amountMinor: number }[]; fund: string | null; note: string; userId: string }) {
  return db.insertInto('pledges').values({ space_id: p.spaceId, contact_id: p.contactId, amount_minor: p.amountMinor, pledged_on: p.pledgedOn,
    schedule: JSON.stringify(p.schedule), fund: p.fund, note: p.note, created_by: p.userId }).returning('id').executeTakeFirstOrThrow();
}

export async function listPledges(db: Db, spaceId: string) {
  const { rows } = await sql<{ id: string; contactId: string; firstName: string; lastName: string; amountMinor: number; pledgedOn: string;
    schedule: { dueOn: string; amountMinor: number }[]; fund: string | null; note: string; paidMinor: number }>`
    select p.id, p.contact_id as "contactId", c.first_name as "firstName", c.last_name as "lastName", p.amount_minor as "amountMinor", p.pledged_on as "pledgedOn",
      p.schedule, p.fund, p.note,
      coalesce((select sum(d.amount_minor) from donations d where d.pledge_id = p.id and d.refunded_on is null), 0) as "paidMinor"
    from pledges p join contacts c on c.id = p.contact_id where p.space_id = ${spaceId} order by p.pledged_on desc`.execute(db);
  return rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor), paidMinor: Number(r.paidMinor) }));
}

export async function insertMatch(db: Db, m: { spaceId: string; name: string; matcher: string; kind: string; ratio: number; capMinor: number; startsOn: string; endsOn: string; campaign: string | null; userId: string }) {
  return db.insertInto('match_funds').values({ space_id: m.spaceId, name: m.name, matcher: m.matcher, kind: m.kind as 'challenge', ratio: m.ratio, cap_minor: m.capMinor,
    starts_on: m.startsOn, ends_on: m.endsOn, campaign: m.campaign, created_by: m.userId }).returning('id').executeTakeFirstOrThrow();
}

/** Each matching fund with the gifts it counts: received in its window, in its campaign when it names one, not refunded, not in kind. */
export async function listMatches(db: Db, spaceId: string) {
  const { rows } = await sql<{ id: string; name: string; matcher: string; kind: string; ratio: string; capMinor: number; startsOn: string; endsOn: string; campaign: string | null; eligibleMinor: number }>`
    select m.id, m.name, m.matcher, m.kind, m.ratio, m.cap_minor as "capMinor", m.starts_on as "startsOn", m.ends_on as "endsOn", m.campaign,
      coalesce((select sum(d.amount_minor) from donations d where d.space_id = m.space_id and d.received_on between m.starts_on and m.ends_on
        and d.refunded_on is null and not d.in_kind and (m.campaign is null or d.campaign = m.campaign)), 0) as "eligibleMinor"
    from match_funds m where m.space_id = ${spaceId} order by m.starts_on desc`.execute(db);
  return rows.map((r) => ({ ...r, ratio: Number(r.ratio), capMinor: Number(r.capMinor), eligibleMinor: Number(r.eligibleMinor) }));
}

export async function deleteCommitment(db: Db, table: 'recurring_gifts' | 'pledges' | 'match_funds' | 'dues_invoices', id: string) {
  await db.deleteFrom(table).where('id', '=', id).execute();
}

export async function giftsPointingAt(db: Db, column: 'recurring_gift_id' | 'pledge_id', id: string) {
  const row = await db.selectFrom('donations').select((eb) => eb.fn.countAll<number>().as('n')).where(column, '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

// Dues.

export async function activeMembershipsOf(db: Db, allianceSpaceId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .select(['m.id', 'o.name']).where('a.own_space_id', '=', allianceSpaceId).where('m.status', '=', 'active').orderBy('o.name').execute();
}

export async function membershipOfSpace(db: Db, allianceSpaceId: string, membershipId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id').select('m.id')
    .where('a.own_space_id', '=', allianceSpaceId).where('m.id', '=', membershipId).executeTakeFirst();
}

export async function insertInvoices(db: Db, rows: { spaceId: string; membershipId: string | null; contactId: string | null; period: string; amountMinor: number; currency: string; dueOn: string; userId: string }[]) {
  const made: { id: string }[] = [];
  // 8 values a row: 5,000 rows stay under PostgreSQL's 65,535 parameters.
  for (let i = 0; i < rows.length; i += 5000) {
    made.push(...await db.insertInto('dues_invoices').values(rows.slice(i, i + 5000).map((r) => ({ space_id: r.spaceId, membership_id: r.membershipId, contact_id: r.contactId,
      period: r.period, amount_minor: r.amountMinor, currency: r.currency, due_on: r.dueOn, created_by: r.userId })))
      .onConflict((oc) => oc.doNothing()).returning('id').execute());
  }
  return made;
}

/** Which of these ids are not contacts of the space (merged ones included). */
export async function foreignContacts(db: Db, spaceId: string, ids: string[]) {
  const { rows } = await sql<{ id: string }>`select x.id from unnest(${ids}::uuid[]) as x(id)
    where not exists (select 1 from contacts c where c.id = x.id and c.space_id = ${spaceId} and c.merged_into is null)`.execute(db);
  return new Set(rows.map((r) => r.id));
}

export async function listInvoices(db: Db, spaceId: string, period?: string) {
  let q = db.selectFrom('dues_invoices as i').leftJoin('memberships as m', 'm.id', 'i.membership_id').leftJoin('organizations as o', 'o.id', 'm.member_id')
    .leftJoin('contacts as c', 'c.id', 'i.contact_id')
    .select(['i.id', 'i.period', 'i.amount_minor as amountMinor', 'i.currency', 'i.due_on as dueOn', 'i.paid_on as paidOn', 'i.paid_minor as paidMinor',
      'i.membership_id as membershipId', 'i.contact_id as contactId', 'o.name as organizationName', 'c.first_name as firstName', 'c.last_name as lastName'])
    .where('i.space_id', '=', spaceId);
  if (period) q = q.where('i.period', '=', period);
  return q.orderBy('i.due_on', 'desc').orderBy('o.name').execute();
}

export async function findInvoice(db: Db, id: string) {
  return db.selectFrom('dues_invoices').select(['id', 'space_id as spaceId', 'amount_minor as amountMinor', 'paid_minor as paidMinor', 'paid_on as paidOn'])
    .where('id', '=', id).executeTakeFirst();
}

export async function payInvoice(db: Db, id: string, paidOn: string | null, paidMinor: number) {
  await db.updateTable('dues_invoices').set({ paid_on: paidOn, paid_minor: paidMinor }).where('id', '=', id).execute();
}

/** Dues a space collected in a span (what was paid, by the day it was paid): a source of its income. */
export async function duesCollected(db: Db, spaceId: string, from: string, to: string) {
  const row = await db.selectFrom('dues_invoices').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('paid_minor'), sql<number>`0`).as('total'))
    .where('space_id', '=', spaceId).where('paid_on', '>=', from).where('paid_on', '<=', to).executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Dues invoices alliances billed to the organization whose own space this is, on its memberships. */
export async function invoicesOwedBy(db: Db, memberSpaceId: string) {
  return db.selectFrom('dues_invoices as i').innerJoin('memberships as m', 'm.id', 'i.membership_id').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .innerJoin('organizations as a', 'a.id', 'm.alliance_id')
    .select(['i.id', 'a.name as allianceName', 'i.period', 'i.amount_minor as amountMinor', 'i.currency', 'i.due_on as dueOn', 'i.paid_on as paidOn', 'i.paid_minor as paidMinor'])
    .where('o.own_space_id', '=', memberSpaceId).orderBy('i.due_on', 'desc').execute();
}
