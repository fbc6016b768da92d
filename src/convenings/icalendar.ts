// Convenings as iCalendar (RFC 5545): one event, or a feed to subscribe to. Times stay in the
// convening's own zone ("10:00 in America/Chicago" stays 10:00 Chicago) as DTSTART;TZID, and every
// zone used gets a VTIMEZONE whose STANDARD/DAYLIGHT observances are the zone's real transitions
// over the years involved, read from the runtime's time zone data through Intl — so a client
// without its own zone database still computes the right instants.

export interface IcsConvening {
  id: string;
  title: string;
  kind: string;
  /** Local date-time in `timeZone`, 'YYYY-MM-DDTHH:mm'; or a date 'YYYY-MM-DD' for an all-day convening. */
  startsAt: string;
  /** Same form as startsAt. For an all-day convening, its last day. */
  endsAt?: string | null;
  /** IANA zone, e.g. America/Los_Angeles. */
  timeZone: string;
  place?: string | null;
  callLink?: string | null;
  description?: string | null;
  /** Names of the hosting organizations. */
  hosts?: readonly string[] | null;
  /** ISO instant of the last change. */
  updatedAt?: string | null;
  status?: 'tentative' | 'confirmed' | 'cancelled' | null;
}

export interface IcsOptions {
  /** Domain that makes UIDs globally unique: `<id>@<host>`. */
  host: string;
  /** When the calendar is produced (DTSTAMP). */
  now: Date;
  productId?: string;
  /** ORGANIZER must be an address; without one the hosts are listed as CONTACTs only. */
  organizer?: { name?: string | null; email: string } | null;
  /** Words the kind for CATEGORIES (e.g. in the reader's language); the kind code otherwise. */
  kindLabel?: (kind: string) => string;
}

export interface IcsFeedOptions extends IcsOptions {
  calendarName: string;
  calendarDescription?: string | null;
}

const DEFAULT_PRODUCT_ID = '-//Crossroads//Convenings//EN';
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function conveningToIcs(convening: IcsConvening, options: IcsOptions): string {
  return calendar([convening], options, []);
}

export function feedToIcs(convenings: readonly IcsConvening[], options: IcsFeedOptions): string {
  const ids = new Set<string>();
  for (const c of convenings) {
    if (ids.has(c.id)) throw new RangeError(`convening ${c.id}: id appears twice in the feed`);
    ids.add(c.id);
  }
  const header = [`X-WR-CALNAME:${escapeText(options.calendarName)}`];
  if (options.calendarDescription) header.push(`X-WR-CALDESC:${escapeText(options.calendarDescription)}`);
  return calendar(convenings, options, header);
}

