import { type Kysely, sql } from 'kysely';

// Secret ballots, unlinkable from their voters. A secret vote keeps who voted in `ballots` (for
// turnout and to refuse a second ballot) with no content, and what was voted in one ballot box
// per vote: a JSON array of { ballot, weight } with no voter, no time and no id, each new ballot
// put at a random place, so neither the row order of a dump nor a timestamp ties it to a voter.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ballot_boxes (
      vote_id uuid primary key references votes(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      ballots jsonb not null default '[]'
    )`.execute(db);
  await sql`alter table ballots alter column ballot drop not null`.execute(db);
  // Secret ballots stored before this change move into their box (current ballots only) and
  // leave the voter's row; their superseded versions are dropped.
  await sql`
    insert into ballot_boxes (vote_id, space_id, ballots)
    select v.id, v.space_id,
      coalesce(jsonb_agg(jsonb_build_object('ballot', b.ballot, 'weight', e.weight) order by random()) filter (where b.id is not null), '[]'::jsonb)
    from votes v
    left join ballots b on b.vote_id = v.id and b.superseded_at is null
    left join vote_electors e on e.vote_id = v.id and e.elector_id = b.elector_id
    where v.secret
    group by v.id, v.space_id`.execute(db);
  await sql`update ballots set ballot = null where vote_id in (select id from votes where secret)`.execute(db);
  await scrubSecretOutcomes(db);
}

/**
 * Outcomes of secret votes closed before this change named their voters (a block, an objection,
 * advice, who agreed): every voter in them becomes null, the lists sorted by what was said.
 */
export async function scrubSecretOutcomes(db: Kysely<unknown>) {
  const closed = await sql<{ id: string; outcome: unknown; electors: string[] }>`
    select v.id, v.outcome, coalesce(array_agg(e.elector_id::text) filter (where e.elector_id is not null), '{}') as electors
    from votes v left join vote_electors e on e.vote_id = v.id
    where v.secret and v.outcome is not null and v.outcome <> 'null'::jsonb group by v.id, v.outcome`.execute(db);
  for (const vote of closed.rows) {
    const outcome = typeof vote.outcome === 'string' ? JSON.parse(vote.outcome) : vote.outcome;
    await sql`update votes set outcome = ${JSON.stringify(nameless(outcome, new Set(vote.electors)))}::jsonb where id = ${vote.id}`.execute(db);
  }
}

// Kept here, not imported: a migration must do tomorrow what it does today.
function nameless(value: unknown, electors: Set<string>): unknown {
  if (typeof value === 'string') return electors.has(value) ? null : value;
  if (Array.isArray(value)) {
    const items = value.map((v) => nameless(v, electors));
    return items.some((i) => typeof i === 'object' && i !== null && 'voterId' in i) ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'voterId' ? null : nameless(v, electors)]));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists ballot_boxes`.execute(db);
}
