// Popolo JSON export (http://www.popoloproject.com/specs/, schemas v1.0.1 in
// /work/shared/conformance/popolo): organizations, persons, memberships and areas.
//
// Choices made here:
// - Area ids are FIPS codes ('06' for a state, '06037' for a county): the codes organizations'
//   locations already store, so `area_id` needs no translation. A state also gets its Open Civic
//   Data division id in `identifier` (e.g. 'ocd-division/country:us/state:ca'). Areas that
//   organizations point to but that the input leaves out are added from src/areas/us-areas.ts,
//   so that every `area_id` resolves inside the document.
// - An organization's `classification` is its kind key ('base_building', 'alliance', ...).
// - A person's affiliation to an organization is a membership with `person_id`; an
//   organization (or alliance) that is a member of an alliance is a membership with
//   `organization_id` = the alliance and `member: { "@type": "Organization", id }`, which is how
//   Popolo names a member that is not a person (the schema only says `member` is an object).
// - Facts Popolo has no term for are kept as extra properties, which the schemas allow:
//   `issues` on organizations, `languages` on persons, `status` on memberships.
// - Contact details are exported only as given: the caller leaves a person's email and phone
//   out unless the exporter may see them.
import { findCounty, findState } from '../areas/us-areas.ts';

export interface PopoloInput {
  organizations: Array<{
    id: string; name: string; shortName?: string | null; kind: string; description?: string | null;
    foundedOn?: string | null; website?: string | null; email?: string | null; phone?: string | null;
    issues: string[]; location: { stateFips?: string | null; countyFips?: string | null; city?: string | null };
  }>;
  /** Contact details only when the exporter is allowed to include them. */
  people: Array<{ id: string; name: string; languages: string[]; email?: string | null; phone?: string | null }>;
  /** An organization (or alliance) as a member of an alliance. */
  memberships: Array<{ id: string; allianceId: string; memberId: string; role: string; status: string; startedOn?: string | null; endedOn?: string | null }>;
  /** A person's tie to an organization (staff, leader, member, board). */
  affiliations: Array<{ id: string; personId: string; organizationId: string; role: string; startedOn?: string | null; endedOn?: string | null }>;
  /** Ids are FIPS codes; parentId of a county is its state's code. */
  areas: Array<{ id: string; name: string; classification: 'state' | 'county'; parentId?: string | null }>;
}

export interface PopoloContactDetail { type: string; value: string; label?: string; note?: string }
export interface PopoloLink { url: string; note?: string }

export interface PopoloOrganization {
  id: string;
  name: string;
  other_names?: Array<{ name: string; note?: string }>;
  classification: string;
  description?: string;
  founding_date?: string;
  area_id?: string;
  contact_details: PopoloContactDetail[];
  links: PopoloLink[];
  /** Extension: the organization's issue keys. */
  issues: string[];
}

export interface PopoloPerson {
  id: string;
  name: string;
  contact_details: PopoloContactDetail[];
  /** Extension: ISO 639 codes of the languages the person speaks. */
  languages: string[];
}

export interface PopoloMembership {
  id: string;
  organization_id: string;
  person_id?: string;
  member?: { '@type': 'Organization' | 'Person'; id: string };
  role: string;
  start_date?: string;
  end_date?: string;
  /** Extension: the status of an organization's membership in an alliance. */
  status?: string;
}

export interface PopoloArea {
  id: string;
  name: string;
  identifier?: string;
  classification: string;
  parent_id?: string;
}

export interface PopoloDocument {
  organizations: PopoloOrganization[];
  persons: PopoloPerson[];
  memberships: PopoloMembership[];
  areas: PopoloArea[];
}

// The schemas' date patterns: YYYY, YYYY-MM or YYYY-MM-DD.
const DATE = /^[0-9]{4}(-[0-9]{2}){0,2}$/;

