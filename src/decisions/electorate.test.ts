import { describe, expect, it } from 'vitest';
import { castingRightsOf, groupElectors, mayCast } from './electorate.ts';

const rows = [
  { electorId: 'ggj', label: 'GGJ', casterUserId: 'u1', castAs: 'representative' as const },
  { electorId: 'ggj', label: 'GGJ', casterUserId: 'u2', castAs: 'alternate' as const },
  { electorId: 'jwj', label: 'JwJ', casterUserId: null, castAs: null },
  { electorId: 'ggj', label: 'GGJ', casterUserId: 'u1', castAs: 'representative' as const },
];

describe('electorate', () => {
  it('lists each elector once, with no one able to cast kept in the electorate', () => {
    const electors = groupElectors(rows);
    expect(electors.map((e) => e.id)).toEqual(['ggj', 'jwj']);
    expect(electors[0]!.casters).toHaveLength(2);
    expect(electors[1]!.casters).toEqual([]);
  });

  it('gives a user the capacity they hold for each elector', () => {
    const electors = groupElectors(rows);
    expect(castingRightsOf(electors, 'u2')).toEqual([{ electorId: 'ggj', castAs: 'alternate' }]);
    expect(castingRightsOf(electors, 'nobody')).toEqual([]);
  });

  it('prefers the representative capacity when a user holds both seats', () => {
    const electors = groupElectors([...rows, { electorId: 'ggj', label: 'GGJ', casterUserId: 'u2', castAs: 'representative' }]);
    expect(castingRightsOf(electors, 'u2')).toEqual([{ electorId: 'ggj', castAs: 'representative' }]);
  });

  it('refuses the alternate once the representative has voted, not the other way round', () => {
    expect(mayCast('alternate', { castAs: 'representative' })).toBe('alternate_after_representative');
    expect(mayCast('alternate', undefined)).toBeNull();
    expect(mayCast('alternate', { castAs: 'alternate' })).toBeNull();
    expect(mayCast('representative', { castAs: 'alternate' })).toBeNull();
  });
});
