import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { conflict, invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { toThreeSixtyGiving } from './grant-360.ts';
import type { FunderType } from './grant.schema.ts';
import type { DateOrder, GrantRecord } from './grant-file.ts';
import { readGrantFile } from './grant-source.ts';
import * as repo from './grant.repository.ts';
import { indexDirectory, looseName, matchOrganization } from './org-matching.ts';

// Grants recorded in a space (an alliance's funders and its re-grants, an organization's own),
// opened only to a role there: members import and link them, admins delete. An import is all or
// nothing: a file with any grant at fault writes nothing and names each grant and field; a grant
// already recorded under its identifier is updated when the file says something new, links a
// person confirmed are kept. Funders and recipients are linked to directory organizations the
// importer can read; the unsure go to a review list.

/** What a directory organization's kind says of it as a funder. */
const funderTypeOfKind = (kind: string | undefined): FunderType | undefined =>
  ({ funder: 'foundation', government: 'government', business: 'corporate', alliance: 'intermediary', intermediary: 'intermediary' } as Record<string, FunderType>)[kind ?? ''];

async function matcherFor(db: Db, userId: string, records: GrantRecord[]) {
  const orgs = records.flatMap((r) => [r.funder, r.recipient]);
  const identifiers = [...new Set(orgs.map((o) => o.identifier?.trim().toLowerCase()).filter((v): v is string => Boolean(v)))];
  const names = [...new Set(orgs.map((o) => looseName(o.name)).filter(Boolean))];
  const candidates = await repo.directoryCandidates(db, userId, identifiers, names);
  const kinds = new Map(candidates.map((c) => [c.id, c.kind]));
  return { index: indexDirectory(candidates), kinds };
}

const SAME_FIELDS = ['title', 'description', 'currency', 'amountMinor', 'awardDate', 'plannedStart', 'plannedEnd', 'durationMonths', 'funderIdentifier', 'funderName',
  'recipientIdentifier', 'recipientName', 'programmeCode', 'programmeTitle', 'regrantType', 'url', 'dataSource'] as const;
const flatRecord = (r: GrantRecord) => ({ ...r, funderIdentifier: r.funder.identifier, funderName: r.funder.name, recipientIdentifier: r.recipient.identifier, recipientName: r.recipient.name });

// Locations compared field by field: the database keeps a JSON object's keys in its own order.
const sameLocations = (locations: GrantRecord['beneficiaryLocations']) =>
  JSON.stringify(locations.map((l) => [l.name ?? null, l.countryCode ?? null, l.geoCode ?? null, l.geoCodeType ?? null]));

export interface GrantImportOptions { dryRun?: boolean; dateOrder?: DateOrder; funderType?: FunderType }

export async function importGrants(db: Db, actor: Actor, spaceId: string, bytes: Uint8Array, options: GrantImportOptions = {}) {
  await requireRole(db, actor, spaceId, 'member', 'grants');
  const reading = await readGrantFile(bytes, { dateOrder: options.dateOrder });
  if (reading.problems.length) {
    throw invalid(reading.problems.slice(0, 200).map((p) => ({ field: `${p.grant} › ${p.field}`, message: p.message })),
      `${reading.problems.length} problem(s) in the file; nothing was imported.`);
  }
  const { index, kinds } = await matcherFor(db, actor.userId, reading.grants);
  const existing = new Map((await repo.existingByIdentifier(db, spaceId, reading.grants.map((g) => g.identifier))).map((g) => [g.identifier, g]));
  const fresh: repo.GrantWrite[] = [];
  const changed: { id: string; write: repo.GrantWrite }[] = [];
  let unchanged = 0;
  const review = { unsure: 0, none: 0 };
  for (const record of reading.grants) {
    const before = existing.get(record.identifier);
    const funder = matchOrganization(record.funder, index);
    const recipient = matchOrganization(record.recipient, index);
    const keep = (match: typeof funder, confirmed: { orgId: string | null; match: string } | undefined) =>
      confirmed?.match === 'confirmed' ? { orgId: confirmed.orgId, match: 'confirmed' as const } : { orgId: match.organizationId, match: match.match };
    const write: repo.GrantWrite = {
      record,
      funder: keep(funder, before && { orgId: before.funderOrgId, match: before.funderMatch }),
      recipient: keep(recipient, before && { orgId: before.recipientOrgId, match: before.recipientMatch }),
      funderType: before?.funderType ?? funderTypeOfKind(kinds.get(funder.organizationId ?? '')) ?? options.funderType ?? 'foundation',
    };
    for (const m of [write.funder.match, write.recipient.match]) if (m === 'unsure' || m === 'none') review[m]++;
    if (!before) fresh.push(write);
    else if (SAME_FIELDS.some((f) => String(flatRecord(record)[f] ?? '') !== String(before[f] ?? ''))
      || sameLocations(record.beneficiaryLocations) !== sameLocations(before.beneficiaryLocations)) changed.push({ id: before.id, write });
    else unchanged++;
  }
  const report = { format: reading.format, encoding: reading.encoding, grants: reading.grants.length, created: fresh.length, updated: changed.length, unchanged,
    repeats: reading.repeats, ignoredColumns: reading.ignoredColumns, review, dryRun: Boolean(options.dryRun) };
  if (options.dryRun) return report;
  await db.transaction().execute(async (trx) => {
    const ids = await repo.insertGrants(trx, spaceId, fresh, actor.userId);
    for (const c of changed) await repo.updateGrant(trx, c.id, c.write);
    // A grant updated below what it already passed on (or into another currency than its re-grants) fails the whole import.
    const overspent = await repo.overspentParents(trx, changed.map((c) => c.id));
    if (overspent.length) {
      throw invalid(overspent.map((identifier) => ({ field: `${identifier} › amountAwarded`, message: 'less than its re-grants already passed on, or in another currency than theirs' })));
    }
    await insertAudit(trx, [
      ...ids.map((id, i) => ({ userId: actor.userId, spaceId, action: 'create' as const, entity: 'funding_grant', entityId: id, changes: { identifier: [null, fresh[i]!.record.identifier] } })),
      ...changed.map((c) => ({ userId: actor.userId, spaceId, action: 'update' as const, entity: 'funding_grant', entityId: c.id, changes: { imported: [null, c.write.record.identifier] } })),
    ]);
  });
  return report;
}

async function grantIn(db: Db, actor: Actor, id: string, needed: 'viewer' | 'member' | 'admin') {
  const grant = await repo.findGrant(db, id);
  if (!grant) throw notFound('grant');
  await requireRole(db, actor, grant.spaceId, needed, 'grant');
  return grant;
}

export async function listGrants(db: Db, actor: Actor, spaceId: string, filter: { from?: string; to?: string; review?: boolean; limit: number; offset: number }) {
  await requireRole(db, actor, spaceId, 'viewer', 'grants');
  const page = await repo.listGrants(db, spaceId, filter);
  const orgIds = [...new Set(page.items.flatMap((g) => [g.funderOrgId, g.recipientOrgId]).filter((v): v is string => Boolean(v)))];
  // Directory names only of organizations this reader may read: the links were made with someone else's access.
  const names = new Map((await repo.readableOrganizations(db, actor.userId, orgIds)).map((o) => [o.id, o.name]));
  return { total: page.total, items: page.items.map((g) => ({ ...g, funderOrganizationName: names.get(g.funderOrgId ?? '') ?? null, recipientOrganizationName: names.get(g.recipientOrgId ?? '') ?? null })) };
}

/** A grant, and for an unsure link the directory organizations it could be. */
export async function getGrant(db: Db, actor: Actor, id: string) {
  const grant = await grantIn(db, actor, id, 'viewer');
  const record = { funder: { identifier: grant.funderIdentifier, name: grant.funderName }, recipient: { identifier: grant.recipientIdentifier, name: grant.recipientName } } as GrantRecord;
  const { index } = await matcherFor(db, actor.userId, [record]);
  const candidates = async (org: GrantRecord['funder'], match: string) => {
    if (match !== 'unsure') return [];
    const ids = matchOrganization(org, index).candidates;
    return repo.organizationNames(db, ids);
  };
  const regranted = await repo.regrantedTotal(db, id);
  return { ...grant, regrantedMinor: regranted.total, regrants: regranted.count,
    funderCandidates: await candidates(record.funder, grant.funderMatch), recipientCandidates: await candidates(record.recipient, grant.recipientMatch) };
}

/** A person settles a link (or says the organization is not in the directory: null), or the funder's kind. */
export async function setGrantLinks(db: Db, actor: Actor, id: string, links: { funderOrganizationId?: string | null; recipientOrganizationId?: string | null; funderType?: FunderType }) {
  const grant = await grantIn(db, actor, id, 'member');
  const readable = async (orgId: string | null | undefined, field: string) => {
    if (!orgId) return;
    const found = await repo.directoryCandidatesById(db, actor.userId, orgId);
    if (!found) throw invalid([{ field, message: 'no such organization in the directory you can read' }]);
  };
  await readable(links.funderOrganizationId, 'funderOrganizationId');
  await readable(links.recipientOrganizationId, 'recipientOrganizationId');
  await db.transaction().execute(async (trx) => {
    await repo.setLinks(trx, id, { funderOrgId: links.funderOrganizationId, recipientOrgId: links.recipientOrganizationId, funderType: links.funderType });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: grant.spaceId, action: 'update', entity: 'funding_grant', entityId: id, changes: {
      ...(links.funderOrganizationId !== undefined ? { funderOrgId: [grant.funderOrgId, links.funderOrganizationId] } : {}),
      ...(links.recipientOrganizationId !== undefined ? { recipientOrgId: [grant.recipientOrgId, links.recipientOrganizationId] } : {}),
      ...(links.funderType ? { funderType: [grant.funderType, links.funderType] } : {}),
    } }]);
  });
}

