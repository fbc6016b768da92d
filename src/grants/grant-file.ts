import { currencyDigits } from '../shared/currency.ts';
import { orderEvidence } from '../imports/dates.ts';

// Reading a 360Giving file, pure: the JSON package ({"grants": [...]}) or its flat form (a CSV or
// spreadsheet whose columns are the standard's titles, "Recipient Org:Identifier", or its paths,
// "recipientOrganization/0/id"), as funders publish them. Each grant is checked and read into a
// GrantRecord, or named with the field at fault. Dates may be ISO (with a time) or written
// day-first or month-first: the file's unambiguous dates decide, or the caller says. A grant
// repeated under one identifier is one grant when the repeats agree (what one leaves out the other
// fills in); when they disagree on what it is — its amount, funder, recipient, date — the file is
// refused, since one identifier cannot name two grants.

export interface GrantOrg { identifier: string | null; name: string }
export interface GrantLocation { name: string | null; countryCode: string | null; geoCode: string | null; geoCodeType: string | null }

export interface GrantRecord {
  identifier: string; title: string; description: string; currency: string; amountMinor: number; awardDate: string;
  plannedStart: string | null; plannedEnd: string | null; durationMonths: number | null;
  funder: GrantOrg; recipient: GrantOrg; programmeCode: string | null; programmeTitle: string | null;
  beneficiaryLocations: GrantLocation[]; regrantType: string | null; url: string | null; dataSource: string | null;
}

/** A grant (its identifier, else its place in the file) and the field at fault, as the file names it. */
export interface GrantProblem { grant: string; field: string; message: string }

export type DateOrder = 'dmy' | 'mdy';

export const REGRANT_TYPES = ['FRG010', 'FRG020', 'FRG030', 'FRG040', 'FRG050', 'FRG060', 'FRG070'] as const;

type Key = 'id' | 'title' | 'description' | 'currency' | 'amountAwarded' | 'awardDate' | 'url' | 'dataSource' | 'regrantType'
  | 'plannedStart' | 'plannedEnd' | 'duration' | 'recipientId' | 'recipientName' | 'individualId' | 'individualName'
  | 'funderId' | 'funderName' | 'programmeCode' | 'programmeTitle';

/** One grant as found in the file: each value with the name the file gives its field. */
export interface FoundGrant {
  position: string;
  values: Partial<Record<Key, { value: unknown; field: string }>>;
  locations: { value: unknown; field: string }[];
  /** More than one recipient or funder: named, since one grant here has one of each. */
  extra: { field: string; count: number }[];
  /** A row of a flat file: fields it lacks are named by the standard's column titles. */
  flat?: boolean;
}

// ---------------------------------------------------------------------------------------------
// JSON

/** A JSON package's grants, or the problem that stops the whole file (not JSON, no grants). */
export function findJsonGrants(text: string): { grants: FoundGrant[] } | { problem: GrantProblem } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { problem: { grant: '(file)', field: 'JSON', message: `not valid JSON: ${jsonErrorPlace(text, err)}` } };
  }
  const list = (data as { grants?: unknown } | null)?.grants;
  if (!Array.isArray(list)) return { problem: { grant: '(file)', field: 'grants', message: 'a 360Giving package has a top-level "grants" list' } };
  return { grants: list.map((g, i) => foundFromJson(g, `grants[${i}]`)) };
}

