import type { TaxStatus } from '../db/tables.ts';

// The 501(c)(3)/(c)(4) firewall, as rules over marks. A record's mark is its space's, or (in an
// unmarked space) its own; a reader's mark is the space that reads it. A c3 reader never sees c4
// work; a c4 reader sees c3 work only where the c3 space's rule says it may (a c3 organization
// may not hand its lists to a c4 for free). Unmarked records and readers are outside the rule.

export const TAX_STATUSES = ['c3', 'c4'] as const satisfies readonly TaxStatus[];

/** A record marked `record` would reach a reader marked `reader`: whether that crosses the firewall. */
export function crosses(record: TaxStatus | null, reader: TaxStatus | null, c3SharesWithC4 = false): boolean {
  if (record === 'c4' && reader === 'c3') return true;
  if (record === 'c3' && reader === 'c4') return !c3SharesWithC4;
  return false;
}

/** The mark a record carries: its space's when the space is marked, else its own. */
export function effectiveMark(spaceMark: TaxStatus | null, ownMark: TaxStatus | null): TaxStatus | null {
  return spaceMark ?? ownMark;
}

/** A record's own mark inside a marked space may only repeat the space's: anything else is a crossing. */
export function ownMarkCrosses(spaceMark: TaxStatus | null, ownMark: TaxStatus | null | undefined): boolean {
  return spaceMark !== null && ownMark != null && ownMark !== spaceMark;
}
