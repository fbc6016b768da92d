// Reading an uploaded CSV file: headers and rows of trimmed strings, or an error naming the line.
import { parse } from 'csv-parse/sync';
import { restoreNeutralized } from './csv-formulas.ts';

export interface ParsedCsv { headers: string[]; rows: Record<string, string>[] }

export const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed (a " is missing)',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted value is followed by other characters; write a quote inside a quoted value as ""',
  INVALID_OPENING_QUOTE: 'a value has a " in the middle; put the whole value in quotes and write the quote as ""',
  CSV_INVALID_OPENING_QUOTE: 'a value has a " in the middle; put the whole value in quotes and write the quote as ""',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted value is followed by other characters',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'the row has a different number of values than the header',
};

/** The separator used in the header line: a comma unless semicolons or tabs are more common. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const count = (d: string) => outsideQuotes.split(d).length - 1;
  return [';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

/**
 * Reads a CSV file whose first row names the columns. Values are trimmed, a byte-order mark is
 * ignored, and so are empty lines and empty rows at the end of the file. Throws an Error
 * naming the line when the file is malformed (unbalanced quotes, a row with more values than
 * there are columns).
 */
/** The error for a file csv-parse could not read, naming the line. */
export function malformedCsv(err: unknown): Error {
  const e = err as { code?: string; lines?: number; message?: string };
  const problem = (e.code && CSV_PROBLEMS[e.code]) ?? e.message ?? String(err);
  return new Error(e.lines ? `The CSV file is malformed on line ${e.lines}: ${problem}.` : `The CSV file is malformed: ${problem}.`, { cause: err });
}

/** Every column gets a distinct, non-empty name ("Phone", "Phone (2)", "Column 4"). */
export function columnNames(record: string[]): string[] {
  const headers: string[] = [];
  record.forEach((raw, i) => {
    const base = raw || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; headers.includes(name); n++) name = `${base} (${n})`;
    headers.push(name);
  });
  return headers;
}

export function parseCsv(text: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true, trim: true, skip_empty_lines: true, relax_quotes: false, relax_column_count: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')), info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    throw malformedCsv(err);
  }
  const [head, ...body] = records;
  if (!head) return { headers: [], rows: [] };

  const headers = columnNames(head.record);
  // Drop columns that have neither a name nor any value (trailing commas of spreadsheet exports).
  while (headers.length && !head.record[headers.length - 1] && body.every((r) => !r.record[headers.length - 1])) headers.pop();

  const rows = body.map(({ record, info }) => {
    if (record.length > headers.length && record.slice(headers.length).some((v) => v !== '')) {
      throw new Error(`The CSV file is malformed on line ${info.lines}: the row has ${record.length} values but the header has ${headers.length} columns (is a value with a comma missing its quotes?).`);
    }
    return Object.fromEntries(headers.map((h, i) => [h, restoreNeutralized(record[i] ?? '')]));
  });
  while (rows.length && Object.values(rows[rows.length - 1]!).every((v) => v === '')) rows.pop();
  return { headers, rows };
}
