import { findCountyByName, findState } from '../areas/us-areas.ts';
import { type ColumnMapping, normalizeHeader, suggestFromAliases } from '../imports/column-mapping.ts';
import { parseDate, splitList } from '../imports/csv-rows.ts';
import { looksLikeEmail, normalizeEmail, normalizePhone } from './contact-identity.ts';

// The columns of a contacts file: which field each feeds (guessed from the column names that NGP
// VAN/EveryAction, Action Network, NationBuilder, Mobilize and ActBlue exports use, changeable by
// the person importing), and each row read into a contact or into errors naming row and column.

export const CONTACT_FIELDS = [
  'externalId', 'name', 'firstName', 'middleName', 'lastName', 'email', 'phone', 'mobilePhone',
  'street', 'street2', 'city', 'state', 'county', 'zip', 'birthDate', 'birthYear', 'birthMonth', 'birthDay',
  'languages', 'tags', 'householdId', 'emailOptIn', 'smsOptIn', 'doNotContact', 'custom',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

// Normalized names (see normalizeHeader), best first.
const ALIASES: Record<Exclude<ContactField, 'custom'>, string[]> = {
  externalId: ['externalid', 'vanid', 'nationbuilderid', 'actionnetworkid', 'uuid', 'contactid', 'personid', 'userid', 'donorid', 'idexterno', 'id'],
  name: ['name', 'fullname', 'contactname', 'donorname', 'nombrecompleto', 'nombre'],
  firstName: ['firstname', 'first', 'givenname', 'donorfirstname', 'first_name', 'primernombre', 'nombredepila'],
  middleName: ['middlename', 'middle', 'middleinitial', 'mi', 'segundonombre'],
  lastName: ['lastname', 'last', 'familyname', 'surname', 'donorlastname', 'apellidos', 'apellido'],
  email: ['email', 'emailaddress', 'preferredemail', 'primaryemail', 'donoremail', 'personalemail', 'email1', 'correo', 'correoelectronico'],
  phone: ['phone', 'phonenumber', 'preferredphone', 'homephone', 'can2phone', 'donorphone', 'primaryphone', 'telefono', 'tel'],
  mobilePhone: ['cellphone', 'mobilephone', 'mobilenumber', 'mobile', 'cell', 'celular', 'movil'],
  street: ['address', 'address1', 'streetaddress', 'primaryaddress1', 'can2useraddress', 'donoraddr1', 'addressline1', 'street', 'maddress', 'vaddress', 'direccion', 'domicilio'],
  street2: ['address2', 'primaryaddress2', 'donoraddr2', 'addressline2', 'apt', 'unit'],
  city: ['city', 'primarycity', 'can2usercity', 'donorcity', 'mcity', 'vcity', 'ciudad'],
  state: ['state', 'stateabbreviation', 'primarystate', 'can2stateabbreviated', 'donorstate', 'mstate', 'vstate', 'estado'],
  county: ['county', 'countyname', 'primarycounty', 'can2county', 'condado'],
  zip: ['zip', 'zipcode', 'zip5', 'postalcode', 'primaryzip', 'donorzip', 'mzip5', 'vzip5', 'codigopostal'],
  birthDate: ['dateofbirth', 'birthdate', 'bornat', 'birthday', 'dob', 'fechadenacimiento'],
  birthYear: ['yob', 'birthyear', 'yearofbirth', 'anodenacimiento'],
  birthMonth: ['mob', 'birthmonth', 'monthofbirth'],
  birthDay: ['birthdayofmonth', 'dayofbirth'],
  languages: ['languages', 'language', 'preferredlanguage', 'languagespoken', 'idiomas', 'idioma'],
  tags: ['tags', 'taglist', 'tag', 'activistcodes', 'etiquetas'],
  householdId: ['householdid', 'household', 'hhid', 'hogar'],
  emailOptIn: ['emailoptin', 'emailsubscribed', 'cansendemail', 'subscribed', 'emailsubscription'],
  smsOptIn: ['smsoptin', 'mobileoptin', 'textoptin', 'smssubscribed', 'cansendsms'],
  doNotContact: ['donotcontact', 'donotcall', 'dnc', 'nocontactar'],
};

/** The suggested mapping. Beside year and month of birth columns, "DoB" is the day, not the date (the OSDI sample file). */
export function suggestContactMapping(headers: string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const splitBirth = normalized.includes('yob') || normalized.includes('mob');
  const aliases = splitBirth
    ? { ...ALIASES, birthDate: ALIASES.birthDate.filter((a) => a !== 'dob'), birthDay: [...ALIASES.birthDay, 'dob'] }
    : ALIASES;
  return suggestFromAliases(aliases, headers, true);
}

export interface ContactRecord {
  externalId?: string;
  firstName: string;
  middleName?: string;
  lastName: string;
  email?: string;
  phone?: string;
  street?: string;
  city?: string;
  stateFips?: string;
  countyFips?: string;
  zip?: string;
  birthDate?: string;
  birthYear: number | null;
  languages: string[];
  tags: string[];
  householdId?: string;
  customFields: Record<string, string>;
  emailOptIn?: boolean;
  smsOptIn?: boolean;
  doNotContact?: boolean;
}

// A file repeats the same few states, counties and languages a million times: their lookups are
// remembered (a bounded map, emptied when full).
function remembered<T>(lookup: (key: string) => T, limit = 5000): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    if (seen.has(key)) return seen.get(key)!;
    if (seen.size >= limit) seen.clear();
    const value = lookup(key);
    seen.set(key, value);
    return value;
  };
}
const stateOf = remembered((text: string) => findState(text));
const countyOf = remembered((key: string) => findCountyByName(key.slice(0, 2), key.slice(3)));

