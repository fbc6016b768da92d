import type { Db } from '../db/database.ts';
import type { ColumnMapping } from '../imports/column-mapping.ts';
import type { OrganizationRow, RowError, RowResult } from '../imports/csv-rows.ts';
import { orderEvidence, type DateOrder } from '../imports/dates.ts';
import type { DuplicateDecision, ImportDecisions } from '../imports/import-decisions.ts';
import {
  AFFILIATION_LABELS, BUDGET_LABELS, compact, KIND_LABELS, LEGAL_LABELS, ROLE_LABELS, SCALE_LABELS, STATUS_LABELS,
} from '../imports/import-labels.ts';
import { suggestTerm, type TermNames } from '../imports/value-matcher.ts';
import * as orgs from '../orgs/organization.repository.ts';
import type { OrganizationInput } from '../orgs/organization.schema.ts';
import type { Vocabularies } from '../vocabularies/vocabulary.service.ts';
import { type DuplicateQuestion, OrganizationDuplicates } from './org-duplicates.ts';
import type { OrgIndex } from './org-index.ts';

// The import's conversation: what a preview asks the person about a file (values the workspace
// does not know, dates whose order is unclear, rows that may be organizations seen before), and
// how their answers are held to when the rows are written.

type Row = RowResult<unknown>;

/** The duplicate questions of an organizations file, asked in the file's order, batch after batch. */
export class DuplicateCheck {
  private readonly tracker: OrganizationDuplicates;
  /** Rows asked about and what was decided: what the write pass follows. */
  readonly decided = new Map<number, { decision: DuplicateDecision; mergeInto: DuplicateQuestion['mergeInto'] }>();
  /** Rows whose record a later row is merged into: the write pass remembers the id it wrote. */
  readonly mergeTargets = new Set<number>();

  constructor(private readonly db: Db, private readonly spaceId: string, private readonly index: OrgIndex,
    private readonly decisions: ImportDecisions | undefined, private readonly nameColumn: string, private readonly externalIdColumn: string) {
    this.tracker = new OrganizationDuplicates(index, spaceId);
  }

  /**
   * Asks about the batch's rows (`raw`: the same rows as the file has them, for the name of a row
   * that has other problems too, so that every question is asked at once). A row asked about and
   * not decided on is rejected with the question. Returns the questions.
   */
  async check<R extends Row>(rows: R[], raw: Record<string, string>[]): Promise<{ rows: R[]; questions: (DuplicateQuestion & { decision?: DuplicateDecision })[] }> {
    const fromFile = (i: number, row: R) => (row.ok ? row.value as OrganizationRow
      : { externalId: raw[i]?.[this.externalIdColumn]?.trim() || undefined, input: { name: raw[i]?.[this.nameColumn]?.trim() ?? '' } as OrganizationInput });
    const values = rows.map((row, i) => fromFile(i, row));
    const known = await orgs.existingExternalIds(this.db, this.spaceId, values.flatMap((v) => (v.externalId ? [v.externalId] : [])));
    const questions: (DuplicateQuestion & { decision?: DuplicateDecision })[] = [];
    const checked = rows.map((row, i): R => {
      const value = values[i]!;
      if (!value.input.name) return row;
      const id = value.externalId;
      const knownRecord = !!id && (known.has(id) || this.index.byId(id)?.spaceId === this.spaceId);
      const question = this.tracker.check(row.rowNumber, value, knownRecord);
      if (!question) return row;
      const decision = this.decisions?.duplicates?.[String(row.rowNumber)] ?? this.decisions?.allDuplicates;
      questions.push({ ...question, ...(decision ? { decision } : {}) });
      const problem = !decision ? duplicateMessage(question)
        : decision === 'merge' && !question.mergeInto ? `"${question.name}" is in another space: it cannot be merged from here; choose keep both or skip`
        : decision === 'keepBoth' && question.sameId ? `has the same external id as row ${(question.mergeInto as { row: number }).row}: one record cannot be kept twice; choose merge or skip` : null;
      if (problem || !decision) {
        const error = { field: this.nameColumn, message: problem ?? '', code: 'duplicate' } satisfies RowError;
        return { rowNumber: row.rowNumber, ok: false, errors: [...(row.ok ? [] : row.errors), error] } as R;
      }
      if (!row.ok) return row;
      this.decided.set(row.rowNumber, { decision, mergeInto: question.mergeInto });
      if (decision === 'merge' && question.mergeInto && 'row' in question.mergeInto) this.mergeTargets.add(question.mergeInto.row);
      return row;
    });
    return { rows: checked, questions };
  }
}

function duplicateMessage(q: DuplicateQuestion): string {
  const first = q.matches[0]!;
  const like = first.kind === 'row' ? `row ${first.rowNumber} ("${first.name}")` : `"${first.name}", already in the directory (${first.spaceName})`;
  return `may be the same organization as ${like}: choose merge, keep both or skip`;
}

/** The column a field is read from, as the person sees it. */
export function columnOf(mapping: ColumnMapping, field: string): string {
  return Object.entries(mapping).find(([, f]) => f === field)?.[0] ?? field;
}

/**
 * A record merged with a row: the row's non-empty values fill in or replace the stored ones, lists
 * are joined, and the stored name stays (a near-duplicate's spelling never renames a record).
 */
