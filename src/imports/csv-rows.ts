// Turning the rows of an uploaded CSV file into records to import: labels become vocabulary
// keys and enum values, places become FIPS codes, and every problem is reported with the row
// number and the column the person sees in their spreadsheet.
import type { z } from 'zod';
import { findCounty, findCountyByName, findState } from '../areas/us-areas.ts';
import { OrganizationInputSchema, type OrganizationInput } from '../orgs/organization.schema.ts';
import type { AffiliationRole, BudgetBand, MembershipRole, MembershipStatus, VocabularyKind } from '../orgs/organization.vocab.ts';
import { PersonInputSchema, type PersonInput } from '../people/person.schema.ts';
import { type ColumnMapping, IMPORT_FIELDS, type ImportEntity } from './column-mapping.ts';
import { readDate } from './dates.ts';
import { decidedValue, type ImportDecisions } from './import-decisions.ts';
import { rememberZodDefault } from '../server/localize.ts';
import {
  AFFILIATION_LABELS, AFFILIATIONS, BUDGET_LABELS, BUDGETS, choices, compact, KIND_LABELS, KINDS, LANGUAGE_CODES, LEGAL_LABELS,
  LEGALS, type Lookup, ROLE_LABELS, ROLES, SCALE_LABELS, SCALES, STATUS_LABELS, STATUSES,
} from './import-labels.ts';

// ---------------------------------------------------------------------------------------------
// Mapping rows

export interface VocabularyTerm { key: string; en: string; es: string }
export interface MapContext {
  /** The workspace's vocabularies: a cell may hold a term's key, English or Spanish label. */
  vocabularies: Record<VocabularyKind, VocabularyTerm[]>;
  /** The spreadsheet row of the first row given (2: the one after the header), for files read in batches. */
  firstRowNumber?: number;
  /** Memberships: the alliance for rows that name none (e.g. the alliance whose space it is). */
  defaultAllianceName?: string | null;
  /** What the person decided after the preview: defaults, meanings of unknown values, the date order. */
  decisions?: ImportDecisions;
}

/**
 * A problem with a row. `field` is the file's column (or the field, when no column feeds it).
 * A problem the person can settle in the import's conversation also says which: `code`, the
 * import field it concerns (`target`) and the value as written.
 */
export interface RowError { field: string; message: string; code?: 'unknown_value' | 'ambiguous_date' | 'duplicate'; target?: string; value?: string }
export type RowResult<T> =
  | { rowNumber: number; ok: true; value: T }
  | { rowNumber: number; ok: false; errors: RowError[] };

export interface OrganizationRow { externalId?: string; input: OrganizationInput }
export interface MembershipRow {
  /** Names as written in the file; the importer finds the organizations. */
  allianceName: string;
  memberName: string;
  role: MembershipRole;
  status: MembershipStatus;
  startedOn: string | null;
  endedOn: string | null;
}
export interface PersonRow {
  externalId?: string;
  /** `affiliations` is empty: the importer resolves `affiliation.organizationName` first. */
  input: PersonInput;
  affiliation: { organizationName: string; role: AffiliationRole } | null;
}
export type NormalizedRow = OrganizationRow | MembershipRow | PersonRow;

/** A cell holding a list: split on ";" or "|" when it has one, else on ",", outside parentheses. */
export function splitList(value: string): string[] {
  const separators = /[;|]/.test(value) ? ';|' : ',';
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) { parts.push(current); current = ''; } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m - 1]!) return false;
  return !(m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
}

