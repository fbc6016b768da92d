import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { conveningToIcs, escapeText, feedToIcs, foldLine, type IcsConvening, type IcsOptions } from './icalendar.ts';

// RFC 5545 3.8.8.2: an X- property's value is TEXT unless it says otherwise; ical.js leaves
// properties it does not know unparsed, so it is told about the two calendar-name ones.
const icalProperties = ICAL.design.icalendar.property as Record<string, { defaultType: string }>;
icalProperties['x-wr-calname'] = icalProperties['x-wr-caldesc'] = { defaultType: 'text' };

const options: IcsOptions = { host: 'crossroads.example', now: new Date('2026-06-02T08:00:00Z') };

const convening = (over: Partial<IcsConvening> = {}): IcsConvening => ({
  id: 'c1',
  title: 'Regional meeting',
  kind: 'strategy_session',
  startsAt: '2026-07-15T10:00',
  endsAt: '2026-07-15T12:00',
  timeZone: 'America/Los_Angeles',
  ...over,
});

// ical.js knows no zones of its own: every offset below comes from the VTIMEZONEs we wrote.
function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}
const onlyEvent = (ics: string) => parse(ics).events[0]!;
const utc = (iso: string) => Date.parse(iso) / 1000;
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('conveningToIcs: times in the convening’s zone', () => {
  it('has no zone data in ical.js itself, so the checks below test our VTIMEZONE', () => {
    expect(ICAL.TimezoneService.has('America/Los_Angeles')).toBe(false);
    const ics = conveningToIcs(convening(), options);
    const event = onlyEvent(ics.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, ''));
    expect(event.startDate.zone?.tzid).not.toBe('America/Los_Angeles');
  });

  it.each([
    ['America/Los_Angeles', '2026-07-15T10:00', '2026-07-15T17:00:00Z', -7],
    ['America/Los_Angeles', '2026-01-15T10:00', '2026-01-15T18:00:00Z', -8],
    ['America/Phoenix', '2026-07-15T10:00', '2026-07-15T17:00:00Z', -7],
    ['America/Phoenix', '2026-01-15T10:00', '2026-01-15T17:00:00Z', -7],
    ['America/Puerto_Rico', '2026-07-15T10:00', '2026-07-15T14:00:00Z', -4],
    ['America/Puerto_Rico', '2026-01-15T10:00', '2026-01-15T14:00:00Z', -4],
    ['America/Chicago', '2011-01-22T10:00', '2011-01-22T16:00:00Z', -6],
    ['America/New_York', '2009-12-14T09:00', '2009-12-14T14:00:00Z', -5],
    ['Australia/Sydney', '2026-01-15T10:00', '2026-01-14T23:00:00Z', 11],
    ['Australia/Sydney', '2026-07-15T10:00', '2026-07-15T00:00:00Z', 10],
    ['Asia/Kolkata', '2026-07-15T10:00', '2026-07-15T04:30:00Z', 5.5],
  ])('%s %s is %s', (timeZone, startsAt, instant, hours) => {
    const endsAt = startsAt.replace('T10:00', 'T11:00').replace('T09:00', 'T10:00');
    const ics = conveningToIcs(convening({ timeZone, startsAt, endsAt }), options);
    expect(ics).toContain(`DTSTART;TZID=${timeZone}:${startsAt.replace(/[-:]/g, '')}00\r\n`);
    const event = onlyEvent(ics);
    expect(event.startDate.zone?.tzid).toBe(timeZone);
    expect(event.startDate.toUnixTime()).toBe(utc(instant));
    expect(event.startDate.utcOffset()).toBe(hours * 3600);
    expect(event.endDate.toUnixTime()).toBe(utc(instant) + 3600);
  });

  it.each([
    ['2026-03-08T01:30', '2026-03-08T09:30:00Z'], // the last half hour of standard time
    ['2026-03-08T03:30', '2026-03-08T10:30:00Z'], // daylight time has begun
    ['2026-11-01T00:30', '2026-11-01T07:30:00Z'], // still daylight time
    ['2026-11-01T03:00', '2026-11-01T11:00:00Z'], // back to standard time
  ])('gets the offset right around the changes: %s', (startsAt, instant) => {
    const event = onlyEvent(conveningToIcs(convening({ startsAt, endsAt: null }), options));
    expect(event.startDate.toUnixTime()).toBe(utc(instant));
  });

  it('describes the zone with standard and daylight observances at the real changes', () => {
    const ics = conveningToIcs(convening({ startsAt: '2026-07-15T10:00' }), options);
    const zone = ics.slice(ics.indexOf('BEGIN:VTIMEZONE'), ics.indexOf('END:VTIMEZONE'));
    expect(zone).toContain('TZID:America/Los_Angeles');
    expect(zone).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260308T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700\r\nTZNAME:PDT\r\nEND:DAYLIGHT');
    expect(zone).toContain('BEGIN:STANDARD\r\nDTSTART:20261101T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\nTZNAME:PST\r\nEND:STANDARD');
    const phoenix = conveningToIcs(convening({ timeZone: 'America/Phoenix' }), options);
    expect(phoenix).not.toContain('BEGIN:DAYLIGHT');
    expect(phoenix.match(/BEGIN:STANDARD/g)).toHaveLength(1);
  });

  // An independent reading of the zone: the instant whose wall clock in `zone`, per Intl, is `local`.
  function instantsOf(local: string, zone: string): number[] {
    const wall = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const read = (ms: number) => wall.format(ms).replace(', ', 'T');
    const asUtc = Date.parse(`${local}:00Z`);
    const candidates = [-14, 14].map((h) => asUtc - (Date.parse(`${read(asUtc + h * 3_600_000)}:00Z`) - (asUtc + h * 3_600_000)));
    return [...new Set(candidates.filter((ms) => read(ms) === local))];
  }

  it('agrees with the runtime’s zone data for any local times, zones and years', () => {
    const zones = ['America/Los_Angeles', 'America/Chicago', 'America/Phoenix', 'America/Puerto_Rico', 'America/Anchorage',
      'Pacific/Honolulu', 'America/Mexico_City', 'America/Santiago', 'Europe/London', 'Europe/Dublin', 'Australia/Lord_Howe',
      'Asia/Kathmandu', 'Pacific/Auckland'];
    const local = fc.date({ min: new Date('1995-01-01T00:00Z'), max: new Date('2037-12-31T00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 16));
    fc.assert(fc.property(fc.constantFrom(...zones), fc.uniqueArray(local, { minLength: 1, maxLength: 4 }), (timeZone, starts) => {
      const items = starts.map((startsAt, i) => convening({ id: `c${i}`, timeZone, startsAt, endsAt: null }));
      const { events } = parse(feedToIcs(items, { ...options, calendarName: 'Feed' }));
      events.forEach((event, i) => {
        const expected = instantsOf(starts[i]!, timeZone);
        if (expected.length !== 1) return; // a skipped or repeated hour: clients differ, RFC 5545 leaves room
        expect(event.startDate.toUnixTime(), `${timeZone} ${starts[i]}`).toBe(expected[0]! / 1000);
      });
    }), { numRuns: 80 });
  });
});

describe('conveningToIcs: content', () => {
  const full = convening({
    title: 'Sesión de estrategia, Los Ángeles; "Challenging the Right" \\ año 2026 🙂',
    description: 'Agenda:\n1. Bienvenida, café; tamales\n2. Metas\\objetivos ✊🏽\n\nNotas: «traducción simultánea»',
    place: 'Salón Comunitario, 123 Main St., Los Ángeles; 2º piso',
    callLink: 'https://meet.example.org/iad-2026?lang=es&room=7',
    hosts: ['Jobs with Justice', 'Right to the City'],
    updatedAt: '2026-06-01T12:00:00.000Z',
  });

  it('keeps commas, semicolons, newlines, backslashes, emoji and accents through a round trip', () => {
    const event = onlyEvent(conveningToIcs(full, options));
    expect(event.summary).toBe(full.title);
    expect(event.description).toBe(full.description);
    expect(event.location).toBe(full.place);
    expect(event.component.getFirstPropertyValue('url')).toBe(full.callLink);
  });

  it('writes the event’s fields', () => {
    const ics = conveningToIcs(full, { ...options, organizer: { email: 'coordinator@iad.example' }, kindLabel: (k) => (k === 'strategy_session' ? 'Strategy session, breakouts' : k) });
    const { root, events } = parse(ics);
    const vevent = events[0]!.component;
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toBe('-//Crossroads//Convenings//EN');
    expect(root.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events[0]!.uid).toBe('c1@crossroads.example');
    expect(ics).toContain('\r\nDTSTAMP:20260602T080000Z\r\n');
    expect(ics).toContain('\r\nLAST-MODIFIED:20260601T120000Z\r\n');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstProperty('categories')!.getValues()).toEqual(['Strategy session, breakouts']);
    expect(vevent.getAllProperties('contact').map((p) => p.getFirstValue())).toEqual(full.hosts);
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:coordinator@iad.example');
    expect(organizer.getParameter('cn')).toBe('Jobs with Justice, Right to the City');
  });

  it('puts a call’s link in LOCATION when there is no place, and leaves out what is missing', () => {
    const call = conveningToIcs(convening({ kind: 'conference_call', callLink: 'https://meet.example.org/x', status: 'cancelled' }), options);
    const vevent = onlyEvent(call).component;
    expect(vevent.getFirstPropertyValue('location')).toBe('https://meet.example.org/x');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://meet.example.org/x');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(call).not.toMatch(/\r\n(DESCRIPTION|ORGANIZER|CONTACT|LAST-MODIFIED)[:;]/);
  });

  it('writes an all-day convening as dates, ending the day after its last day, with no zone', () => {
    const ics = conveningToIcs(convening({ startsAt: '2010-02-15', endsAt: '2010-02-16', kind: 'convening' }), options);
    expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20100215\r\nDTEND;VALUE=DATE:20100217\r\n');
    expect(ics).not.toContain('VTIMEZONE');
    const event = onlyEvent(ics);
    expect(event.startDate.isDate).toBe(true);
    expect(event.endDate.toString()).toBe('2010-02-17');
    const oneDay = conveningToIcs(convening({ startsAt: '2010-02-15', endsAt: null }), options);
    expect(oneDay).toContain('\r\nDTEND;VALUE=DATE:20100216\r\n');
  });

  it('keeps the same UID for the same convening', () => {
    const a = conveningToIcs(convening(), options);
    const b = conveningToIcs(convening({ title: 'Regional meeting (moved)' }), { ...options, now: new Date() });
    expect(onlyEvent(a).uid).toBe(onlyEvent(b).uid);
    expect(conveningToIcs(convening(), options)).toBe(a);
  });

  it.each<[string, Partial<IcsConvening>]>([
    ['an unknown zone', { timeZone: 'Mars/Olympus_Mons' }],
    ['an end before the start', { endsAt: '2026-07-15T09:00' }],
    ['an end with no time', { endsAt: '2026-07-15' }],
    ['a day that does not exist', { startsAt: '2026-02-30T10:00' }],
    ['a bad last change', { updatedAt: 'yesterday' }],
  ])('refuses %s, naming the field', (_, over) => {
    expect(() => conveningToIcs(convening(over), options)).toThrow(RangeError);
  });
});

describe('text and lines', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\rg')).toBe('a\\,b\\;c\\\\d\\ne\\nf\\ng');
    expect(escapeText('bell\u0007 tab\t')).toBe('bell tab\t');
  });

  it('folds long lines at 75 octets without splitting a character, and ical.js unfolds them', () => {
    const description = 'Reunión de la Alianza — acción ✊🏽 por la justicia 🙂 (日本語も) '.repeat(12);
    const ics = conveningToIcs(convening({ description }), options);
    const physical = ics.split('\r\n').slice(0, -1);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of physical) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(decoder.decode(new TextEncoder().encode(line))).toBe(line);
    }
    const folded = physical.filter((l) => l.startsWith(' '));
    expect(folded.length).toBeGreaterThan(10);
    expect(ics.replace(/\r\n /g, '')).toContain(`DESCRIPTION:${escapeText(description)}\r\n`);
    expect(onlyEvent(ics).description).toBe(description);
  });

  it('folds any text into lines that join back to it', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
      const line = `DESCRIPTION:${escapeText(text)}`;
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }));
  });

  it('ends every line with CRLF and no line with a bare CR or LF', () => {
    const ics = conveningToIcs(convening({ description: 'one\ntwo\r\nthree\rfour' }), options);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(line).not.toMatch(/[\r\n]/);
  });
});

