import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installmentDays, matchProgress, pledgeBalance, recurringStatus, scheduleErrors } from './schedules.ts';

describe('recurring gifts', () => {
  it('falls due on the same day each month, or the month\'s last day', () => {
    expect(installmentDays('2025-01-31', 'monthly', '2025-05-01')).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
    expect(installmentDays('2024-02-29', 'yearly', '2027-12-31')).toEqual(['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28']);
    expect(installmentDays('2025-01-01', 'weekly', '2025-01-20')).toEqual(['2025-01-01', '2025-01-08', '2025-01-15']);
    expect(installmentDays('2025-01-15', 'quarterly', '2026-01-01', '2025-09-30')).toEqual(['2025-01-15', '2025-04-15', '2025-07-15']);
  });

  it('counts installments received, late ones included, and missed ones', () => {
    // Due Jan, Feb, Mar, Apr 15; paid Jan 15, Mar 2 (February's, late), nothing for March; April's is not yet missed.
    expect(recurringStatus('2025-01-15', 'monthly', null, '2025-04-20', ['2025-01-15', '2025-03-02']))
      .toEqual({ due: 4, received: 2, missed: 1, next: '2025-05-15' });
    // Paid three days early: that month's installment. Ended in March: nothing next, March's unpaid one missed.
    expect(recurringStatus('2025-01-15', 'monthly', '2025-03-20', '2025-06-01', ['2025-01-12', '2025-02-15'])).toEqual({ due: 3, received: 2, missed: 1, next: null });
  });
});

describe('pledges', () => {
  it('keeps the balance and what is overdue', () => {
    const schedule = [{ dueOn: '2025-01-01', amountMinor: 50_000 }, { dueOn: '2025-07-01', amountMinor: 50_000 }];
    expect(pledgeBalance(100_000, schedule, 30_000, '2025-03-01')).toEqual({ paidMinor: 30_000, balanceMinor: 70_000, overdueMinor: 20_000, fulfilled: false });
    expect(pledgeBalance(100_000, schedule, 100_000, '2025-12-01')).toEqual({ paidMinor: 100_000, balanceMinor: 0, overdueMinor: 0, fulfilled: true });
    expect(scheduleErrors(100_000, '2025-01-01', [{ dueOn: '2024-12-01', amountMinor: 90_000 }])).toEqual(['the payments add up to 90000, not 100000', 'a payment falls before the pledge']);
  });
});

describe('matching funds', () => {
  it('matches at its ratio up to its cap', () => {
    expect(matchProgress(1, 500_000, 120_000)).toEqual({ eligibleMinor: 120_000, matchedMinor: 120_000, remainingCapMinor: 380_000, giftsToFillMinor: 380_000 });
    expect(matchProgress(2, 500_000, 300_000)).toMatchObject({ matchedMinor: 500_000, remainingCapMinor: 0, giftsToFillMinor: 0 });
    expect(matchProgress(0.5, 100_000, 50_001)).toMatchObject({ matchedMinor: 25_000, giftsToFillMinor: 150_000 });
    expect(matchProgress(1.15, 1_000_000, 100).matchedMinor).toBe(115);
  });
  it('never matches above the cap nor more than ratio × gifts', () => {
    // Ratios as stored: thousandths (numeric(6, 3)).
    fc.assert(fc.property(fc.integer({ min: 100, max: 10_000 }).map((n) => n / 1000), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (ratio, cap, eligible) => {
      const m = matchProgress(ratio, cap, eligible);
      return m.matchedMinor <= cap && m.matchedMinor <= eligible * ratio && m.remainingCapMinor >= 0;
    }));
  });
});