/** YYYY, YYYY-MM, YYYY-MM-DD (also with /), or the US M/D/YYYY → ISO; undefined if not a date. */
export function parseDate(value: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  let m = /^(\d{4})$/.exec(value);
  if (m) return m[1];
  m = /^(\d{4})[-/](\d{1,2})$/.exec(value);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad(Number(m[2]))}` : undefined;
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : undefined;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (m) return validDay(Number(m[3]), Number(m[1]), Number(m[2])) ? `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))}` : undefined;
  return undefined;
}
const DATE_HELP = 'use YYYY, YYYY-MM, YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY';

/** An amount ("$250,000", "250k", "1.2M") → its budget band. */
function budgetBandOf(value: string): BudgetBand | undefined {
  const m = /^\$?\s*([\d,]+(?:\.\d+)?)\s*([km]|mil|million|millones)?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = m[2]?.toLowerCase();
  const amount = Number(m[1]!.replace(/,/g, '')) * (unit === 'k' || unit === 'mil' ? 1e3 : unit ? 1e6 : 1);
  if (!Number.isFinite(amount)) return undefined;
  if (amount < 100_000) return 'under_100k';
  if (amount < 500_000) return '100k_500k';
  if (amount < 1_000_000) return '500k_1m';
  if (amount < 5_000_000) return '1m_5m';
  return 'over_5m';
}

/** The cells of one row, read through the mapping and the person's decisions. */
class RowReader {
  readonly errors: RowError[] = [];
  constructor(private readonly row: Record<string, string>, private readonly columns: Map<string, string[]>,
    private readonly decisions: ImportDecisions | undefined) {}

  /** The column a field is read from (its first one), or the field's name when none is mapped. */
  column(field: string): string {
    return this.columns.get(field)?.[0] ?? field;
  }
  mapped(field: string): boolean {
    return this.columns.has(field);
  }
  has(field: string): boolean {
    return this.get(field) !== undefined;
  }
  /** The first non-empty cell among the field's columns, else the default the person chose for the field. */
  get(field: string): string | undefined {
    for (const h of this.columns.get(field) ?? []) {
      const v = (this.row[h] ?? '').trim();
      if (v) return v;
    }
    return this.decisions?.defaults?.[field]?.trim() || undefined;
  }
  /** Every item of every column of a list field, with the column it came from (or the default). */
  list(field: string): { item: string; column: string }[] {
    const items = (this.columns.get(field) ?? []).flatMap((h) => splitList(this.row[h] ?? '').map((item) => ({ item, column: h })));
    const fallback = this.decisions?.defaults?.[field];
    return items.length || !fallback ? items : splitList(fallback).map((item) => ({ item, column: this.column(field) }));
  }
  error(field: string, message: string, column = this.column(field)) {
    this.errors.push({ field: column, message });
  }
  /** A value neither known nor decided about: the preview asks what it means. */
  unknown(field: string, value: string, message: string, column = this.column(field)) {
    this.errors.push({ field: column, message, code: 'unknown_value', target: field, value });
  }
  /**
   * What a value the lookup does not know was decided to mean: its key, null when it is to be
   * left out, or undefined (and an error asking) when nothing was decided.
   */
  decided<T extends string>(field: string, value: string, lookup: Map<string, T>, message: string, column?: string): T | null | undefined {
    const decision = decidedValue(this.decisions, field, value);
    if (decision === null) return null;
    const found = decision === undefined ? undefined : lookup.get(compact(decision));
    if (!found) this.unknown(field, value, message, column);
    return found;
  }
  /** A closed-list value by key or label, or as the person decided. */
  choice<T extends string>(field: string, lookup: Lookup<T>, labels: Record<T, string[]>, what: string): T | undefined {
    const v = this.get(field);
    if (v === undefined) return undefined;
    return lookup.get(compact(v)) ?? this.decided(field, v, lookup, `unknown ${what} "${v}"; use one of: ${choices(labels)}`) ?? undefined;
  }
  date(field: string): string | undefined {
    const v = this.get(field);
    if (v === undefined) return undefined;
    const reading = readDate(v, this.decisions?.dateOrder);
    if (reading.ok) return reading.iso;
    if (reading.reason === 'ambiguous') {
      this.errors.push({ field: this.column(field), code: 'ambiguous_date', target: field, value: v,
        message: `"${v}" could be ${reading.readings[0]} or ${reading.readings[1]}: say whether the day or the month comes first` });
    } else this.error(field, `"${v}" is not a date: ${DATE_HELP}`);
    return undefined;
  }
}

function columnsOf(entity: ImportEntity, mapping: ColumnMapping): Map<string, string[]> {
  const allowed = IMPORT_FIELDS[entity];
  const columns = new Map<string, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!field) continue;
    if (!allowed.includes(field)) throw new Error(`"${field}" (column "${header}") is not a field of ${entity}; use one of: ${allowed.join(', ')}`);
    columns.set(field, [...(columns.get(field) ?? []), header]);
  }
  return columns;
}

const VOCAB_FIELDS = [
  ['issues', 'issue'], ['constituencies', 'constituency'], ['sectors', 'sector'], ['capacities', 'capacity'],
] as const;

function vocabularyLookup(terms: VocabularyTerm[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const t of terms) for (const name of [t.key, t.en, t.es]) if (compact(name)) map.set(compact(name), t.key);
  return map;
}

/** Turns a zod issue into a message a person understands. */
function messageOf(issue: z.core.$ZodIssue): string {
  rememberZodDefault(issue);
  if (issue.code === 'invalid_format' && issue.format === 'email') return 'not an email address';
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'not a web address';
  if (issue.code === 'too_big' && issue.origin === 'string') return `too long (at most ${String(issue.maximum)} characters)`;
  return issue.message;
}

// Where a zod issue path points, as an import field.
const ORGANIZATION_PATHS: Record<string, string> = {
  'location.stateFips': 'state', 'location.countyFips': 'county', 'location.city': 'city', 'location.region': 'region',
};
const PERSON_PATHS: Record<string, string> = {
  'contact.email': 'email', 'contact.phone': 'phone', 'contact.address': 'address',
};

function mapOrganization(r: RowReader, vocab: Record<VocabularyKind, Map<string, string>>): OrganizationRow | undefined {
  const lists: Record<(typeof VOCAB_FIELDS)[number][0], string[]> = { issues: [], constituencies: [], sectors: [], capacities: [] };
  const capacities: { key: string; size: number | null }[] = [];
  for (const [field, kind] of VOCAB_FIELDS) {
    for (const { item, column } of r.list(field)) {
      // A capacity may carry a size: "Base (1,200)", "base: 500".
      const sized = field === 'capacities' ? /^(.*?)\s*(?:\(\s*([\d,.]+)\s*\)|[:=]\s*([\d,.]+))$/.exec(item) : null;
      const label = sized ? sized[1]! : item;
      const key = vocab[kind].get(compact(label)) ?? r.decided(field, label, vocab[kind], `unknown ${kind} "${label}"`, column);
      if (!key) continue;
      if (field === 'capacities') {
        const size = sized ? Number((sized[2] ?? sized[3])!.replace(/[,.]/g, '')) : null;
        if (!capacities.some((c) => c.key === key)) capacities.push({ key, size });
      } else if (!lists[field].includes(key)) lists[field].push(key);
    }
  }

  const kindText = r.get('kind');
  if (kindText === undefined) r.error('kind', `a kind is required; use one of: ${choices(KIND_LABELS)}`);
  const kind = r.choice('kind', KINDS, KIND_LABELS, 'kind');

  let stateFips: string | undefined;
  const stateText = r.get('state');
  if (stateText !== undefined) {
    stateFips = findState(stateText)?.fips;
    if (!stateFips) r.error('state', `unknown US state "${stateText}"`);
  }
  let countyFips: string | undefined;
  const countyText = r.get('county');
  if (countyText !== undefined) {
    if (/^\d{5}$/.test(countyText)) {
      countyFips = findCounty(countyText)?.fips;
      if (!countyFips) r.error('county', `no US county has FIPS code ${countyText}`);
      else if (stateFips === undefined && stateText === undefined) stateFips = countyFips.slice(0, 2);
    } else if (stateFips) {
      countyFips = findCountyByName(stateFips, countyText)?.fips;
      if (!countyFips) r.error('county', `no county named "${countyText}" in ${findState(stateFips)!.name}`);
    } else if (stateText === undefined) {
      r.error('county', `give the state to find the county "${countyText}"`);
    }
  }

  let budgetBand: BudgetBand | undefined;
  const budgetText = r.get('budgetBand');
  if (budgetText !== undefined) {
    budgetBand = BUDGETS.get(compact(budgetText)) ?? budgetBandOf(budgetText)
      ?? r.decided('budgetBand', budgetText, BUDGETS, `unknown budget "${budgetText}"; use an amount or one of: ${choices(BUDGET_LABELS)}`) ?? undefined;
  }
  const powerScale = r.choice('powerScale', SCALES, SCALE_LABELS, 'scale');
  const legalStructure = r.choice('legalStructure', LEGALS, LEGAL_LABELS, 'legal structure');
  const foundedOn = r.date('foundedOn');
  let website = r.get('website');
  // Spreadsheets often drop the scheme: "www.example.org".
  if (website && !/^[a-z][a-z0-9+.-]*:\/\//i.test(website) && /^[^\s/]+\.[^\s]+$/.test(website)) website = `https://${website}`;

  const candidate = {
    name: r.get('name') ?? '',
    shortName: r.get('shortName') ?? null,
    kind,
    description: r.get('description') ?? null,
    ...lists,
    capacities,
    location: { stateFips: stateFips ?? null, countyFips: countyFips ?? null, city: r.get('city') ?? null, region: r.get('region') ?? null },
    powerScale: powerScale ?? null,
    legalStructure: legalStructure ?? null,
    budgetBand: budgetBand ?? null,
    foundedOn: foundedOn ?? null,
    website: website ?? null,
    email: r.get('email') ?? null,
    phone: r.get('phone') ?? null,
  };
  const parsed = OrganizationInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const field = ORGANIZATION_PATHS[path.slice(0, 2).join('.')] ?? path[0] ?? 'name';
      // Problems already reported in the file's own terms are not repeated.
      if (field === 'kind' && r.errors.some((e) => e.field === r.column('kind'))) continue;
      if (field === 'name' && !r.has('name')) { r.error('name', 'a name is required'); continue; }
      r.error(field, messageOf(issue));
    }
  }
  if (r.errors.length || !parsed.success) return undefined;
  const externalId = r.get('externalId');
  return externalId ? { externalId, input: parsed.data } : { input: parsed.data };
}

