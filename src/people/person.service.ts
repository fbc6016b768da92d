import { insertAudit } from '../audit/audit.repository.ts';
import { randomUUID } from 'node:crypto';
import { type SealedBox, sealedPlace } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { conflict, invalid, notFound, Problem } from '../server/problem.ts';
import { type Actor, requireAccess, canSeeProfiles } from '../spaces/access.ts';
import { loadReach } from '../spaces/spaces.repository.ts';
import * as repo from './person.repository.ts';
import type { Contact, Person, PersonInput } from './person.schema.ts';

const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const contactPlace = (personId: string) => sealedPlace('people', 'contact_sealed', personId);

function sealContact(box: SealedBox, spaceId: string, personId: string, contact: Contact) {
  const present = Object.fromEntries(Object.entries(contact).filter(([, v]) => v != null && v !== ''));
  return {
    contactSealed: Object.keys(present).length ? box.seal(present, contactPlace(personId)) : null,
    emailHash: contact.email ? box.keyedHash(normalizeEmail(contact.email), spaceId) : null,
  };
}

/** Affiliations may only point at organizations the actor can see. */
async function checkAffiliations(db: Db, actor: Actor, input: PersonInput) {
  for (const [i, a] of input.affiliations.entries()) {
    const org = await findOrganization(db, a.organizationId);
    const readable = org && (await canSeeProfiles(db, actor, org.spaceId));
    if (!readable) throw invalid([{ field: `affiliations[${i}].organizationId`, message: 'no such organization' }]);
  }
}

/**
 * Reading a person: a role in their organization's space, a "people" grant from it, or a
 * "representatives" grant when the person holds a seat in the grantee alliance.
 */
async function requirePersonReadable(db: Db, actor: Actor, personId: string) {
  const person = await repo.findPerson(db, personId);
  if (!person) throw notFound('person');
  const reach = await loadReach(db, actor.userId);
  if (reach.peopleReadable.has(person.spaceId)) return person;
  const seatSpaces = [...reach.representativeGrants].filter((g) => g.startsWith(`${person.spaceId}>`)).map((g) => g.split('>')[1]!);
  if (await repo.personHoldsSeatIn(db, person.id, seatSpaces)) return person;
  throw notFound('person');
}

export async function listPeople(db: Db, actor: Actor, spaceId: string, options: { q?: string; limit: number; offset: number }) {
  await requireAccess(db, actor, spaceId, 'viewer', 'people');
  return repo.listPeople(db, [spaceId], options);
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<Person> {
  const person = await requirePersonReadable(db, actor, id);
  const { items } = await repo.listPeople(db, [person.spaceId], { ids: [id], limit: 1, offset: 0 });
  return items[0]!;
}

/** Contact details, decrypted for members of the person's own space only; every read is logged. */
export async function readContact(db: Db, box: SealedBox, actor: Actor, id: string): Promise<Contact> {
  const person = await requirePersonReadable(db, actor, id);
  await requireAccess(db, actor, person.spaceId, 'member');
  await insertAudit(db, [{ userId: actor.userId, spaceId: person.spaceId, action: 'read_sensitive', entity: 'person.contact', entityId: id }]);
  if (!person.contactSealed) return {};
  try {
    return box.open<Contact>(person.contactSealed, contactPlace(person.id));
  } catch {
    // Sealed for another row (moved in the database), or with another key: never shown.
    throw new Problem(409, 'Cannot be read', 'These contact details were not sealed for this person with this server\'s key.');
  }
}

/**
 * Moves every sealed contact to a new key: opened with the old box, sealed with the new one, its
 * email's keyed hash recomputed. One transaction: either every row is on the new key or none is.
 */
export async function rotateContactKey(db: Db, oldBox: SealedBox, newBox: SealedBox) {
  return db.transaction().execute((trx) => rotatePeopleKey(trx, oldBox, newBox));
}

/** The same, inside the caller's transaction (crypto/key-rotation.ts moves everything sealed at once). */
export async function rotatePeopleKey(trx: Db, oldBox: SealedBox, newBox: SealedBox) {
  let rotated = 0;
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const page = await repo.listSealedContacts(trx, after, 1000);
    if (page.length === 0) return rotated;
    for (const row of page) {
      if (row.contactSealed.startsWith('unreadable.')) continue; // did not open with the old key either
      const contact = oldBox.open<Contact>(row.contactSealed, contactPlace(row.id));
      await repo.setContactSealed(trx, row.id, newBox.seal(contact, contactPlace(row.id)),
        contact.email ? newBox.keyedHash(normalizeEmail(contact.email), row.spaceId) : null);
    }
    rotated += page.length;
    after = page.at(-1)!.id;
  }
}

