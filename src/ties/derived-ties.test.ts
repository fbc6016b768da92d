import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveTies } from './derived-ties.ts';

describe('derived ties', () => {
  it('ties every pair in a group once, and lists every group a pair shares', () => {
    const ties = deriveTies([
      { kind: 'co_membership', sourceId: 'pwf', sourceName: 'PWF', memberIds: ['laane', 'wpusa', 'fresc'] },
      { kind: 'co_membership', sourceId: 'ports', sourceName: 'Ports', memberIds: ['laane', 'nrdc', 'wpusa'] },
      { kind: 'co_campaigning', sourceId: 'trucks', sourceName: 'Clean trucks', memberIds: ['laane', 'nrdc'] },
    ]);
    const laaneWpusa = ties.find((t) => t.kind === 'co_membership' && t.a === 'laane' && t.b === 'wpusa')!;
    expect(laaneWpusa.sources.map((s) => s.name)).toEqual(['PWF', 'Ports']);
    expect(ties.filter((t) => t.kind === 'co_membership')).toHaveLength(5);
    expect(ties.filter((t) => t.kind === 'co_campaigning')).toEqual([{ a: 'laane', b: 'nrdc', kind: 'co_campaigning', sources: [{ id: 'trucks', name: 'Clean trucks' }] }]);
  });

  it('gives n(n-1)/2 ties for a group of n distinct organizations, and none for a group of one', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 12 }), (ids) => {
      const ties = deriveTies([{ kind: 'co_attendance', sourceId: 'c', sourceName: 'C', memberIds: [...ids, ...ids] }]);
      expect(ties).toHaveLength((ids.length * (ids.length - 1)) / 2);
      for (const t of ties) expect(t.a < t.b).toBe(true);
    }));
  });
});
