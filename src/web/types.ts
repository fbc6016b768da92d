// Types of the API's answers, as the web app uses them (the server's zod schemas define them).
import type { DirectoryEntry, Organization } from '../orgs/organization.schema.ts';
import type { Person } from '../people/person.schema.ts';

export type { DirectoryEntry, Organization, Person };

export interface DirectoryPageResult { total: number; items: DirectoryEntry[] }

export interface SeatView { id: string; membershipId: string; seat: string; personId: string; name: string | null; languages: string[] }
export interface MemberView {
  id: string; allianceId: string; memberId: string; role: string; status: string; startedOn: string | null; endedOn: string | null;
  name: string; shortName: string | null; kind: string; stateFips: string | null; city: string | null; profileVisible: boolean;
  representatives: SeatView[]; hasStaffRepresentative: boolean; hasLeaderRepresentative: boolean;
  memberCount: number | null; // a member alliance the reader may open: its own members, listed on request
}
export interface CoRepresentationGap { membershipId: string; memberId: string; name: string; hasStaffRepresentative: boolean }
/** The alliance page: one page of members; the totals and the gaps count the whole alliance. */
export interface AlliancePageResult {
  alliance: Organization; role: string | null; members: MemberView[];
  membersTotal: number; membersNotLeft: number;
  coRepresentationGaps: CoRepresentationGap[]; coRepresentationGapsTotal: number;
}
export interface MemberListResult { total: number; items: MemberView[] }
export interface OrganizationPageResult {
  organization: Organization;
  alliances: { id: string; allianceId: string; name: string; role: string; status: string; startedOn: string | null; endedOn: string | null }[];
}