/** "line 12, column 20" of a JSON.parse error, from the position it reports. */
function jsonErrorPlace(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

function foundFromJson(raw: unknown, position: string): FoundGrant {
  const found: FoundGrant = { position, values: {}, locations: [], extra: [] };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return found;
  const g = raw as Record<string, unknown>;
  const put = (key: Key, value: unknown, field: string) => { if (value !== undefined && value !== null) found.values[key] = { value, field }; };
  const first = (name: string) => {
    const list = g[name];
    if (!Array.isArray(list)) return list && typeof list === 'object' ? (list as Record<string, unknown>) : undefined;
    if (list.length > 1) found.extra.push({ field: name, count: list.length });
    return (list[0] ?? undefined) as Record<string, unknown> | undefined;
  };
  for (const key of ['id', 'title', 'description', 'currency', 'amountAwarded', 'awardDate', 'url', 'dataSource', 'regrantType'] as const) put(key, g[key], key);
  const planned = first('plannedDates');
  put('plannedStart', planned?.startDate, 'plannedDates[0].startDate');
  put('plannedEnd', planned?.endDate, 'plannedDates[0].endDate');
  put('duration', planned?.duration, 'plannedDates[0].duration');
  const recipient = first('recipientOrganization');
  put('recipientId', recipient?.id, 'recipientOrganization[0].id');
  put('recipientName', recipient?.name, 'recipientOrganization[0].name');
  const individual = g.recipientIndividual as Record<string, unknown> | null | undefined;
  put('individualId', individual?.id, 'recipientIndividual.id');
  put('individualName', individual?.name, 'recipientIndividual.name');
  const funder = first('fundingOrganization');
  put('funderId', funder?.id, 'fundingOrganization[0].id');
  put('funderName', funder?.name, 'fundingOrganization[0].name');
  const programme = first('grantProgramme');
  put('programmeCode', programme?.code, 'grantProgramme[0].code');
  put('programmeTitle', programme?.title, 'grantProgramme[0].title');
  if (Array.isArray(g.beneficiaryLocation)) g.beneficiaryLocation.forEach((l, i) => found.locations.push({ value: l, field: `beneficiaryLocation[${i}]` }));
  return found;
}

// ---------------------------------------------------------------------------------------------
// The flat form (CSV, XLSX)

// The standard's column titles and paths, lowercased without spaces, "/0" dropped from paths.
const FLAT_COLUMNS: Record<string, Key | `location.${'name' | 'countryCode' | 'geoCode' | 'geoCodeType'}`> = {
  identifier: 'id', id: 'id', title: 'title', description: 'description', currency: 'currency', amountawarded: 'amountAwarded',
  awarddate: 'awardDate', url: 'url', datasource: 'dataSource', forregranttype: 'regrantType', regranttype: 'regrantType',
  'planneddates:startdate': 'plannedStart', 'planneddates/startdate': 'plannedStart',
  'planneddates:enddate': 'plannedEnd', 'planneddates/enddate': 'plannedEnd',
  'planneddates:duration(months)': 'duration', 'planneddates/duration': 'duration',
  'recipientorg:identifier': 'recipientId', 'recipientorganization/id': 'recipientId',
  'recipientorg:name': 'recipientName', 'recipientorganization/name': 'recipientName',
  'recipientind:identifier': 'individualId', 'recipientindividual/id': 'individualId',
  'recipientind:name': 'individualName', 'recipientindividual/name': 'individualName',
  'fundingorg:identifier': 'funderId', 'fundingorganization/id': 'funderId',
  'fundingorg:name': 'funderName', 'fundingorganization/name': 'funderName',
  'grantprogramme:code': 'programmeCode', 'grantprogramme/code': 'programmeCode',
  'grantprogramme:title': 'programmeTitle', 'grantprogramme/title': 'programmeTitle',
  'beneficiarylocation:name': 'location.name', 'beneficiarylocation/name': 'location.name',
  'beneficiarylocation:countrycode': 'location.countryCode', 'beneficiarylocation/countrycode': 'location.countryCode',
  'beneficiarylocation:geographiccode': 'location.geoCode', 'beneficiarylocation/geocode': 'location.geoCode',
  'beneficiarylocation:geographiccodetype': 'location.geoCodeType', 'beneficiarylocation/geocodetype': 'location.geoCodeType',
};

// The column titles a flat file names a missing field by.
const FLAT_TITLES: Partial<Record<string, string>> = {
  id: 'Identifier', title: 'Title', description: 'Description', currency: 'Currency', amountAwarded: 'Amount Awarded', awardDate: 'Award Date',
  'plannedDates[0].duration': 'Planned Dates:Duration (months)', 'recipientOrganization[0].name': 'Recipient Org:Name',
  'recipientOrganization[0].id': 'Recipient Org:Identifier', 'fundingOrganization[0].name': 'Funding Org:Name', 'fundingOrganization[0].id': 'Funding Org:Identifier',
  regrantType: 'For Regrant Type', url: 'URL', dataSource: 'Data Source', plannedStart: 'Planned Dates:Start Date', plannedEnd: 'Planned Dates:End Date',
};

const normalizeHeader = (header: string) => header.toLowerCase().replace(/\s+/g, '').replace(/\/0(?=\/|$)/g, '');

/** The grants of a flat file's rows (row 2 is the first under the header), and the columns not read. */
export function findTableGrants(headers: string[], rows: Record<string, string>[]): { grants: FoundGrant[]; ignoredColumns: string[] } {
  const columns = headers.map((h) => ({ header: h, key: FLAT_COLUMNS[normalizeHeader(h)] }));
  const grants = rows.map((row, i) => {
    const found: FoundGrant = { position: `row ${i + 2}`, values: {}, locations: [], extra: [], flat: true };
    const location: Record<string, string> = {};
    let locationField = '';
    for (const { header, key } of columns) {
      const value = row[header]?.trim();
      if (!key || !value) continue;
      if (key.startsWith('location.')) { location[key.slice(9)] = value; locationField ||= header; }
      else if (!found.values[key as Key]) found.values[key as Key] = { value, field: header };
    }
    if (locationField) found.locations.push({ value: location, field: locationField });
    return found;
  });
  return { grants, ignoredColumns: columns.filter((c) => !c.key).map((c) => c.header) };
}

// ---------------------------------------------------------------------------------------------
// Checking


const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** "152,505.03", 152505.03, "£1000" → minor units of `currency`; a message when it is not an amount. */
export function amountToMinor(value: unknown, currency: string): number | string {
  if (typeof value !== 'number' && typeof value !== 'string') return 'must be a number';
  let text = typeof value === 'number' ? String(value) : value.replace(/[\s£$€]/g, '');
  if (typeof value === 'string' && /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return 'must be a number of at least 0, such as 1500.50';
  const [whole, fraction = ''] = text.split('.') as [string, string?];
  const digits = currencyDigits(currency);
  if (fraction.replace(/0+$/, '').length > digits) return `has more decimals than ${currency} has (${digits})`;
  const minor = Number(whole + fraction.padEnd(digits, '0').slice(0, digits));
  return Number.isSafeInteger(minor) ? minor : 'is too large';
}

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A date as YYYY-MM-DD (or YYYY-MM, YYYY where `partial`), or undefined. A time and offset are dropped. */
export function readGrantDate(value: unknown, order: DateOrder | null, partial = false): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  if (partial && (m = /^(\d{4})(?:-(0[1-9]|1[012]))?$/.exec(v))) return m[2] ? `${m[1]}-${m[2]}` : m[1];
  m = SLASHED.exec(v);
  if (!m || !order) return undefined;
  const [day, month] = order === 'dmy' ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  return validDay(Number(m[3]), month, day) ? `${m[3]}-${pad(month)}-${pad(day)}` : undefined;
}

/** The order the file's slashed dates are written in, or a problem when they disagree or never say. */
export function fileDateOrder(grants: FoundGrant[], given?: DateOrder): { order: DateOrder | null; problem?: GrantProblem } {
  if (given) return { order: given };
  const seen: Partial<Record<DateOrder, { grant: string; field: string; value: string }>> = {};
  let ambiguous: { grant: string; field: string } | undefined;
  for (const g of grants) {
    for (const key of ['awardDate', 'plannedStart', 'plannedEnd'] as const) {
      const v = g.values[key];
      if (typeof v?.value !== 'string' || !SLASHED.test(v.value.trim())) continue;
      const evidence = orderEvidence(v.value);
      if (evidence) seen[evidence] ??= { grant: labelOf(g), field: v.field, value: v.value };
      else ambiguous ??= { grant: labelOf(g), field: v.field };
    }
  }
  if (seen.dmy && seen.mdy) {
    return { order: null, problem: { grant: seen.mdy.grant, field: seen.mdy.field,
      message: `dates are written day first (${seen.dmy.value} in ${seen.dmy.grant}) and month first (${seen.mdy.value}): write them as YYYY-MM-DD` } };
  }
  const order = seen.dmy ? 'dmy' : seen.mdy ? 'mdy' : null;
  if (!order && ambiguous) {
    return { order: null, problem: { grant: ambiguous.grant, field: ambiguous.field, message: 'no date in the file says whether the day or the month comes first: choose the date order' } };
  }
  return { order };
}

const labelOf = (g: FoundGrant) => {
  const id = g.values.id?.value;
  return typeof id === 'string' && id.trim() ? id.trim() : g.position;
};

/** Every grant read, or every problem found; repeats of one identifier that agree are merged. */
export function checkGrants(found: FoundGrant[], options: { dateOrder?: DateOrder } = {}):
  { grants: GrantRecord[]; problems: GrantProblem[]; repeats: { identifier: string; count: number }[] } {
  const problems: GrantProblem[] = [];
  const { order, problem } = fileDateOrder(found, options.dateOrder);
  if (problem) problems.push(problem);
  const read: { record: GrantRecord; position: string; fields: Record<string, string> }[] = [];
  for (const g of found) {
    const result = checkOne(g, order);
    if ('problems' in result) problems.push(...result.problems);
    else read.push({ record: result.record, position: g.position, fields: result.fields });
  }
  const { grants, repeats } = mergeRepeats(read, problems);
  return { grants: problems.length ? [] : grants, problems, repeats };
}

function checkOne(g: FoundGrant, order: DateOrder | null): { record: GrantRecord; fields: Record<string, string> } | { problems: GrantProblem[] } {
  const grant = labelOf(g);
  const problems: GrantProblem[] = [];
  const fail = (key: Key, fallback: string, message: string) =>
    problems.push({ grant, field: g.values[key]?.field ?? (g.flat ? FLAT_TITLES[fallback] ?? fallback : fallback), message });
  const text = (key: Key, fallback: string, max: number, required = false): string | null => {
    const v = g.values[key];
    if (v === undefined || (typeof v.value === 'string' && !v.value.trim())) {
      if (required) fail(key, fallback, 'is required');
      return null;
    }
    if (typeof v.value !== 'string' && typeof v.value !== 'number') { fail(key, fallback, 'must be text'); return null; }
    const s = String(v.value).trim();
    if (s.length > max) { fail(key, fallback, `is longer than ${max} characters`); return null; }
    return s;
  };
  const identifier = text('id', 'id', 300, true);
  const title = text('title', 'title', 500, true);
  const description = text('description', 'description', 10_000) ?? '';
  const currencyText = text('currency', 'currency', 10, true)?.toUpperCase() ?? null;
  const currency = currencyText && CURRENCIES.has(currencyText) ? currencyText : null;
  if (currencyText && !currency) fail('currency', 'currency', 'is not an ISO 4217 currency code such as GBP or USD');
  let amountMinor = 0;
  if (g.values.amountAwarded === undefined) fail('amountAwarded', 'amountAwarded', 'is required');
  else if (currency) {
    const amount = amountToMinor(g.values.amountAwarded.value, currency);
    if (typeof amount === 'string') fail('amountAwarded', 'amountAwarded', amount);
    else amountMinor = amount;
  }
  const date = (key: 'awardDate' | 'plannedStart' | 'plannedEnd', required: boolean) => {
    const v = g.values[key];
    if (v === undefined) { if (required) fail(key, key, 'is required'); return null; }
    const d = readGrantDate(v.value, order, key !== 'awardDate');
    if (!d) fail(key, key, 'is not a date: write YYYY-MM-DD');
    return d ?? null;
  };
  const awardDate = date('awardDate', true);
  const plannedStart = date('plannedStart', false);
  const plannedEnd = date('plannedEnd', false);
  let durationMonths: number | null = null;
  if (g.values.duration !== undefined) {
    const n = Number(g.values.duration.value);
    if (!Number.isInteger(n) || n < 0 || n > 1200) fail('duration', 'plannedDates[0].duration', 'must be a whole number of months');
    else durationMonths = n;
  }
  // A grant to a person keeps no name of theirs here: the money map needs only that it left.
  const toIndividual = !g.values.recipientName && (g.values.individualId || g.values.individualName);
  const recipientName = toIndividual ? 'Individual recipient' : text('recipientName', 'recipientOrganization[0].name', 300, true);
  const recipientId = toIndividual ? null : text('recipientId', 'recipientOrganization[0].id', 300);
  const funderName = text('funderName', 'fundingOrganization[0].name', 300, true);
  const funderId = text('funderId', 'fundingOrganization[0].id', 300);
  for (const e of g.extra) {
    if (e.field === 'recipientOrganization' || e.field === 'fundingOrganization') {
      problems.push({ grant, field: e.field, message: `names ${e.count} organizations: record one grant per funder and recipient` });
    }
  }
  const regrantType = text('regrantType', 'regrantType', 20);
  if (regrantType && !(REGRANT_TYPES as readonly string[]).includes(regrantType)) fail('regrantType', 'regrantType', `must be one of ${REGRANT_TYPES.join(', ')}`);
  const beneficiaryLocations: GrantLocation[] = [];
  for (const l of g.locations) {
    const o = (l.value && typeof l.value === 'object' ? l.value : {}) as Record<string, unknown>;
    const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null);
    const location = { name: s(o.name), countryCode: s(o.countryCode), geoCode: s(o.geoCode), geoCodeType: s(o.geoCodeType) };
    if (Object.values(location).some(Boolean)) beneficiaryLocations.push(location);
  }
  const web = (key: 'url' | 'dataSource') => {
    const v = text(key, key, 1000);
    if (v && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v)) { fail(key, key, 'is not a web address (https://…)'); return null; }
    return v;
  };
  const url = web('url');
  const dataSource = web('dataSource');
  if (problems.length) return { problems };
  const fields = Object.fromEntries(Object.entries(g.values).map(([k, v]) => [k, v.field]));
  return { fields, record: {
    identifier: identifier!, title: title!, description, currency: currency!, amountMinor, awardDate: awardDate!, plannedStart, plannedEnd, durationMonths,
    funder: { identifier: funderId, name: funderName! }, recipient: { identifier: recipientId, name: recipientName! },
    programmeCode: text('programmeCode', 'grantProgramme[0].code', 100), programmeTitle: text('programmeTitle', 'grantProgramme[0].title', 300),
    beneficiaryLocations, regrantType, url, dataSource,
  } };
}