/** `column` is the file's column header: what a person sees in their spreadsheet. */
export interface CellError { column: string; message: string }

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', ingles: 'en', spanish: 'es', espanol: 'es', castellano: 'es', chinese: 'zh', mandarin: 'zh', cantonese: 'yue',
  chino: 'zh', vietnamese: 'vi', tagalog: 'tl', filipino: 'fil', korean: 'ko', arabic: 'ar', french: 'fr', frances: 'fr',
  haitiancreole: 'ht', kreyol: 'ht', portuguese: 'pt', portugues: 'pt', russian: 'ru', hmong: 'hmn', somali: 'so',
  amharic: 'am', mixteco: 'mix', mixtec: 'mix', zapoteco: 'zap', zapotec: 'zap', kiche: 'quc', mam: 'mam', nahuatl: 'nah',
  japanese: 'ja', hindi: 'hi', punjabi: 'pa', bengali: 'bn', urdu: 'ur', farsi: 'fa', persian: 'fa', polish: 'pl',
};

const languageCode = remembered((value: string): string | undefined => {
  const key = normalizeHeader(value);
  if (/^[a-z]{2,3}$/.test(key)) return key;
  return LANGUAGE_NAMES[key];
});

const YES = new Set(['yes', 'y', 'true', '1', 'si', 'x', 'subscribed', 'optedin']);
const NO = new Set(['no', 'n', 'false', '0', 'unsubscribed', 'optedout']);
function yesNo(value: string): boolean | undefined | 'bad' {
  if (!value) return undefined;
  const key = normalizeHeader(value);
  return YES.has(key) ? true : NO.has(key) ? false : 'bad';
}

/** The columns of each field, in file order. */
export function columnsByField(mapping: ColumnMapping): Map<string, string[]> {
  const columns = new Map<string, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field) columns.set(field, [...(columns.get(field) ?? []), header]);
  }
  return columns;
}

export type ContactRowResult = { ok: true; value: ContactRecord } | { ok: false; errors: CellError[] };

