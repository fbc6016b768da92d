import { insertAudit } from '../audit/audit.repository.ts';
import { normalizeEmail, normalizePhone } from '../contacts/contact-identity.ts';
import { openContact } from '../contacts/contact-sealing.ts';
import type { ContactInput } from '../contacts/contact.schema.ts';
import { ContactInputSchema } from '../contacts/contact.schema.ts';
import * as contacts from '../contacts/contact.repository.ts';
import { contactsChanged, rememberedCount } from '../contacts/contact-counts.ts';
import { contactView, createContact, updateContact } from '../contacts/contact.service.ts';
import * as segments from '../contacts/segment.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { invalid, notFound, Problem } from '../server/problem.ts';
import * as leadership from '../leadership/leadership.repository.ts';
import * as donations from '../donations/donation.repository.ts';
import { recordAttendance as recordContactAttendance } from '../leadership/leadership.service.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import type { PeopleFilter, PersonFacts } from './osdi-format.ts';
import * as outreach from '../outreach/outreach.repository.ts';
import type { Script } from '../outreach/outreach.schema.ts';

// What the OSDI server reads and writes, through the same repositories and rules as the app:
// one space per token, its contacts opened only for a member role, each page of details logged.

export interface OsdiCaller { actor: Actor; spaceId: string }

function facts(box: SealedBox, r: contacts.ContactRow): PersonFacts {
  const v = contactView(r);
  return { ...v, details: openContact(box, r.id, r.sealed) };
}

async function logRead(db: Db, caller: OsdiCaller, count: number) {
  if (count) await insertAudit(db, [{ userId: caller.actor.userId, spaceId: caller.spaceId, action: 'read_sensitive', entity: 'contacts', entityId: null, changes: { count, via: 'osdi' } }]);
}

export async function listPeople(db: Db, box: SealedBox, caller: OsdiCaller, page: { page: number; perPage: number }, filter: PeopleFilter & { tag?: string; listId?: string }) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const hiddenJobs = await contacts.runningContactImports(db, caller.spaceId);
  let ids: string[] | undefined;
  if (filter.email) ids = (await contacts.findMatchCandidates(db, caller.spaceId, { emailHashes: [box.keyedHash(`email:${normalizeEmail(filter.email)}`, caller.spaceId)], phoneHashes: [], nameAddressHashes: [], externalIds: [] })).map((c) => c.id);
  const options = { hiddenJobs, ids, modifiedFilters: filter.modified, tag: filter.tag, listId: filter.listId };
  const [total, rows] = await Promise.all([
    rememberedCount(caller.spaceId, JSON.stringify({ ...filter, hiddenJobs }), () => contacts.countContacts(db, caller.spaceId, options)),
    contacts.listContacts(db, caller.spaceId, { ...options, limit: page.perPage, offset: (page.page - 1) * page.perPage }),
  ]);
  await logRead(db, caller, rows.length);
  return { total, items: rows.map((r) => facts(box, r)) };
}

async function visibleContact(db: Db, caller: OsdiCaller, id: string) {
  const row = await contacts.findContact(db, id);
  if (!row || row.spaceId !== caller.spaceId || row.mergedInto) throw notFound('person');
  const hidden = await contacts.runningContactImports(db, caller.spaceId);
  if (row.importJobId && hidden.includes(row.importJobId)) throw notFound('person');
  return row;
}

export async function getPerson(db: Db, box: SealedBox, caller: OsdiCaller, id: string) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const row = await visibleContact(db, caller, id);
  await logRead(db, caller, 1);
  return facts(box, row);
}

