import { describe, expect, it } from 'vitest';
import { cutTurfs, type UniverseContact } from './turfs.ts';

const c = (id: string, zip: string | null, household: string | null): UniverseContact => ({ id, zip, countyFips: zip ? '06001' : null, householdKey: household, lastName: id });

describe('cutting turfs', () => {
  const universe = [c('a', '94612', 'h1'), c('b', '94612', 'h1'), c('c', '94612', 'h2'), c('d', '94601', null), c('e', null, null)];
  it('makes a turf per ZIP code, contacts without one together', () => {
    const turfs = cutTurfs(universe, 'zip', 50, (p) => p ?? 'no ZIP');
    expect(turfs.map((t) => [t.name, t.contactIds.sort()])).toEqual([['no ZIP', ['e']], ['94601', ['d']], ['94612', ['a', 'b', 'c']]]);
  });
  it('never splits a household, even past the size', () => {
    const turfs = cutTurfs(universe, 'size', 2, () => '#');
    for (const t of turfs) expect(t.contactIds.includes('a')).toBe(t.contactIds.includes('b'));
    expect(turfs.flatMap((t) => t.contactIds).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(turfs.map((t) => t.name)).toEqual(['#1', '#2', '#3']);
  });
});
