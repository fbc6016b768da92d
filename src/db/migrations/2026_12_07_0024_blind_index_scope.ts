import { type Kysely, sql } from 'kysely';

// Blind indexes (keyed hashes of emails, phones, addresses) become scoped to their space, so two
// organizations' lists cannot be joined on them. Rows already stored are marked 0 and scoped by
// the server at its next start (src/crypto/blind-index-scope.ts); rows written from now on are 1.
const DDL = `
    alter table contacts add column hash_scope smallint not null default 0;
    alter table contacts alter column hash_scope set default 1;
    create index contacts_unscoped_idx on contacts (id) where hash_scope = 0;
    alter table people add column hash_scope smallint not null default 0;
    alter table people alter column hash_scope set default 1
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table contacts drop column if exists hash_scope`.execute(db);
  await sql`alter table people drop column if exists hash_scope`.execute(db);
}
