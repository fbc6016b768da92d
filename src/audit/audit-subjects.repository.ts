import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// The names of the records an audit page speaks of ("Make the Road", "Spring convening"), so the
// log reads as sentences instead of ids. Only records of the space whose log it is are named:
// the log's reader is that space's owner. Contacts are never named here (their names are sealed).

// entity as logged → the table and its column that names a record.
const NAMED: Record<string, { table: string; column: string }> = {
  organization: { table: 'organizations', column: 'name' }, organizations: { table: 'organizations', column: 'name' },
  person: { table: 'people', column: 'name' }, people: { table: 'people', column: 'name' },
  convening: { table: 'convenings', column: 'title' }, work_plan: { table: 'work_plans', column: 'title' },
  campaign: { table: 'campaigns', column: 'name' }, goal: { table: 'goals', column: 'statement' },
  survey: { table: 'surveys', column: 'title' }, library_item: { table: 'library_items', column: 'title' },
  thread: { table: 'threads', column: 'title' }, funding_grant: { table: 'funding_grants', column: 'title' },
  segment: { table: 'segments', column: 'name' }, contact_list: { table: 'contact_lists', column: 'name' },
  outreach_effort: { table: 'outreach_efforts', column: 'name' }, leadership_cohort: { table: 'leadership_cohorts', column: 'name' },
  committee: { table: 'committees', column: 'name' },
};

/** entity + id → the record's name, for the given references of one space's log. */
export async function subjectNames(db: Db, spaceId: string, refs: { entity: string; id: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const byTable = new Map<string, { column: string; entities: Set<string>; ids: Set<string> }>();
  for (const { entity, id } of refs) {
    const named = NAMED[entity];
    if (!named) continue;
    const group = byTable.get(named.table) ?? { column: named.column, entities: new Set(), ids: new Set() };
    group.entities.add(entity);
    group.ids.add(id);
    byTable.set(named.table, group);
  }
  for (const [table, { column, entities, ids }] of byTable) {
    // Table and column come from the map above, never from the request.
    const rows = await sql<{ id: string; name: string }>`select id::text as id, ${sql.ref(column)} as name from ${sql.table(table)}
      where space_id = ${spaceId} and id::text in (${sql.join([...ids])})`.execute(db);
    for (const r of rows.rows) for (const entity of entities) names.set(`${entity}:${r.id}`, r.name);
  }
  const memberships = refs.filter((r) => r.entity === 'membership' || r.entity === 'memberships').map((r) => r.id);
  if (memberships.length) {
    const rows = await db.selectFrom('memberships').innerJoin('organizations as a', 'a.id', 'memberships.alliance_id')
      .innerJoin('organizations as m', 'm.id', 'memberships.member_id')
      .select(['memberships.id', 'a.name as alliance', 'm.name as member'])
      .where('memberships.space_id', '=', spaceId).where('memberships.id', 'in', memberships).execute();
    for (const r of rows) for (const entity of ['membership', 'memberships']) names.set(`${entity}:${r.id}`, `${r.member} · ${r.alliance}`);
  }
  return names;
}
