// Dates as people write them in spreadsheets: ISO (2019, 2019-03, 2019-03-01), slashed with the
// day or the month first (03/04/2019, 31.12.2019, 3-4-2019), or with the month's name in English
// or Spanish ("March 4, 2019", "4 de marzo de 2019", "Mar 2019"). A slashed date whose parts
// could both be the month (03/04/2019) is ambiguous: it is read only when the person has said
// which comes first, never guessed.

export type DateOrder = 'mdy' | 'dmy';
export type DateReading =
  | { ok: true; iso: string }
  | { ok: false; reason: 'ambiguous'; readings: [string, string] }
  | { ok: false; reason: 'invalid' };

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

const MONTHS: Record<string, number> = {};
[
  ['january', 'jan', 'enero', 'ene'], ['february', 'feb', 'febrero'], ['march', 'mar', 'marzo'], ['april', 'apr', 'abril', 'abr'],
  ['may', 'mayo', 'may'], ['june', 'jun', 'junio'], ['july', 'jul', 'julio'], ['august', 'aug', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set'], ['october', 'oct', 'octubre'],
  ['november', 'nov', 'noviembre'], ['december', 'dec', 'diciembre', 'dic'],
].forEach((names, i) => names.forEach((n) => { MONTHS[n] = i + 1; }));

const monthOf = (word: string) => MONTHS[word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '')];

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** What a slashed date says of the order its file uses: day first (24/07/2014), month first (07/24/2014), or nothing. */
export function orderEvidence(value: string): DateOrder | null {
  const m = SLASHED.exec(value.trim());
  if (!m) return null;
  if (Number(m[1]) > 12 && Number(m[2]) <= 12) return 'dmy';
  if (Number(m[2]) > 12 && Number(m[1]) <= 12) return 'mdy';
  return null;
}

/** Reads a date; `order` says how to read slashed dates whose parts could both be the month. */
export function readDate(value: string, order?: DateOrder | null): DateReading {
  const v = value.trim().replace(/\s+/g, ' ');
  const invalid = { ok: false, reason: 'invalid' } as const;
  let m = /^(\d{4})$/.exec(v);
  if (m) return { ok: true, iso: m[1]! };
  m = /^(\d{4})[-/](\d{1,2})$/.exec(v);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { ok: true, iso: `${m[1]}-${pad(Number(m[2]))}` } : invalid;
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? { ok: true, iso: iso(Number(m[1]), Number(m[2]), Number(m[3])) } : invalid;
  m = SLASHED.exec(v);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const monthFirst = validDay(y, a, b) ? iso(y, a, b) : undefined;
    const dayFirst = validDay(y, b, a) ? iso(y, b, a) : undefined;
    if (order === 'mdy') return monthFirst ? { ok: true, iso: monthFirst } : invalid;
    if (order === 'dmy') return dayFirst ? { ok: true, iso: dayFirst } : invalid;
    if (monthFirst && dayFirst && monthFirst !== dayFirst) return { ok: false, reason: 'ambiguous', readings: [monthFirst, dayFirst] };
    const only = monthFirst ?? dayFirst;
    return only ? { ok: true, iso: only } : invalid;
  }
  // "March 4, 2019", "Mar. 4 2019"
  m = /^(\p{L}+\.?) (\d{1,2}),? (\d{4})$/u.exec(v);
  if (m && monthOf(m[1]!)) return validDay(Number(m[3]), monthOf(m[1]!)!, Number(m[2])) ? { ok: true, iso: iso(Number(m[3]), monthOf(m[1]!)!, Number(m[2])) } : invalid;
  // "4 March 2019", "4 de marzo de 2019", "4-Mar-2019"
  m = /^(\d{1,2})(?: de |[ -])(\p{L}+\.?)(?: de |[ -]|, )(\d{4})$/u.exec(v);
  if (m && monthOf(m[2]!)) return validDay(Number(m[3]), monthOf(m[2]!)!, Number(m[1])) ? { ok: true, iso: iso(Number(m[3]), monthOf(m[2]!)!, Number(m[1])) } : invalid;
  // "March 2019", "marzo de 2019", "Mar-2019"
  m = /^(\p{L}+\.?)(?: de |[ -])(\d{4})$/u.exec(v);
  if (m && monthOf(m[1]!)) return { ok: true, iso: `${m[2]}-${pad(monthOf(m[1]!)!)}` };
  return invalid;
}
