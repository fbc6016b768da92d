import { describe, expect, it } from 'vitest';
import { assembleMembers, coRepresentationGaps, type MemberRow, type SeatRow } from './alliance-page.ts';

const row = (id: string, allianceId: string, memberId: string, kind = 'base_building', status = 'active'): MemberRow => ({
  id, allianceId, memberId, role: 'member', status, startedOn: null, endedOn: null, name: memberId.toUpperCase(), shortName: null, kind, stateFips: null, city: null,
});
const seat = (membershipId: string, seatName: string): SeatRow => ({ id: `${membershipId}-${seatName}`, membershipId, seat: seatName, personId: 'p', name: 'P', languages: [] });

describe('alliance page assembly', () => {
  const rows = [row('m1', 'iad', 'rttc', 'alliance'), row('m2', 'rttc', 'mothers'), row('m3', 'iad', 'ndwa'), row('m4', 'iad', 'left', 'union', 'left')];
  const seats = [seat('m1', 'staff'), seat('m3', 'staff'), seat('m3', 'leader')];

  it('nests the members of member alliances it may expand, and only those', () => {
    const open = assembleMembers('iad', rows, seats, new Set(['iad', 'rttc']));
    expect(open.find((m) => m.memberId === 'rttc')!.members!.map((m) => m.memberId)).toEqual(['mothers']);
    const closed = assembleMembers('iad', rows, seats, new Set(['iad']));
    expect(closed.find((m) => m.memberId === 'rttc')!.members).toBeNull();
  });

  it('flags current members with no leader representative, not those who left', () => {
    const members = assembleMembers('iad', rows, seats, new Set(['iad']));
    expect(coRepresentationGaps(members).map((g) => [g.memberId, g.hasStaffRepresentative])).toEqual([['rttc', true]]);
  });

  it('never loops, even on cyclic rows', () => {
    const cyclic = [row('a', 'x', 'y', 'alliance'), row('b', 'y', 'x', 'alliance')];
    const members = assembleMembers('x', cyclic, [], new Set(['x', 'y']));
    expect(members[0]!.members![0]!.memberId).toBe('x');
    expect(members[0]!.members![0]!.members).toBeNull();
  });
});
