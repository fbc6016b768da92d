import { describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS } from './metric-definitions.ts';
import { type MovementRecord, movementMetrics } from './movement-metrics.ts';

// Every movement metric on a small record computed by hand: an alliance of three members
// (A, B, C) and an outside ally (D), the period being 2010.

const record: MovementRecord = {
  from: '2010-01-01', to: '2010-12-31',
  memberIds: ['a', 'b', 'c'],
  names: new Map([['a', 'A'], ['b', 'B'], ['c', 'C'], ['d', 'D']]),
  convenings: [
    // Before the period: A and B already met.
    { id: 'k0', title: 'Founding', day: '2009-05-01', attendees: [{ organizationId: 'a', capacity: 'staff' }, { organizationId: 'b', capacity: 'staff' }] },
    { id: 'k1', title: 'Assembly', day: '2010-02-01', attendees: [
      { organizationId: 'a', capacity: 'leader' }, { organizationId: 'a', capacity: 'leader' }, { organizationId: 'a', capacity: 'staff' },
      { organizationId: 'b', capacity: 'leader' }, { organizationId: 'c', capacity: 'member' }, { organizationId: null, capacity: 'guest' }] },
    { id: 'k2', title: 'Retreat', day: '2010-09-01', attendees: [{ organizationId: 'a', capacity: 'staff' }, { organizationId: 'c', capacity: 'leader' }] },
    { id: 'k3', title: 'Next year', day: '2011-01-10', attendees: [{ organizationId: 'b', capacity: 'staff' }, { organizationId: 'd', capacity: 'staff' }] },
  ],
  campaigns: [
    { id: 'p1', name: 'Tax fairness', day: '2009-03-01', participants: ['a', 'b'] },
    { id: 'p2', name: 'Budget', day: '2010-04-01', participants: ['a', 'b', 'd'] },
  ],
  events: [
    { campaignId: 'p2', kind: 'action', day: '2010-05-01', title: 'March', turnout: 300, carrierId: null, demandOwnerId: null, decisionMaker: 'Gov. Brown' },
    { campaignId: 'p2', kind: 'action', day: '2010-06-01', title: 'Hearing', turnout: null, carrierId: null, demandOwnerId: null, decisionMaker: 'gov. brown ' },
    { campaignId: 'p1', kind: 'action', day: '2009-06-01', title: 'Old action', turnout: 50, carrierId: null, demandOwnerId: null, decisionMaker: 'Mayor' },
    { campaignId: 'p2', kind: 'issue_carried', day: '2010-07-01', title: 'Tenant protections', turnout: null, carrierId: 'a', demandOwnerId: 'b', decisionMaker: null },
    { campaignId: 'p2', kind: 'issue_carried', day: '2010-07-02', title: 'Own demand', turnout: null, carrierId: 'b', demandOwnerId: 'b', decisionMaker: null },
  ],
  stakeholderMoves: [
    { name: 'Senator X', fromStance: 'neutral', toStance: 'passive_ally', day: '2010-03-01' },
    { name: 'Senator Y', fromStance: 'passive_ally', toStance: 'neutral', day: '2010-03-02' },
    { name: 'Senator Z', fromStance: null, toStance: 'active_ally', day: '2010-03-03' },
    { name: 'Senator X', fromStance: 'passive_ally', toStance: 'active_ally', day: '2011-03-01' },
  ],
  ladder: [{ organizationId: 'a', up: 4, down: 1 }, { organizationId: 'c', up: 2, down: 0 }],
  representatives: [{ organizationId: 'a' }, { organizationId: 'a' }, { organizationId: 'b' }, { organizationId: 'c' }],
  committeeSeats: [{ organizationId: 'a' }, { organizationId: 'b' }],
  moneyToMembers: [{ organizationId: 'a', amountMinor: 300 }, { organizationId: 'b', amountMinor: 100 }],
  contactsMade: [{ organizationId: 'a', conversations: 120 }, { organizationId: 'c', conversations: 30 }],
  stageMoves: [{ fromStage: 'emerging', toStage: 'growing', day: '2010-10-01' }],
  trustScores: [],
};

describe('movement metrics', () => {
  const metrics = new Map(movementMetrics(record).map((m) => [m.key, m]));
  const value = (key: string) => metrics.get(key)!.value;

  it('computes every defined metric', () => {
    expect([...metrics.keys()]).toEqual(METRIC_DEFINITIONS.map((d) => d.key));
  });

  it('counts transactions', () => {
    expect(value('meetings')).toBe(2);
    expect(value('attendance')).toBe(8);
    // A, B, C at convenings; D through the campaign with actions in 2010.
    expect(value('organizations_taking_part')).toBe(4);
    expect(metrics.get('organizations_taking_part')!.counted.items).toEqual(['A', 'B', 'C', 'D']);
    expect(value('actions')).toBe(2);
    expect(value('turnout')).toBe(300);
    expect(value('decision_makers_met')).toBe(1);
    expect(value('contacts_made')).toBe(150);
  });

  it('counts transformations', () => {
    // Pairs in 2010: A–B (met 2009: not new), A–C, B–C (assembly), A–D, B–D (budget campaign). B–D again in 2011 only adds nothing.
    expect(value('first_time_pairs')).toBe(4);
    expect(metrics.get('first_time_pairs')!.counted.items).toEqual(['A + C', 'A + D', 'B + C', 'B + D']);
    expect(value('issues_carried')).toBe(1);
    expect(value('stakeholder_moves_toward')).toBe(1);
    expect(value('stakeholder_moves_away')).toBe(1);
    // A–B took part together in both campaigns.
    expect(value('sustained_ties')).toBe(1);
    expect(value('ladder_moves_up')).toBe(6);
  });

  it('measures depth and dominance', () => {
    // Attended in 2010: leaders 4 (A×2, B, C), staff 2 (A×2).
    expect(value('leader_share')).toBeCloseTo(4 / 6, 12);
    expect(value('co_representation')).toBeCloseTo(1 / 3, 12);
    // Attendance by organization: A 4, B 1, C 2 (the guest with no organization is not counted).
    expect(value('participation_largest_share')).toBeCloseTo(4 / 7, 12);
    expect(value('participation_hhi')).toBeCloseTo((16 + 1 + 4) / 49, 12);
    // Seats: A 3, B 2, C 1.
    expect(value('seats_largest_share')).toBeCloseTo(3 / 6, 12);
    expect(value('seats_hhi')).toBeCloseTo((9 + 4 + 1) / 36, 12);
    expect(value('money_largest_share')).toBeCloseTo(0.75, 12);
    expect(value('money_hhi')).toBeCloseTo(0.625, 12);
  });

  it('says when trust is not recorded, and lists stage moves', () => {
    expect(metrics.get('trust')).toMatchObject({ value: null, note: 'no relationship surveys recorded' });
    expect(value('stage_checkpoints')).toBe(1);
    expect(metrics.get('stage_checkpoints')!.counted.items).toEqual(['2010-10-01: emerging → growing']);
  });
});
