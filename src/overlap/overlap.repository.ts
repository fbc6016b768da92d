import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { OverlapPayloadsTable, OverlapRunsTable, TaxStatus } from '../db/tables.ts';
import { passesFirewall } from '../firewall/firewall.repository.ts';
import type { IdentifierKind } from './psi-element.ts';

// Overlap runs and the blinded values they relay. Identifiers themselves are read from the
// contacts of one side's own space, for that side only.

export type Side = OverlapPayloadsTable['side'];
export type Stage = OverlapPayloadsTable['stage'];

/** The organization whose own space this is (one query, kept with the leadership's records). */
export { organizationOfSpace } from '../leadership/leadership.repository.ts';

/** Alliances both organizations are active members of, by name. */
export async function sharedAlliances(db: Db, organizationA: string, organizationB: string) {
  return db.selectFrom('memberships as a').innerJoin('memberships as b', 'b.alliance_id', 'a.alliance_id').innerJoin('organizations as o', 'o.id', 'a.alliance_id')
    .select(['o.id', 'o.name']).distinct()
    .where('a.member_id', '=', organizationA).where('b.member_id', '=', organizationB).where('a.status', '=', 'active').where('b.status', '=', 'active')
    .orderBy('o.name').execute();
}

/** The organizations with their own space that share an active alliance with `organizationId`. */
export async function fellowMembers(db: Db, organizationId: string) {
  return db.selectFrom('memberships as a').innerJoin('memberships as b', 'b.alliance_id', 'a.alliance_id')
    .innerJoin('organizations as o', 'o.id', 'b.member_id').innerJoin('organizations as al', 'al.id', 'a.alliance_id')
    .select(['o.id', 'o.name', 'o.own_space_id as spaceId', 'al.id as allianceId', 'al.name as allianceName'])
    .where('a.member_id', '=', organizationId).where('b.member_id', '<>', organizationId).where('a.status', '=', 'active').where('b.status', '=', 'active')
    .where('o.own_space_id', 'is not', null).orderBy('al.name').orderBy('o.name').execute();
}

export async function insertRun(db: Db, run: { requesterSpaceId: string; partnerSpaceId: string; allianceId: string; kind: IdentifierKind; minCount: number; reveal: boolean;
  effortId: string | null; userId: string }) {
  return db.insertInto('overlap_runs').values({ requester_space_id: run.requesterSpaceId, partner_space_id: run.partnerSpaceId, alliance_id: run.allianceId,
    identifier_kind: run.kind, min_count: run.minCount, reveal: run.reveal, requester_effort_id: run.effortId, requested_by: run.userId }).returning('id').executeTakeFirstOrThrow();
}

const runColumns = ['r.id', 'r.requester_space_id as requesterSpaceId', 'r.partner_space_id as partnerSpaceId', 'r.alliance_id as allianceId', 'al.name as allianceName',
  'rq.name as requesterName', 'pt.name as partnerName', 'r.identifier_kind as kind', 'r.min_count as minCount', 'r.status', 'r.requester_size as requesterSize',
  'r.partner_size as partnerSize', 'r.shared_count as sharedCount', 'r.below_min as belowMin', 'r.created_at as createdAt', 'r.finished_at as finishedAt',
  'r.reveal', 'r.requester_effort_id as requesterEffortId', 'ef.name as requesterEffortName', 'r.requester_revealed as revealedCount'] as const;

