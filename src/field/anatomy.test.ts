import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anatomyOf, type MemberFacts, overlapsOf } from './anatomy.ts';

const org = (id: string, over: Partial<MemberFacts> = {}): MemberFacts => ({ id, name: id.toUpperCase(), profileShared: true, stateFips: '06', countyFips: null,
  powerScale: 'local', issues: [], constituencies: [], sectors: [], capacities: [], ...over });

describe('anatomy', () => {
  it('counts members by place and capacity, and finds the gaps', () => {
    const a = anatomyOf({ id: 'a', name: 'A', members: [org('x', { capacities: ['base', 'research'], constituencies: ['youth'] }), org('y', { stateFips: '17', capacities: ['base'] }),
      org('z', { profileShared: false })] }, { capacities: ['base', 'research', 'legal', 'money'], stateFips: ['06', '17', '48'], priorityConstituencies: ['youth', 'women'] });
    expect(a.byState).toEqual({ '06': 1, '17': 1 });
    expect(a.byCapacity).toEqual({ base: 2, research: 1 });
    expect(a.profilesNotShared).toBe(1);
    expect(a.gaps.capacities).toEqual(['legal', 'money']);
    expect(a.gaps.states).toEqual(['48']);
    expect(a.gaps.priorityConstituencies).toEqual([{ key: 'youth', members: 1 }, { key: 'women', members: 0 }]);
  });

  it('lists organizations in more than one alliance, as a matrix and as exact combinations', () => {
    const o = overlapsOf([{ id: 'pwf', name: 'PWF', members: [org('laane'), org('wpusa')] }, { id: 'ports', name: 'Ports', members: [org('laane'), org('nrdc')] }]);
    expect(o.matrix[0]![1]).toEqual({ count: 1, members: [{ id: 'laane', name: 'LAANE' }] });
    expect(o.matrix[0]![0]!.count).toBe(2);
    expect(o.inSeveral).toEqual([{ id: 'laane', name: 'LAANE', alliances: ['pwf', 'ports'] }]);
    expect(o.intersections.find((i) => i.alliances.length === 2)!.members).toEqual([{ id: 'laane', name: 'LAANE' }]);
  });

  it('puts every member in exactly one intersection, and the matrix is symmetric', () => {
    const ids = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 });
    fc.assert(fc.property(ids, ids, ids, (x, y, z) => {
      const o = overlapsOf([{ id: '1', name: '1', members: x.map((i) => org(i)) }, { id: '2', name: '2', members: y.map((i) => org(i)) }, { id: '3', name: '3', members: z.map((i) => org(i)) }]);
      expect(o.intersections.reduce((s, i) => s + i.members.length, 0)).toBe(new Set([...x, ...y, ...z]).size);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(o.matrix[i]![j]!.count).toBe(o.matrix[j]![i]!.count);
    }));
  });
});