/** Re-seals contact details stored before sealed values were bound to their row. Run at start. */
export async function resealLegacyContacts(db: Db, box: SealedBox) {
  let done = 0;
  for (;;) {
    const batch = await repo.listLegacySealed(db, 500);
    if (batch.length === 0) return done;
    for (const row of batch) {
      try {
        await repo.setContactSealed(db, row.id, box.seal(box.openLegacy(row.contactSealed), contactPlace(row.id)), undefined);
        done += 1;
      } catch {
        // Sealed with another key (a backup restored without its key, say): left sealed as it
        // is, never shown, and never a reason not to start. Marked so it is not tried again.
        await repo.setContactSealed(db, row.id, `unreadable.${row.contactSealed}`, undefined);
        console.error(`[crossroads] the contact details of person ${row.id} do not open with this key; left sealed`);
      }
    }
  }
}

export async function createPerson(db: Db, box: SealedBox, actor: Actor, spaceId: string, input: PersonInput) {
  await requireAccess(db, actor, spaceId, 'member');
  await checkAffiliations(db, actor, input);
  return db.transaction().execute(async (trx) => {
    const id = randomUUID();
    const person = await repo.insertPerson(trx, { id, spaceId, name: input.name, languages: input.languages, externalId: input.externalId ?? null, ...sealContact(box, spaceId, id, input.contact) });
    await repo.replaceAffiliations(trx, spaceId, person.id, input.affiliations);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'person', entityId: person.id,
      changes: { name: [null, input.name], languages: [null, input.languages], contact: '(set)', affiliations: [null, input.affiliations] } }]);
    return person.id;
  });
}

export async function updatePerson(db: Db, box: SealedBox, actor: Actor, id: string, input: PersonInput) {
  const person = await requirePersonReadable(db, actor, id);
  await requireAccess(db, actor, person.spaceId, 'member');
  await checkAffiliations(db, actor, input);
  await db.transaction().execute(async (trx) => {
    await repo.updatePerson(trx, id, { name: input.name, languages: input.languages, ...sealContact(box, person.spaceId, id, input.contact) });
    await repo.replaceAffiliations(trx, person.spaceId, id, input.affiliations);
    const changes: Record<string, unknown> = { contact: '(changed or confirmed)' };
    if (person.name !== input.name) changes.name = [person.name, input.name];
    if (JSON.stringify(person.languages) !== JSON.stringify(input.languages)) changes.languages = [person.languages, input.languages];
    await insertAudit(trx, [{ userId: actor.userId, spaceId: person.spaceId, action: 'update', entity: 'person', entityId: id, changes }]);
  });
}

export async function deletePerson(db: Db, actor: Actor, id: string) {
  const person = await requirePersonReadable(db, actor, id);
  await requireAccess(db, actor, person.spaceId, 'admin');
  await db.transaction().execute(async (trx) => {
    await repo.deletePerson(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: person.spaceId, action: 'delete', entity: 'person', entityId: id }]);
  });
}


/**
 * Links a person to the account they sign in with (or unlinks with null), so they can cast
 * their organization's ballot from the seats they hold. Admins of the person's space decide.
 */
export async function linkAccount(db: Db, actor: Actor, id: string, email: string | null) {
  const person = await requirePersonReadable(db, actor, id);
  await requireAccess(db, actor, person.spaceId, 'admin');
  const userId = email ? await repo.findUserIdByEmail(db, email) : null;
  if (email && !userId) throw invalid([{ field: 'email', message: 'no account with this email' }]);
  const holder = userId ? await repo.findPersonOfUser(db, person.spaceId, userId) : undefined;
  if (holder && holder !== id) throw conflict('This account already belongs to another person of this organization.', 'email');
  await db.transaction().execute(async (trx) => {
    await repo.setPersonUser(trx, id, userId ?? null);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: person.spaceId, action: 'update', entity: 'person', entityId: id, changes: { account: '(linked or unlinked)' } }]);
  });
}
