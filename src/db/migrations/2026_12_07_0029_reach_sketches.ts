import { type Kysely, sql } from 'kysely';

// An alliance's unduplicated reach: each member organization that chooses to contributes, per
// category (everyone it reaches, those contacted, each ladder step), a HyperLogLog sketch of its
// people's identifiers hashed with the alliance's own key. Only the registers are kept: the
// alliance reads the union's estimate, never a list.
const DDL = `
    create table reach_sketches (
      alliance_space_id uuid not null references spaces(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      category text not null check (category ~ '^(reached|contacted|step:[a-z0-9_]{1,40})$'),
      registers bytea not null,
      contributed_by uuid references users(id) on delete set null,
      contributed_at timestamptz not null default now(),
      primary key (alliance_space_id, space_id, category)
    );
    create index reach_sketches_space_idx on reach_sketches (space_id)
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists reach_sketches`.execute(db);
}
