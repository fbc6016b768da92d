// Recurring gifts, pledges and matching funds, pure: when installments fall due and which were
// missed, what a pledge has left and what is overdue, what a match has matched under its cap.

export type Frequency = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

const toDay = (d: Date) => d.toISOString().slice(0, 10);
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

/** The n-th due day from the start; a monthly gift started on the 31st falls on each month's last day. */
function nthDue(start: string, frequency: Frequency, n: number): string {
  const s = parse(start);
  if (frequency === 'weekly') return toDay(new Date(s.getTime() + n * 7 * 86_400_000));
  const months = n * ({ monthly: 1, quarterly: 3, yearly: 12 } as const)[frequency];
  const y = s.getUTCFullYear();
  const m = s.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return toDay(new Date(Date.UTC(y, m, Math.min(s.getUTCDate(), last))));
}

/** Every due day from the start to `until` (and not after the end). */
export function installmentDays(start: string, frequency: Frequency, until: string, end: string | null = null): string[] {
  const last = end && end < until ? end : until;
  const days: string[] = [];
  for (let n = 0; n < 10_000; n++) {
    const day = nthDue(start, frequency, n);
    if (day > last) break;
    days.push(day);
  }
  return days;
}

/**
 * Installments due and received: each received gift pays the earliest unpaid due day before it,
 * if it came before the due day after next (a late installment still counts for its period); a
 * due day left unpaid once the next one has come is missed.
 */
export function recurringStatus(start: string, frequency: Frequency, end: string | null, today: string, received: string[]) {
  const due = installmentDays(start, frequency, today, end);
  // A gift a few days early pays the installment it anticipates.
  const early = (day: string) => toDay(new Date(parse(day).getTime() - (frequency === 'weekly' ? 2 : 7) * 86_400_000));
  const paid = new Set<number>();
  for (const day of [...received].sort()) {
    const i = due.findIndex((d, k) => !paid.has(k) && early(d) <= day && day < (due[k + 2] ?? '9999'));
    if (i >= 0) paid.add(i);
  }
  const following = nthDue(start, frequency, due.length);
  const ended = end !== null && following > end;
  // The last due day is missed only once the schedule has ended or the next one has come.
  const missed = due.filter((_, k) => !paid.has(k) && (k < due.length - 1 || (ended && end! < today))).length;
  return { due: due.length, received: paid.size, missed, next: ended ? null : following };
}

/** What a pledge has been paid, what is left, and what was due by today but not paid. */
export function pledgeBalance(amountMinor: number, schedule: { dueOn: string; amountMinor: number }[], paymentsMinor: number, today: string) {
  const dueSoFar = schedule.filter((s) => s.dueOn <= today).reduce((sum, s) => sum + s.amountMinor, 0);
  return { paidMinor: paymentsMinor, balanceMinor: Math.max(0, amountMinor - paymentsMinor), overdueMinor: Math.max(0, dueSoFar - paymentsMinor), fulfilled: paymentsMinor >= amountMinor };
}

/** A schedule whose payments add up to the pledge, each on a day: the errors otherwise. */
export function scheduleErrors(amountMinor: number, pledgedOn: string, schedule: { dueOn: string; amountMinor: number }[]): string[] {
  const errors: string[] = [];
  const total = schedule.reduce((sum, s) => sum + s.amountMinor, 0);
  if (schedule.length && total !== amountMinor) errors.push(`the payments add up to ${total}, not ${amountMinor}`);
  if (schedule.some((s) => s.dueOn < pledgedOn)) errors.push('a payment falls before the pledge');
  return errors;
}

/** A match of `ratio` to 1 on eligible gifts, never above its cap. */
export function matchProgress(ratio: number, capMinor: number, eligibleMinor: number) {
  // The ratio has at most three decimals: multiplied as thousandths, so 100 × 1.15 is 115, not 114.99….
  const matchedMinor = Math.min(capMinor, Math.floor((eligibleMinor * Math.round(ratio * 1000)) / 1000));
  return { eligibleMinor, matchedMinor, remainingCapMinor: capMinor - matchedMinor,
    // Gifts still needed to use the whole cap.
    giftsToFillMinor: matchedMinor >= capMinor ? 0 : Math.ceil((capMinor - matchedMinor) / ratio) };
}
