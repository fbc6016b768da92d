import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, localToday } from './dates.ts';

describe('dates as a person reads them', () => {
  const zone = process.env.TZ;
  // West of UTC: a calendar day moved through the viewer's zone would fall on the day before.
  beforeAll(async () => { process.env.TZ = 'America/Los_Angeles'; await i18n.init({ lng: 'en', resources: {} }); });
  afterAll(() => { if (zone === undefined) delete process.env.TZ; else process.env.TZ = zone; });

  it('keeps a calendar day on its day, in the interface language', async () => {
    await i18n.changeLanguage('en');
    expect(formatDate('2011-01-27')).toBe('Jan 27, 2011');
    await i18n.changeLanguage('es');
    expect(formatDate('2011-01-27')).toBe('27 ene 2011');
  });

  it('shows a wall-clock time as written, and an instant in the viewer zone', async () => {
    await i18n.changeLanguage('en');
    expect(formatDateTime('2011-01-27T09:30')).toBe('Jan 27, 2011, 9:30 AM');
    expect(formatDateTime('2011-01-27T17:30:00.000Z')).toBe('Jan 27, 2011, 9:30 AM');
    expect(formatDate('2011-01-28T03:00:00.000Z')).toBe('Jan 27, 2011');
  });

  it('says what day it is where the viewer is, not in Greenwich', () => {
    expect(localToday(new Date('2011-01-28T03:00:00.000Z'))).toBe('2011-01-27');
  });
});
