import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

// How two contacts are recognized as the same person without reading sealed values: the email,
// the phone, or the name with the street address, each normalized and then keyed-hashed. A
// shared key is only a candidate: two people with different names or birth years who share a
// family email or phone stay two people (and are shown as possible duplicates).

/** Lowercase, composed (NFC), trimmed. Accented local parts (RFC 6531) are kept as they are. */
export function normalizeEmail(value: string): string {
  return value.normalize('NFC').trim().toLowerCase();
}

/** Loose on purpose: one @, no spaces, a dot in the domain. Spreadsheets hold what people typed. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/u.test(value);
}

/**
 * E.164 ("+15105550123"), or undefined when it is not a phone number. Numbers without a
 * country code are read as US numbers; ten bare digits skip the parser (most files are that).
 */
export function normalizePhone(value: string): string | undefined {
  const digits = value.replace(/[^\d+]/g, '').replace(/^\+(?=1\d{10}$)/, '');
  if (/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return `+1${digits}`;
  if (/^1[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return `+${digits}`;
  const parsed = parsePhoneNumberFromString(value, 'US');
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** Lowercase, without accents, punctuation or repeated spaces: "José  O'Neil" → "jose oneil". */
export function foldText(value: string): string {
  // Plain ASCII (most rows of most files) has no accents to strip: the same result, several times faster.
  if (/^[\x20-\x7e]*$/.test(value)) return value.toLowerCase().replace(/[^a-z0-9 ]/g, '').replace(/ +/g, ' ').trim();
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').replace(/\s+/g, ' ').trim();
}

const STREET_WORDS: Record<string, string> = {
  street: 'st', avenue: 'ave', av: 'ave', road: 'rd', boulevard: 'blvd', drive: 'dr', lane: 'ln', place: 'pl',
  court: 'ct', terrace: 'ter', parkway: 'pkwy', highway: 'hwy', apartment: 'apt', suite: 'ste', north: 'n',
  south: 's', east: 'e', west: 'w', northwest: 'nw', northeast: 'ne', southwest: 'sw', southeast: 'se', calle: 'c',
};

/** A street address folded so "401 I Street SW" and "401 i st. sw" are the same. */
// The last street folded: a row's name + address key and household key fold the same street.
let lastStreet: [string, string] = ['', ''];

export function foldStreet(value: string): string {
  if (lastStreet[0] === value) return lastStreet[1];
  const folded = foldText(value).split(' ').map((w) => (Object.hasOwn(STREET_WORDS, w) ? STREET_WORDS[w]! : w)).join(' ');
  lastStreet = [value, folded];
  return folded;
}

/** The text hashed for name + address matching, or undefined without a name, street and ZIP or city. */
export function nameAddressKey(c: { firstName: string; lastName: string; street?: string; zip?: string; city?: string }): string | undefined {
  const place = c.zip || (c.city ? foldText(c.city) : '');
  if (!c.street || !place || !(c.firstName || c.lastName)) return undefined;
  return `${foldText(c.firstName)}|${foldText(c.lastName)}|${foldStreet(c.street)}|${place}`;
}

/** A household: the file's household id when it has one, else the street address with its ZIP. */
export function householdKey(c: { householdId?: string; street?: string; zip?: string; city?: string }): string | undefined {
  if (c.householdId) return `id:${c.householdId.trim()}`;
  return householdKeyFromAddress(c);
}

/** The household key an address alone gives (what a contact without a household id gets). */
export function householdKeyFromAddress(c: { street?: string; zip?: string; city?: string }): string | undefined {
  const place = c.zip || (c.city ? foldText(c.city) : '');
  return c.street && place ? `addr:${foldStreet(c.street)}|${place}` : undefined;
}

export interface IdentityFacts { firstName: string; lastName: string; birthYear: number | null; birthKey: string | null }

/**
 * Whether two records that share an email, phone or address are one person: their names agree
 * (ignoring case and accents; a missing name agrees with any) and so do their birth dates (or
 * birth years) when both are known.
 */
export function samePerson(a: IdentityFacts, b: IdentityFacts): boolean {
  const agree = (x: string, y: string) => !x || !y || foldText(x) === foldText(y);
  return agree(a.firstName, b.firstName) && agree(a.lastName, b.lastName)
    && (a.birthYear === null || b.birthYear === null || a.birthYear === b.birthYear)
    && (a.birthKey === null || b.birthKey === null || a.birthKey === b.birthKey);
}