function mapMembership(r: RowReader, ctx: MapContext): MembershipRow | undefined {
  const memberName = r.get('memberName');
  if (!memberName) r.error('memberName', 'the member organization is required');
  const allianceName = r.get('allianceName') ?? ctx.defaultAllianceName?.trim();
  if (!allianceName) r.error('allianceName', 'the alliance is required');
  const role = r.choice('role', ROLES, ROLE_LABELS, 'role') ?? 'member';
  const status = r.choice('status', STATUSES, STATUS_LABELS, 'status') ?? 'active';
  const startedOn = r.date('startedOn') ?? null;
  const endedOn = r.date('endedOn') ?? null;
  if (startedOn && endedOn && endedOn < startedOn) r.error('endedOn', 'ends before it starts');
  if (r.errors.length || !memberName || !allianceName) return undefined;
  return { allianceName, memberName, role, status, startedOn, endedOn };
}

function mapPerson(r: RowReader): PersonRow | undefined {
  const name = r.get('name') ?? [r.get('firstName'), r.get('lastName')].filter(Boolean).join(' ');
  const nameField = ['name', 'firstName', 'lastName'].find((f) => r.mapped(f)) ?? 'name';
  if (!name) r.error(nameField, 'a name is required');

  const languages: string[] = [];
  for (const { item, column } of r.list('languages')) {
    const code = LANGUAGE_CODES.get(compact(item)) ?? (/^[a-z]{2,3}$/i.test(item) ? item.toLowerCase() : undefined);
    if (!code) r.error('languages', `unknown language "${item}"; write its name (English or Spanish) or ISO 639 code`, column);
    else if (!languages.includes(code)) languages.push(code);
  }

  const street = r.get('address');
  const cityLine = [r.get('city'), [r.get('state'), r.get('zip')].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const address = [street, cityLine].filter(Boolean).join(', ') || null;

  const organizationName = r.get('organizationName');
  const role = r.choice('affiliationRole', AFFILIATIONS, AFFILIATION_LABELS, 'role');
  if (role && !organizationName) r.error('affiliationRole', 'a role needs the organization the person belongs to');

  const externalId = r.get('externalId');
  const parsed = PersonInputSchema.safeParse({
    name, languages, affiliations: [], externalId: externalId ?? null,
    contact: { email: r.get('email') ?? null, phone: r.get('phone') ?? null, address },
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const field = PERSON_PATHS[path.slice(0, 2).join('.')] ?? path[0] ?? 'name';
      if (field === 'name' && !name) continue; // already reported
      // The address may be joined from several columns: name the street column if there is one.
      r.error(field === 'name' ? nameField : field === 'address' && !r.has('address') ? 'city' : field, messageOf(issue));
    }
  }
  if (r.errors.length || !parsed.success) return undefined;
  const value: PersonRow = { input: parsed.data, affiliation: organizationName ? { organizationName, role: role ?? 'member' } : null };
  return externalId ? { externalId, ...value } : value;
}

export function mapRows(entity: 'organizations', rows: Record<string, string>[], mapping: ColumnMapping, ctx: MapContext): RowResult<OrganizationRow>[];
export function mapRows(entity: 'memberships', rows: Record<string, string>[], mapping: ColumnMapping, ctx: MapContext): RowResult<MembershipRow>[];
export function mapRows(entity: 'people', rows: Record<string, string>[], mapping: ColumnMapping, ctx: MapContext): RowResult<PersonRow>[];
export function mapRows(entity: ImportEntity, rows: Record<string, string>[], mapping: ColumnMapping, ctx: MapContext): RowResult<NormalizedRow>[];
/**
 * Checks and converts the rows of a parsed file. `rowNumber` is the row in the spreadsheet:
 * the header is row 1, so the first data row is 2. Errors name the file's column (or the
 * field, when no column is mapped to it). Throws if the mapping names a field the entity
 * does not have.
 */
export function mapRows(entity: ImportEntity, rows: Record<string, string>[], mapping: ColumnMapping, ctx: MapContext): RowResult<NormalizedRow>[] {
  const columns = columnsOf(entity, mapping);
  const vocab = Object.fromEntries(Object.entries(ctx.vocabularies).map(([kind, terms]) => [kind, vocabularyLookup(terms)])) as Record<VocabularyKind, Map<string, string>>;
  for (const [, kind] of VOCAB_FIELDS) vocab[kind] ??= new Map();
  return rows.map((row, i): RowResult<NormalizedRow> => {
    const rowNumber = i + (ctx.firstRowNumber ?? 2);
    const r = new RowReader(row, columns, ctx.decisions);
    if (Object.values(row).every((v) => v.trim() === '')) return { rowNumber, ok: false, errors: [{ field: 'row', message: 'the row is empty' }] };
    const value = entity === 'organizations' ? mapOrganization(r, vocab) : entity === 'memberships' ? mapMembership(r, ctx) : mapPerson(r);
    return value && !r.errors.length ? { rowNumber, ok: true, value } : { rowNumber, ok: false, errors: r.errors };
  });
}
