// Pure assembly of an alliance page from rows: members grouped under their alliance, nested
// alliances expanded, and the co-representation gaps (no leader representative).

export interface MemberRow {
  id: string; allianceId: string; memberId: string; role: string; status: string;
  startedOn: string | null; endedOn: string | null; name: string; shortName: string | null; kind: string;
  stateFips: string | null; city: string | null;
}
export interface SeatRow { id: string; membershipId: string; seat: string; personId: string; name: string | null; languages: string[] }

export interface AllianceMember extends MemberRow {
  representatives: SeatRow[];
  hasStaffRepresentative: boolean;
  hasLeaderRepresentative: boolean;
  members: AllianceMember[] | null; // a nested alliance's own members; null when not an alliance or not visible
}

export function assembleMembers(allianceId: string, rows: MemberRow[], seats: SeatRow[], expandable: Set<string>, depth = 0, path: string[] = []): AllianceMember[] {
  return rows.filter((r) => r.allianceId === allianceId).map((row) => {
    const representatives = seats.filter((s) => s.membershipId === row.id);
    // Guard against a cycle even though inserts refuse them: never expand an alliance already on the path.
    const nested = row.kind === 'alliance' && expandable.has(row.memberId) && !path.includes(row.memberId) && depth < 8
      ? assembleMembers(row.memberId, rows, seats, expandable, depth + 1, [...path, allianceId])
      : null;
    return {
      ...row,
      representatives,
      hasStaffRepresentative: representatives.some((s) => s.seat === 'staff'),
      hasLeaderRepresentative: representatives.some((s) => s.seat === 'leader'),
      members: nested,
    };
  });
}

/** Current members (not left) of this alliance with no leader representative. */
export function coRepresentationGaps(members: AllianceMember[]) {
  return members.filter((m) => m.status !== 'left' && m.status !== 'prospect' && !m.hasLeaderRepresentative)
    .map((m) => ({ membershipId: m.id, memberId: m.memberId, name: m.name, hasStaffRepresentative: m.hasStaffRepresentative }));
}
