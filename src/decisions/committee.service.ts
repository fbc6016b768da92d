import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { findPerson, personHoldsSeatIn } from '../people/person.repository.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { loadReach } from '../spaces/spaces.repository.ts';
import * as repo from './committee.repository.ts';

// Committees of an alliance: a seat per member organization, held by a permanent representative
// with an alternate, for a term. A committee votes on its own proposals (electorate 'committee').

export async function createCommittee(db: Db, actor: Actor, allianceId: string, input: { name: string; purpose?: string | null }) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'admin');
  return db.transaction().execute(async (trx) => {
    const committee = await repo.insertCommittee(trx, { spaceId, allianceId, name: input.name, purpose: input.purpose ?? null });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'committee', entityId: committee.id, changes: { name: [null, input.name] } }]);
    return committee;
  });
}

/** The alliance's committees and seats; a seat holder is named only where their organization shares them. */
export async function listCommittees(db: Db, actor: Actor, allianceId: string) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'viewer');
  const committees = await repo.listCommittees(db, allianceId);
  const seats = await repo.listSeats(db, committees.map((c) => c.id));
  const reach = await loadReach(db, actor.userId);
  const people = await db.selectFrom('people').select(['id', 'space_id']).where('id', 'in', seats.length ? seats.map((s) => s.personId) : ['00000000-0000-0000-0000-000000000000']).execute();
  const spaceOfPerson = new Map(people.map((p) => [p.id, p.space_id]));
  const named = (personId: string) => {
    const personSpace = spaceOfPerson.get(personId) ?? '';
    return reach.peopleReadable.has(personSpace) || reach.representativeGrants.has(`${personSpace}>${spaceId}`);
  };
  return committees.map((c) => ({
    ...c,
    seats: seats.filter((s) => s.committeeId === c.id).map(({ committeeId: _c, ...s }) => ({
      ...s, personId: named(s.personId) ? s.personId : null, personName: named(s.personId) ? s.personName : null,
    })),
  }));
}

async function committeeInAdminSpace(db: Db, actor: Actor, committeeId: string) {
  const committee = await repo.findCommittee(db, committeeId);
  if (!committee) throw notFound('committee');
  await requireRole(db, actor, committee.spaceId, 'admin');
  return committee;
}

export async function seatOnCommittee(db: Db, actor: Actor, committeeId: string,
  input: { organizationId: string; personId: string; seat: 'permanent' | 'alternate'; termStartsOn?: string | null; termEndsOn?: string | null }) {
  const committee = await committeeInAdminSpace(db, actor, committeeId);
  if (!(await repo.isActiveMember(db, committee.allianceId, input.organizationId))) {
    throw invalid([{ field: 'organizationId', message: 'not an active member of this alliance' }]);
  }
  // The coordinator may seat only people they can see: shared with the alliance, or seated in it.
  const person = await findPerson(db, input.personId);
  const reach = await loadReach(db, actor.userId);
  const visible = person && (reach.peopleReadable.has(person.spaceId)
    || (reach.representativeGrants.has(`${person.spaceId}>${committee.spaceId}`) && await personHoldsSeatIn(db, person.id, [committee.spaceId])));
  if (!person || !visible) throw invalid([{ field: 'personId', message: 'no such person' }]);
  if (!(await repo.isAffiliated(db, input.personId, input.organizationId))) {
    throw invalid([{ field: 'personId', message: 'this person is not affiliated with that organization' }]);
  }
  return db.transaction().execute(async (trx) => {
    const seat = await repo.upsertSeat(trx, { spaceId: committee.spaceId, committeeId, organizationId: input.organizationId, personId: input.personId,
      seat: input.seat, termStartsOn: input.termStartsOn ?? null, termEndsOn: input.termEndsOn ?? null });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: committee.spaceId, action: 'create', entity: 'committee_seat', entityId: seat.id,
      changes: { committee: [null, committee.name], seat: [null, input.seat], organization: [null, input.organizationId] } }]);
    return seat;
  });
}

export async function removeCommitteeSeat(db: Db, actor: Actor, seatId: string) {
  const seat = await repo.findSeat(db, seatId);
  if (!seat) throw notFound('seat');
  await requireRole(db, actor, seat.spaceId, 'admin');
  await db.transaction().execute(async (trx) => {
    await repo.deleteSeat(trx, seatId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: seat.spaceId, action: 'delete', entity: 'committee_seat', entityId: seatId }]);
  });
}
