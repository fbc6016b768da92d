import { describe, expect, it } from 'vitest';
import { gapOf, memberView, type MemberRow, type ReaderReach, type SeatRow } from './alliance-page.ts';

const row = (memberId: string, extra: Partial<MemberRow> = {}): MemberRow => ({
  id: `m-${memberId}`, allianceId: 'iad', memberId, role: 'member', status: 'active', startedOn: null, endedOn: null,
  name: memberId.toUpperCase(), shortName: null, kind: 'base_building', memberSpaceId: `space-${memberId}`, memberOwnSpaceId: null,
  stateFips: '06', city: 'Oakland', ownMemberCount: null, seats: [], ...extra,
});
const seat = (seatName: string, personSpaceId: string): SeatRow => ({ id: `s-${seatName}`, seat: seatName, personId: `p-${seatName}`, name: `P ${seatName}`, personSpaceId, languages: ['es'] });
const reach = (extra: Partial<ReaderReach> = {}): ReaderReach => ({ profileReadable: new Set(), peopleReadable: new Set(), representativeGrants: new Set(), ...extra });

describe('a member as one reader sees it', () => {
  it('names a representative only where the organization shares its people or its representatives with this alliance', () => {
    const r = row('ndwa', { seats: [seat('staff', 'space-ndwa'), seat('leader', 'space-ndwa')] });
    const hidden = memberView(r, reach(), 'iad-space');
    expect(hidden.representatives.map((s) => [s.seat, s.personId, s.name, s.languages])).toEqual([['staff', '', null, []], ['leader', '', null, []]]);
    expect([hidden.hasStaffRepresentative, hidden.hasLeaderRepresentative]).toEqual([true, true]);
    const granted = memberView(r, reach({ representativeGrants: new Set(['space-ndwa>iad-space']) }), 'iad-space');
    expect(granted.representatives.map((s) => s.name)).toEqual(['P staff', 'P leader']);
    const elsewhere = memberView(r, reach({ representativeGrants: new Set(['space-ndwa>other-space']) }), 'iad-space');
    expect(elsewhere.representatives.map((s) => s.name)).toEqual([null, null]);
    expect(memberView(r, reach({ peopleReadable: new Set(['space-ndwa']) }), 'iad-space').representatives[0]!.personId).toBe('p-staff');
  });

  it('shows the place only with the profile', () => {
    expect(memberView(row('ndwa'), reach(), 'iad-space')).toMatchObject({ profileVisible: false, stateFips: null, city: null });
    expect(memberView(row('ndwa'), reach({ profileReadable: new Set(['space-ndwa']) }), 'iad-space')).toMatchObject({ profileVisible: true, stateFips: '06', city: 'Oakland' });
  });

  it('counts the members of a member alliance only for a reader who may open it', () => {
    const rttc = row('rttc', { kind: 'alliance', memberOwnSpaceId: 'rttc-space', ownMemberCount: 12 });
    expect(memberView(rttc, reach(), 'iad-space').memberCount).toBeNull();
    expect(memberView(rttc, reach({ profileReadable: new Set(['rttc-space']) }), 'iad-space').memberCount).toBe(12);
    expect(memberView(row('ndwa'), reach({ profileReadable: new Set(['space-ndwa']) }), 'iad-space').memberCount).toBeNull();
  });

  it('lists a gap with whether a staff person still represents the member', () => {
    const gap = gapOf(memberView(row('rttc', { seats: [seat('staff', 'x')] }), reach(), 'iad-space'));
    expect(gap).toEqual({ membershipId: 'm-rttc', memberId: 'rttc', name: 'RTTC', hasStaffRepresentative: true });
  });
});
