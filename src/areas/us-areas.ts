// US states, DC, territories and counties (county equivalents: parishes, boroughs, census
// areas, independent cities, municipios), keyed by FIPS code. The list comes from the
// us-atlas package (Census cartographic boundaries, 2017), read once on first use; only the
// ids and names are kept, not the shapes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface UsState { fips: string; name: string; postal: string }
export interface UsCounty { fips: string; name: string; stateFips: string }

// USPS codes of every state-level area in us-atlas/counties-10m.json.
const POSTAL_BY_FIPS: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE',
  '11': 'DC', '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA',
  '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN',
  '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM',
  '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI',
  '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA',
  '54': 'WV', '55': 'WI', '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP', '72': 'PR', '78': 'VI',
};

// Other names people write (English short forms and Spanish names), by FIPS code.
const STATE_ALIASES: Record<string, string[]> = {
  '11': ['Washington DC', 'Washington D.C.', 'D.C.', 'Distrito de Columbia'],
  '15': ['Hawái'],
  '22': ['Luisiana'],
  '26': ['Míchigan'],
  '28': ['Misisipi', 'Misisipí'],
  '29': ['Misuri'],
  '33': ['Nuevo Hampshire'],
  '34': ['Nueva Jersey'],
  '35': ['Nuevo México'],
  '36': ['Nueva York'],
  '37': ['Carolina del Norte'],
  '38': ['Dakota del Norte'],
  '41': ['Oregón'],
  '42': ['Pensilvania'],
  '45': ['Carolina del Sur'],
  '46': ['Dakota del Sur'],
  '54': ['Virginia Occidental'],
  '60': ['Samoa Americana'],
  '69': ['Northern Mariana Islands', 'Islas Marianas del Norte'],
  '72': ['Puerto Rico'],
  '78': ['U.S. Virgin Islands', 'US Virgin Islands', 'Virgin Islands', 'Islas Vírgenes', 'Islas Vírgenes de los Estados Unidos'],
};

/** Lowercase, without accents, punctuation or spaces: the key names are compared by. */
function compact(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

interface Atlas {
  states: UsState[];
  counties: UsCounty[];
  stateByKey: Map<string, UsState>;
  countyByFips: Map<string, UsCounty>;
  countiesByState: Map<string, UsCounty[]>;
  countiesByKey: Map<string, UsCounty[]>; // key: stateFips + compact(name)
}

interface Topology {
  objects: Record<'states' | 'counties', { geometries: Array<{ id: string | number; properties: { name: string } }> }>;
}

let atlas: Atlas | undefined;

function load(): Atlas {
  if (atlas) return atlas;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('us-atlas/counties-10m.json'), 'utf8')) as Topology;
  const byName = (a: { name: string; fips: string }, b: { name: string; fips: string }) => a.name.localeCompare(b.name, 'en') || a.fips.localeCompare(b.fips);

  const states = topology.objects.states.geometries.map((g) => {
    const fips = String(g.id).padStart(2, '0');
    const postal = POSTAL_BY_FIPS[fips];
    if (!postal) throw new Error(`us-atlas has a state-level area with FIPS ${fips} that has no postal code here`);
    return { fips, name: g.properties.name, postal };
  }).sort(byName);
  const stateByKey = new Map<string, UsState>();
  for (const s of states) {
    for (const key of [s.fips, s.postal, s.name, ...(STATE_ALIASES[s.fips] ?? [])]) stateByKey.set(compact(key), s);
  }

  const raw = topology.objects.counties.geometries.map((g) => {
    const fips = String(g.id).padStart(5, '0');
    return { fips, name: g.properties.name, stateFips: fips.slice(0, 2) };
  });
  // A few independent cities share their name with a county of the same state (Baltimore,
  // St. Louis, Richmond VA...); call those "(city)" so that lists can tell them apart.
  const seen = new Map<string, number>();
  for (const c of raw) seen.set(c.stateFips + compact(c.name), (seen.get(c.stateFips + compact(c.name)) ?? 0) + 1);
  const counties = raw.map((c) => (seen.get(c.stateFips + compact(c.name))! > 1 && isIndependentCity(c.fips) ? { ...c, name: `${c.name} (city)` } : c))
    .sort((a, b) => a.stateFips.localeCompare(b.stateFips) || byName(a, b));

  const countyByFips = new Map(counties.map((c) => [c.fips, c]));
  const countiesByState = new Map<string, UsCounty[]>();
  const countiesByKey = new Map<string, UsCounty[]>();
  for (const c of counties) {
    countiesByState.set(c.stateFips, [...(countiesByState.get(c.stateFips) ?? []), c]);
    const key = c.stateFips + compact(c.name.replace(/ \(city\)$/, ''));
    countiesByKey.set(key, [...(countiesByKey.get(key) ?? []), c]);
  }
  atlas = { states, counties, stateByKey, countyByFips, countiesByState, countiesByKey };
  return atlas;
}

