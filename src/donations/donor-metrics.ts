// Donor metrics for one fiscal year, pure: from each donor's giving per fiscal year (net of
// refunds), the counts and lists development staff work from. Definitions, for fiscal year FY:
//  - donors: gave in FY (a net total above zero);
//  - new: gave in FY and never before; retained: gave in FY−1 and FY; recaptured: gave in FY, not
//    in FY−1, but in some year before;
//  - LYBUNT ("last year but unfortunately not this"): gave in FY−1 and not in FY;
//  - SYBUNT ("some year but unfortunately not this"): gave in a year before FY−1, not in FY−1 and
//    not in FY — so the two lists never overlap;
//  - retention rate: donors of FY−1 who also gave in FY ÷ donors of FY−1;
//  - upgraded / downgraded: retained donors who gave more / less in FY than in FY−1;
//  - average and median gift: over FY's gifts (refunded gifts left out);
//  - the donor pyramid: FY's donors by the band their FY total falls in.
// A fiscal year is named by the calendar year it ends in: with a July start, FY2025 runs from
// 2024-07-01 to 2025-06-30.

/** The fiscal year a date (YYYY-MM-DD) falls in, for a year starting on the first of `startMonth` (1–12). */
export function fiscalYearOf(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return startMonth === 1 || month < startMonth ? year : year + 1;
}

/** The first and last day of fiscal year `fy`. */
export function fiscalYearSpan(fy: number, startMonth: number): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (startMonth === 1) return { from: `${fy}-01-01`, to: `${fy}-12-31` };
  const lastMonth = startMonth - 1;
  const lastDay = new Date(Date.UTC(fy, lastMonth, 0)).getUTCDate();
  return { from: `${fy - 1}-${pad(startMonth)}-01`, to: `${fy}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** A donor's net giving in one fiscal year, in minor units. */
export interface DonorYear { donorId: string; fiscalYear: number; total: number }

/** The bands of the pyramid, by a donor's total in the year (minor units), lowest first. */
export const PYRAMID_BANDS = [
  { key: 'under_100', min: 1, max: 9_999 },
  { key: '100_to_499', min: 10_000, max: 49_999 },
  { key: '500_to_999', min: 50_000, max: 99_999 },
  { key: '1000_to_4999', min: 100_000, max: 499_999 },
  { key: '5000_plus', min: 500_000, max: Number.POSITIVE_INFINITY },
] as const;

export interface DonorReport {
  fiscalYear: number;
  donors: number; newDonors: number; retained: number; recaptured: number; lapsed: number;
  retentionRate: number | null;
  upgraded: number; downgraded: number;
  totalAmount: number; gifts: number; averageGift: number | null; medianGift: number | null;
  lybunt: string[]; sybunt: string[];
  pyramid: { key: string; donors: number; amount: number }[];
}

const median = (sorted: number[]) => {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * The report for fiscal year `fy` from every donor's net total per year and the amounts of FY's
 * gifts. A year whose net total is zero or less (a gift refunded) does not count as giving.
 */
export function donorReport(fy: number, years: DonorYear[], giftsOfYear: number[]): DonorReport {
  const gaveIn = new Map<string, Map<number, number>>();
  for (const y of years) {
    if (y.total <= 0) continue;
    const byYear = gaveIn.get(y.donorId) ?? new Map<number, number>();
    byYear.set(y.fiscalYear, (byYear.get(y.fiscalYear) ?? 0) + y.total);
    gaveIn.set(y.donorId, byYear);
  }
  const report: DonorReport = {
    fiscalYear: fy, donors: 0, newDonors: 0, retained: 0, recaptured: 0, lapsed: 0, retentionRate: null, upgraded: 0, downgraded: 0,
    totalAmount: 0, gifts: 0, averageGift: null, medianGift: null, lybunt: [], sybunt: [],
    pyramid: PYRAMID_BANDS.map((b) => ({ key: b.key, donors: 0, amount: 0 })),
  };
  let lastYearDonors = 0;
  for (const [donorId, byYear] of gaveIn) {
    const now = byYear.get(fy);
    const before = byYear.get(fy - 1);
    const earlier = [...byYear.keys()].some((y) => y < fy - 1);
    if (before !== undefined) lastYearDonors += 1;
    if (now !== undefined) {
      report.donors += 1;
      report.totalAmount += now;
      const band = PYRAMID_BANDS.findIndex((b) => now >= b.min && now <= b.max);
      report.pyramid[band]!.donors += 1;
      report.pyramid[band]!.amount += now;
      if (before !== undefined) {
        report.retained += 1;
        if (now > before) report.upgraded += 1;
        if (now < before) report.downgraded += 1;
      } else if (earlier) report.recaptured += 1;
      else if (![...byYear.keys()].some((y) => y < fy)) report.newDonors += 1;
    } else if (before !== undefined) {
      report.lapsed += 1;
      report.lybunt.push(donorId);
    } else if (earlier) {
      report.sybunt.push(donorId);
    }
  }
  report.retentionRate = lastYearDonors ? report.retained / lastYearDonors : null;
  const sorted = giftsOfYear.filter((g) => g > 0).sort((a, b) => a - b);
  report.gifts = sorted.length;
  report.averageGift = sorted.length ? sorted.reduce((s, g) => s + g, 0) / sorted.length : null;
  report.medianGift = median(sorted);
  report.lybunt.sort();
  report.sybunt.sort();
  return report;
}
