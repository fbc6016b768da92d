import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertProgress } from './alert-progress.ts';

describe('alert progress', () => {
  it('adds up commitments against the need and shows the gap', () => {
    const need = { organizers: 10, people: 500, money: 0, days: 30 };
    const progress = alertProgress(need, [{ organizers: 4, people: 200, money: 1000, days: 10 }, { organizers: 6, people: 100, money: 0, days: 5 }]);
    expect(progress).toEqual([
      { key: 'organizers', need: 10, committed: 10, gap: 0, met: true },
      { key: 'people', need: 500, committed: 300, gap: 200, met: false },
      { key: 'money', need: 0, committed: 1000, gap: 0, met: true },
      { key: 'days', need: 30, committed: 15, gap: 15, met: false },
    ]);
  });

  it('never reports a negative gap, and committed + gap always covers the need', () => {
    const res = fc.record({ organizers: fc.nat(1000), people: fc.nat(1000), money: fc.nat(1000), days: fc.nat(1000) });
    fc.assert(fc.property(res, fc.array(res, { maxLength: 10 }), (need, commitments) => {
      for (const p of alertProgress(need, commitments)) {
        expect(p.gap).toBeGreaterThanOrEqual(0);
        expect(p.committed + p.gap).toBeGreaterThanOrEqual(p.need);
      }
    }));
  });
});
