import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-file.ts';
import { neutralizeFormula, SAFE_CELLS } from './csv-formulas.ts';

describe('formula injection in CSV files', () => {
  it('neutralizes cells a spreadsheet would run, and leaves the rest alone', () => {
    for (const cell of ['=HYPERLINK("http://evil.example","x")', '+1 555 0101', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Make the Road', 'ñandú', '', "'quoted", '1-2']) expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('reads a neutralized export back to what was stored', () => {
    const csv = stringify([{ name: '=cmd|calc', phone: '+1 555 0101', note: "'already" }], { header: true, ...SAFE_CELLS });
    expect(csv).toContain("'=cmd|calc");
    expect(parseCsv(csv).rows).toEqual([{ name: '=cmd|calc', phone: '+1 555 0101', note: "'already" }]);
  });
});
