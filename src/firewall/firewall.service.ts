import { insertAudit, listAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import type { TaxStatus } from '../db/tables.ts';
import { conflict, forbidden, invalid, type Problem } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { crosses, ownMarkCrosses } from './firewall.ts';
import * as repo from './firewall.repository.ts';

// Every attempt to move work across the 501(c)(3)/(c)(4) firewall is refused and written to the
// audit log of the space it was tried in (action 'firewall_refused'), outside any transaction, so
// the refusal is kept even though nothing else is.

/** The space's mark and, for its administrators, the latest crossings refused in it. */
export async function spaceMark(db: Db, actor: Actor, spaceId: string) {
  const role = await requireRole(db, actor, spaceId, 'viewer', 'space');
  const refused = roleAtLeast(role, 'admin') ? await listAudit(db, spaceId, { limit: 50, action: 'firewall_refused' }) : [];
  return { ...(await repo.markOf(db, spaceId)), refused: refused.map((r) => ({ at: new Date(r.at).toISOString(), entity: r.entity, by: r.user_name ?? r.user_email ?? null, detail: r.changes })) };
}

async function refuse(db: Db, actor: Actor | null, spaceId: string, what: { entity: string; entityId?: string | null; detail: Record<string, unknown> }, problem: Problem): Promise<never> {
  await insertAudit(db, [{ userId: actor?.userId ?? null, spaceId, action: 'firewall_refused', entity: what.entity, entityId: what.entityId ?? null, changes: what.detail }]);
  throw problem;
}

/** Marks the space c3, c4 or neither; refused while it holds lists, efforts or contacts marked the other way. */
export async function setSpaceMark(db: Db, actor: Actor, spaceId: string, mark: repo.SpaceMark) {
  await requireRole(db, actor, spaceId, 'owner', 'space');
  const before = await repo.markOf(db, spaceId);
  const other: TaxStatus | null = mark.taxStatus === 'c3' ? 'c4' : mark.taxStatus === 'c4' ? 'c3' : null;
  // From one side to the other: everything the space holds would change sides at once.
  if (before.taxStatus && mark.taxStatus && before.taxStatus !== mark.taxStatus) {
    const held = await repo.recordsIn(db, spaceId);
    if (held.lists + held.efforts + held.contacts > 0) {
      await refuse(db, actor, spaceId, { entity: 'space', entityId: spaceId, detail: { taxStatus: [before.taxStatus, mark.taxStatus], held } },
        conflict(`This space holds ${label(before.taxStatus)} work (${held.lists} lists, ${held.efforts} efforts, ${held.contacts} contacts): it cannot become ${label(mark.taxStatus)}.`, 'taxStatus'));
    }
  }
  if (other) {
    const held = await repo.recordsIn(db, spaceId, other);
    if (held.lists + held.efforts + held.contacts > 0) {
      await refuse(db, actor, spaceId, { entity: 'space', entityId: spaceId, detail: { taxStatus: [before.taxStatus, mark.taxStatus], held } },
        conflict(`This space holds work marked ${label(other)} (${held.lists} lists, ${held.efforts} efforts, ${held.contacts} contacts): it cannot be marked ${label(mark.taxStatus!)} while it does.`, 'taxStatus'));
    }
  }
  const c3SharesWithC4 = mark.taxStatus === 'c4' ? false : mark.c3SharesWithC4;
  await db.transaction().execute(async (trx) => {
    // Unmarking a space: what it holds keeps its side, as each record's own mark.
    if (before.taxStatus && !mark.taxStatus) await repo.markUnmarkedRecords(trx, spaceId, before.taxStatus);
    await repo.setMark(trx, spaceId, { taxStatus: mark.taxStatus, c3SharesWithC4 });
  });
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'update', entity: 'space', entityId: spaceId,
    changes: { taxStatus: [before.taxStatus, mark.taxStatus], c3SharesWithC4: [before.c3SharesWithC4, c3SharesWithC4] } }]);
}

