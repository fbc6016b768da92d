import { sql } from 'kysely';
import { countsInAlliance } from '../consent/consent.repository.ts';
import type { Db } from '../db/database.ts';
import type { TaxStatus } from '../db/tables.ts';
import { passesFirewall } from '../firewall/firewall.repository.ts';

// The sketches member organizations contribute to their alliances' unduplicated reach, and the
// contacts they are made from (read only by the contributing organization's own request).

export interface ReachSource {
  id: string; sealed: string | null; firstName: string; lastName: string; zip: string | null; city: string | null; ladderStep: string | null; contacted: boolean;
}

/**
 * A page of the space's contacts that may be counted in the totals of an alliance marked `reader`
 * (their consent, the c3/c4 firewall), with their step and whether anyone has had a conversation with them.
 */
export async function pageReachSources(db: Db, spaceId: string, reader: TaxStatus | null, hiddenJobs: string[], afterId: string, limit: number) {
  const hidden = hiddenJobs.length ? sql`and (c.import_job_id is null or c.import_job_id <> all(${hiddenJobs}::uuid[]))` : sql``;
  const { rows } = await sql<ReachSource>`
    select c.id, c.sealed, c.first_name as "firstName", c.last_name as "lastName", c.zip, c.city, c.ladder_step as "ladderStep",
      exists (select 1 from outreach_attempts a join outreach_efforts e on e.id = a.effort_id
        where a.contact_id = c.id and a.result = 'contacted' and ${passesFirewall(reader, sql`e.space_id`, sql`e.tax_status`)}) as contacted
    from contacts c
    where c.space_id = ${spaceId} and c.merged_into is null ${hidden} and c.id > ${afterId}
      and ${countsInAlliance(sql`c.id`, sql`c.space_id`)} and ${passesFirewall(reader, sql`c.space_id`, sql`c.work_for`)}
    order by c.id limit ${limit}`.execute(db);
  return rows;
}

/** Replaces the space's sketches for the alliance with these. */
export async function replaceSketches(db: Db, allianceSpaceId: string, spaceId: string, sketches: Map<string, Uint8Array>, firewall: string, userId: string) {
  await db.deleteFrom('reach_sketches').where('alliance_space_id', '=', allianceSpaceId).where('space_id', '=', spaceId).execute();
  if (sketches.size === 0) return;
  await db.insertInto('reach_sketches').values([...sketches].map(([category, registers]) => ({
    alliance_space_id: allianceSpaceId, space_id: spaceId, category, registers: Buffer.from(registers.buffer, registers.byteOffset, registers.byteLength), firewall, contributed_by: userId,
  }))).execute();
}

export async function deleteSketches(db: Db, allianceSpaceId: string, spaceId: string) {
  const result = await db.deleteFrom('reach_sketches').where('alliance_space_id', '=', allianceSpaceId).where('space_id', '=', spaceId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The sketches contributed to an alliance by these member spaces. */
export async function sketchesOf(db: Db, allianceSpaceId: string, spaceIds: string[]) {
  if (spaceIds.length === 0) return [];
  return db.selectFrom('reach_sketches').select(['space_id as spaceId', 'category', 'registers', 'firewall', 'contributed_at as contributedAt'])
    .where('alliance_space_id', '=', allianceSpaceId).where('space_id', 'in', spaceIds).execute();
}

/** The alliances this space has contributed to, and when. */
export async function contributionsOf(db: Db, spaceId: string) {
  return db.selectFrom('reach_sketches').select(['alliance_space_id as allianceSpaceId', sql<Date>`max(contributed_at)`.as('contributedAt')])
    .where('space_id', '=', spaceId).groupBy('alliance_space_id').execute();
}

/** The alliances with a space of their own that this organization's space is an active member of. */
export async function alliancesOfSpace(db: Db, spaceId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.member_id').innerJoin('organizations as a', 'a.id', 'm.alliance_id')
    .select(['a.id as allianceId', 'a.name', 'a.own_space_id as allianceSpaceId']).where('o.own_space_id', '=', spaceId).where('m.status', '=', 'active')
    .where('a.own_space_id', 'is not', null).orderBy('a.name').execute() as Promise<{ allianceId: string; name: string; allianceSpaceId: string }[]>;
}
