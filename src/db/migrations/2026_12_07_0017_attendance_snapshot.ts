import { type Kysely, sql } from 'kysely';

// An organization's attendance records outlive the convening they were at: whoever holds a
// convening (an alliance, a host) may delete it, and that must not erase another organization's
// record of who came. Each record keeps the convening's title, kind and start as they were.
const DDL = `
    alter table contact_attendance add column title text not null default '';
    alter table contact_attendance add column kind text not null default 'convening';
    alter table contact_attendance add column starts_at text not null default '';
    update contact_attendance a set title = v.title, kind = v.kind, starts_at = v.starts_at from convenings v where v.id = a.convening_id;
    alter table contact_attendance alter column convening_id drop not null;
    alter table contact_attendance drop constraint contact_attendance_convening_id_fkey;
    alter table contact_attendance add constraint contact_attendance_convening_id_fkey foreign key (convening_id) references convenings(id) on delete set null`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from contact_attendance where convening_id is null`.execute(db);
  await sql`alter table contact_attendance drop constraint contact_attendance_convening_id_fkey`.execute(db);
  await sql`alter table contact_attendance add constraint contact_attendance_convening_id_fkey foreign key (convening_id) references convenings(id) on delete cascade`.execute(db);
  await sql`alter table contact_attendance alter column convening_id set not null`.execute(db);
  await sql`alter table contact_attendance drop column title, drop column kind, drop column starts_at`.execute(db);
}
