// Word lists and weights for the generated benchmark workspace. Plausible, not real: the
// point is realistic sizes, spreads and text for the directory's filters and search.

/** A deterministic pseudo-random source (mulberry32), so that every run builds the same workspace. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  // Skewed toward the front of the list: the first keys of a vocabulary are the common ones.
  const pickSkewed = <T>(items: readonly T[]): T => items[Math.floor(next() ** 2 * items.length)]!;
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  const some = <T>(items: readonly T[], min: number, max: number, skewed = false): T[] => {
    const count = Math.min(items.length, min + int(max - min + 1));
    const chosen = new Set<T>();
    while (chosen.size < count) chosen.add(skewed ? pickSkewed(items) : pick(items));
    return [...chosen];
  };
  return { next, int, pick, pickSkewed, weighted, some };
}
export type RandomSource = ReturnType<typeof randomSource>;

// States, DC and Puerto Rico by FIPS code, weighted by 2020 population (millions).
export const STATE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['01', 5.0], ['02', 0.7], ['04', 7.2], ['05', 3.0], ['06', 39.5], ['08', 5.8], ['09', 3.6], ['10', 1.0],
  ['11', 0.7], ['12', 21.5], ['13', 10.7], ['15', 1.5], ['16', 1.8], ['17', 12.8], ['18', 6.8], ['19', 3.2],
  ['20', 2.9], ['21', 4.5], ['22', 4.7], ['23', 1.4], ['24', 6.2], ['25', 7.0], ['26', 10.1], ['27', 5.7],
  ['28', 3.0], ['29', 6.2], ['30', 1.1], ['31', 2.0], ['32', 3.1], ['33', 1.4], ['34', 9.3], ['35', 2.1],
  ['36', 20.2], ['37', 10.4], ['38', 0.8], ['39', 11.8], ['40', 4.0], ['41', 4.2], ['42', 13.0], ['44', 1.1],
  ['45', 5.1], ['46', 0.9], ['47', 6.9], ['48', 29.1], ['49', 3.3], ['50', 0.6], ['51', 8.6], ['53', 7.7],
  ['54', 1.8], ['55', 5.9], ['56', 0.6], ['72', 3.3],
];

// Home states of the generated alliances (one alliance each, California first).
export const ALLIANCE_HOME_STATES = [
  '06', '48', '36', '12', '17', '42', '39', '13', '37', '26', '34', '51', '53', '04', '25', '47', '27', '08', '22', '35',
];

export const ALLIANCE_THEMES = [
  'Housing Justice', 'Working Families', 'Immigrant Rights', 'Climate Justice', 'Health Equity', 'Fair Wages',
  'Public Schools', 'Voting Rights', 'Racial Justice', 'Tenant Power',
];

export const ORG_FOCUS = [
  'Tenants', 'Workers', 'Immigrant', 'Youth', 'Faith', 'Climate', 'Housing', 'Health', 'Education', 'Labor',
  'Community', 'Neighborhood', "Women's", 'Farmworkers', 'Disability', 'Veterans', 'Parents', 'Students',
  'Seniors', 'Black', 'Latino', 'Asian American', 'Indigenous', 'Environmental', 'Transit', 'Water', 'Food', 'Voters',
];

export const ORG_FORMS = [
  'Union', 'Alliance', 'Coalition', 'Network', 'Project', 'Center', 'Council', 'Collective', 'Association',
  'Committee', 'Organizing Committee', 'Action', 'Fund', 'Institute', 'Federation',
];

// Organization kinds other than 'alliance', weighted toward base-building groups.
export const KIND_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['base_building', 35], ['union', 10], ['faith', 12], ['environmental', 8], ['policy', 8], ['legal', 4],
  ['research', 3], ['intermediary', 6], ['funder', 4], ['government', 2], ['business', 3],
];

export const FIRST_NAMES = [
  'Maria', 'José', 'James', 'Aisha', 'Wei', 'Fatima', 'Carlos', 'Linda', 'Michael', 'Guadalupe', 'David', 'Keisha',
  'Nguyen', 'Sofia', 'Robert', 'Ana', 'Jamal', 'Emily', 'Luis', 'Patricia', 'Tyrone', 'Mei', 'Ahmed', 'Rosa',
  'Daniel', 'Imani', 'Juan', 'Sarah', 'Kenji', 'Esperanza', 'Marcus', 'Olga', 'Diego', 'Hannah', 'Omar', 'Lucía',
];

export const LAST_NAMES = [
  'García', 'Smith', 'Johnson', 'Nguyen', 'Rodríguez', 'Williams', 'Martínez', 'Brown', 'Hernández', 'Jones',
  'López', 'Davis', 'González', 'Miller', 'Wilson', 'Pérez', 'Anderson', 'Kim', 'Thomas', 'Sánchez', 'Jackson',
  'Ramírez', 'White', 'Torres', 'Harris', 'Flores', 'Chen', 'Rivera', 'Lewis', 'Patel', 'Walker', 'Cruz', 'Okafor',
];
