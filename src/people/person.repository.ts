import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Person } from './person.schema.ts';

export interface PersonRow {
  id: string; spaceId: string; name: string; languages: string[]; contactSealed: string | null; emailHash: string | null; externalId: string | null;
}

const columns = ['id', 'space_id as spaceId', 'name', 'languages', 'contact_sealed as contactSealed', 'email_hash as emailHash', 'external_id as externalId'] as const;

/** `id` is chosen by the caller when a sealed field must be bound to the row before it exists. */
export async function insertPerson(db: Db, p: Omit<PersonRow, 'id'> & { id?: string }) {
  return db.insertInto('people').values({
    ...(p.id ? { id: p.id } : {}), space_id: p.spaceId, name: p.name, languages: p.languages, contact_sealed: p.contactSealed, email_hash: p.emailHash, external_id: p.externalId,
  }).returning(columns).executeTakeFirstOrThrow() as Promise<PersonRow>;
}

export async function updatePerson(db: Db, id: string, p: Pick<PersonRow, 'name' | 'languages' | 'contactSealed' | 'emailHash'>) {
  await db.updateTable('people').set({ name: p.name, languages: p.languages, contact_sealed: p.contactSealed, email_hash: p.emailHash, updated_at: new Date() })
    .where('id', '=', id).execute();
}

export async function findPerson(db: Db, id: string) {
  return db.selectFrom('people').select(columns).where('id', '=', id).executeTakeFirst() as Promise<PersonRow | undefined>;
}

export async function findPersonByExternalId(db: Db, spaceId: string, externalId: string) {
  return db.selectFrom('people').select(columns).where('space_id', '=', spaceId).where('external_id', '=', externalId).executeTakeFirst() as Promise<PersonRow | undefined>;
}

export async function findPersonByEmailHash(db: Db, spaceId: string, emailHash: string) {
  return db.selectFrom('people').select(columns).where('space_id', '=', spaceId).where('email_hash', '=', emailHash).executeTakeFirst() as Promise<PersonRow | undefined>;
}

export async function deletePerson(db: Db, id: string) {
  await db.deleteFrom('people').where('id', '=', id).execute();
}

export async function replaceAffiliations(db: Db, spaceId: string, personId: string, affiliations: { organizationId: string; role: string }[]) {
  await db.deleteFrom('affiliations').where('person_id', '=', personId).execute();
  if (affiliations.length === 0) return;
  await db.insertInto('affiliations').values(affiliations.map((a) => ({ space_id: spaceId, person_id: personId, organization_id: a.organizationId, role: a.role })))
    .onConflict((oc) => oc.doNothing()).execute();
}

/** People of a space with their affiliations and seats; contact details stay sealed and out. */
export async function listPeople(db: Db, spaceIds: string[], options: { q?: string; ids?: string[]; limit: number; offset: number }) {
  if (spaceIds.length === 0) return { total: 0, items: [] as Person[] };
  let query = db.selectFrom('people').where('space_id', 'in', spaceIds);
  if (options.q) query = query.where('name', 'ilike', `%${options.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  if (options.ids) query = options.ids.length ? query.where('id', 'in', options.ids) : query.where(sql<boolean>`false`);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.select(['id', 'space_id as spaceId', 'name', 'languages', 'contact_sealed as contactSealed'])
      .orderBy(sql`lower(name)`).orderBy('id').limit(options.limit).offset(options.offset).execute(),
  ]);
  const ids = rows.map((r) => r.id);
  const [affiliations, seats] = ids.length ? await Promise.all([
    db.selectFrom('affiliations as a').innerJoin('organizations as o', 'o.id', 'a.organization_id')
      .select(['a.person_id as personId', 'a.organization_id as organizationId', 'o.name as organizationName', 'a.role'])
      .where('a.person_id', 'in', ids).execute(),
    db.selectFrom('representatives as r').innerJoin('memberships as m', 'm.id', 'r.membership_id')
      .innerJoin('organizations as a', 'a.id', 'm.alliance_id')
      .select(['r.person_id as personId', 'r.membership_id as membershipId', 'a.name as allianceName', 'r.seat'])
      .where('r.person_id', 'in', ids).execute(),
  ]) : [[], []];
  const items: Person[] = rows.map((r) => ({
    id: r.id, spaceId: r.spaceId, name: r.name, languages: r.languages, hasContact: r.contactSealed !== null,
    affiliations: affiliations.filter((a) => a.personId === r.id).map(({ personId: _p, ...a }) => a as Person['affiliations'][number]),
    seats: seats.filter((s) => s.personId === r.id).map(({ personId: _p, ...s }) => s),
  }));
  return { total: Number(count.n), items };
}

/** People holding a seat on some membership of an alliance whose space is in `allianceSpaceIds`. */
export async function personHoldsSeatIn(db: Db, personId: string, allianceSpaceIds: string[]) {
  if (allianceSpaceIds.length === 0) return false;
  const row = await db.selectFrom('representatives').select('id').where('person_id', '=', personId)
    .where('space_id', 'in', allianceSpaceIds).executeTakeFirst();
  return row !== undefined;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return row?.id;
}

/** The person of a space who signs in with this account, if any. */
export async function findPersonOfUser(db: Db, spaceId: string, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('people').select('id').where('space_id', '=', spaceId).where('user_id', '=', userId).executeTakeFirst();
  return row?.id;
}

export async function setPersonUser(db: Db, personId: string, userId: string | null) {
  await db.updateTable('people').set({ user_id: userId, updated_at: new Date() }).where('id', '=', personId).execute();
}

/** People whose contact details were sealed before sealing bound them to their row ("v1."). */
export async function listLegacySealed(db: Db, limit: number) {
  // The pattern is written out, not a parameter, so the planner can use people_legacy_sealed_idx.
  return db.selectFrom('people').select(['id', 'contact_sealed as contactSealed']).where(sql<boolean>`contact_sealed like 'v1.%'`).limit(limit)
    .execute() as Promise<{ id: string; contactSealed: string }[]>;
}

/** A new sealed value (and, when given, the email's keyed hash that goes with the key). */
export async function setContactSealed(db: Db, id: string, sealed: string, emailHash: string | null | undefined) {
  await db.updateTable('people').set({ contact_sealed: sealed, ...(emailHash !== undefined ? { email_hash: emailHash } : {}) }).where('id', '=', id).execute();
}

/** Sealed contacts in id order, `limit` after `afterId`: a key rotation walks them a page at a time. */
export async function listSealedContacts(db: Db, afterId: string, limit: number) {
  return db.selectFrom('people').select(['id', 'space_id as spaceId', 'contact_sealed as contactSealed']).where('contact_sealed', 'is not', null)
    .where('id', '>', afterId).orderBy('id').limit(limit).execute() as Promise<{ id: string; spaceId: string; contactSealed: string }[]>;
}
