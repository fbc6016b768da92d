import { type Kysely, sql } from 'kysely';

// A gift's donor is checked at the end of the statement ("no action"), not at once ("restrict"):
// deleting a space removes its contacts and its gifts together, whichever the cascade reaches
// first. Deleting a contact alone is still refused while it has gifts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table donations drop constraint donations_contact_id_fkey`.execute(db);
  await sql`alter table donations add constraint donations_contact_id_fkey foreign key (contact_id) references contacts(id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table donations drop constraint donations_contact_id_fkey`.execute(db);
  await sql`alter table donations add constraint donations_contact_id_fkey foreign key (contact_id) references contacts(id) on delete restrict`.execute(db);
}