/** One file row → a contact, or the errors that name its columns. `thisYear` bounds birth years. */
export function readContactRow(row: Record<string, string>, columns: Map<string, string[]>, thisYear: number): ContactRowResult {
  const errors: CellError[] = [];
  const cell = (field: ContactField) => {
    for (const c of columns.get(field) ?? []) if (row[c]) return { column: c, value: row[c]! };
    return undefined;
  };
  const text = (field: ContactField) => cell(field)?.value;
  const fail = (field: ContactField, message: string) => errors.push({ column: cell(field)?.column ?? field, message });

  let firstName = text('firstName') ?? '';
  let lastName = text('lastName') ?? '';
  const full = text('name');
  if (full && !firstName && !lastName) {
    const parts = full.split(/\s+/);
    lastName = parts.length > 1 ? parts.pop()! : '';
    firstName = parts.join(' ');
  }
  const record: ContactRecord = { firstName, lastName, birthYear: null, languages: [], tags: [], customFields: {} };
  const middle = text('middleName');
  if (middle) record.middleName = middle;
  const externalId = text('externalId');
  if (externalId) record.externalId = externalId.slice(0, 100);

  const email = text('email');
  if (email) {
    if (looksLikeEmail(email)) record.email = normalizeEmail(email);
    else fail('email', 'not an email address');
  }
  for (const field of ['mobilePhone', 'phone'] as const) {
    const value = text(field);
    if (!value || record.phone) continue;
    const phone = normalizePhone(value);
    if (phone) record.phone = phone;
    else fail(field, 'not a phone number');
  }

  const street = [text('street'), text('street2')].filter(Boolean).join(', ');
  if (street) record.street = street.slice(0, 300);
  const city = text('city');
  if (city) record.city = city.slice(0, 100);
  const stateText = text('state');
  const state = stateText ? stateOf(stateText) : undefined;
  if (stateText && !state) fail('state', 'not a US state or territory');
  if (state) record.stateFips = state.fips;
  const countyText = text('county');
  if (countyText) {
    const county = state ? countyOf(`${state.fips}|${countyText}`) : undefined;
    if (county) record.countyFips = county.fips;
    else fail('county', state ? `not a county of ${state.name}` : 'a county needs a state');
  }
  const zipText = text('zip');
  if (zipText) {
    // Spreadsheets drop the leading zero of New England ZIP codes (02139 → 2139).
    const m = /^(\d{4,5})(?:-?\d{4})?$/.exec(zipText);
    if (m) record.zip = m[1]!.padStart(5, '0');
    else fail('zip', 'not a ZIP code (5 digits, or ZIP+4)');
  }

  const birthDate = text('birthDate');
  const yearText = text('birthYear');
  if (birthDate) {
    const iso = parseDate(birthDate);
    if (iso && iso.length === 10) record.birthDate = iso;
    else fail('birthDate', 'not a date: use YYYY-MM-DD or MM/DD/YYYY');
  } else if (yearText) {
    const [month, day] = [text('birthMonth'), text('birthDay')];
    const iso = month && day ? parseDate(`${yearText}-${month}-${day}`) : undefined;
    if (iso) record.birthDate = iso;
    else if (month && day) fail('birthDay', `${yearText}-${month}-${day} is not a date`);
  }
  const year = record.birthDate ? Number(record.birthDate.slice(0, 4)) : yearText ? Number(yearText) : null;
  if (year !== null) {
    if (Number.isInteger(year) && year >= thisYear - 125 && year <= thisYear) record.birthYear = year;
    else fail(record.birthDate ? 'birthDate' : 'birthYear', `a birth year between ${thisYear - 125} and ${thisYear}`);
  }

  const languages = text('languages');
  for (const l of languages ? splitList(languages) : []) {
    const code = languageCode(l);
    if (code) record.languages.push(code);
    else fail('languages', `"${l.slice(0, 40)}" is not a language we know: write its name in English or Spanish, or its ISO code`);
  }
  const tags = text('tags');
  if (tags) record.tags = [...new Set(splitList(tags).map((t) => t.slice(0, 80)))];
  const household = text('householdId');
  if (household) record.householdId = household.slice(0, 100);
  for (const field of ['emailOptIn', 'smsOptIn', 'doNotContact'] as const) {
    const answer = yesNo(text(field) ?? '');
    if (answer === 'bad') fail(field, 'yes or no');
    else if (answer !== undefined) record[field] = answer;
  }
  for (const column of columns.get('custom') ?? []) {
    if (row[column]) record.customFields[column.slice(0, 60)] = row[column]!.slice(0, 500);
  }
  if (!record.firstName && !record.lastName && !record.email && !record.phone) {
    errors.push({ column: columns.get('lastName')?.[0] ?? columns.get('name')?.[0] ?? columns.get('email')?.[0] ?? 'name', message: 'a contact needs a name, an email or a phone' });
  }
  if (record.firstName.length > 100 || record.lastName.length > 100) fail(record.firstName.length > 100 ? 'firstName' : 'lastName', 'at most 100 characters');
  return errors.length ? { ok: false, errors } : { ok: true, value: record };
}
