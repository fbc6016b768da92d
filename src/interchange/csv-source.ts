import { Readable } from 'node:stream';
import { csvBatches } from '../imports/csv-stream.ts';
import { invalid } from '../server/problem.ts';

// Where an import reads its CSV file from (a file, or the text an upload sent), and its header
// row read first: shared by the directory imports and the contact imports.

/** Opened again for each pass over the file. */
export type CsvSource = () => AsyncIterable<Buffer | string>;

export const textSource = (csv: string): CsvSource => () => Readable.from([Buffer.from(csv, 'utf8')]);

/** The file's column names; a malformed or empty file is a 422 naming the `csv` field. */
export async function csvHeaders(source: CsvSource): Promise<string[]> {
  try {
    for await (const batch of csvBatches(source(), 1)) return batch.headers;
  } catch (err) {
    throw invalid([{ field: 'csv', message: err instanceof Error ? err.message : String(err) }]);
  }
  throw invalid([{ field: 'csv', message: 'The file is empty.' }]);
}
