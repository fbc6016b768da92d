import { setWorkFor } from '../firewall/firewall.repository.ts';
import { checkOwnMark, checkPlacesFor, checkRemark } from '../firewall/firewall.service.ts';
import { randomUUID } from 'node:crypto';
import { findCounty, listStates } from '../areas/us-areas.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { conflict, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { CONTACT_FIELDS, type ContactRecord, readContactRow } from './contact-columns.ts';
import { publicFields } from './contact-prepare.ts';
import { normalizeEmail, normalizePhone } from './contact-identity.ts';
import { type ContactDetails, contactKeys, openContact, sealContact } from './contact-sealing.ts';
import type { ContactInput, ContactView } from './contact.schema.ts';
import * as repo from './contact.repository.ts';
import { contactsChanged, rememberedCount } from './contact-counts.ts';
import { placeAfterResults } from '../ladder/ladder.service.ts';

// An organization's contacts are its own: only a role in its space opens them (requireRole), never
// a grant, so an alliance coordinator sees none of its members' contacts. Viewers see names and
// places; members read the sealed details (each read logged) and write; admins delete and export.

const postalOf = new Map(listStates().map((s) => [s.fips, s.postal]));

export function contactView(r: repo.ContactRow): ContactView {
  return {
    id: r.id, spaceId: r.spaceId, externalId: r.externalId, firstName: r.firstName, lastName: r.lastName, languages: r.languages,
    city: r.city, state: r.stateFips ? postalOf.get(r.stateFips) ?? null : null, stateFips: r.stateFips, countyFips: r.countyFips,
    county: r.countyFips ? findCounty(r.countyFips)?.name ?? null : null, zip: r.zip, birthYear: r.birthYear, tags: r.tags, customFields: r.customFields,
    emailOptIn: r.emailOptIn, smsOptIn: r.smsOptIn, doNotContact: r.doNotContact, workFor: r.workFor ?? null, source: r.source, ladderStep: r.ladderStep ?? null, personId: r.personId ?? null, recruitedBy: r.recruitedBy ?? null, hasEmail: r.emailHash !== null,
    hasPhone: r.phoneHash !== null, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** The same rules as an import row: the input's fields are read as the columns of a one-row file. */
export function readInput(input: ContactInput, thisYear = new Date().getUTCFullYear()): ContactRecord {
  const row: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (typeof value === 'string') row[key] = value;
    if (typeof value === 'boolean') row[key] = value ? 'yes' : 'no';
  }
  row.languages = input.languages.join(';');
  const columns = new Map(CONTACT_FIELDS.filter((f) => f !== 'custom' && f !== 'tags').map((f) => [f, [f]]));
  const result = readContactRow(row, columns, thisYear);
  if (!result.ok) throw invalid(result.errors.map((e) => ({ field: e.column, message: e.message })));
  return { ...result.value, tags: [...new Set(input.tags)], customFields: input.customFields };
}

/** A contact of a space the actor holds `needed` in; 404 for anyone else. */
export async function requireContact(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member' | 'admin') {
  const contact = await repo.findContact(db, id);
  if (!contact || contact.mergedInto) throw notFound('contact');
  await requireRole(db, actor, contact.spaceId, needed, 'contact');
  return contact;
}

export async function listContacts(db: Db, actor: Actor, spaceId: string, options: { q?: string; limit: number; offset: number }) {
  await requireRole(db, actor, spaceId, 'viewer', 'contacts');
  const hiddenJobs = await repo.runningContactImports(db, spaceId);
  const [total, rows] = await Promise.all([
    rememberedCount(spaceId, JSON.stringify({ q: options.q ?? '', hiddenJobs }), () => repo.countContacts(db, spaceId, { ...options, hiddenJobs })),
    repo.listContacts(db, spaceId, { ...options, hiddenJobs }),
  ]);
  return { total, items: rows.map(contactView) };
}

export async function getContact(db: Db, actor: Actor, id: string) {
  const contact = await requireContact(db, actor, id, 'viewer');
  return { ...contactView(contact), history: await repo.listHistory(db, id) };
}

/** The sealed details, opened for members of the contact's space; every read is logged. */
export async function readDetails(db: Db, box: SealedBox, actor: Actor, id: string): Promise<ContactDetails> {
  const contact = await requireContact(db, actor, id, 'member');
  await insertAudit(db, [{ userId: actor.userId, spaceId: contact.spaceId, action: 'read_sensitive', entity: 'contact', entityId: id, changes: null }]);
  return openContact(box, id, contact.sealed);
}

/** `id`: chosen by the caller when a phone made the contact offline (a retried sign-up is the same contact). */
export async function createContact(db: Db, box: SealedBox, actor: Actor, spaceId: string, input: ContactInput, source = 'manual', id: string = randomUUID(), needed: 'member' | 'viewer' = 'member') {
  await requireRole(db, actor, spaceId, needed, 'contacts');
  const record = readInput(input);
  await checkOwnMark(db, actor, spaceId, 'contact', null, input.workFor, 'workFor');
  await db.transaction().execute(async (trx) => {
    await repo.insertContacts(trx, [{ id, spaceId, source, importJobId: null, importRow: null, ...publicFields(record), ...contactKeys(box, spaceId, record), ...sealContact(box, id, record) }]);
    if (input.workFor) await setWorkFor(trx, id, input.workFor);
    await repo.ensureTags(trx, spaceId, record.tags);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'contact', entityId: id, changes: { name: [null, `${record.firstName} ${record.lastName}`.trim()] } }]);
  });
  contactsChanged(spaceId);
  return id;
}

