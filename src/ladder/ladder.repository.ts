import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ContactFacts } from './ladder.ts';

export async function findLadder(db: Db, spaceId: string) {
  return db.selectFrom('ladders').select(['space_id as spaceId', 'steps', 'rules', 'updated_at as updatedAt']).where('space_id', '=', spaceId).executeTakeFirst();
}

export async function saveLadder(db: Db, spaceId: string, ladder: { steps: object; rules: object }) {
  await db.insertInto('ladders').values({ space_id: spaceId, steps: JSON.stringify(ladder.steps), rules: JSON.stringify(ladder.rules) })
    .onConflict((oc) => oc.column('space_id').doUpdateSet({ steps: JSON.stringify(ladder.steps), rules: JSON.stringify(ladder.rules), updated_at: new Date() })).execute();
}

/** What the ladder's rules read, per contact, a page at a time (id order after `afterId`), or for the contacts named. */
export async function pageFacts(db: Db, spaceId: string, afterId: string, limit: number, only?: string[]) {
  const named = only ? sql`and c.id = any(${only}::uuid[])` : sql``;
  const { rows } = await sql<{ id: string; ladderStep: string | null; tags: string[]; conversations: number; attended: number; answers: Record<string, string[]> | null; lastManual: boolean | null }>`
    select c.id, c.ladder_step as "ladderStep", c.tags,
      (select count(*)::int from outreach_attempts a where a.contact_id = c.id and a.result = 'contacted') as conversations,
      (select count(*)::int from outreach_attempts a where a.contact_id = c.id and a.result = 'attended') as attended,
      (select jsonb_object_agg(k, v) from (select q.key as k, jsonb_agg(distinct q.value #>> '{}') as v
        from outreach_attempts a, jsonb_each(a.answers) q where a.contact_id = c.id group by q.key) x) as answers,
      (select m.manual from ladder_moves m where m.contact_id = c.id order by m.at desc, m.id desc limit 1) as "lastManual"
    from contacts c where c.space_id = ${spaceId} and c.merged_into is null and c.id > ${afterId} ${named} order by c.id limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, facts: { conversations: r.conversations, attended: r.attended, tags: r.tags, answers: r.answers ?? {} } as ContactFacts }));
}

export async function moveContacts(db: Db, spaceId: string, moves: { contactId: string; from: string | null; to: string; reason: string; manual: boolean; userId: string | null }[]) {
  if (moves.length === 0) return;
  await db.insertInto('ladder_moves').values(moves.map((m) => ({ contact_id: m.contactId, space_id: spaceId, from_step: m.from, to_step: m.to, reason: m.reason, manual: m.manual, user_id: m.userId }))).execute();
  for (const m of moves) await db.updateTable('contacts').set({ ladder_step: m.to }).where('id', '=', m.contactId).execute();
}

export async function movesOf(db: Db, contactId: string) {
  return db.selectFrom('ladder_moves').select(['from_step as from', 'to_step as to', 'reason', 'manual', 'at']).where('contact_id', '=', contactId).orderBy('at').execute();
}

/** Counts per step now, and moves up or down in a period: numbers, never names. */
export async function stepCounts(db: Db, spaceIds: string[]) {
  if (spaceIds.length === 0) return [];
  const { rows } = await sql<{ spaceId: string; step: string | null; n: number }>`
    select space_id as "spaceId", ladder_step as step, count(*)::int as n from contacts where space_id = any(${spaceIds}::uuid[]) and merged_into is null group by 1, 2`.execute(db);
  return rows;
}

export async function movesIn(db: Db, spaceIds: string[], from: Date, to: Date) {
  if (spaceIds.length === 0) return [];
  const { rows } = await sql<{ spaceId: string; fromStep: string | null; toStep: string; n: number }>`
    select space_id as "spaceId", from_step as "fromStep", to_step as "toStep", count(*)::int as n from ladder_moves
    where space_id = any(${spaceIds}::uuid[]) and at >= ${from} and at < ${to} group by 1, 2, 3`.execute(db);
  return rows;
}

/** The own spaces of an alliance's active member organizations. */
export async function memberSpacesOf(db: Db, allianceSpaceId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .select(['o.id as organizationId', 'o.name', 'o.own_space_id as spaceId']).where('a.own_space_id', '=', allianceSpaceId).where('m.status', '=', 'active')
    .where('o.own_space_id', 'is not', null).execute() as Promise<{ organizationId: string; name: string; spaceId: string }[]>;
}
