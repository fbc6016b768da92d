import { describe, expect, it } from 'vitest';
import { orderEvidence, readDate } from './dates.ts';

describe('dates as spreadsheets hold them', () => {
  it('reads ISO dates, whole or partial, with or without a time', () => {
    expect(readDate('2019')).toEqual({ ok: true, iso: '2019' });
    expect(readDate('2019-3')).toEqual({ ok: true, iso: '2019-03' });
    expect(readDate('2019/03/01')).toEqual({ ok: true, iso: '2019-03-01' });
    expect(readDate('2019-03-01T10:00:00Z')).toEqual({ ok: true, iso: '2019-03-01' });
    expect(readDate('2024-02-29')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(readDate('2023-02-29')).toEqual({ ok: false, reason: 'invalid' });
    expect(readDate('2019-13')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads a slashed date when only one reading is a date, and asks when both are', () => {
    expect(readDate('31/12/2019')).toEqual({ ok: true, iso: '2019-12-31' });
    expect(readDate('12/31/2019')).toEqual({ ok: true, iso: '2019-12-31' });
    expect(readDate('31.12.2019')).toEqual({ ok: true, iso: '2019-12-31' });
    expect(readDate('03/04/2019')).toEqual({ ok: false, reason: 'ambiguous', readings: ['2019-03-04', '2019-04-03'] });
    expect(readDate('04/04/2019')).toEqual({ ok: true, iso: '2019-04-04' });
    expect(readDate('31/31/2020')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads a slashed date the way the person said, refusing what is not a date that way', () => {
    expect(readDate('03/04/2019', 'mdy')).toEqual({ ok: true, iso: '2019-03-04' });
    expect(readDate('03/04/2019', 'dmy')).toEqual({ ok: true, iso: '2019-04-03' });
    expect(readDate('12/31/2019', 'dmy')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('reads month names in English and Spanish', () => {
    expect(readDate('March 4, 2019')).toEqual({ ok: true, iso: '2019-03-04' });
    expect(readDate('4 March 2019')).toEqual({ ok: true, iso: '2019-03-04' });
    expect(readDate('4 de marzo de 2019')).toEqual({ ok: true, iso: '2019-03-04' });
    expect(readDate('4-Mar-2019')).toEqual({ ok: true, iso: '2019-03-04' });
    expect(readDate('Septiembre 2019')).toEqual({ ok: true, iso: '2019-09' });
    expect(readDate('agosto de 2019')).toEqual({ ok: true, iso: '2019-08' });
    expect(readDate('Febrero 30, 2019')).toEqual({ ok: false, reason: 'invalid' });
    expect(readDate('someday 2019')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('says what a date tells of its file\'s order', () => {
    expect(orderEvidence('24/07/2014')).toBe('dmy');
    expect(orderEvidence('07/24/2014')).toBe('mdy');
    expect(orderEvidence('07/04/2014')).toBeNull();
    expect(orderEvidence('2014-07-24')).toBeNull();
  });
});