// What a grant is: two records under one identifier must not disagree on these.
const IDENTITY: { label: string; key: Key; get: (r: GrantRecord) => string | number | null }[] = [
  { label: 'title', key: 'title', get: (r) => r.title },
  { label: 'currency', key: 'currency', get: (r) => r.currency },
  { label: 'amountAwarded', key: 'amountAwarded', get: (r) => r.amountMinor },
  { label: 'awardDate', key: 'awardDate', get: (r) => r.awardDate },
  { label: 'fundingOrganization[0].id', key: 'funderId', get: (r) => r.funder.identifier },
  { label: 'fundingOrganization[0].name', key: 'funderName', get: (r) => r.funder.name },
  { label: 'recipientOrganization[0].id', key: 'recipientId', get: (r) => r.recipient.identifier },
  { label: 'recipientOrganization[0].name', key: 'recipientName', get: (r) => r.recipient.name },
];

function mergeRepeats(read: { record: GrantRecord; position: string; fields: Record<string, string> }[], problems: GrantProblem[]) {
  const byId = new Map<string, { record: GrantRecord; position: string; count: number }>();
  for (const r of read) {
    const seen = byId.get(r.record.identifier);
    if (!seen) { byId.set(r.record.identifier, { record: { ...r.record }, position: r.position, count: 1 }); continue; }
    seen.count++;
    for (const f of IDENTITY) {
      const a = f.get(seen.record);
      const b = f.get(r.record);
      if (a !== null && b !== null && a !== b) {
        const show = (v: string | number) => (f.key === 'amountAwarded' ? `${Number(v) / 10 ** currencyDigits(seen.record.currency)}` : `"${v}"`);
        problems.push({ grant: r.record.identifier, field: r.fields[f.key] ?? f.label,
          message: `${seen.position} says ${show(a)} and ${r.position} says ${show(b)}: one identifier cannot name two grants` });
      }
    }
    // Agreeing repeats: what the first left out, a later one fills in.
    if (!seen.record.recipient.identifier) seen.record.recipient.identifier = r.record.recipient.identifier;
    if (!seen.record.funder.identifier) seen.record.funder.identifier = r.record.funder.identifier;
    if (!seen.record.description) seen.record.description = r.record.description;
  }
  return {
    grants: [...byId.values()].map((v) => v.record),
    repeats: [...byId.entries()].filter(([, v]) => v.count > 1).map(([identifier, v]) => ({ identifier, count: v.count })),
  };
}
