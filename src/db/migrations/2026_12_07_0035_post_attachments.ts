import { type Kysely, sql } from 'kysely';

// A post's attachments: resources of the library of the thread's own space (so whoever reads the
// thread may open them). A reply by email brings its files into that library; the ones the
// library does not take are named on the post with the reason, so nobody thinks they arrived.
const DDL = `
    create table post_attachments (
      post_id uuid not null references posts(id) on delete cascade,
      item_id uuid not null references library_items(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      position integer not null,
      primary key (post_id, item_id)
    );
    create index post_attachments_item_idx on post_attachments (item_id);
    alter table posts add column dropped_attachments jsonb not null default '[]'
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table posts drop column if exists dropped_attachments`.execute(db);
  await sql`drop table if exists post_attachments`.execute(db);
}
