import { describe, expect, it } from 'vitest';
import { OrganizationInputSchema } from '../orgs/organization.schema.ts';
import { VOCABULARY_KINDS, type VocabularyKind } from '../orgs/organization.vocab.ts';
import { DEFAULT_VOCABULARIES } from '../vocabularies/vocabulary-defaults.ts';
import { DEMO_MEMBERSHIPS, DEMO_ORGANIZATIONS, DEMO_PEOPLE } from './demo-data.ts';

const orgByKey = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o]));
const byName = (name: string) => DEMO_ORGANIZATIONS.find((o) => o.input.name === name);
const pair = (allianceKey: string, memberKey: string) => `${allianceKey}>${memberKey}`;

describe('default vocabularies', () => {
  it('has every kind, with unique slug keys and both labels', () => {
    for (const kind of VOCABULARY_KINDS) {
      const terms = DEFAULT_VOCABULARIES[kind];
      expect(terms.length, kind).toBeGreaterThan(0);
      expect(new Set(terms.map((t) => t.key)).size, kind).toBe(terms.length);
      for (const t of terms) {
        expect(t.key, `${kind} key`).toMatch(/^[a-z0-9_]{1,60}$/);
        expect(t.en.trim(), `${kind}.${t.key} en`).not.toBe('');
        expect(t.es.trim(), `${kind}.${t.key} es`).not.toBe('');
      }
    }
  });

  it('has the capacities of the model', () => {
    const keys = DEFAULT_VOCABULARIES.capacity.map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['base', 'research', 'policy', 'legal', 'communications', 'money', 'electoral', 'training']));
  });

  it('covers the issues and constituencies the seeds name', () => {
    const issues = DEFAULT_VOCABULARIES.issue.map((t) => t.key);
    expect(issues).toEqual(expect.arrayContaining([
      'immigrant_rights', 'housing', 'gentrification_displacement', 'climate_justice', 'environmental_justice', 'workers_rights',
      'health_care', 'jobs', 'mountaintop_removal', 'globalization', 'militarization', 'civic_engagement', 'education', 'criminal_justice',
    ]));
    const constituencies = DEFAULT_VOCABULARIES.constituency.map((t) => t.key);
    expect(constituencies).toEqual(expect.arrayContaining([
      'immigrants', 'day_laborers', 'domestic_workers', 'youth', 'women', 'lgbt', 'african_american', 'latino',
      'asian_pacific_islander', 'low_income_workers', 'public_housing_residents', 'faith_communities', 'appalachian',
    ]));
    const sectors = DEFAULT_VOCABULARIES.sector.map((t) => t.key);
    expect(sectors).toEqual(expect.arrayContaining(['community', 'labor', 'faith', 'environmental', 'academia', 'business', 'philanthropy', 'government']));
  });
});