function runs(db: Db) {
  return db.selectFrom('overlap_runs as r').innerJoin('organizations as al', 'al.id', 'r.alliance_id')
    .innerJoin('organizations as rq', 'rq.own_space_id', 'r.requester_space_id').innerJoin('organizations as pt', 'pt.own_space_id', 'r.partner_space_id')
    .leftJoin('outreach_efforts as ef', 'ef.id', 'r.requester_effort_id')
    .select(runColumns)
    .select((eb) => [
      eb.exists(eb.selectFrom('overlap_payloads as p').select('p.run_id').whereRef('p.run_id', '=', 'r.id').where('p.side', '=', 'requester').where('p.stage', '=', 'blinded')).as('requesterBlinded'),
      eb.exists(eb.selectFrom('overlap_payloads as p').select('p.run_id').whereRef('p.run_id', '=', 'r.id').where('p.side', '=', 'partner').where('p.stage', '=', 'blinded')).as('partnerBlinded'),
      eb.exists(eb.selectFrom('overlap_payloads as p').select('p.run_id').whereRef('p.run_id', '=', 'r.id').where('p.side', '=', 'requester').where('p.stage', '=', 'reblinded')).as('requesterReblinded'),
      eb.exists(eb.selectFrom('overlap_payloads as p').select('p.run_id').whereRef('p.run_id', '=', 'r.id').where('p.side', '=', 'partner').where('p.stage', '=', 'reblinded')).as('partnerReblinded'),
      eb.exists(eb.selectFrom('overlap_payloads as p').select('p.run_id').whereRef('p.run_id', '=', 'r.id').where('p.side', '=', 'requester').where('p.stage', '=', 'matches')).as('requesterMatches'),
      eb.exists(eb.selectFrom('overlap_payloads as p').select('p.run_id').whereRef('p.run_id', '=', 'r.id').where('p.side', '=', 'partner').where('p.stage', '=', 'matches')).as('partnerMatches'),
    ]);
}
export type RunRow = Awaited<ReturnType<typeof findRun>> & {};

export async function findRun(db: Db, id: string) {
  return runs(db).where('r.id', '=', id).executeTakeFirst();
}

export async function listRuns(db: Db, spaceId: string) {
  return runs(db).where((eb) => eb.or([eb('r.requester_space_id', '=', spaceId), eb('r.partner_space_id', '=', spaceId)])).orderBy('r.created_at', 'desc').limit(200).execute();
}

/** Moves a run from one status to another; false when it was no longer in `from` (someone else moved it first). */
export async function moveRun(db: Db, id: string, from: OverlapRunsTable['status']['__select__'][], to: OverlapRunsTable['status']['__select__'], answeredBy?: string) {
  const result = await db.updateTable('overlap_runs').set({ status: to, ...(answeredBy ? { answered_by: answeredBy } : {}), ...(to === 'cancelled' ? { finished_at: new Date() } : {}) })
    .where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setSize(db: Db, id: string, side: Side, size: number) {
  await db.updateTable('overlap_runs').set(side === 'requester' ? { requester_size: size } : { partner_size: size }).where('id', '=', id).execute();
}

/** The run's status, its row locked until the transaction ends (a cancel and an upload never cross). */
export async function lockRunStatus(db: Db, id: string) {
  return (await db.selectFrom('overlap_runs').select('status').where('id', '=', id).forUpdate().executeTakeFirst())?.status;
}

/** Stores a payload once; false when this side already sent it. */
export async function insertPayload(db: Db, runId: string, side: Side, stage: Stage, payload: Uint8Array) {
  const inserted = await db.insertInto('overlap_payloads').values({ run_id: runId, side, stage, payload: Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength) })
    .onConflict((oc) => oc.doNothing()).returning('run_id').executeTakeFirst();
  return inserted !== undefined;
}

export async function findPayload(db: Db, runId: string, side: Side, stage: Stage): Promise<Uint8Array | undefined> {
  const row = await db.selectFrom('overlap_payloads').select('payload').where('run_id', '=', runId).where('side', '=', side).where('stage', '=', stage).executeTakeFirst();
  return row?.payload;
}

/** Records the outcome and forgets every relayed value (each side's revealed positions wait for it to read them). */
export async function finishRun(db: Db, id: string, outcome: { sharedCount: number | null; belowMin: boolean; revealed: number | null }) {
  await db.updateTable('overlap_runs').set({ status: 'done', shared_count: outcome.sharedCount, below_min: outcome.belowMin, finished_at: new Date(),
    requester_revealed: outcome.revealed, partner_revealed: outcome.revealed }).where('id', '=', id).where('status', '=', 'accepted').execute();
  await db.deleteFrom('overlap_payloads').where('run_id', '=', id).where('stage', '<>', 'matches').execute();
}

