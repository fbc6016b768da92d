// An organization's funding diversification for a period, pure: each source's share of what came
// in (individual donors, dues, foundations, government, corporations, intermediaries passing on
// grants, earned income, other), the Herfindahl–Hirschman index of those shares (1 when one source
// is everything, 1/n when n sources are equal), and its dependency on its largest single funder.

export const SOURCE_TYPES = ['individuals', 'dues', 'foundation', 'government', 'corporate', 'intermediary', 'earned', 'other'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface IncomeLine { source: SourceType; amountMinor: number; funderKey?: string; funderName?: string }

/** Σ sᵢ² over shares that add up to 1; null when there is nothing. */
export function herfindahl(amounts: number[]): number | null {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  return amounts.reduce((sum, a) => sum + (a / total) ** 2, 0);
}

export function diversification(lines: IncomeLine[]) {
  const bySource = new Map<SourceType, number>(SOURCE_TYPES.map((s) => [s, 0]));
  const byFunder = new Map<string, { name: string; amountMinor: number }>();
  for (const l of lines) {
    bySource.set(l.source, bySource.get(l.source)! + l.amountMinor);
    if (l.funderKey) {
      const f = byFunder.get(l.funderKey) ?? { name: l.funderName ?? l.funderKey, amountMinor: 0 };
      f.amountMinor += l.amountMinor;
      byFunder.set(l.funderKey, f);
    }
  }
  const total = [...bySource.values()].reduce((a, b) => a + b, 0);
  const largest = [...byFunder.values()].sort((a, b) => b.amountMinor - a.amountMinor)[0] ?? null;
  return {
    totalMinor: total,
    sources: SOURCE_TYPES.map((source) => ({ source, amountMinor: bySource.get(source)!, share: total > 0 ? bySource.get(source)! / total : null })),
    hhi: herfindahl([...bySource.values()]),
    largestFunder: largest ? { name: largest.name, amountMinor: largest.amountMinor, share: total > 0 ? largest.amountMinor / total : null } : null,
    foundationShare: total > 0 ? bySource.get('foundation')! / total : null,
  };
}