/** A list, effort or contact of `spaceId` given its own mark: refused if the space is marked otherwise. */
export async function checkOwnMark(db: Db, actor: Actor, spaceId: string, entity: string, entityId: string | null, ownMark: TaxStatus | null | undefined, field = 'taxStatus') {
  const space = await repo.markOf(db, spaceId);
  if (!ownMarkCrosses(space.taxStatus, ownMark)) return;
  await refuse(db, actor, spaceId, { entity, entityId, detail: { [field]: ownMark, spaceTaxStatus: space.taxStatus } },
    invalid([{ field, message: `a ${label(space.taxStatus!)} space holds only ${label(space.taxStatus!)} work (501(c)(3)/(c)(4) firewall)` }]));
}

/** A record's own mark changed: only from none to its space's side; relabelling work moves it across. */
export async function checkRemark(db: Db, actor: Actor, spaceId: string, entity: string, entityId: string, before: TaxStatus | null, after: TaxStatus | null, field = 'taxStatus') {
  if (before !== null) {
    await refuse(db, actor, spaceId, { entity, entityId, detail: { [field]: [before, after] } },
      invalid([{ field, message: `work gathered for ${label(before)} stays ${label(before)} (501(c)(3)/(c)(4) firewall)` }]));
  }
  await checkOwnMark(db, actor, spaceId, entity, entityId, after, field);
}

/** The marks of `ids`, contacts of one space, crossing into work marked `reader`: refused, naming the field. */
export async function checkContactsFor(db: Db, actor: Actor, spaceId: string, entity: string, ids: string[], reader: TaxStatus | null, field = 'contactIds') {
  if (!reader) return;
  const space = await repo.markOf(db, spaceId);
  const other: TaxStatus = reader === 'c3' ? 'c4' : 'c3';
  if (space.taxStatus || !crosses(other, reader, space.c3SharesWithC4)) return;
  const crossing = await repo.contactsMarked(db, ids, other);
  if (crossing.length === 0) return;
  await refuse(db, actor, spaceId, { entity, detail: { [field]: crossing.length, mark: reader } },
    invalid([{ field, message: `${crossing.length} of these contacts were gathered for ${label(other)} work and cannot go into ${label(reader)} work (501(c)(3)/(c)(4) firewall)` }]));
}

/** Contacts about to carry the mark `mark` (a merge): refused if any is on a list or turf of work on the other side. */
export async function checkPlacesFor(db: Db, actor: Actor, spaceId: string, contactIds: string[], mark: TaxStatus | null, field: string) {
  if (!mark) return;
  const space = await repo.markOf(db, spaceId);
  const crossing = (await repo.marksOfPlaces(db, contactIds)).find((place) => crosses(mark, place, space.c3SharesWithC4));
  if (!crossing) return;
  await refuse(db, actor, spaceId, { entity: 'contact', detail: { [field]: mark, place: crossing } },
    invalid([{ field, message: `one of these contacts is on ${label(crossing)} lists or turfs, and the merged contact would carry ${label(mark)} work (501(c)(3)/(c)(4) firewall)` }]));
}

/**
 * Work of `fromSpaceId` (marked `recordMark`, or the space's) reaching `toSpaceId`: refused and
 * logged in both spaces when it crosses. `field` names the input that asked for it.
 */
export async function checkFlow(db: Db, actor: Actor | null, flow: { fromSpaceId: string; toSpaceId: string; recordMark?: TaxStatus | null; entity: string; entityId?: string | null; field?: string }) {
  const from = await repo.markOf(db, flow.fromSpaceId);
  const to = await repo.markOf(db, flow.toSpaceId);
  const mark = from.taxStatus ?? flow.recordMark ?? null;
  if (!crosses(mark, to.taxStatus, from.c3SharesWithC4)) return;
  const detail = { from: flow.fromSpaceId, to: flow.toSpaceId, mark, readerTaxStatus: to.taxStatus };
  await insertAudit(db, [{ userId: actor?.userId ?? null, spaceId: flow.toSpaceId, action: 'firewall_refused', entity: flow.entity, entityId: flow.entityId ?? null, changes: detail }]);
  const message = `${label(mark!)} work cannot reach a ${label(to.taxStatus!)} space (501(c)(3)/(c)(4) firewall)`;
  await refuse(db, actor, flow.fromSpaceId, { entity: flow.entity, entityId: flow.entityId, detail },
    flow.field ? invalid([{ field: flow.field, message }]) : forbidden(`${message}.`));
}

export function label(mark: TaxStatus) {
  return mark === 'c3' ? '501(c)(3)' : '501(c)(4)';
}
