import { describe, expect, it } from 'vitest';
import { findCounty, findCountyByName, findState, listCounties, listStates } from './us-areas.ts';

describe('US states', () => {
  it('lists the 50 states and DC (and the territories), sorted by name', () => {
    const states = listStates();
    const postals = new Set(states.map((s) => s.postal));
    const fifty = ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
      'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
      'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY'];
    expect(fifty).toHaveLength(50);
    for (const p of [...fifty, 'DC', 'PR']) expect(postals.has(p), p).toBe(true);
    expect(states.length).toBeGreaterThanOrEqual(51);
    expect(new Set(states.map((s) => s.fips)).size).toBe(states.length);
    for (const s of states) {
      expect(s.fips).toMatch(/^\d{2}$/);
      expect(s.postal).toMatch(/^[A-Z]{2}$/);
    }
    const names = states.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('finds a state by FIPS code, postal code or name, ignoring case', () => {
    const ca = { fips: '06', name: 'California', postal: 'CA' };
    expect(findState('06')).toEqual(ca);
    expect(findState('6')).toEqual(ca);
    expect(findState('CA')).toEqual(ca);
    expect(findState('ca')).toEqual(ca);
    expect(findState('California')).toEqual(ca);
    expect(findState(' CALIFORNIA ')).toEqual(ca);
    expect(findState('IL')?.name).toBe('Illinois');
    expect(findState('New York')?.fips).toBe('36');
    expect(findState('Nueva York')?.fips).toBe('36');
    expect(findState('district of columbia')?.postal).toBe('DC');
    expect(findState('Washington, D.C.')?.postal).toBe('DC');
    expect(findState('Puerto Rico')?.postal).toBe('PR');
    expect(findState('Cali')).toBeUndefined();
    expect(findState('99')).toBeUndefined();
    expect(findState('')).toBeUndefined();
  });
});

describe('US counties', () => {
  it('finds counties by FIPS code', () => {
    expect(findCounty('06037')).toEqual({ fips: '06037', name: 'Los Angeles', stateFips: '06' });
    expect(findCounty('17031')).toEqual({ fips: '17031', name: 'Cook', stateFips: '17' });
    expect(findCounty('99999')).toBeUndefined();
  });

  it("lists a state's counties, sorted by name", () => {
    const ca = listCounties('06');
    expect(ca).toHaveLength(58);
    expect(ca.every((c) => c.stateFips === '06' && c.fips.startsWith('06'))).toBe(true);
    expect(ca.map((c) => c.fips)).toContain('06037');
    expect(ca[0]!.name).toBe('Alameda');
    expect(listCounties('99')).toEqual([]);
    expect(listCounties().length).toBeGreaterThan(3000);
  });

  it('tells apart independent cities that share a name with a county', () => {
    const md = listCounties('24');
    expect(md.find((c) => c.fips === '24510')?.name).toBe('Baltimore (city)');
    expect(md.find((c) => c.fips === '24005')?.name).toBe('Baltimore');
  });

  it('finds a county by name within a state', () => {
    expect(findCountyByName('06', 'Los Angeles')?.fips).toBe('06037');
    expect(findCountyByName('06', 'Los Angeles County')?.fips).toBe('06037');
    expect(findCountyByName('06', 'los angeles co.')?.fips).toBe('06037');
    expect(findCountyByName('06', '06037')?.fips).toBe('06037');
    expect(findCountyByName('17', 'Cook County')?.fips).toBe('17031');
    expect(findCountyByName('22', 'Orleans Parish')?.fips).toBe('22071');
    expect(findCountyByName('35', 'Dona Ana')?.fips).toBe('35013');
    expect(findCountyByName('12', 'Miami Dade')?.fips).toBe('12086');
    expect(findCountyByName('29', 'Saint Louis County')?.fips).toBe('29189');
    expect(findCountyByName('29', 'St. Louis City')?.fips).toBe('29510');
    expect(findCountyByName('24', 'Baltimore')?.fips).toBe('24005');
    expect(findCountyByName('24', 'Baltimore City')?.fips).toBe('24510');
    expect(findCountyByName('24', 'Baltimore (city)')?.fips).toBe('24510');
    expect(findCountyByName('51', 'James City County')?.fips).toBe('51095');
    expect(findCountyByName('32', 'Carson City')?.fips).toBe('32510');
    expect(findCountyByName('36', 'Los Angeles')).toBeUndefined();
    expect(findCountyByName('36', '06037')).toBeUndefined();
  });
});
