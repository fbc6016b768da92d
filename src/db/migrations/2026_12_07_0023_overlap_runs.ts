import { type Kysely, sql } from 'kysely';

// Private overlap between two member organizations of an alliance: a run (who asked whom, on
// which identifier, the threshold under which a count is not shown) and what it relays — only
// blinded values, as bytes, 32 per identifier, deleted as soon as the count is made. The count
// is stored only when it reaches the threshold.
const DDL = `
    create table overlap_runs (
      id uuid primary key default gen_random_uuid(),
      requester_space_id uuid not null references spaces(id) on delete cascade,
      partner_space_id uuid not null references spaces(id) on delete cascade,
      alliance_id uuid not null references organizations(id) on delete cascade,
      identifier_kind text not null check (identifier_kind in ('email', 'phone', 'name_address')),
      min_count integer not null check (min_count >= 2),
      status text not null default 'requested' check (status in ('requested', 'accepted', 'declined', 'cancelled', 'done')),
      requested_by uuid references users(id) on delete set null,
      answered_by uuid references users(id) on delete set null,
      requester_size integer,
      partner_size integer,
      shared_count integer,
      below_min boolean,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      check (requester_space_id <> partner_space_id)
    );
    create index overlap_runs_requester_idx on overlap_runs (requester_space_id, created_at);
    create index overlap_runs_partner_idx on overlap_runs (partner_space_id, created_at);

    create table overlap_payloads (
      run_id uuid not null references overlap_runs(id) on delete cascade,
      side text not null check (side in ('requester', 'partner')),
      stage text not null check (stage in ('blinded', 'reblinded')),
      payload bytea not null,
      primary key (run_id, side, stage)
    );
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists overlap_payloads, overlap_runs cascade`.execute(db);
}