/** An OSDI person (the parts we keep) as the app's contact input; `base` supplies what the person leaves out. */
export function inputFromOsdi(person: Record<string, unknown>, base: ContactInput | null): ContactInput {
  const p = person as {
    given_name?: string; family_name?: string; additional_name?: string; identifiers?: string[]; languages_spoken?: string[];
    email_addresses?: { address?: string; primary?: boolean; status?: string }[]; phone_numbers?: { number?: string | number; primary?: boolean; sms_capable?: boolean }[];
    postal_addresses?: { address_lines?: string[]; locality?: string; region?: string; postal_code?: string; primary?: boolean }[];
    birthdate?: { year?: number; month?: number; day?: number }; custom_fields?: Record<string, unknown>;
  };
  const primary = <T extends { primary?: boolean }>(list: T[] | undefined) => list?.find((x) => x.primary) ?? list?.[0];
  const email = primary(p.email_addresses);
  const phone = primary(p.phone_numbers);
  const address = primary(p.postal_addresses);
  const foreignId = p.identifiers?.find((i) => typeof i === 'string' && !i.startsWith('crossroads:'));
  const b = p.birthdate;
  const pad = (n: number) => String(n).padStart(2, '0');
  const custom = Object.fromEntries(Object.entries(p.custom_fields ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]));
  return ContactInputSchema.parse({
    ...(base ?? {}),
    ...(p.given_name !== undefined ? { firstName: p.given_name } : {}),
    ...(p.family_name !== undefined ? { lastName: p.family_name } : {}),
    ...(p.additional_name !== undefined ? { middleName: p.additional_name } : {}),
    ...(foreignId && !base?.externalId ? { externalId: foreignId } : {}),
    ...(email?.address ? { email: email.address, ...(email.status ? { emailOptIn: email.status === 'subscribed' } : {}) } : {}),
    ...(phone?.number !== undefined ? { phone: String(phone.number), ...(phone.sms_capable !== undefined ? { smsOptIn: phone.sms_capable } : {}) } : {}),
    ...(address ? {
      street: address.address_lines?.join(', ') || base?.street, city: address.locality ?? base?.city, state: address.region ?? base?.state, zip: address.postal_code ?? base?.zip,
    } : {}),
    ...(b?.year && b.month && b.day ? { birthDate: `${b.year}-${pad(b.month)}-${pad(b.day)}` } : {}),
    ...(p.languages_spoken ? { languages: p.languages_spoken.map((l) => String(l).slice(0, 2).toLowerCase()) } : {}),
    customFields: { ...(base?.customFields ?? {}), ...custom },
  });
}

function inputOfStored(row: contacts.ContactRow, box: SealedBox): ContactInput {
  const v = contactView(row);
  const d = openContact(box, row.id, row.sealed);
  return ContactInputSchema.parse({
    externalId: v.externalId, firstName: v.firstName, lastName: v.lastName, middleName: d.middleName, email: d.email, phone: d.phone, street: d.street,
    city: v.city, state: v.state, county: v.countyFips, zip: v.zip, birthDate: d.birthDate, languages: v.languages, tags: v.tags, customFields: v.customFields,
    emailOptIn: v.emailOptIn, smsOptIn: v.smsOptIn, doNotContact: v.doNotContact,
  });
}

/**
 * The person signup helper: the person with this email (else this phone, else this other
 * system's identifier) is updated with what the request holds and gets the tags to add; nobody matches, a contact is created. Twice the same
 * request is one person.
 */
export async function signup(db: Db, box: SealedBox, caller: OsdiCaller, body: { person?: Record<string, unknown>; add_tags?: unknown; remove_tags?: unknown }) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const person = body.person ?? {};
  if (typeof person !== 'object' || Array.isArray(person)) throw invalid([{ field: 'person', message: 'an OSDI person object' }]);
  let draft: ContactInput;
  try {
    draft = inputFromOsdi(person, null);
  } catch (err) {
    // A field of the wrong shape (a string where OSDI has a list, a null in a list).
    if (err instanceof TypeError) throw invalid([{ field: 'person', message: 'an OSDI person: lists where OSDI has lists, objects where it has objects' }]);
    throw err;
  }
  const phone = draft.phone ? normalizePhone(draft.phone) : undefined;
  const candidates = await contacts.findMatchCandidates(db, caller.spaceId, {
    emailHashes: draft.email ? [box.keyedHash(`email:${normalizeEmail(draft.email)}`, caller.spaceId)] : [], phoneHashes: phone ? [box.keyedHash(`phone:${phone}`, caller.spaceId)] : [],
    nameAddressHashes: [], externalIds: draft.externalId ? [draft.externalId] : [],
  });
  const hidden = new Set(await contacts.runningContactImports(db, caller.spaceId));
  const visible = candidates.filter((c) => !c.importJobId || !hidden.has(c.importJobId));
  const emailHash = draft.email ? box.keyedHash(`email:${normalizeEmail(draft.email)}`, caller.spaceId) : null;
  const match = visible.find((c) => emailHash && c.emailHash === emailHash) ?? visible[0];
  const tags = (list: unknown) => (Array.isArray(list) ? list.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim().slice(0, 80)) : []);
  const add = tags(body.add_tags);
  const remove = new Set(tags(body.remove_tags));
  if (!match) {
    const input = { ...draft, tags: [...new Set([...draft.tags, ...add])].filter((t) => !remove.has(t)) };
    return { id: await createContact(db, box, caller.actor, caller.spaceId, input, 'osdi'), created: true };
  }
  const stored = (await contacts.findContact(db, match.id))!;
  const merged = inputFromOsdi(person, inputOfStored(stored, box));
  await updateContact(db, box, caller.actor, match.id, { ...merged, tags: [...new Set([...merged.tags, ...add])].filter((t) => !remove.has(t)) });
  return { id: match.id, created: false };
}

