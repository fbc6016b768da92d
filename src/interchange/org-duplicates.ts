import type { OrganizationRow } from '../imports/csv-rows.ts';
import { compact } from '../imports/import-labels.ts';
import type { OrgIndex } from './org-index.ts';

// Which rows of an organizations file may be an organization seen before: an earlier row of the
// same file, or an organization already in the directory (in this space or any other the person
// can read), by name with case, accents and punctuation set aside, or by external id. Each is a
// question for the person (merge, keep both, skip), never merged or renamed silently. A row is
// not a question when it is plainly a record of this space again: the same external id, or the
// very same name (importing a file twice).

export type DuplicateMatch =
  | { kind: 'row'; rowNumber: number; name: string }
  | { kind: 'record'; id: string; name: string; spaceName: string; sameSpace: boolean };

export interface DuplicateQuestion {
  rowNumber: number;
  name: string;
  matches: DuplicateMatch[];
  /** What "merge" would update: an earlier row's record or a record of this space; null when only keep both or skip can be chosen. */
  mergeInto: { row: number } | { id: string } | null;
  /** The earlier row has the same external id: one record, so "keep both" cannot be chosen. */
  sameId: boolean;
}

const MAX_MATCHES = 5;

export class OrganizationDuplicates {
  private readonly names = new Map<string, { rowNumber: number; name: string }>();
  private readonly externalIds = new Map<string, { rowNumber: number; name: string }>();

  constructor(private readonly index: OrgIndex, private readonly spaceId: string) {}

  /**
   * The question `row` raises, or null. Rows must be given in the file's order: the first of
   * several alike is the one the later ones are asked about. `knownRecord`: its external id
   * already names a record of this space.
   */
  check(rowNumber: number, row: OrganizationRow, knownRecord: boolean): DuplicateQuestion | null {
    const { name } = row.input;
    const nameKey = compact(name);
    const byId = row.externalId ? this.externalIds.get(row.externalId) : undefined;
    const earlier = byId ?? (nameKey ? this.names.get(nameKey) : undefined);
    if (nameKey && !this.names.has(nameKey)) this.names.set(nameKey, { rowNumber, name });
    if (row.externalId && !this.externalIds.has(row.externalId)) this.externalIds.set(row.externalId, { rowNumber, name });

    const matches: DuplicateMatch[] = earlier ? [{ kind: 'row', rowNumber: earlier.rowNumber, name: earlier.name }] : [];
    let sameSpaceRecord: string | undefined;
    if (!knownRecord) {
      const records = this.index.similar(name);
      const identical = records.some((o) => o.spaceId === this.spaceId && o.name.trim() === name.trim());
      if (!identical) {
        for (const o of records.slice(0, MAX_MATCHES)) {
          const sameSpace = o.spaceId === this.spaceId;
          if (sameSpace) sameSpaceRecord ??= o.id;
          matches.push({ kind: 'record', id: o.id, name: o.name, spaceName: o.spaceName, sameSpace });
        }
      }
    }
    if (matches.length === 0) return null;
    return { rowNumber, name, matches, mergeInto: earlier ? { row: earlier.rowNumber } : sameSpaceRecord ? { id: sameSpaceRecord } : null, sameId: !!byId };
  }
}
