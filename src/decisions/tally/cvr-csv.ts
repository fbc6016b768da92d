// Reads RCTab's "generic CSV" cast vote records: a header row naming a candidate per column
// (the column named by undeclaredWriteInLabel counts for "Undeclared Write-ins"), then one row
// per ballot whose cells, from firstVoteColumnIndex on, hold the rank given to that column's
// candidate (blank: not ranked). Two candidates with the same rank are an overvote.
import { parse } from 'csv-parse/sync';
import { CvrError, type CvrCollector } from './cvr-collector.ts';
import type { CvrSource } from './rctab-config.ts';

/** Adds the CVRs of one generic CSV file to `collector`. */
export function readCsvCvrs(text: string, source: CvrSource, collector: CvrCollector, fileName: string): void {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new CvrError(`${fileName}: not a readable CSV file (${err instanceof Error ? err.message : String(err)})`);
  }
  const header = rows[0];
  if (!header) throw new CvrError(`${fileName}: the file is empty`);
  const first = source.firstVoteColumnIndex - 1;
  // Names are resolved on first use: like RCTab, a column nobody ranks may name anyone.
  const candidates = new Map<number, number>();
  const candidateAt = (col: number) => {
    const known = candidates.get(col);
    if (known !== undefined) return known;
    const resolved = collector.resolve(header[col]!, source);
    if (resolved !== undefined) candidates.set(col, resolved);
    return resolved;
  };
  // Row 1 is the header; the first ballot is on row firstVoteRowIndex.
  for (let r = source.firstVoteRowIndex - 1; r < rows.length; r++) {
    const row = rows[r]!;
    const rankings: [number, number][] = [];
    for (let col = first; col < row.length; col++) {
      const cell = row[col]!.trim();
      if (cell === '') continue;
      if (!/^[+-]?\d+$/.test(cell)) throw new CvrError(`${fileName} row ${r + 1}, column ${col + 1}: expected a rank number, got "${cell}"`);
      if (col >= header.length) throw new CvrError(`${fileName} row ${r + 1}, column ${col + 1}: a rank in a column with no candidate header`);
      const candidate = candidateAt(col);
      if (candidate !== undefined) rankings.push([Number(cell), candidate]);
    }
    collector.add(`${fileName} row ${r + 1}`, rankings);
  }
}
