import i18n from 'i18next';

// Dates as a person reads them, in the interface language (i18next's current one). A calendar day (YYYY-MM-DD) is the
// same day everywhere, so it is formatted without moving it through the viewer's time zone; an
// instant (a timestamp) is shown in the viewer's zone.

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
// A wall-clock time in some named zone, as convenings keep it: 2011-01-27T09:30.
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** "Jan 27, 2011" / "27 ene 2011": a calendar day, or the day of an instant. */
export function formatDate(value: string): string {
  if (CALENDAR_DAY.test(value)) return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(value));
}

/** "Jan 27, 2011, 9:30 AM": an instant in the viewer's zone, or a wall-clock time as written. */
export function formatDateTime(value: string): string {
  if (WALL_CLOCK.test(value)) {
    return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(`${value}Z`));
  }
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** Today in the viewer's own zone, as a calendar day (YYYY-MM-DD). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
