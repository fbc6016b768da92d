import ExcelJS from 'exceljs';
import { parseCsv } from '../imports/csv-file.ts';
import { decodeText } from '../imports/text-encoding.ts';
import { checkGrants, type DateOrder, findJsonGrants, findTableGrants, type FoundGrant, type GrantProblem } from './grant-file.ts';

// A 360Giving file as it arrives — JSON, CSV (UTF-8 or Windows-1252, with or without a byte
// order mark) or an Excel workbook — told apart by its first bytes, then read by grant-file.ts.

export type GrantFileFormat = 'json' | 'csv' | 'xlsx';

export function grantFileFormat(bytes: Uint8Array): GrantFileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  const start = Buffer.from(bytes.subarray(0, 64)).toString('latin1').replace(/^\xEF\xBB\xBF/, '').trimStart();
  return start.startsWith('{') || start.startsWith('[') ? 'json' : 'csv';
}

/** The first sheet named "grants" (flatten-tool's), else the first sheet, as header and rows of text. */
async function workbookRows(bytes: Uint8Array): Promise<{ headers: string[]; rows: Record<string, string>[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('grants') ?? workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const cellText = (cell: ExcelJS.Cell) => (cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : cell.text ?? '').trim();
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { headers[col - 1] = cellText(cell) || `Column ${col}`; });
  const rows: Record<string, string>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r === 1) return;
    const values = Object.fromEntries(headers.map((h, i) => [h, cellText(row.getCell(i + 1))]));
    if (Object.values(values).some(Boolean)) rows.push(values);
  });
  return { headers, rows };
}

export interface GrantFileReading {
  format: GrantFileFormat;
  encoding: 'utf-8' | 'windows-1252' | null;
  grants: ReturnType<typeof checkGrants>['grants'];
  problems: GrantProblem[];
  repeats: { identifier: string; count: number }[];
  ignoredColumns: string[];
}

export async function readGrantFile(bytes: Uint8Array, options: { dateOrder?: DateOrder } = {}): Promise<GrantFileReading> {
  const format = grantFileFormat(bytes);
  let found: FoundGrant[];
  let ignoredColumns: string[] = [];
  let encoding: GrantFileReading['encoding'] = null;
  if (format === 'xlsx') {
    let table;
    try {
      table = await workbookRows(bytes);
    } catch {
      return { format, encoding, grants: [], problems: [{ grant: '(file)', field: 'file', message: 'not a readable Excel workbook' }], repeats: [], ignoredColumns };
    }
    ({ grants: found, ignoredColumns } = findTableGrants(table.headers, table.rows));
  } else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    if (format === 'json') {
      const result = findJsonGrants(decoded.text);
      if ('problem' in result) return { format, encoding, grants: [], problems: [result.problem], repeats: [], ignoredColumns };
      found = result.grants;
    } else {
      let table;
      try {
        table = parseCsv(decoded.text);
      } catch (err) {
        return { format, encoding, grants: [], problems: [{ grant: '(file)', field: 'CSV', message: err instanceof Error ? err.message : String(err) }], repeats: [], ignoredColumns };
      }
      ({ grants: found, ignoredColumns } = findTableGrants(table.headers, table.rows));
    }
  }
  if (!found.length) return { format, encoding, grants: [], problems: [{ grant: '(file)', field: 'grants', message: 'the file has no grants' }], repeats: [], ignoredColumns };
  return { format, encoding, ignoredColumns, ...checkGrants(found, options) };
}
