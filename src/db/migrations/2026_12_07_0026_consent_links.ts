import { type Kysely, sql } from 'kysely';

// Each consent link given to a person is recorded: who made it, until when, and whether it was
// withdrawn. A link opens only while its maker still holds a role in the organization's space.
const DDL = `
    create table consent_links (
      id uuid primary key default gen_random_uuid(),
      contact_id uuid not null references contacts(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      issued_by uuid references users(id) on delete set null,
      expires_at timestamptz not null,
      revoked_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index consent_links_contact_idx on consent_links (contact_id)
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists consent_links`.execute(db);
}
