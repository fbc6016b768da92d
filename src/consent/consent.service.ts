import { insertAudit } from '../audit/audit.repository.ts';
import { openContact } from '../contacts/contact-sealing.ts';
import { contactView, requireContact } from '../contacts/contact.service.ts';
import * as contacts from '../contacts/contact.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import type { ConsentPurpose } from '../db/tables.ts';
import { fellowMembers, organizationOfSpace } from '../overlap/overlap.repository.ts';
import { invalid, notFound, Problem } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { allowed, type DefaultablePurpose, LINK_DAYS, linkToken, PURPOSES, readLinkToken } from './consent.ts';
import * as repo from './consent.repository.ts';

// What an organization may do with each contact: read and set by its members, set by default for
// the organization by its administrators, and read and changed by the person through a signed link.
// A change takes effect at once: every computation that depends on it reads the stored choice.

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function effective(db: Db, contactId: string, spaceId: string) {
  const [choices, defaults] = await Promise.all([repo.choicesOf(db, contactId), repo.defaultsOf(db, spaceId)]);
  const simple = PURPOSES.filter((p) => p !== 'share_with_partner').map((purpose) => {
    const own = choices.find((c) => c.purpose === purpose);
    return { purpose, granted: allowed(purpose, choices, defaults), recorded: Boolean(own), source: own?.source ?? null, changedAt: own?.changedAt ?? null };
  });
  const partners = choices.filter((c) => c.purpose === 'share_with_partner')
    .map((c) => ({ partnerSpaceId: c.partnerSpaceId!, partnerName: c.partnerName ?? '', granted: c.granted, source: c.source, changedAt: c.changedAt }));
  return { purposes: simple, partners, defaults };
}

export async function contactConsent(db: Db, actor: Actor, contactId: string) {
  const contact = await requireContact(db, actor, contactId, 'member');
  return { ...(await effective(db, contactId, contact.spaceId)), history: await repo.historyOf(db, contactId), links: await repo.linksOf(db, contactId) };
}

async function checkPartner(db: Db, spaceId: string, purpose: ConsentPurpose, partnerSpaceId: string | null | undefined) {
  if (purpose !== 'share_with_partner') {
    if (partnerSpaceId) throw invalid([{ field: 'partnerSpaceId', message: 'only for sharing with a partner' }]);
    return null;
  }
  if (!partnerSpaceId) throw invalid([{ field: 'partnerSpaceId', message: 'say which partner organization' }]);
  const org = await organizationOfSpace(db, spaceId);
  const fellows = org ? await fellowMembers(db, org.id) : [];
  if (!fellows.some((f) => f.spaceId === partnerSpaceId)) throw invalid([{ field: 'partnerSpaceId', message: 'not a fellow member of one of your alliances' }]);
  return partnerSpaceId;
}

export async function setContactConsent(db: Db, actor: Actor, contactId: string, input: { purpose: ConsentPurpose; granted: boolean; partnerSpaceId?: string | null }) {
  const contact = await requireContact(db, actor, contactId, 'member');
  const partnerSpaceId = await checkPartner(db, contact.spaceId, input.purpose, input.partnerSpaceId);
  await db.transaction().execute(async (trx) => {
    const previous = await repo.recordChoice(trx, { contactId, spaceId: contact.spaceId, purpose: input.purpose, partnerSpaceId, granted: input.granted, source: 'staff', userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: contact.spaceId, action: 'update', entity: 'contact_consent', entityId: contactId,
      changes: { [input.purpose]: [previous, input.granted], ...(partnerSpaceId ? { partnerSpaceId } : {}) } }]);
  });
}

export async function consentDefaults(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'contacts');
  const chosen = await repo.defaultsOf(db, spaceId);
  return { count_in_alliance: allowed('count_in_alliance', [], chosen), overlap_matching: allowed('overlap_matching', [], chosen) };
}

export async function setConsentDefault(db: Db, actor: Actor, spaceId: string, purpose: DefaultablePurpose, granted: boolean) {
  await requireRole(db, actor, spaceId, 'admin', 'contacts');
  await db.transaction().execute(async (trx) => {
    await repo.setDefault(trx, spaceId, purpose, granted, actor.userId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'consent_default', entityId: null, changes: { [purpose]: [null, granted] } }]);
  });
}

/**
 * A link the person can open without an account, for LINK_DAYS days. Each is recorded: it stops
 * opening when withdrawn, or when its maker no longer holds a role in the organization's space.
 */
