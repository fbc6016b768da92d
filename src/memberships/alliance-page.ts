// Pure: what one reader may see of an alliance's members, row by row. The page comes a page of
// members at a time (an alliance can have hundreds), so everything here is decided per row and
// the counts across the whole alliance come from the database.

export interface SeatRow { id: string; seat: string; personId: string; name: string; personSpaceId: string; languages: string[] }

export interface MemberRow {
  id: string; allianceId: string; memberId: string; role: string; status: string;
  startedOn: string | null; endedOn: string | null; name: string; shortName: string | null; kind: string;
  memberSpaceId: string; memberOwnSpaceId: string | null; stateFips: string | null; city: string | null;
  ownMemberCount: number | null; // a member alliance's own members; null for other kinds
  seats: SeatRow[];
}

/** What the reader can reach, as loaded by `loadReach` (spaces.repository.ts). */
export interface ReaderReach {
  profileReadable: Set<string>;
  peopleReadable: Set<string>;
  representativeGrants: Set<string>; // "personSpace>allianceSpace"
}

export interface SeatView { id: string; membershipId: string; seat: string; personId: string; name: string | null; languages: string[] }

export interface AllianceMember {
  id: string; allianceId: string; memberId: string; role: string; status: string;
  startedOn: string | null; endedOn: string | null; name: string; shortName: string | null; kind: string;
  stateFips: string | null; city: string | null;
  profileVisible: boolean;
  representatives: SeatView[];
  hasStaffRepresentative: boolean;
  hasLeaderRepresentative: boolean;
  memberCount: number | null; // a member alliance the reader may open: how many members it has
}

/** One member as `reach` may see it, in the alliance whose space is `allianceSpaceId`. */
export function memberView(row: MemberRow, reach: ReaderReach, allianceSpaceId: string): AllianceMember {
  const profileVisible = reach.profileReadable.has(row.memberSpaceId);
  const representatives = row.seats.map((s) => {
    // A seat is always shown (co-representation is the alliance's business); the person only
    // where their organization shares its people, or its representatives with this alliance.
    const shared = reach.peopleReadable.has(s.personSpaceId) || reach.representativeGrants.has(`${s.personSpaceId}>${allianceSpaceId}`);
    return { id: s.id, membershipId: row.id, seat: s.seat, personId: shared ? s.personId : '', name: shared ? s.name : null, languages: shared ? s.languages : [] };
  });
  const opensAsAlliance = row.kind === 'alliance' && row.memberOwnSpaceId !== null && reach.profileReadable.has(row.memberOwnSpaceId);
  return {
    id: row.id, allianceId: row.allianceId, memberId: row.memberId, role: row.role, status: row.status,
    startedOn: row.startedOn, endedOn: row.endedOn, name: row.name, shortName: row.shortName, kind: row.kind,
    profileVisible,
    // Place is part of the profile: shown only when the member shares its profile with the reader.
    stateFips: profileVisible ? row.stateFips : null,
    city: profileVisible ? row.city : null,
    representatives,
    hasStaffRepresentative: row.seats.some((s) => s.seat === 'staff'),
    hasLeaderRepresentative: row.seats.some((s) => s.seat === 'leader'),
    memberCount: opensAsAlliance ? row.ownMemberCount ?? 0 : null,
  };
}

/** A co-representation gap as the page lists it. */
export function gapOf(member: AllianceMember) {
  return { membershipId: member.id, memberId: member.memberId, name: member.name, hasStaffRepresentative: member.hasStaffRepresentative };
}