/**
 * A re-grant: the recipient of `parentId` (an anchor or an alliance, linked in the directory)
 * passes part of it to another organization. The re-grants of one grant never add up to more
 * than it.
 */
export async function createRegrant(db: Db, actor: Actor, parentId: string, input: { recipientOrganizationId: string; amountMinor: number; awardDate: string; title?: string; identifier?: string }) {
  const parent = await grantIn(db, actor, parentId, 'member');
  if (!parent.recipientOrgId) throw invalid([{ field: 'parentGrantId', message: 'link the grant\'s recipient to the directory before passing it on' }]);
  const recipient = await repo.directoryCandidatesById(db, actor.userId, input.recipientOrganizationId);
  if (!recipient) throw invalid([{ field: 'recipientOrganizationId', message: 'no such organization in the directory you can read' }]);
  if (input.awardDate < parent.awardDate) throw invalid([{ field: 'awardDate', message: 'a re-grant cannot be made before the grant it passes on' }]);
  if (input.recipientOrganizationId === parent.recipientOrgId) throw invalid([{ field: 'recipientOrganizationId', message: 'a grant cannot be passed on to the organization that received it' }]);
  // The funder of the re-grant is the grant's recipient, named as the grant names it.
  const anchor = { id: parent.recipientOrgId, name: parent.recipientName };
  return db.transaction().execute(async (trx) => {
    // Counted inside the transaction, under a lock on the parent, so two re-grants at once cannot overspend it.
    await repo.lockGrant(trx, parentId);
    const used = await repo.regrantedTotal(trx, parentId);
    if (used.total + input.amountMinor > parent.amountMinor) {
      throw invalid([{ field: 'amountMinor', message: `only ${parent.amountMinor - used.total} of this grant is left to pass on` }]);
    }
    const identifier = input.identifier ?? `${parent.identifier}-R${used.count + 1}`;
    const record: GrantRecord = {
      identifier, title: input.title ?? parent.title, description: '', currency: parent.currency, amountMinor: input.amountMinor, awardDate: input.awardDate,
      plannedStart: null, plannedEnd: null, durationMonths: null, funder: { identifier: null, name: anchor.name }, recipient: { identifier: null, name: recipient.name },
      programmeCode: parent.programmeCode, programmeTitle: parent.programmeTitle, beneficiaryLocations: [], regrantType: null, url: null, dataSource: null,
    };
    const existing = await repo.existingByIdentifier(trx, parent.spaceId, [identifier]);
    if (existing.length) throw conflict(`A grant "${identifier}" is already recorded here.`, 'identifier');
    const [id] = await repo.insertGrants(trx, parent.spaceId, [{ record, funder: { orgId: anchor.id, match: 'confirmed' }, recipient: { orgId: recipient.id, match: 'confirmed' },
      funderType: 'intermediary', parentGrantId: parentId }], actor.userId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: parent.spaceId, action: 'create', entity: 'funding_grant', entityId: id!, changes: { parentGrantId: [null, parentId], amountMinor: [null, input.amountMinor] } }]);
    return { id: id!, identifier };
  });
}

export async function deleteGrant(db: Db, actor: Actor, id: string) {
  const grant = await grantIn(db, actor, id, 'admin');
  await db.transaction().execute(async (trx) => {
    // Counted under the grant's lock, so a re-grant made meanwhile cannot slip in.
    await repo.lockGrant(trx, id);
    if ((await repo.regrantedTotal(trx, id)).count > 0) throw conflict('Part of this grant was passed on: delete its re-grants first.');
    await repo.deleteGrant(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: grant.spaceId, action: 'delete', entity: 'funding_grant', entityId: id, changes: { identifier: [grant.identifier, null] } }]);
  });
}

/** The space's grants as a 360Giving package. */
export async function exportGrants(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'viewer', 'grants');
  return toThreeSixtyGiving(await repo.allGrants(db, spaceId));
}
