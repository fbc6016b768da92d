// An alliance's members a page at a time, as the API gives them; choosers (a select, a list of
// checkboxes) need every member, so they read page after page.
import { api, query } from './api.ts';
import type { AlliancePageResult, MemberListResult, MemberView } from './types.ts';

const LARGEST_PAGE = 200;

export function memberPage(allianceId: string, params: { offset: number; limit: number; withoutLeader?: boolean }) {
  return api.get<MemberListResult>(`/alliances/${allianceId}/members${query({ ...params, withoutLeader: params.withoutLeader ? 'true' : undefined })}`);
}

/** Every member of an alliance, in the page order. */
export async function allMembersOf(allianceId: string): Promise<MemberView[]> {
  const members: MemberView[] = [];
  for (;;) {
    const page = await memberPage(allianceId, { offset: members.length, limit: LARGEST_PAGE });
    members.push(...page.items);
    if (page.items.length === 0 || members.length >= page.total) return members;
  }
}

/** The alliance page with all of its members instead of the first page. */
export async function allianceWithAllMembers(allianceId: string): Promise<AlliancePageResult> {
  const [page, members] = await Promise.all([api.get<AlliancePageResult>(`/alliances/${allianceId}`), allMembersOf(allianceId)]);
  return { ...page, members };
}