export async function consentLink(db: Db, box: SealedBox, actor: Actor, contactId: string) {
  const contact = await requireContact(db, actor, contactId, 'member');
  const expires = nowSeconds() + LINK_DAYS * 86_400;
  const { id } = await db.transaction().execute(async (trx) => {
    const link = await repo.insertLink(trx, { contactId, spaceId: contact.spaceId, issuedBy: actor.userId, expiresAt: new Date(expires * 1000) });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: contact.spaceId, action: 'create', entity: 'consent_link', entityId: contactId, changes: { expires: [null, new Date(expires * 1000).toISOString()] } }]);
    return link;
  });
  return { token: linkToken(id, expires, box.sign), expiresAt: new Date(expires * 1000).toISOString() };
}

/** Withdraws every link given for the contact. */
export async function revokeConsentLinks(db: Db, actor: Actor, contactId: string) {
  const contact = await requireContact(db, actor, contactId, 'member');
  return db.transaction().execute(async (trx) => {
    const revoked = await repo.revokeLinks(trx, contactId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: contact.spaceId, action: 'revoke', entity: 'consent_link', entityId: contactId, changes: { revoked: [null, revoked] } }]);
    return { revoked };
  });
}

async function contactOfLink(db: Db, box: SealedBox, token: string) {
  const read = readLinkToken(token, nowSeconds(), box.sign);
  if ('refused' in read) {
    if (read.refused === 'expired') throw new Problem(410, 'Link expired', 'This link has expired: ask the organization for a new one.');
    throw notFound('link');
  }
  const link = await repo.openLink(db, read.linkId);
  const contact = link ? await contacts.findContact(db, link.contactId) : undefined;
  if (!contact || contact.mergedInto) throw notFound('link');
  return contact;
}

/** What the organization holds about the person and what it may do, for the person (the read is logged). */
export async function personView(db: Db, box: SealedBox, token: string) {
  const contact = await contactOfLink(db, box, token);
  const organization = await organizationOfSpace(db, contact.spaceId);
  const details = openContact(box, contact.id, contact.sealed);
  const view = contactView(contact);
  await insertAudit(db, [{ userId: null, spaceId: contact.spaceId, action: 'read_sensitive', entity: 'contact', entityId: contact.id, changes: { by: 'the person, through their consent link' } }]);
  const { purposes, partners } = await effective(db, contact.id, contact.spaceId);
  return {
    organization: { name: organization?.name ?? '' },
    holds: { firstName: view.firstName, lastName: view.lastName, email: details.email ?? null, phone: details.phone ?? null, street: details.street ?? null,
      city: view.city, zip: view.zip, languages: view.languages, tags: view.tags, birthDate: details.birthDate ?? null },
    contact: { doNotContact: view.doNotContact, emailOptIn: view.emailOptIn, smsOptIn: view.smsOptIn },
    purposes: purposes.map(({ purpose, granted }) => ({ purpose, granted })),
    partners: partners.map(({ partnerSpaceId, partnerName, granted }) => ({ partnerSpaceId, partnerName, granted })),
  };
}

/** The person's own changes: any purpose, a partner the organization named (never a new one), not being contacted. */
export async function personUpdate(db: Db, box: SealedBox, token: string, input: { purposes?: { purpose: ConsentPurpose; granted: boolean; partnerSpaceId?: string | null }[]; doNotContact?: boolean }) {
  const contact = await contactOfLink(db, box, token);
  const named = new Set((await repo.choicesOf(db, contact.id)).filter((c) => c.purpose === 'share_with_partner').map((c) => c.partnerSpaceId));
  (input.purposes ?? []).forEach((p, i) => {
    if (p.purpose === 'share_with_partner' && !named.has(p.partnerSpaceId ?? null)) throw invalid([{ field: `purposes[${i}].partnerSpaceId`, message: 'not a partner this organization asked about' }]);
    if (p.purpose !== 'share_with_partner' && p.partnerSpaceId) throw invalid([{ field: `purposes[${i}].partnerSpaceId`, message: 'only for sharing with a partner' }]);
  });
  await db.transaction().execute(async (trx) => {
    const changes: Record<string, unknown> = {};
    for (const p of input.purposes ?? []) {
      changes[p.purpose] = [await repo.recordChoice(trx, { contactId: contact.id, spaceId: contact.spaceId, purpose: p.purpose, partnerSpaceId: p.partnerSpaceId ?? null, granted: p.granted, source: 'person', userId: null }), p.granted];
    }
    if (input.doNotContact !== undefined && input.doNotContact !== contact.doNotContact) {
      await contacts.updateContact(trx, contact.id, { doNotContact: input.doNotContact });
      changes.doNotContact = [contact.doNotContact, input.doNotContact];
    }
    await insertAudit(trx, [{ userId: null, spaceId: contact.spaceId, action: 'update', entity: 'contact_consent', entityId: contact.id, changes: { ...changes, by: 'the person, through their consent link' } }]);
  });
}
