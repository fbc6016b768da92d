import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { columnNames, detectDelimiter, malformedCsv } from './csv-file.ts';
import { restoreNeutralized } from './csv-formulas.ts';
import { decodeChunks } from './text-encoding.ts';

// Reading a CSV file of any size in batches of rows, never holding the whole file: the same
// rules as parseCsv (trimmed values, a byte-order mark ignored, the header's separator, a row
// longer than the header named by its line), for files too big for one string.

export interface CsvBatch { headers: string[]; rows: Record<string, string>[]; firstRowNumber: number }

/** The source's chunks with the first one looked at first (to find the separator). */
async function* withFirst(first: string, rest: AsyncIterator<string>) {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

export async function* csvBatches(source: AsyncIterable<Buffer | string>, batchSize = 1000): AsyncGenerator<CsvBatch> {
  // Bytes become text here: UTF-8, or Windows-1252 (what Excel on Windows saves) when they are not.
  const chunks = decodeChunks(source);
  let first = await chunks.next();
  while (!first.done && first.value === '') first = await chunks.next();
  if (first.done) return;
  const head = first.value;
  const delimiter = detectDelimiter(head.slice(0, 64 * 1024).replace(/^\uFEFF/, ''));
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, relax_quotes: false, relax_column_count: true, delimiter, info: true });
  Readable.from(withFirst(head, chunks)).on('error', (err) => parser.destroy(err)).pipe(parser);

  let headers: string[] | null = null;
  let rows: Record<string, string>[] = [];
  let firstRowNumber = 2;
  // Rows with no value at all are held back: at the end of the file they are dropped (spreadsheets add them).
  let blanks: Record<string, string>[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!headers) { headers = columnNames(record); continue; }
      if (record.length > headers.length && record.slice(headers.length).some((v) => v !== '')) {
        throw new Error(`The CSV file is malformed on line ${info.lines}: the row has ${record.length} values but the header has ${headers.length} columns (is a value with a comma missing its quotes?).`);
      }
      const row: Record<string, string> = {};
      let empty = true;
      for (let i = 0; i < headers.length; i++) {
        const value = restoreNeutralized(record[i] ?? '');
        row[headers[i]!] = value;
        if (value !== '') empty = false;
      }
      if (empty) { blanks.push(row); continue; }
      rows.push(...blanks, row);
      blanks = [];
      if (rows.length >= batchSize) {
        yield { headers, rows, firstRowNumber };
        firstRowNumber += rows.length;
        rows = [];
      }
    }
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('The CSV file is malformed')) throw err;
    throw malformedCsv(err);
  }
  if (headers && (rows.length || firstRowNumber === 2)) yield { headers, rows, firstRowNumber };
}
