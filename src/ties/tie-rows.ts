import { normalizeHeader } from '../imports/column-mapping.ts';
import { parseDate } from '../imports/csv-rows.ts';
import { compact } from '../imports/import-labels.ts';
import { TIE_KINDS } from './tie.schema.ts';

// Pure: the rows of a ties CSV (ours, Kumu's connections sheet, or a spreadsheet someone kept)
// as ties to record, each problem naming the row and the column. Organizations are named as in
// the file; the importer resolves the names against the organizations the alliance can see.

export type TieKind = (typeof TIE_KINDS)[number];
export interface TieRow { fromName: string; toName: string; kind: TieKind; strength: number; startedOn: string | null; endedOn: string | null; note: string | null }
export type TieRowResult = { rowNumber: number; ok: true; value: TieRow } | { rowNumber: number; ok: false; errors: { field: string; message: string }[] };

// Column names seen in the wild, normalized (lowercase, no accents or punctuation).
const COLUMNS: Record<keyof TieRow, string[]> = {
  fromName: ['from', 'source', 'organizationa', 'orga', 'organization1', 'org1', 'origen', 'organizaciona'],
  toName: ['to', 'target', 'organizationb', 'orgb', 'organization2', 'org2', 'destino', 'organizacionb'],
  kind: ['kind', 'type', 'tietype', 'connectiontype', 'relationship', 'tipo', 'relacion'],
  strength: ['strength', 'weight', 'fuerza', 'peso'],
  startedOn: ['startedon', 'start', 'startdate', 'since', 'desde', 'inicio'],
  endedOn: ['endedon', 'end', 'enddate', 'until', 'hasta', 'fin'],
  note: ['note', 'notes', 'description', 'nota', 'notas', 'descripcion'],
};

// Kinds as people write them, in English and Spanish, to our codes.
const KIND_NAMES: Record<TieKind, string[]> = {
  co_campaigned: ['co_campaigned', 'cocampaigned', 'campaigned together', 'co-campaigned', 'campaign', 'campaña conjunta', 'hicieron campaña juntos'],
  formal_partnership: ['formal_partnership', 'formal partnership', 'partnership', 'partner', 'alianza formal', 'socio'],
  funds: ['funds', 'funding', 'funder', 'financia', 'financiamiento'],
  conflict: ['conflict', 'tension', 'conflict or tension', 'conflicto', 'tensión'],
  introduced: ['introduced', 'introduction', 'presentó', 'presentacion'],
  shared_members: ['shared_members', 'shared members', 'miembros compartidos'],
};
const KINDS = new Map(Object.entries(KIND_NAMES).flatMap(([kind, names]) => names.map((n) => [compact(n), kind as TieKind])));

/** Which column of the file feeds which field; columns nobody recognises are left out. */
function tieColumns(headers: string[]): Partial<Record<keyof TieRow, string>> {
  const found: Partial<Record<keyof TieRow, string>> = {};
  for (const [field, names] of Object.entries(COLUMNS) as [keyof TieRow, string[]][]) {
    const header = names.map((n) => headers.find((h) => normalizeHeader(h) === n)).find(Boolean);
    if (header) found[field] = header;
  }
  return found;
}

export function mapTieRows(headers: string[], rows: Record<string, string>[]): { columns: Partial<Record<keyof TieRow, string>>; results: TieRowResult[]; missing: string[] } {
  const columns = tieColumns(headers);
  const missing = (['fromName', 'toName', 'kind'] as const).filter((f) => !columns[f]).map((f) => ({ fromName: 'from', toName: 'to', kind: 'kind' })[f]);
  const cell = (row: Record<string, string>, field: keyof TieRow) => (columns[field] ? (row[columns[field]!] ?? '').trim() : '');
  const results = rows.map((row, i): TieRowResult => {
    const rowNumber = i + 2; // the header is line 1
    const errors: { field: string; message: string }[] = [];
    const column = (field: keyof TieRow) => columns[field] ?? field;
    const fromName = cell(row, 'fromName');
    const toName = cell(row, 'toName');
    if (!fromName) errors.push({ field: column('fromName'), message: 'name the first organization' });
    if (!toName) errors.push({ field: column('toName'), message: 'name the second organization' });
    if (fromName && toName && compact(fromName) === compact(toName)) errors.push({ field: column('toName'), message: 'a tie joins two different organizations' });
    const kindText = cell(row, 'kind');
    const kind = KINDS.get(compact(kindText));
    if (!kind) errors.push({ field: column('kind'), message: kindText ? `"${kindText}" is not a kind of tie (${TIE_KINDS.join(', ')})` : 'say what kind of tie' });
    const strengthText = cell(row, 'strength');
    const strength = strengthText === '' ? 3 : Number(strengthText);
    if (!Number.isInteger(strength) || strength < 1 || strength > 5) errors.push({ field: column('strength'), message: 'a whole number from 1 to 5' });
    const date = (field: 'startedOn' | 'endedOn') => {
      const text = cell(row, field);
      if (!text) return null;
      const iso = parseDate(text);
      if (!iso) errors.push({ field: column(field), message: 'use YYYY, YYYY-MM, YYYY-MM-DD or MM/DD/YYYY' });
      return iso ?? null;
    };
    const startedOn = date('startedOn');
    const endedOn = date('endedOn');
    if (startedOn && endedOn && endedOn < startedOn) errors.push({ field: column('endedOn'), message: 'ends before it starts' });
    const note = cell(row, 'note') || null;
    if (errors.length) return { rowNumber, ok: false, errors };
    return { rowNumber, ok: true, value: { fromName, toName, kind: kind!, strength, startedOn, endedOn, note } };
  });
  return { columns, results, missing };
}
