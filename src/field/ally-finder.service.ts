import type { Db } from '../db/database.ts';
import type { Actor } from '../spaces/access.ts';
import { listReadableSpaceIds, listRoleSpaceIds } from '../spaces/spaces.repository.ts';
import { deriveTies, groupingsOf } from '../ties/derived-ties.ts';
import { listMembershipGroups, listTies } from '../ties/tie.repository.ts';
import { introductionPaths, rankAllies } from './ally-finder.ts';
import { listCandidateFacts } from './field.repository.ts';
import { fieldAnatomy } from './field.service.ts';

// Potential allies for an alliance, among the organizations the reader can see: ranked by how
// they fill the alliance's gaps, share its issues, and can be reached through trusted ties.

/** Gaps are the alliance's own (its chosen priorities), unless `priorityOverride` asks "what if". */
export async function findAllies(db: Db, actor: Actor, allianceId: string, priorityOverride: string[] = [], limit = 50) {
  const { anatomies } = await fieldAnatomy(db, actor, [allianceId], priorityOverride);
  const anatomy = anatomies[0]!;
  // Stated ties are a space's own work: only those of spaces where the reader holds a role.
  const [readable, withRole] = await Promise.all([listReadableSpaceIds(db, actor.userId, 'profile'), listRoleSpaceIds(db, actor.userId)]);
  const [orgs, stated, memberships] = await Promise.all([listCandidateFacts(db, readable), listTies(db, withRole), listMembershipGroups(db, readable)]);
  const memberIds = new Set(memberships.filter((m) => m.groupId === allianceId).map((m) => m.memberId));
  // Trusted ties: stated ones except conflicts, and shared membership in an alliance.
  const ties = [...stated.filter((t) => t.kind !== 'conflict').map((t) => ({ a: t.a, b: t.b })), ...deriveTies(groupingsOf('co_membership', memberships)).map((t) => ({ a: t.a, b: t.b }))];
  const paths = introductionPaths([...memberIds], ties);
  const candidates = orgs.filter((o) => o.id !== allianceId && !memberIds.has(o.id) && o.kind !== 'funder' && o.kind !== 'government')
    .map((o) => ({ id: o.id, name: o.name, stateFips: o.stateFips, issues: o.issues, constituencies: o.constituencies, capacities: o.capacities.map((c) => c.key) }));
  const allianceIssues = Object.keys(anatomy.byIssue);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    alliance: { id: anatomy.id, name: anatomy.name }, gaps: anatomy.gaps,
    allies: rankAllies(candidates, { capacities: anatomy.gaps.capacities, states: [...new Set([...anatomy.gaps.states, ...anatomy.gaps.priorityStates.map((p) => p.key)])], priorityConstituencies: anatomy.gaps.priorityConstituencies.map((p) => p.key) },
      allianceIssues, paths).slice(0, limit).map((a) => ({ ...a, introductionPath: a.introductionPath?.map((id) => ({ id, name: names.get(id) ?? '' })) ?? null })),
  };
}