/** Replaces a contact's fields, sealed details included, with the input. */
export async function updateContact(db: Db, box: SealedBox, actor: Actor, id: string, input: ContactInput) {
  const contact = await requireContact(db, actor, id, 'member');
  const record = readInput(input);
  const before = contactView(contact);
  const workFor = input.workFor === undefined ? contact.workFor : input.workFor;
  if (workFor !== contact.workFor) await checkRemark(db, actor, contact.spaceId, 'contact', id, contact.workFor, workFor, 'workFor');
  await db.transaction().execute(async (trx) => {
    await repo.updateContact(trx, id, { ...publicFields(record), ...contactKeys(box, contact.spaceId, record), ...sealContact(box, id, record) });
    if (workFor !== contact.workFor) await setWorkFor(trx, id, workFor);
    await repo.ensureTags(trx, contact.spaceId, record.tags);
    const after = contactView({ ...contact, ...publicFields(record), workFor });
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => k !== 'updatedAt' && JSON.stringify(v) !== JSON.stringify(before[k as keyof ContactView]))
      .map(([k, v]) => [k, [before[k as keyof ContactView], v]]));
    // Sealed fields are logged by name only.
    await insertAudit(trx, [{ userId: actor.userId, spaceId: contact.spaceId, action: 'update', entity: 'contact', entityId: id, changes: { ...changed, details: 'sealed' } }]);
  });
  contactsChanged(contact.spaceId);
}

export async function deleteContact(db: Db, actor: Actor, id: string) {
  const contact = await requireContact(db, actor, id, 'admin');
  // A donor's gifts, commitments and dues are the organization's financial record: they are not deleted with the person.
  if (await repo.hasFinancialRecord(db, id)) throw conflict('This contact has gifts, recurring gifts, pledges or dues recorded: merge it into another contact instead of deleting it, so they stay.');
  await db.transaction().execute(async (trx) => {
    await repo.deleteContact(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: contact.spaceId, action: 'delete', entity: 'contact', entityId: id, changes: null }]);
  });
  contactsChanged(contact.spaceId);
}

/** Exact lookup through the blind index: the stored hashes are compared, nothing is decrypted. */
export async function lookupContacts(db: Db, box: SealedBox, actor: Actor, spaceId: string, query: { email?: string; phone?: string }) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  const phone = query.phone ? normalizePhone(query.phone) : undefined;
  if (query.phone && !phone) throw invalid([{ field: 'phone', message: 'not a phone number' }]);
  if (!query.email && !phone) throw invalid([{ field: 'email', message: 'give an email or a phone' }]);
  const candidates = await repo.findMatchCandidates(db, spaceId, {
    emailHashes: query.email ? [box.keyedHash(`email:${normalizeEmail(query.email)}`, spaceId)] : [], phoneHashes: phone ? [box.keyedHash(`phone:${phone}`, spaceId)] : [],
    nameAddressHashes: [], externalIds: [],
  });
  const hiddenJobs = new Set(await repo.runningContactImports(db, spaceId));
  const ids = candidates.filter((c) => !c.importJobId || !hiddenJobs.has(c.importJobId)).map((c) => c.id);
  const rows = await repo.listContacts(db, spaceId, { ids, hiddenJobs: [], limit: 100, offset: 0 });
  return rows.map(contactView);
}