/** Independent cities (Virginia, Baltimore, St. Louis, Carson City) have county codes from 510. */
function isIndependentCity(fips: string): boolean {
  return Number(fips.slice(2)) >= 500;
}

/** The 50 states, DC, Puerto Rico and the territories, sorted by name. */
export function listStates(): UsState[] {
  return load().states.map((s) => ({ ...s }));
}

/** Counties of one state (by its two-digit FIPS code) or of all states, sorted by state then name. */
export function listCounties(stateFips?: string): UsCounty[] {
  const { counties, countiesByState } = load();
  const list = stateFips === undefined ? counties : countiesByState.get(stateFips) ?? [];
  return list.map((c) => ({ ...c }));
}

/** A state by FIPS code ('06'), USPS code ('CA') or name ('California'), ignoring case and accents. */
export function findState(fipsOrPostalOrName: string): UsState | undefined {
  const text = fipsOrPostalOrName.trim();
  const key = /^\d$/.test(text) ? `0${text}` : compact(text);
  if (!key) return undefined;
  const state = load().stateByKey.get(key);
  return state && { ...state };
}

/** A county by its five-digit FIPS code ('06037'). */
export function findCounty(fips: string): UsCounty | undefined {
  const county = load().countyByFips.get(fips.trim());
  return county && { ...county };
}

const COUNTY_WORDS = /\s+(county|parish|borough|census area|city and borough|municipality|municipio|co\.?)$/i;

/**
 * A county of a state by name: 'Los Angeles', 'Los Angeles County', 'los angeles co.',
 * 'Orleans Parish', 'Saint Louis County', 'Baltimore City' (the independent city) or the
 * county's FIPS code. When a county and an independent city share a name, the bare name
 * means the county.
 */
export function findCountyByName(stateFips: string, name: string): UsCounty | undefined {
  const { countiesByKey, countyByFips } = load();
  const text = name.trim();
  if (/^\d{5}$/.test(text)) {
    const county = countyByFips.get(text);
    return county && county.stateFips === stateFips ? { ...county } : undefined;
  }
  const words = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[.'’]/g, ' ').replace(/\s+/g, ' ').trim()
    .replace(/^saint /, 'st ').replace(/^sainte /, 'ste ');
  const saysCity = /^city of /.test(words) || / \(city\)$/.test(words) || / city$/.test(words);
  const base = words.replace(/ \(city\)$/, '').replace(/^city of /, '').replace(COUNTY_WORDS, '');
  const lookup = (n: string) => countiesByKey.get(stateFips + compact(n));
  // Where a county and an independent city share a name, pick by what the text says.
  const pick = (list: UsCounty[], city: boolean) => list.find((c) => isIndependentCity(c.fips) === city) ?? list[0]!;
  // The whole name first: "James City", "Carson City" are names in their own right.
  const whole = lookup(base);
  if (whole) return { ...(whole.length === 1 ? whole[0]! : pick(whole, saysCity)) };
  if (/ city$/.test(base)) {
    const cities = lookup(base.replace(/ city$/, ''));
    if (cities) return { ...pick(cities, true) };
  }
  return undefined;
}
