import { type Kysely, sql } from 'kysely';

// Two things an overlap run can now also do. Reveal: each organization learns which of its own
// contacts the other holds too, for the contacts both sides' consent lets them share with each
// other (each side sends which of its blinded values may be revealed, a bit each; the server
// keeps, for each side, only the positions in that side's own shuffled list). Turf check: the
// requester's set is the contacts on one of its efforts' turfs, the partner's the contacts on the
// turfs of its active efforts — "who on my walk list is another member already knocking on".
const DDL = `
    alter table overlap_runs add column reveal boolean not null default false;
    alter table overlap_runs add column requester_effort_id uuid references outreach_efforts(id) on delete set null;
    alter table overlap_runs add column requester_revealed integer;
    alter table overlap_runs add column partner_revealed integer;
    alter table overlap_payloads drop constraint overlap_payloads_stage_check;
    alter table overlap_payloads add constraint overlap_payloads_stage_check check (stage in ('blinded', 'reblinded', 'revealable', 'matches'))
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from overlap_payloads where stage in ('revealable', 'matches')`.execute(db);
  await sql`alter table overlap_payloads drop constraint overlap_payloads_stage_check`.execute(db);
  await sql`alter table overlap_payloads add constraint overlap_payloads_stage_check check (stage in ('blinded', 'reblinded'))`.execute(db);
  for (const column of ['partner_revealed', 'requester_revealed', 'requester_effort_id', 'reveal']) {
    await sql.raw(`alter table overlap_runs drop column if exists ${column}`).execute(db);
  }
}