/**
 * Merges a duplicate into a contact: the contact keeps its values and takes the duplicate's
 * where it has none (tags and languages are joined); the duplicate is kept, marked merged, out
 * of every list; its outreach attempts and list places move to the contact it joined. Both get a
 * history entry (the survivor's with its sealed details as they were).
 */
export async function mergeContacts(db: Db, box: SealedBox, actor: Actor, id: string, duplicateId: string) {
  const keep = await requireContact(db, actor, id, 'member');
  const duplicate = await requireContact(db, actor, duplicateId, 'member');
  if (keep.spaceId !== duplicate.spaceId) throw notFound('contact');
  if (keep.id === duplicate.id) throw invalid([{ field: 'duplicateId', message: 'a contact cannot be merged into itself' }]);
  const details = { ...openContact(box, duplicate.id, duplicate.sealed), ...openContact(box, keep.id, keep.sealed) };
  const pick = <T>(a: T | null, b: T | null) => (a === null || a === '' ? b : a);
  const merged: repo.ContactChanges = {
    externalId: keep.externalId ?? duplicate.externalId, firstName: keep.firstName || duplicate.firstName, lastName: keep.lastName || duplicate.lastName,
    languages: [...new Set([...keep.languages, ...duplicate.languages])], tags: [...new Set([...keep.tags, ...duplicate.tags])],
    customFields: { ...duplicate.customFields, ...keep.customFields }, city: pick(keep.city, duplicate.city), stateFips: pick(keep.stateFips, duplicate.stateFips),
    countyFips: pick(keep.countyFips, duplicate.countyFips), zip: pick(keep.zip, duplicate.zip), birthYear: pick(keep.birthYear, duplicate.birthYear),
    emailOptIn: pick(keep.emailOptIn, duplicate.emailOptIn), smsOptIn: pick(keep.smsOptIn, duplicate.smsOptIn), doNotContact: keep.doNotContact || duplicate.doNotContact,
    householdKey: keep.householdKey ?? duplicate.householdKey,
  };
  const record = { ...details, firstName: merged.firstName!, lastName: merged.lastName!, zip: merged.zip ?? undefined, city: merged.city ?? undefined };
  const keys = contactKeys(box, keep.spaceId, record);
  // Work gathered for one side of the c3/c4 firewall does not move to the other with a merge; one marked side marks the kept contact.
  if (keep.workFor && duplicate.workFor && keep.workFor !== duplicate.workFor) await checkRemark(db, actor, keep.spaceId, 'contact', keep.id, keep.workFor, duplicate.workFor, 'duplicateId');
  const workFor = keep.workFor ?? duplicate.workFor;
  await checkPlacesFor(db, actor, keep.spaceId, [keep.id, duplicate.id], workFor, 'duplicateId');
  await db.transaction().execute(async (trx) => {
    if (workFor !== keep.workFor) await setWorkFor(trx, keep.id, workFor);
    await repo.markMerged(trx, duplicate.id, keep.id);
    await repo.moveRecordsOf(trx, duplicate.id, keep.id);
    await repo.updateContact(trx, keep.id, { ...merged, ...sealContact(box, keep.id, details), emailHash: keys.emailHash, phoneHash: keys.phoneHash, nameAddressHash: keys.nameAddressHash, birthKey: keys.birthKey });
    await repo.insertHistory(trx, { contactId: keep.id, spaceId: keep.spaceId, action: 'absorbed', otherContactId: duplicate.id, beforeSealed: keep.sealed, userId: actor.userId });
    await repo.insertHistory(trx, { contactId: duplicate.id, spaceId: keep.spaceId, action: 'merged', otherContactId: keep.id, beforeSealed: null, userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: keep.spaceId, action: 'update', entity: 'contact', entityId: keep.id, changes: { mergedFrom: [null, duplicate.id] } }]);
  });
  contactsChanged(keep.spaceId);
  // The kept contact now carries both records: the ladder places it again.
  await placeAfterResults(db, box, keep.spaceId, [keep.id]);
}
