import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ConsentPurpose, ConsentSource } from '../db/tables.ts';
import type { DefaultablePurpose } from './consent.ts';

// Contacts' recorded choices, their history and each organization's defaults.

export async function choicesOf(db: Db, contactId: string) {
  return db.selectFrom('contact_consents as c').leftJoin('organizations as o', 'o.own_space_id', 'c.partner_space_id')
    .select(['c.purpose', 'c.partner_space_id as partnerSpaceId', 'o.name as partnerName', 'c.granted', 'c.source', 'c.changed_at as changedAt'])
    .where('c.contact_id', '=', contactId).orderBy('c.purpose').execute();
}

export async function historyOf(db: Db, contactId: string) {
  return db.selectFrom('consent_events as e').leftJoin('users as u', 'u.id', 'e.changed_by').leftJoin('organizations as o', 'o.own_space_id', 'e.partner_space_id')
    .select(['e.purpose', 'o.name as partnerName', 'e.granted', 'e.previous', 'e.source', 'e.changed_at as changedAt', 'u.display_name as changedBy'])
    .where('e.contact_id', '=', contactId).orderBy('e.changed_at', 'desc').limit(100).execute();
}

/** Records a choice (replacing the one before) and its event; returns what it was before (null: none). */
export async function recordChoice(db: Db, c: { contactId: string; spaceId: string; purpose: ConsentPurpose; partnerSpaceId: string | null; granted: boolean; source: ConsentSource; userId: string | null }) {
  let before = db.selectFrom('contact_consents').select('granted').where('contact_id', '=', c.contactId).where('purpose', '=', c.purpose);
  before = c.partnerSpaceId ? before.where('partner_space_id', '=', c.partnerSpaceId) : before.where('partner_space_id', 'is', null);
  const previous = (await before.executeTakeFirst())?.granted ?? null;
  let remove = db.deleteFrom('contact_consents').where('contact_id', '=', c.contactId).where('purpose', '=', c.purpose);
  remove = c.partnerSpaceId ? remove.where('partner_space_id', '=', c.partnerSpaceId) : remove.where('partner_space_id', 'is', null);
  await remove.execute();
  await db.insertInto('contact_consents').values({ contact_id: c.contactId, space_id: c.spaceId, purpose: c.purpose, partner_space_id: c.partnerSpaceId, granted: c.granted, source: c.source, changed_by: c.userId }).execute();
  await db.insertInto('consent_events').values({ contact_id: c.contactId, space_id: c.spaceId, purpose: c.purpose, partner_space_id: c.partnerSpaceId, granted: c.granted, previous, source: c.source, changed_by: c.userId }).execute();
  return previous;
}

export async function defaultsOf(db: Db, spaceId: string): Promise<Partial<Record<DefaultablePurpose, boolean>>> {
  const rows = await db.selectFrom('consent_defaults').select(['purpose', 'granted']).where('space_id', '=', spaceId).execute();
  return Object.fromEntries(rows.map((r) => [r.purpose, r.granted]));
}

export async function setDefault(db: Db, spaceId: string, purpose: DefaultablePurpose, granted: boolean, userId: string) {
  await db.insertInto('consent_defaults').values({ space_id: spaceId, purpose, granted, changed_by: userId })
    .onConflict((oc) => oc.columns(['space_id', 'purpose']).doUpdateSet({ granted, changed_by: userId, changed_at: new Date() })).execute();
}

/**
 * As SQL: the contact (`contactId`, an SQL expression; null for an attempt with nobody recorded)
 * of the space `spaceId` may be counted in an alliance's totals: its own choice, else its
 * organization's default, else yes.
 */
export function countsInAlliance(contactId: RawBuilder<unknown>, spaceId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${contactId} is null or coalesce(
    (select cc.granted from contact_consents cc where cc.contact_id = ${contactId} and cc.purpose = 'count_in_alliance'),
    (select d.granted from consent_defaults d where d.space_id = ${spaceId} and d.purpose = 'count_in_alliance'), true))`;
}

/** As SQL over `contacts`: the contact may be used for `purpose`, given the organization's default for it. */
export function allowedFor(purpose: DefaultablePurpose, defaultGranted: boolean): RawBuilder<boolean> {
  return defaultGranted
    ? sql<boolean>`not exists (select 1 from contact_consents cc where cc.contact_id = contacts.id and cc.purpose = ${purpose} and not cc.granted)`
    : sql<boolean>`exists (select 1 from contact_consents cc where cc.contact_id = contacts.id and cc.purpose = ${purpose} and cc.granted)`;
}

export async function insertLink(db: Db, link: { contactId: string; spaceId: string; issuedBy: string; expiresAt: Date }) {
  return db.insertInto('consent_links').values({ contact_id: link.contactId, space_id: link.spaceId, issued_by: link.issuedBy, expires_at: link.expiresAt })
    .returning('id').executeTakeFirstOrThrow();
}

/** A link that still opens: not withdrawn, and its maker still holds a role in the organization's space. */
export async function openLink(db: Db, id: string) {
  return db.selectFrom('consent_links as l').innerJoin('space_roles as r', (j) => j.onRef('r.space_id', '=', 'l.space_id').onRef('r.user_id', '=', 'l.issued_by'))
    .select(['l.contact_id as contactId']).where('l.id', '=', id).where('l.revoked_at', 'is', null).executeTakeFirst();
}

export async function linksOf(db: Db, contactId: string) {
  return db.selectFrom('consent_links as l').leftJoin('users as u', 'u.id', 'l.issued_by')
    .select(['l.id', 'l.expires_at as expiresAt', 'l.revoked_at as revokedAt', 'l.created_at as createdAt', 'u.display_name as issuedBy'])
    .where('l.contact_id', '=', contactId).orderBy('l.created_at', 'desc').limit(50).execute();
}

export async function revokeLinks(db: Db, contactId: string) {
  const result = await db.updateTable('consent_links').set({ revoked_at: new Date() }).where('contact_id', '=', contactId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
