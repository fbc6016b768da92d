// What the import routes answer and take (src/interchange/interchange.routes.ts).

export type Entity = 'organizations' | 'memberships' | 'people';
export type DuplicateDecision = 'merge' | 'keepBoth' | 'skip';
export interface RowError { field: string; message: string; code?: 'unknown_value' | 'ambiguous_date' | 'duplicate'; target?: string; value?: string }
export interface Choice { key: string; en: string; es: string }
export interface UnknownValue { field: string; column: string; value: string; count: number; rows: number[]; suggestion: string | null }
export type DuplicateMatch =
  | { kind: 'row'; rowNumber: number; name: string }
  | { kind: 'record'; id: string; name: string; spaceName: string; sameSpace: boolean };
export interface DuplicateQuestion {
  rowNumber: number; name: string; matches: DuplicateMatch[]; mergeInto: { row: number } | { id: string } | null; sameId: boolean; decision?: DuplicateDecision;
}
export interface Preview {
  headers: string[]; mapping: Record<string, string | null>; fields: string[]; total: number; errorCount: number;
  rows: { rowNumber: number; ok: boolean; errors?: RowError[] }[];
  missing: string[];
  unknownValues: UnknownValue[];
  choices: Record<string, Choice[]>;
  dates: { ambiguous: number; examples: string[]; evidence: { order: 'mdy' | 'dmy'; value: string } | null; order: 'mdy' | 'dmy' | null };
  duplicates: DuplicateQuestion[];
  duplicateCount: number;
  remembered: { mapping: Record<string, string | null>; decisions: Decisions } | null;
}
export interface Decisions {
  defaults?: Record<string, string>;
  values?: Record<string, Record<string, string | null | undefined>>;
  dateOrder?: 'mdy' | 'dmy';
  duplicates?: Record<string, DuplicateDecision>;
}
export interface Job {
  id: string; status: string; total: number; processed: number; message?: string;
  counts: Record<string, number>; rows: { rowNumber: number; outcome: string; errors?: RowError[] }[];
}
