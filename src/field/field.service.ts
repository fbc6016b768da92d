import { listStates } from '../areas/us-areas.ts';
import type { Db } from '../db/database.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { requireAccess, type Actor } from '../spaces/access.ts';
import { listReadableSpaceIds, loadReach } from '../spaces/spaces.repository.ts';
import { organizationMatcher } from '../orgs/organization-matcher.ts';
import { invalid } from '../server/problem.ts';
import { listNodesInSpaces } from '../ties/tie.repository.ts';
import { listTerms } from '../vocabularies/vocabulary.repository.ts';
import { type AllianceMembers, anatomyOf, overlapsOf } from './anatomy.ts';
import { listMemberFacts, listPriorities } from './field.repository.ts';

// The anatomy of one or several alliances the reader can see. A member's place, issues and
// capacities count only where the member shares its profile with the reader; otherwise it is
// counted as a member whose profile is not shared (membership itself is visible).

/**
 * Each alliance's gaps are measured against its own chosen priorities; `priorityOverride`
 * (constituencies) asks "what if" for every alliance compared instead.
 */
export async function fieldAnatomy(db: Db, actor: Actor, allianceIds: string[], priorityOverride: string[] = []) {
  const alliances = [];
  for (const id of [...new Set(allianceIds)]) {
    const { alliance, spaceId } = await allianceSpace(db, actor, id);
    await requireAccess(db, actor, spaceId, 'viewer');
    alliances.push(alliance);
  }
  const [rows, reach, terms, priorities] = await Promise.all([listMemberFacts(db, alliances.map((a) => a.id)), loadReach(db, actor.userId), listTerms(db), listPriorities(db, alliances.map((a) => a.id))]);
  const groups: AllianceMembers[] = alliances.map((a) => ({
    id: a.id, name: a.name,
    members: rows.filter((r) => r.allianceId === a.id).map((r) => {
      const shared = reach.profileReadable.has(r.spaceId);
      return { id: r.id, name: r.name, profileShared: shared, stateFips: shared ? r.stateFips : null, countyFips: shared ? r.countyFips : null,
        powerScale: shared ? r.powerScale : null, issues: shared ? r.issues : [], constituencies: shared ? r.constituencies : [], sectors: shared ? r.sectors : [],
        capacities: shared ? r.capacities.map((c) => c.key) : [] };
    }),
  }));
  const context = {
    capacities: terms.filter((t) => t.kind === 'capacity').map((t) => t.key),
    // The fifty states and DC; territories count where members are, but are not listed as gaps.
    stateFips: listStates().filter((s) => Number(s.fips) <= 56).map((s) => s.fips),
  };
  const chosen = new Map(priorities.map((p) => [p.allianceId, p]));
  const contextOf = (id: string) => ({
    ...context,
    priorityConstituencies: priorityOverride.length ? priorityOverride : chosen.get(id)?.constituencies ?? [],
    priorityStates: chosen.get(id)?.stateFips ?? [],
  });
  return { anatomies: groups.map((g) => anatomyOf(g, contextOf(g.id))), overlaps: overlapsOf(groups) };
}

/** An organization the reader can see, by id, name or short name (accents and case ignored). */
export async function resolveOrganization(db: Db, actor: Actor, text: string) {
  const readable = await listReadableSpaceIds(db, actor.userId, 'profile');
  const found = organizationMatcher(await listNodesInSpaces(db, readable))(text);
  if (found.length === 1) return found[0]!;
  throw invalid([{ field: 'organization', message: found.length ? `${found.length} organizations are called "${text}"; use the id` : `no organization "${text}" that you can see` }]);
}