export async function listTags(db: Db, caller: OsdiCaller, page: { page: number; perPage: number }) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const [total, items] = await Promise.all([contacts.countTags(db, caller.spaceId), contacts.listTags(db, caller.spaceId, page.perPage, (page.page - 1) * page.perPage)]);
  return { total, items };
}

export async function getTag(db: Db, caller: OsdiCaller, id: string) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const tag = await contacts.findTag(db, id);
  if (!tag || tag.spaceId !== caller.spaceId) throw notFound('tag');
  return tag;
}

export async function createTag(db: Db, caller: OsdiCaller, name: string) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  await contacts.ensureTags(db, caller.spaceId, [name]);
  await insertAudit(db, [{ userId: caller.actor.userId, spaceId: caller.spaceId, action: 'create', entity: 'contact_tag', entityId: null, changes: { name: [null, name] } }]);
  return contacts.findTagByName(db, caller.spaceId, name);
}

/** Adds or removes one tag on one person. */
export async function setTagging(db: Db, caller: OsdiCaller, tagId: string, personId: string, present: boolean) {
  const tag = await getTag(db, caller, tagId);
  const row = await visibleContact(db, caller, personId);
  const has = row.tags.includes(tag.name);
  if (has === present) return;
  const tags = present ? [...row.tags, tag.name] : row.tags.filter((t) => t !== tag.name);
  await contacts.updateContact(db, personId, { tags });
  contactsChanged(caller.spaceId);
  await insertAudit(db, [{ userId: caller.actor.userId, spaceId: caller.spaceId, action: 'update', entity: 'contact', entityId: personId, changes: { tags: [row.tags, tags] } }]);
}

export async function tagsOfPerson(db: Db, caller: OsdiCaller, personId: string) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const row = await visibleContact(db, caller, personId);
  return contacts.findTagsByName(db, caller.spaceId, row.tags);
}

export async function listLists(db: Db, caller: OsdiCaller, page: { page: number; perPage: number }) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const [total, items] = await Promise.all([segments.countLists(db, caller.spaceId), segments.listLists(db, caller.spaceId, page.perPage, (page.page - 1) * page.perPage)]);
  return { total, items: items.map((l) => ({ ...l, size: Number(l.size ?? 0) })) };
}

export async function getList(db: Db, caller: OsdiCaller, id: string) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const list = await segments.findList(db, id);
  if (!list || list.spaceId !== caller.spaceId) throw notFound('list');
  return { ...list, size: await segments.countItems(db, id) };
}

export async function listItems(db: Db, caller: OsdiCaller, listId: string, page: { page: number; perPage: number }) {
  const list = await getList(db, caller, listId);
  const items = await segments.listItems(db, listId, page.perPage, (page.page - 1) * page.perPage);
  return { total: list.size, items };
}

export async function listHasPerson(db: Db, caller: OsdiCaller, listId: string, personId: string) {
  await getList(db, caller, listId);
  return segments.hasItem(db, listId, personId);
}

export async function listCanvassingEfforts(db: Db, caller: OsdiCaller, page: { page: number; perPage: number }) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const [total, items] = await Promise.all([outreach.countEfforts(db, caller.spaceId), outreach.pageEfforts(db, caller.spaceId, page.perPage, (page.page - 1) * page.perPage)]);
  return { total, items };
}

async function effortOf(db: Db, caller: OsdiCaller, id: string) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const effort = await outreach.findEffort(db, id);
  if (!effort || effort.spaceId !== caller.spaceId) throw notFound('canvassing effort');
  return effort;
}

export async function getCanvassingEffort(db: Db, caller: OsdiCaller, id: string) {
  const effort = await effortOf(db, caller, id);
  return { ...effort, updatedAt: effort.createdAt, total: await outreach.countAttempts(db, id) };
}

export async function listCanvasses(db: Db, caller: OsdiCaller, effortId: string, page: { page: number; perPage: number }) {
  const effort = await effortOf(db, caller, effortId);
  const [total, items] = await Promise.all([outreach.countAttempts(db, effortId), outreach.pageAttempts(db, effortId, page.perPage, (page.page - 1) * page.perPage)]);
  return { effort, total, items };
}

/** Every question of every script of the space, in the order of their efforts. */
export async function listQuestions(db: Db, caller: OsdiCaller) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const efforts = await outreach.listEfforts(db, caller.spaceId);
  return efforts.flatMap((e) => ((e.script as Script).questions ?? []).map((q) => ({ effortId: e.id, question: q })));
}

