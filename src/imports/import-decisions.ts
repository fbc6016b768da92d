import type { DateOrder } from './dates.ts';
import { compact } from './import-labels.ts';

// What the person importing a file has decided about it after the preview asked: these are the
// import's conversation, sent back with the file so that nothing is guessed or changed silently.

export type DuplicateDecision = 'merge' | 'keepBoth' | 'skip';
export const DUPLICATE_DECISIONS = ['merge', 'keepBoth', 'skip'] as const satisfies readonly DuplicateDecision[];

export interface ImportDecisions {
  /** A value for the rows whose cell is empty or whose field has no column: field → a value as a file would write it. */
  defaults?: Record<string, string>;
  /** Values the workspace does not know: field → value as written → the term or choice it means, or null to leave it out. */
  values?: Record<string, Record<string, string | null>>;
  /** How slashed dates whose day and month could be swapped (03/04/2019) are read. */
  dateOrder?: DateOrder;
  /** Rows that look like another row of the file or a record already in the directory: data row number → what to do. */
  duplicates?: Record<string, DuplicateDecision>;
  /** What to do with every row asked about that `duplicates` does not name ("skip them all"). */
  allDuplicates?: DuplicateDecision;
}

/** The decision about one value of one field: a term, null (leave it out) or undefined (none taken). Case and accents are ignored. */
export function decidedValue(decisions: ImportDecisions | undefined, field: string, value: string): string | null | undefined {
  const chosen = decisions?.values?.[field];
  if (!chosen) return undefined;
  const wanted = compact(value);
  for (const [written, term] of Object.entries(chosen)) if (compact(written) === wanted) return term;
  return undefined;
}