export function mergedOrganization(stored: OrganizationInput, row: OrganizationInput): OrganizationInput {
  const union = <T>(a: T[], b: T[], key: (t: T) => string = String) => [...a, ...b.filter((x) => !a.some((y) => key(y) === key(x)))];
  const pick = <T>(value: T | null | undefined, kept: T | null | undefined) => (value === null || value === undefined || value === '' ? kept : value);
  return {
    ...stored,
    shortName: pick(row.shortName, stored.shortName),
    kind: row.kind ?? stored.kind,
    description: pick(row.description, stored.description),
    issues: union(stored.issues, row.issues),
    constituencies: union(stored.constituencies, row.constituencies),
    sectors: union(stored.sectors, row.sectors),
    capacities: union(stored.capacities, row.capacities, (c) => c.key),
    location: {
      stateFips: pick(row.location.stateFips, stored.location.stateFips), countyFips: pick(row.location.countyFips, stored.location.countyFips),
      city: pick(row.location.city, stored.location.city), region: pick(row.location.region, stored.location.region),
    },
    powerScale: pick(row.powerScale, stored.powerScale),
    legalStructure: pick(row.legalStructure, stored.legalStructure),
    budgetBand: pick(row.budgetBand, stored.budgetBand),
    foundedOn: pick(row.foundedOn, stored.foundedOn),
    website: pick(row.website, stored.website),
    email: pick(row.email, stored.email),
    phone: pick(row.phone, stored.phone),
  };
}

// ---------------------------------------------------------------------------------------------
// What a preview asks

const CLOSED_LISTS: Record<string, Record<string, string[]>> = {
  kind: KIND_LABELS, powerScale: SCALE_LABELS, legalStructure: LEGAL_LABELS, budgetBand: BUDGET_LABELS,
  role: ROLE_LABELS, status: STATUS_LABELS, affiliationRole: AFFILIATION_LABELS,
};
const VOCABULARY_OF: Record<string, keyof Vocabularies> = { issues: 'issue', constituencies: 'constituency', sectors: 'sector', capacities: 'capacity' };

export interface UnknownValue { field: string; column: string; value: string; count: number; rows: number[]; suggestion: string | null }
export interface Choice { key: string; en: string; es: string }

/** The choices a field's unknown values can be given: the workspace's terms, or the closed list's values. */
export function choicesOf(field: string, vocabularies: Vocabularies): Choice[] {
  const kind = VOCABULARY_OF[field];
  if (kind) return vocabularies[kind].map((t) => ({ key: t.key, en: t.en, es: t.es }));
  const labels = CLOSED_LISTS[field];
  return labels ? Object.entries(labels).map(([key, names]) => ({ key, en: names[0]!, es: names[1] ?? names[0]! })) : [];
}

const MAX_LISTED = 200;

/** The distinct unknown values of the rows, most frequent first, each with the term it probably means. */
export function unknownValues(rows: Row[], vocabularies: Vocabularies): UnknownValue[] {
  const found = new Map<string, UnknownValue>();
  for (const row of rows) {
    if (row.ok) continue;
    for (const e of row.errors) {
      if (e.code !== 'unknown_value' || !e.target || e.value === undefined) continue;
      const k = `${e.target}\u0000${compact(e.value)}`;
      const seen = found.get(k);
      if (seen) { seen.count++; if (seen.rows.length < 5) seen.rows.push(row.rowNumber); continue; }
      const terms: TermNames[] = choicesOf(e.target, vocabularies).map((c) => ({ key: c.key, names: [c.key.replace(/_/g, ' '), c.en, c.es, ...(CLOSED_LISTS[e.target!]?.[c.key] ?? [])] }));
      found.set(k, { field: e.target, column: e.field, value: e.value, count: 1, rows: [row.rowNumber], suggestion: suggestTerm(e.value, terms) });
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count).slice(0, MAX_LISTED);
}

export interface DateQuestion {
  /** Dates that could be read either way while no order is chosen, and a few of them. */
  ambiguous: number; examples: string[];
  /** A date of the file that says its order (31/12/2019 is day first), to suggest. */
  evidence: { order: DateOrder; value: string } | null;
  /** The order chosen, if any. */
  order: DateOrder | null;
}

/** How many dates of the rows could be read either way, with what the file itself says of their order. */
export function dateQuestion(rows: Row[], given: DateOrder | undefined, evidence: DateQuestion['evidence']): DateQuestion {
  let ambiguous = 0;
  const examples: string[] = [];
  for (const row of rows) {
    if (row.ok) continue;
    for (const e of row.errors) {
      if (e.code !== 'ambiguous_date') continue;
      ambiguous++;
      if (examples.length < 3 && e.value && !examples.includes(e.value)) examples.push(e.value);
    }
  }
  return { ambiguous, examples, evidence, order: given ?? null };
}

/** The first value of the file's date columns that says which order its dates are written in. */
export function dateEvidence(rawRows: Record<string, string>[], dateColumns: string[]): { order: DateOrder; value: string } | null {
  for (const row of rawRows) {
    for (const column of dateColumns) {
      const value = row[column]?.trim();
      const order = value ? orderEvidence(value) : null;
      if (order && value) return { order, value };
    }
  }
  return null;
}