export async function getQuestion(db: Db, caller: OsdiCaller, questionId: string) {
  const [effortId, key] = questionId.split('.');
  if (!effortId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(effortId)) throw notFound('question');
  const effort = await effortOf(db, caller, effortId);
  const question = ((effort.script as Script).questions ?? []).find((q) => q.key === key);
  if (!question) throw notFound('question');
  return { effortId: effort.id, question };
}

export async function listAnswers(db: Db, caller: OsdiCaller, questionId: string, page: { page: number; perPage: number }) {
  const { effortId, question } = await getQuestion(db, caller, questionId);
  const [total, items] = await Promise.all([outreach.countAttempts(db, effortId, question.key),
    outreach.pageAttempts(db, effortId, page.perPage, (page.page - 1) * page.perPage, question.key)]);
  return { key: question.key, total, items };
}

// Events are the convenings the token's organization takes part in (its own, its alliances',
// those it hosts or is invited to); their attendances are this organization's contacts only.

async function eventsScope(db: Db, caller: OsdiCaller) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'contacts');
  const organization = await leadership.organizationOfSpace(db, caller.spaceId);
  if (!organization) throw notFound('events');
  return organization.id;
}

export async function listEvents(db: Db, caller: OsdiCaller, page: { page: number; perPage: number }) {
  const organizationId = await eventsScope(db, caller);
  const { total, rows } = await leadership.pageReachableConvenings(db, organizationId, caller.spaceId, caller.actor.userId, { offset: (page.page - 1) * page.perPage, limit: page.perPage });
  return { total, items: rows };
}

export async function getEvent(db: Db, caller: OsdiCaller, id: string) {
  const organizationId = await eventsScope(db, caller);
  const { rows: [event] } = await leadership.pageReachableConvenings(db, organizationId, caller.spaceId, caller.actor.userId, { ids: [id], offset: 0, limit: 1 });
  if (!event) throw notFound('event');
  return event;
}

export async function listAttendances(db: Db, caller: OsdiCaller, eventId: string, page: { page: number; perPage: number }) {
  await getEvent(db, caller, eventId);
  const { total, rows } = await leadership.pageAttendance(db, caller.spaceId, { conveningId: eventId, offset: (page.page - 1) * page.perPage, limit: page.perPage });
  return { total, items: rows };
}

export async function getAttendance(db: Db, caller: OsdiCaller, eventId: string, id: string) {
  await getEvent(db, caller, eventId);
  const record = await leadership.findAttendance(db, id);
  if (!record || record.spaceId !== caller.spaceId || record.conveningId !== eventId) throw notFound('attendance');
  return record;
}

/** Records one of the organization's people at an event, as the app's attendance sheet does (the ladder follows). */
export async function recordAttendance(db: Db, box: SealedBox, caller: OsdiCaller, eventId: string, personId: string, status: 'registered' | 'attended' | 'no_show') {
  await getEvent(db, caller, eventId);
  const { items } = await recordContactAttendance(db, box, caller.actor, caller.spaceId, { conveningId: eventId, contactIds: [personId], status, source: 'manual' }, 'osdi')
    .catch((err: unknown) => {
      // The person named is not one of this organization's: the same answer as any unknown person.
      if (err instanceof Problem && err.status === 422 && err.errors.some((e) => e.field.startsWith('contactIds'))) throw notFound('person');
      throw err;
    });
  return getAttendance(db, caller, eventId, items[0]!.id);
}

/** The record attendance helper: the person matched or created as the signup helper does, then recorded at the event. */
export async function recordAttendanceHelper(db: Db, box: SealedBox, caller: OsdiCaller, eventId: string, body: Record<string, unknown>, status: 'registered' | 'attended' | 'no_show') {
  await getEvent(db, caller, eventId);
  const { id } = await signup(db, box, caller, { person: body.person as Record<string, unknown> | undefined, add_tags: body.add_tags });
  return { ...(await recordAttendance(db, box, caller, eventId, id, status)), personId: id };
}

// Donations: the organization's gifts, read like its people (a member's token; each page logged).

export async function listDonations(db: Db, caller: OsdiCaller, page: { page: number; perPage: number }) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'donations');
  const { total, rows } = await donations.pageDonations(db, caller.spaceId, { offset: (page.page - 1) * page.perPage, limit: page.perPage });
  await logRead(db, caller, rows.length);
  return { total, items: rows };
}

export async function getDonation(db: Db, caller: OsdiCaller, id: string) {
  await requireRole(db, caller.actor, caller.spaceId, 'member', 'donations');
  const { rows: [donation] } = await donations.pageDonations(db, caller.spaceId, { id, offset: 0, limit: 1 });
  if (!donation) throw notFound('donation');
  return donation;
}