/** A date the schema accepts, or nothing (a timestamp is cut to its day). */
function popoloDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value.trim();
  return DATE.test(text) ? text : undefined;
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function contactDetails(c: { email?: string | null; phone?: string | null }): PopoloContactDetail[] {
  const details: PopoloContactDetail[] = [];
  const email = text(c.email);
  const phone = text(c.phone);
  if (email) details.push({ type: 'email', value: email });
  if (phone) details.push({ type: 'voice', value: phone });
  return details;
}

/** Drops properties whose value is undefined, so the JSON has no empty keys. */
function compactObject<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function ocdId(stateFips: string): string | undefined {
  const state = findState(stateFips);
  if (!state || state.fips !== stateFips) return undefined;
  const code = state.postal.toLowerCase();
  if (code === 'dc') return 'ocd-division/country:us/district:dc';
  if (['as', 'gu', 'mp', 'pr', 'vi'].includes(code)) return `ocd-division/country:us/territory:${code}`;
  return `ocd-division/country:us/state:${code}`;
}

export function toPopolo(input: PopoloInput): PopoloDocument {
  const areas = new Map<string, PopoloArea>();
  const addArea = (a: PopoloInput['areas'][number]) => {
    if (areas.has(a.id)) return;
    areas.set(a.id, compactObject({
      id: a.id,
      name: a.name,
      identifier: a.classification === 'state' ? ocdId(a.id) : undefined,
      classification: a.classification,
      parent_id: text(a.parentId) ?? (a.classification === 'county' && /^\d{5}$/.test(a.id) ? a.id.slice(0, 2) : undefined),
    }));
  };
  for (const a of input.areas) addArea(a);
  // Complete the areas the organizations refer to (and the states of counties).
  const ensureArea = (fips: string) => {
    if (areas.has(fips)) return true;
    if (/^\d{2}$/.test(fips)) {
      const state = findState(fips);
      if (state?.fips !== fips) return false;
      addArea({ id: fips, name: state.name, classification: 'state' });
      return true;
    }
    const county = findCounty(fips);
    if (!county) return false;
    addArea({ id: county.fips, name: county.name, classification: 'county', parentId: county.stateFips });
    return true;
  };

  const organizations = input.organizations.map((o): PopoloOrganization => {
    const stateFips = text(o.location.stateFips);
    const countyFips = text(o.location.countyFips);
    if (stateFips) ensureArea(stateFips);
    let areaId: string | undefined;
    if (countyFips && ensureArea(countyFips)) areaId = countyFips;
    else if (stateFips && areas.has(stateFips)) areaId = stateFips;
    const shortName = text(o.shortName);
    const website = text(o.website);
    return compactObject({
      id: o.id,
      name: o.name,
      other_names: shortName ? [{ name: shortName, note: 'short name' }] : undefined,
      classification: o.kind,
      description: text(o.description),
      founding_date: popoloDate(o.foundedOn),
      area_id: areaId,
      contact_details: contactDetails(o),
      links: website ? [{ url: website, note: 'website' }] : [],
      issues: [...o.issues],
    });
  });
  for (const area of [...areas.values()]) if (area.parent_id) ensureArea(area.parent_id);

  const persons = input.people.map((p): PopoloPerson => ({
    id: p.id,
    name: p.name,
    contact_details: contactDetails(p),
    languages: [...p.languages],
  }));

  const memberships: PopoloMembership[] = [
    ...input.memberships.map((m) => compactObject<PopoloMembership>({
      id: m.id,
      organization_id: m.allianceId,
      member: { '@type': 'Organization', id: m.memberId },
      role: m.role,
      start_date: popoloDate(m.startedOn),
      end_date: popoloDate(m.endedOn),
      status: m.status,
    })),
    ...input.affiliations.map((a) => compactObject<PopoloMembership>({
      id: a.id,
      organization_id: a.organizationId,
      person_id: a.personId,
      role: a.role,
      start_date: popoloDate(a.startedOn),
      end_date: popoloDate(a.endedOn),
    })),
  ];

  return { organizations, persons, memberships, areas: [...areas.values()] };
}
