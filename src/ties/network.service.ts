import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { findMembershipByPair } from '../memberships/membership.repository.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireAccess } from '../spaces/access.ts';
import { listReadableSpaceIds } from '../spaces/spaces.repository.ts';
import { analyzeNetwork } from './analyze-network.ts';
import { deriveTies, type Grouping } from './derived-ties.ts';
import * as repo from './tie.repository.ts';
import type { TieInput } from './tie.schema.ts';

// An alliance's field as a network: its members and the organizations its stated ties reach,
// joined by stated ties (recorded in the alliance's space) and derived ones (shared alliances the
// reader can see, the alliance's convenings and campaigns).

async function checkVisible(db: Db, actor: Actor, allianceId: string, id: string, field: string) {
  if (id === allianceId || (await findMembershipByPair(db, allianceId, id))) return;
  const org = await findOrganization(db, id);
  const visible = org && (await requireAccess(db, actor, org.spaceId, 'viewer').then(() => true, () => false));
  if (!visible) throw invalid([{ field, message: 'no such organization' }]);
}

export async function recordTie(db: Db, actor: Actor, allianceId: string, input: TieInput) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireAccess(db, actor, spaceId, 'member');
  await checkVisible(db, actor, allianceId, input.fromId, 'fromId');
  await checkVisible(db, actor, allianceId, input.toId, 'toId');
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertTie(trx, { ...input, spaceId, recordedBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'tie', entityId: row.id, changes: { kind: [null, input.kind], strength: [null, input.strength] } }]);
    return row;
  });
}

export async function removeTie(db: Db, actor: Actor, id: string) {
  const tie = await repo.findTie(db, id);
  if (!tie) throw notFound('tie');
  await requireAccess(db, actor, tie.spaceId, 'member');
  await repo.deleteTie(db, id);
  await insertAudit(db, [{ userId: actor.userId, spaceId: tie.spaceId, action: 'delete', entity: 'tie', entityId: id }]);
}

function groupsOf(kind: Grouping['kind'], rows: { groupId: string; groupName: string; memberId: string | null }[]): Grouping[] {
  const groups = new Map<string, Grouping>();
  for (const r of rows) {
    if (!r.memberId) continue;
    const g = groups.get(r.groupId) ?? { kind, sourceId: r.groupId, sourceName: r.groupName, memberIds: [] };
    g.memberIds.push(r.memberId);
    groups.set(r.groupId, g);
  }
  return [...groups.values()];
}

export async function allianceNetwork(db: Db, actor: Actor, allianceId: string, options: { derived: boolean; kinds?: string[] }) {
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  await requireAccess(db, actor, spaceId, 'viewer');
  const stated = await repo.listTies(db, [spaceId]);
  const readable = await listReadableSpaceIds(db, actor.userId, 'profile');
  const [memberships, convenings, campaigns] = await Promise.all([
    repo.listMembershipGroups(db, readable), repo.listConveningGroups(db, allianceId), repo.listCampaignGroups(db, allianceId),
  ]);
  const members = memberships.filter((m) => m.groupId === allianceId).map((m) => m.memberId);
  const nodeIds = new Set([...members, ...stated.flatMap((t) => [t.a, t.b])]);
  const derived = deriveTies([...groupsOf('co_membership', memberships.filter((m) => m.groupId !== allianceId)),
    ...groupsOf('co_attendance', convenings), ...groupsOf('co_campaigning', campaigns)])
    .filter((t) => nodeIds.has(t.a) && nodeIds.has(t.b));
  const nodes = (await repo.listNodes(db, [...nodeIds])).map((n) => ({ ...n, constituencies: n.constituencies, issues: n.issues }));
  const analysis = analyzeNetwork(nodes, stated.map((t) => ({ id: t.id, a: t.a, b: t.b, kind: t.kind, strength: t.strength })), derived, options);
  return { alliance: { id: alliance.id, name: alliance.name }, stated, derived: options.derived ? derived : [], analysis };
}

/** The whole field the reader can see: every organization, stated ties, and shared memberships. */
export async function fieldNetwork(db: Db, actor: Actor, options: { derived: boolean; kinds?: string[] }) {
  const readable = await listReadableSpaceIds(db, actor.userId, 'profile');
  const [nodes, stated, memberships] = await Promise.all([repo.listNodesInSpaces(db, readable), repo.listTies(db, readable), repo.listMembershipGroups(db, readable)]);
  const derived = deriveTies(groupsOf('co_membership', memberships));
  const analysis = analyzeNetwork(nodes, stated.map((t) => ({ id: t.id, a: t.a, b: t.b, kind: t.kind, strength: t.strength })), derived, options);
  return { stated, derived: options.derived ? derived : [], analysis };
}

/** The network in Kumu's JSON shape (elements and connections), for mapping in Kumu. */
export function toKumu(network: Awaited<ReturnType<typeof allianceNetwork>>) {
  const name = new Map(network.analysis.nodes.map((n) => [n.id, n.name]));
  return {
    elements: network.analysis.nodes.map((n) => ({ label: n.name, type: 'Organization', id: n.id, community: n.community, betweenness: n.betweenness, degree: n.degree })),
    connections: [
      ...network.stated.map((t) => ({ from: name.get(t.a) ?? t.aName, to: name.get(t.b) ?? t.bName, type: t.kind, strength: t.strength, direction: 'undirected' })),
      ...network.derived.map((t) => ({ from: name.get(t.a)!, to: name.get(t.b)!, type: t.kind, strength: t.sources.length, direction: 'undirected',
        description: t.sources.map((s) => s.name).join('; ') })),
    ],
  };
}