/** Positions of who is shared that their side has not read within `days` of the run's end: deleted. */
export async function deleteStaleMatches(db: Db, days: number) {
  await sql`delete from overlap_payloads p using overlap_runs r
    where p.run_id = r.id and p.stage = 'matches' and r.finished_at < now() - make_interval(days => ${days})`.execute(db);
}

/** Reads a payload and deletes it in the same statement: what is read once is gone. */
export async function takePayload(db: Db, runId: string, side: Side, stage: Stage): Promise<Uint8Array | undefined> {
  const row = await db.deleteFrom('overlap_payloads').where('run_id', '=', runId).where('side', '=', side).where('stage', '=', stage).returning('payload').executeTakeFirst();
  return row?.payload;
}

/** An effort of this space, by id. */
export async function effortOfSpace(db: Db, effortId: string, spaceId: string) {
  return db.selectFrom('outreach_efforts').select(['id', 'name', 'status', 'tax_status as taxStatus']).where('id', '=', effortId).where('space_id', '=', spaceId).executeTakeFirst();
}

/**
 * As SQL over `contacts`: on a turf of an effort whose work may reach a reader marked `reader` —
 * this effort (`effortId`), or else any of its space's active efforts.
 */
export function onTurfs(reader: TaxStatus | null, effortId?: string): RawBuilder<boolean> {
  const which = effortId ? sql`s.effort_id = ${effortId}` : sql`e.status = 'active'`;
  return sql<boolean>`exists (select 1 from outreach_assignment_contacts ac join outreach_assignments s on s.id = ac.assignment_id
    join outreach_efforts e on e.id = s.effort_id
    where ${which} and ac.contact_id = contacts.id and ${passesFirewall(reader, sql`e.space_id`, sql`e.tax_status`)})`;
}

/** As SQL over `contacts`: the contact may be shared with the organization of `partnerSpaceId` (a recorded yes; never assumed). */
export function mayShareWith(partnerSpaceId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from contact_consents cc where cc.contact_id = contacts.id and cc.purpose = 'share_with_partner'
    and cc.partner_space_id = ${partnerSpaceId} and cc.granted)`;
}

export async function deletePayloads(db: Db, runId: string) {
  await db.deleteFrom('overlap_payloads').where('run_id', '=', runId).execute();
}

const HASH_COLUMN = { email: 'email_hash', phone: 'phone_hash', name_address: 'name_address_hash' } as const;

/** How many distinct identifiers of this kind a space's contacts hold, among those every condition of `consented` allows (from their blind indexes: nothing is opened). */
export async function countDistinctIdentifiers(db: Db, spaceId: string, kind: IdentifierKind, hiddenJobs: string[], consented: RawBuilder<boolean>[]) {
  const column = HASH_COLUMN[kind];
  let query = db.selectFrom('contacts').select(sql<number>`count(distinct ${sql.ref(column)})::int`.as('n'))
    .where('space_id', '=', spaceId).where('merged_into', 'is', null);
  for (const condition of consented) query = query.where(condition);
  if (hiddenJobs.length) query = query.where((eb) => eb.or([eb('import_job_id', 'is', null), eb('import_job_id', 'not in', hiddenJobs)]));
  return (await query.executeTakeFirstOrThrow()).n;
}

/** A page of a space's contacts that hold an identifier of this kind: what is needed to rebuild it. */
export async function pageIdentifierSources(db: Db, spaceId: string, kind: IdentifierKind, afterId: string, limit: number, hiddenJobs: string[], consented: RawBuilder<boolean>[],
  revealable: RawBuilder<boolean> = sql<boolean>`false`) {
  let query = db.selectFrom('contacts').select(['id', 'sealed', 'first_name as firstName', 'last_name as lastName', 'zip', 'city']).select(revealable.as('revealable'))
    .where('space_id', '=', spaceId).where('merged_into', 'is', null).where(HASH_COLUMN[kind], 'is not', null).where('id', '>', afterId);
  for (const condition of consented) query = query.where(condition);
  if (hiddenJobs.length) query = query.where((eb) => eb.or([eb('import_job_id', 'is', null), eb('import_job_id', 'not in', hiddenJobs)]));
  return query.orderBy('id').limit(limit).execute();
}