describe('demo organizations', () => {
  it('all parse with the Organization input schema', () => {
    for (const o of DEMO_ORGANIZATIONS) {
      const parsed = OrganizationInputSchema.safeParse(o.input);
      expect(parsed.success, `${o.key}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('have unique keys and names, a source each, and a size between 40 and 70', () => {
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.key)).size).toBe(DEMO_ORGANIZATIONS.length);
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.input.name)).size).toBe(DEMO_ORGANIZATIONS.length);
    for (const o of DEMO_ORGANIZATIONS) expect(o.source, o.key).toMatch(/seed 00\d|public knowledge/);
    expect(DEMO_ORGANIZATIONS.length).toBeGreaterThanOrEqual(40);
    expect(DEMO_ORGANIZATIONS.length).toBeLessThanOrEqual(70);
  });

  it('use only vocabulary keys the defaults have', () => {
    const has = (kind: VocabularyKind, key: string) => DEFAULT_VOCABULARIES[kind].some((t) => t.key === key);
    for (const { key, input } of DEMO_ORGANIZATIONS) {
      for (const k of input.issues) expect(has('issue', k), `${key} issue ${k}`).toBe(true);
      for (const k of input.constituencies) expect(has('constituency', k), `${key} constituency ${k}`).toBe(true);
      for (const k of input.sectors) expect(has('sector', k), `${key} sector ${k}`).toBe(true);
      for (const c of input.capacities) expect(has('capacity', c.key), `${key} capacity ${c.key}`).toBe(true);
    }
  });

  it('give alliances an alliance profile, and only alliances', () => {
    for (const { key, input } of DEMO_ORGANIZATIONS) expect(Boolean(input.alliance), key).toBe(input.kind === 'alliance');
  });

  it('include the organizations the seeds are about', () => {
    for (const name of [
      'Inter-Alliance Dialogue', 'Grassroots Global Justice Alliance', 'Jobs with Justice', 'National Day Laborer Organizing Network',
      'National Domestic Workers Alliance', 'Pushback Network', 'Right to the City Alliance', 'California Alliance', 'California Calls',
      'Strategic Concepts in Organizing and Policy Education', 'Partnership for Working Families', 'Los Angeles Alliance for a New Economy',
      'Working Partnerships USA', 'Pittsburgh UNITED', 'Georgia Stand-Up', 'Front Range Economic Strategy Center',
      'Coalition for Clean & Safe Ports', 'United Congress of Community and Religious Organizations', 'Alliance for Appalachia',
      'Colorado Progressive Coalition', 'Southeast Regional Economic Justice Network', 'Housing LA', 'TransForm',
    ]) {
      expect(byName(name), name).toBeDefined();
    }
    for (const name of ['Inter-Alliance Dialogue', 'Pushback Network', 'California Alliance', 'Coalition for Clean & Safe Ports', 'Alliance for Appalachia']) {
      expect(byName(name)!.input.kind, name).toBe('alliance');
    }
    expect(byName('Coalition for Clean & Safe Ports')!.input.location.countyFips).toBe('06037');
    expect(byName('United Congress of Community and Religious Organizations')!.input.location.countyFips).toBe('17031');
  });
});

describe('demo memberships', () => {
  it('reference existing organizations, with alliances as the alliance side, each pair once', () => {
    const seen = new Set<string>();
    for (const m of DEMO_MEMBERSHIPS) {
      const label = pair(m.allianceKey, m.memberKey);
      expect(orgByKey.get(m.allianceKey)?.input.kind, label).toBe('alliance');
      expect(orgByKey.has(m.memberKey), label).toBe(true);
      expect(m.allianceKey, label).not.toBe(m.memberKey);
      expect(seen.has(label), `${label} twice`).toBe(false);
      seen.add(label);
      expect(m.source, label).not.toBe('');
      if (m.startedOn) expect(m.startedOn, label).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('form no cycle (the alliance graph is a DAG)', () => {
    const members = new Map<string, string[]>();
    for (const m of DEMO_MEMBERSHIPS) members.set(m.allianceKey, [...(members.get(m.allianceKey) ?? []), m.memberKey]);
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (key: string, path: string[]): void => {
      if (state.get(key) === 'done') return;
      expect(state.get(key), `cycle: ${[...path, key].join(' > ')}`).not.toBe('visiting');
      state.set(key, 'visiting');
      for (const next of members.get(key) ?? []) visit(next, [...path, key]);
      state.set(key, 'done');
    };
    for (const key of members.keys()) visit(key, []);
  });

  it('put the six alliances in the Inter-Alliance Dialogue, Pushback from July 2009', () => {
    const iad = DEMO_MEMBERSHIPS.filter((m) => m.allianceKey === 'iad' && m.role !== 'ally').map((m) => orgByKey.get(m.memberKey)!.input.name);
    expect(iad.sort()).toEqual([
      'Grassroots Global Justice Alliance', 'Jobs with Justice', 'National Day Laborer Organizing Network',
      'National Domestic Workers Alliance', 'Pushback Network', 'Right to the City Alliance',
    ]);
    expect(DEMO_MEMBERSHIPS.find((m) => m.allianceKey === 'iad' && m.memberKey === 'pbn')?.startedOn).toBe('2009-07');
    expect(DEMO_MEMBERSHIPS.find((m) => m.allianceKey === 'california_alliance' && m.memberKey === 'scope')?.role).toBe('anchor');
  });

  it('include an organization that belongs to several alliances', () => {
    const counts = new Map<string, number>();
    for (const m of DEMO_MEMBERSHIPS) counts.set(m.memberKey, (counts.get(m.memberKey) ?? 0) + 1);
    expect([...counts.values()].some((n) => n > 1)).toBe(true);
  });
});

describe('demo people', () => {
  const memberships = new Set(DEMO_MEMBERSHIPS.map((m) => pair(m.allianceKey, m.memberKey)));

  it('are 25–40 fictional people with unique keys, example.org emails and 555-01xx phones', () => {
    expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(25);
    expect(DEMO_PEOPLE.length).toBeLessThanOrEqual(40);
    expect(new Set(DEMO_PEOPLE.map((p) => p.key)).size).toBe(DEMO_PEOPLE.length);
    expect(new Set(DEMO_PEOPLE.map((p) => p.email)).size).toBe(DEMO_PEOPLE.length);
    for (const p of DEMO_PEOPLE) {
      expect(p.email, p.key).toMatch(/^[a-z.]+@example\.org$/);
      expect(p.phone, p.key).toMatch(/^\d{3}-555-01\d{2}$/);
      expect(p.languages.length, p.key).toBeGreaterThan(0);
      for (const l of p.languages) expect(l, p.key).toMatch(/^[a-z]{2,3}$/);
    }
    expect(DEMO_PEOPLE.some((p) => p.languages.includes('es'))).toBe(true);
    expect(DEMO_PEOPLE.some((p) => !p.languages.includes('es'))).toBe(true);
  });

  it('are affiliated to existing organizations and sit on existing memberships of their own organization', () => {
    for (const p of DEMO_PEOPLE) {
      expect(p.affiliations.length, p.key).toBeGreaterThan(0);
      for (const a of p.affiliations) expect(orgByKey.has(a.orgKey), `${p.key} → ${a.orgKey}`).toBe(true);
      const home = p.affiliations[0]!.orgKey;
      for (const s of p.seats) {
        expect(memberships.has(pair(s.allianceKey, s.memberKey)), `${p.key} seat ${pair(s.allianceKey, s.memberKey)}`).toBe(true);
        // The loader seats a person only on their first (home) organization's memberships.
        expect(s.memberKey, `${p.key} seat`).toBe(home);
      }
    }
  });

  it('leave some memberships with a staff seat but no leader seat, and co-represent others', () => {
    const seats = new Map<string, Set<string>>();
    for (const p of DEMO_PEOPLE) {
      for (const s of p.seats) {
        const k = pair(s.allianceKey, s.memberKey);
        seats.set(k, (seats.get(k) ?? new Set()).add(s.seat));
      }
    }
    const staffOnly = [...seats].filter(([, s]) => s.has('staff') && !s.has('leader'));
    const coRepresented = [...seats].filter(([, s]) => s.has('staff') && s.has('leader'));
    expect(staffOnly.length).toBeGreaterThan(0);
    expect(coRepresented.length).toBeGreaterThan(0);
    expect(DEMO_MEMBERSHIPS.some((m) => !seats.get(pair(m.allianceKey, m.memberKey))?.has('leader'))).toBe(true);
  });
});