describe('feedToIcs', () => {
  const feed = [
    convening({ id: 'iad-planning', title: 'IAD planning meeting', startsAt: '2009-12-14T09:00', endsAt: '2009-12-15T17:00', timeZone: 'America/New_York', place: 'Maryland' }),
    convening({ id: 'calcalls', title: 'California Calls strategy session', startsAt: '2011-01-22T10:00', endsAt: '2011-01-22T16:00', timeZone: 'America/Los_Angeles' }),
    convening({ id: 'ratification-call', title: 'Mass membership call', kind: 'conference_call', startsAt: '2010-02-10T13:00', endsAt: '2010-02-10T14:30', timeZone: 'America/New_York', callLink: 'https://meet.example.org/iad' }),
  ];

  it('parses into one event per convening, named, with one VTIMEZONE per zone used', () => {
    const ics = feedToIcs(feed, { ...options, calendarName: 'Inter-Alliance Dialogue, convenings', calendarDescription: 'Encuentros; 2009–2011' });
    const { root, events } = parse(ics);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.uid)).toEqual(['iad-planning@crossroads.example', 'calcalls@crossroads.example', 'ratification-call@crossroads.example']);
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Inter-Alliance Dialogue, convenings');
    expect(root.getFirstPropertyValue('x-wr-caldesc')).toBe('Encuentros; 2009–2011');
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['America/New_York', 'America/Los_Angeles']);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2009-12-14T14:00:00.000Z', '2011-01-22T18:00:00.000Z', '2010-02-10T18:00:00.000Z',
    ]);
  });

  it('covers every year a zone is used in', () => {
    const ics = feedToIcs([feed[0]!, convening({ id: 'later', startsAt: '2012-07-04T10:00', endsAt: null, timeZone: 'America/New_York' })], { ...options, calendarName: 'x' });
    const { events } = parse(ics);
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe('2012-07-04T14:00:00.000Z');
    expect(ics).toContain('DTSTART:20120311T020000'); // 2012's spring change
  });

  it('refuses a convening listed twice', () => {
    expect(() => feedToIcs([feed[0]!, feed[0]!], { ...options, calendarName: 'x' })).toThrow(RangeError);
  });

  it('writes an empty calendar for no convenings', () => {
    const { root, events } = parse(feedToIcs([], { ...options, calendarName: 'Empty' }));
    expect(events).toEqual([]);
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Empty');
  });
});
