import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DonorYear, donorReport, fiscalYearOf, fiscalYearSpan } from './donor-metrics.ts';

// Donor metrics on hand-built histories: every definition, fiscal years starting in January and
// in July, refunds; and properties that hold for any history.

const years = (rows: [string, number, number][]): DonorYear[] => rows.map(([donorId, fiscalYear, total]) => ({ donorId, fiscalYear, total }));

describe('fiscal years', () => {
  it('are named by the calendar year they end in', () => {
    expect(fiscalYearOf('2024-07-01', 7)).toBe(2025);
    expect(fiscalYearOf('2025-06-30', 7)).toBe(2025);
    expect(fiscalYearOf('2025-07-01', 7)).toBe(2026);
    expect(fiscalYearOf('2025-01-01', 1)).toBe(2025);
    expect(fiscalYearOf('2025-12-31', 1)).toBe(2025);
    expect(fiscalYearSpan(2025, 7)).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    expect(fiscalYearSpan(2024, 3)).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(fiscalYearSpan(2025, 1)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('the donor report of a fiscal year', () => {
  // FY2025: ana gave in 2024 and 2025, more in 2025 (upgraded); beto in 2024 only (LYBUNT); cata
  // in 2022 and 2025 (recaptured); dani in 2025 only (new); eva in 2022 only and fe in 2023 only
  // (SYBUNT); gus gave in 2025 and was refunded (no donor); hil gave less in 2025 (downgraded).
  const history = years([
    ['ana', 2024, 5_000], ['ana', 2025, 12_000],
    ['beto', 2024, 2_500],
    ['cata', 2022, 10_000], ['cata', 2025, 60_000],
    ['dani', 2025, 150_000],
    ['eva', 2022, 1_000],
    ['fe', 2023, 3_000],
    ['gus', 2025, 0],
    ['hil', 2024, 80_000], ['hil', 2025, 20_000],
  ]);

  it('counts every definition', () => {
    const r = donorReport(2025, history, [12_000, 60_000, 100_000, 50_000, 20_000]);
    expect(r).toMatchObject({ donors: 4, newDonors: 1, retained: 2, recaptured: 1, lapsed: 1, upgraded: 1, downgraded: 1, totalAmount: 242_000 });
    expect(r.lybunt).toEqual(['beto']);
    expect(r.sybunt).toEqual(['eva', 'fe']);
    // Donors of FY2024: ana, beto, hil; of them ana and hil gave in FY2025.
    expect(r.retentionRate).toBeCloseTo(2 / 3);
    expect(r.gifts).toBe(5);
    expect(r.averageGift).toBe(48_400);
    expect(r.medianGift).toBe(50_000);
    expect(r.pyramid.map((b) => [b.key, b.donors])).toEqual([['under_100', 0], ['100_to_499', 2], ['500_to_999', 1], ['1000_to_4999', 1], ['5000_plus', 0]]);
  });

  it('does not count a refunded gift as giving, and has no rate without last year\'s donors', () => {
    const r = donorReport(2025, years([['gus', 2025, 0], ['ivy', 2025, -500]]), []);
    expect(r).toMatchObject({ donors: 0, retentionRate: null, averageGift: null, medianGift: null, lybunt: [], sybunt: [] });
  });

  it('never puts a donor in both LYBUNT and SYBUNT, and keeps retention between 0 and 1', () => {
    const history = fc.array(fc.record({ donorId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fiscalYear: fc.integer({ min: 2018, max: 2026 }), total: fc.integer({ min: -100, max: 100_000 }) }));
    fc.assert(fc.property(history, fc.integer({ min: 2019, max: 2026 }), (h, fy) => {
      const r = donorReport(fy, h, []);
      const overlap = r.lybunt.filter((d) => r.sybunt.includes(d));
      return overlap.length === 0 && (r.retentionRate === null || (r.retentionRate >= 0 && r.retentionRate <= 1))
        && r.newDonors + r.retained + r.recaptured === r.donors;
    }));
  });
});
