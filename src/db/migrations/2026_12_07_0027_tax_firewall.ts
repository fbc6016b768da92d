import { type Kysely, sql } from 'kysely';

// The 501(c)(3)/(c)(4) firewall. A space is marked c3, c4 or not at all; so are its contact lists,
// its outreach efforts and its contacts (the work they were gathered for). A marked space's records
// carry its mark; an unmarked space marks each. c3 spaces never read c4 work; c4 spaces read c3
// work only where the c3 space's rule allows it (c3_shares_with_c4).
const DDL = `
    alter table spaces add column tax_status text check (tax_status in ('c3', 'c4'));
    alter table spaces add column c3_shares_with_c4 boolean not null default false;
    alter table contact_lists add column tax_status text check (tax_status in ('c3', 'c4'));
    alter table outreach_efforts add column tax_status text check (tax_status in ('c3', 'c4'));
    alter table contacts add column work_for text check (work_for in ('c3', 'c4'))
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table contacts drop column if exists work_for`.execute(db);
  await sql`alter table outreach_efforts drop column if exists tax_status`.execute(db);
  await sql`alter table contact_lists drop column if exists tax_status`.execute(db);
  await sql`alter table spaces drop column if exists c3_shares_with_c4`.execute(db);
  await sql`alter table spaces drop column if exists tax_status`.execute(db);
}