function calendar(convenings: readonly IcsConvening[], options: IcsOptions, header: string[]): string {
  const events = convenings.map(readTimes);
  const yearsByZone = new Map<string, [number, number]>();
  for (const e of events) {
    if (e.allDay) continue;
    const [from, to] = yearsByZone.get(e.convening.timeZone) ?? [Infinity, -Infinity];
    yearsByZone.set(e.convening.timeZone, [Math.min(from, e.startYear), Math.max(to, e.endYear)]);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.productId ?? DEFAULT_PRODUCT_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...header,
    ...[...yearsByZone].flatMap(([zone, [from, to]]) => vtimezone(zone, from, to)),
    ...events.flatMap((e) => vevent(e, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

// --- events -------------------------------------------------------------------------------------

interface LocalTime { y: number; mo: number; d: number; h: number; mi: number; s: number }
interface TimedEvent { convening: IcsConvening; allDay: boolean; start: LocalTime; end: LocalTime | null; startYear: number; endYear: number }

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

function parseLocal(value: string, field: string, id: string): { time: LocalTime; dateOnly: boolean } {
  const m = LOCAL.exec(value);
  const [y, mo, d, h, mi, s] = (m?.slice(1) ?? []).map((p) => Number(p ?? 0));
  const probe = m ? new Date(Date.UTC(y!, mo! - 1, d!)) : null;
  if (!m || !probe || probe.getUTCMonth() !== mo! - 1 || probe.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59) {
    throw new RangeError(`convening ${id}: ${field} is not a local date-time (YYYY-MM-DDTHH:mm) or date`);
  }
  return { time: { y: y!, mo: mo!, d: d!, h: h!, mi: mi!, s: s! }, dateOnly: m[4] === undefined };
}

function readTimes(convening: IcsConvening): TimedEvent {
  zoneFormatter(convening.timeZone, convening.id);
  const start = parseLocal(convening.startsAt, 'startsAt', convening.id);
  const end = convening.endsAt ? parseLocal(convening.endsAt, 'endsAt', convening.id) : null;
  if (end && end.dateOnly !== start.dateOnly) {
    throw new RangeError(`convening ${convening.id}: startsAt and endsAt must both have a time, or neither`);
  }
  if (end && (start.dateOnly ? basic(end.time, true) < basic(start.time, true) : basic(end.time) <= basic(start.time))) {
    throw new RangeError(`convening ${convening.id}: endsAt is not after startsAt`);
  }
  return {
    convening, allDay: start.dateOnly, start: start.time, end: end?.time ?? null,
    startYear: start.time.y, endYear: (end ?? start).time.y,
  };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
function basic(t: LocalTime, dateOnly = false): string {
  const date = `${pad(t.y, 4)}${pad(t.mo)}${pad(t.d)}`;
  return dateOnly ? date : `${date}T${pad(t.h)}${pad(t.mi)}${pad(t.s)}`;
}
const utcTime = (ms: number) => {
  const d = new Date(ms);
  return `${basic({ y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() })}Z`;
};

function vevent({ convening: c, allDay, start, end }: TimedEvent, options: IcsOptions): string[] {
  const when = (name: string, t: LocalTime) =>
    allDay ? `${name};VALUE=DATE:${basic(t, true)}` : `${name};TZID=${c.timeZone}:${basic(t)}`;
  // An all-day end is the day after the last (RFC 5545 3.6.1).
  const dayAfter = (t: LocalTime): LocalTime => {
    const next = new Date(Date.UTC(t.y, t.mo - 1, t.d) + DAY_MS);
    return { y: next.getUTCFullYear(), mo: next.getUTCMonth() + 1, d: next.getUTCDate(), h: 0, mi: 0, s: 0 };
  };
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${c.id}@${options.host}`)}`,
    `DTSTAMP:${utcTime(options.now.getTime())}`,
    when('DTSTART', start),
  ];
  if (allDay) lines.push(when('DTEND', dayAfter(end ?? start)));
  else if (end) lines.push(when('DTEND', end));
  lines.push(`SUMMARY:${escapeText(c.title)}`);
  if (c.description) lines.push(`DESCRIPTION:${escapeText(c.description)}`);
  // Phones show LOCATION, not URL: a call's link is where it happens.
  const location = c.place || c.callLink;
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  if (c.callLink) lines.push(`URL:${c.callLink.replace(/[\s\x00-\x1f\x7f"]/g, '')}`);
  const hosts = (c.hosts ?? []).filter((h) => h.trim() !== '');
  if (options.organizer) {
    const name = options.organizer.name || hosts.join(', ');
    lines.push(`ORGANIZER${name ? `;CN=${paramValue(name)}` : ''}:mailto:${options.organizer.email.replace(/[\s\x00-\x1f\x7f]/g, '')}`);
  }
  for (const h of hosts) lines.push(`CONTACT:${escapeText(h)}`);
  lines.push(`CATEGORIES:${escapeText(options.kindLabel?.(c.kind) ?? c.kind)}`);
  lines.push(`STATUS:${(c.status ?? 'confirmed').toUpperCase()}`);
  if (c.updatedAt) {
    const ms = Date.parse(c.updatedAt);
    if (Number.isNaN(ms)) throw new RangeError(`convening ${c.id}: updatedAt is not a date-time`);
    lines.push(`LAST-MODIFIED:${utcTime(ms)}`);
  }
  lines.push('END:VEVENT');
  return lines;
}

// --- text -----------------------------------------------------------------------------------

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: always quoted, so it may hold ':', ';' and ','; it can never hold a quote. */
const paramValue = (value: string) => `"${value.replace(/[\x00-\x1f\x7f]/g, ' ').replace(/"/g, "'")}"`;

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line into lines of at most 75 octets (RFC 5545 3.1), continuation lines
 * starting with a space, never splitting a UTF-8 character.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n');
}

// --- time zones -----------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string, id = ''): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new RangeError(`convening ${id}: timeZone is not a time zone this runtime knows`);
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Minutes east of UTC in `zone` at `ms`: the zone's wall clock read back as if it were UTC. */
function offsetAt(zone: string, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(zone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / MINUTE_MS);
}

interface Transition { at: number; from: number; to: number }

/** Offset changes in [fromMs, toMs): sampled daily, then pinned to the minute by bisection. */
function scan(zone: string, fromMs: number, toMs: number): Transition[] {
  const found: Transition[] = [];
  let offset = offsetAt(zone, fromMs);
  for (let t = fromMs; t < toMs; t += DAY_MS) {
    const next = offsetAt(zone, t + DAY_MS);
    if (next === offset) continue;
    let [lo, hi] = [t, t + DAY_MS];
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(zone, mid) === offset) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, from: offset, to: next });
    offset = next;
  }
  return found;
}

// A year of one zone costs a few hundred Intl calls; feeds ask for the same years again and again.
const transitionsByYear = new Map<string, Transition[]>();

/** Offset changes in the UTC years fromYear..toYear. */
function transitions(zone: string, fromYear: number, toYear: number): Transition[] {
  const found: Transition[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const key = `${zone} ${year}`;
    let inYear = transitionsByYear.get(key);
    if (!inYear) transitionsByYear.set(key, (inYear = scan(zone, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1))));
    found.push(...inYear);
  }
  return found;
}

const utcOffset = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}${pad(minutes % 60)}`;

function localTime(ms: number, offsetMinutes: number): LocalTime {
  const d = new Date(ms + offsetMinutes * MINUTE_MS);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

const namers = new Map<string, Intl.DateTimeFormat>();
function abbreviation(zone: string, ms: number): string | null {
  let namer = namers.get(zone);
  if (!namer) namers.set(zone, (namer = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })));
  const name = namer.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
  return name && /^[A-Z]{2,5}$/.test(name) ? name : null;
}

/** VTIMEZONE for `zone`, exact for local times in the years fromYear..toYear. */
function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const rangeStart = Date.UTC(fromYear, 0, 1) - DAY_MS; // local Jan 1 is up to 14 hours from UTC's
  const all = transitions(zone, fromYear - 1, toYear + 1);
  const earlier = all.filter((t) => t.at <= rangeStart);
  const kept = [...earlier.slice(-1), ...all.filter((t) => t.at > rangeStart)];
  // Where no change precedes the range, one observance from 1970 holds the offset in force then.
  if (kept.length === 0 || kept[0]!.at > rangeStart) {
    const offset = kept[0]?.from ?? offsetAt(zone, rangeStart);
    kept.unshift({ at: Date.UTC(1970, 0, 1) - offset * MINUTE_MS, from: offset, to: offset });
  }
  // Standard time is the lower of a year's offsets (summer is daylight time, north or south).
  const standardIn = (year: number) => Math.min(offsetAt(zone, Date.UTC(year, 0, 15)), offsetAt(zone, Date.UTC(year, 6, 15)));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const t of kept) {
    const onset = localTime(t.at, t.from);
    const kind = t.to > standardIn(Math.max(onset.y, fromYear - 1)) ? 'DAYLIGHT' : 'STANDARD';
    const name = abbreviation(zone, Math.max(t.at, rangeStart));
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${basic(onset)}`,
      `TZOFFSETFROM:${utcOffset(t.from)}`,
      `TZOFFSETTO:${utcOffset(t.to)}`,
      ...(name ? [`TZNAME:${name}`] : []),
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
