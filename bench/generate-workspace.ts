// Fills a fresh, migrated database with a large workspace for `npm run bench`: alliances with
// their shared spaces, an alliance of alliances, thousands of directory entries, organizations
// with private spaces, their people, seats and grants. Rows go in with batched multi-row inserts
// inside one transaction (the services insert one row at a time, with audit entries: far too
// slow for 100,000 people); the column values come from the app's own mapping (`toColumns`).
import { randomUUID } from 'node:crypto';
import { type Insertable, sql } from 'kysely';
import { createUser } from '../src/accounts/accounts.service.ts';
import { findState, listCounties, type UsCounty } from '../src/areas/us-areas.ts';
import type { SealedBox } from '../src/crypto/sealed-box.ts';
import type { Db } from '../src/db/database.ts';
import type { Database } from '../src/db/tables.ts';
import { toColumns } from '../src/orgs/organization.repository.ts';
import type { OrganizationInput } from '../src/orgs/organization.schema.ts';
import {
  AFFILIATION_ROLES, ALLIANCE_FUNCTIONS, ALLIANCE_STAGES, ALLIANCE_STRUCTURES, BUDGET_BANDS, LEGAL_STRUCTURES,
  MEMBERSHIP_SPECTRA, PATHS_TO_POWER, POWER_SCALES, type OrganizationKind,
} from '../src/orgs/organization.vocab.ts';
import { getVocabularies, type Vocabularies } from '../src/vocabularies/vocabulary.service.ts';
import { contactPlace } from '../src/people/person.service.ts';
import {
  ALLIANCE_HOME_STATES, ALLIANCE_THEMES, FIRST_NAMES, KIND_WEIGHTS, LAST_NAMES, ORG_FOCUS, ORG_FORMS,
  randomSource, type RandomSource, STATE_WEIGHTS,
} from './workspace-data.ts';

export interface WorkspaceSize {
  organizations: number; // every organizations row, alliances included
  alliances: number; // regional alliances, each with its own space (plus one alliance of alliances)
  organizationsWithPeople: number; // organizations with a private space, members of two alliances each
  people: number; // spread evenly over the organizations with a private space
}

export const DEFAULT_SIZE: WorkspaceSize = { organizations: 10_000, alliances: 20, organizationsWithPeople: 200, people: 100_000 };
export const BENCH_USER = { email: 'bench-admin@example.org', password: 'bench-password-not-secret', displayName: 'Bench admin' };

export interface GeneratedWorkspace {
  userId: string;
  alliances: Array<{ id: string; spaceId: string; name: string; members: number }>;
  allianceOfAlliances: { id: string; spaceId: string; name: string; members: number };
  vocabularies: Vocabularies;
  counts: Record<keyof Database, number>;
}

const CHUNK = 1000;

async function insertChunked<T extends keyof Database & string>(db: Db, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely cannot resolve the value type through a generic table name; the rows are typed above.
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
  }
}

function place(random: RandomSource, countiesByState: Map<string, UsCounty[]>, homeState?: string) {
  const stateFips = homeState && random.next() < 0.5 ? homeState : random.weighted(STATE_WEIGHTS);
  const county = random.pick(countiesByState.get(stateFips)!);
  return { stateFips, countyFips: county.fips, city: county.name.replace(/ \(city\)$/, '') };
}

function organizationInput(random: RandomSource, vocab: Vocabularies, location: ReturnType<typeof place>, n: number): OrganizationInput {
  const kind = random.weighted(KIND_WEIGHTS) as OrganizationKind;
  const name = `${location.city} ${random.pick(ORG_FOCUS)} ${random.pick(ORG_FORMS)}`;
  const capacities = random.some(vocab.capacity, 0, 3, true).map((t) => ({ key: t.key, size: t.key === 'base' ? 50 + random.int(20_000) : null }));
  const slug = `org${n}`;
  return {
    name, shortName: random.next() < 0.3 ? name.split(' ').map((w) => w[0]).join('').toUpperCase() : null, kind,
    description: random.next() < 0.5 ? `${name} organizes in ${location.city} and the surrounding area.` : null,
    sectors: random.some(vocab.sector, 0, 2, true).map((t) => t.key),
    issues: random.some(vocab.issue, 1, 4, true).map((t) => t.key),
    constituencies: random.some(vocab.constituency, 0, 3, true).map((t) => t.key),
    capacities, location: { ...location, region: null },
    powerScale: random.pick(POWER_SCALES.slice(0, 3)), legalStructure: random.pick(LEGAL_STRUCTURES), budgetBand: random.pick(BUDGET_BANDS),
    foundedOn: String(1960 + random.int(64)), website: `https://${slug}.example.org`, email: `info@${slug}.example.org`,
    phone: random.next() < 0.5 ? `+1 555 01${String(random.int(100)).padStart(2, '0')}` : null, alliance: null,
  };
}

function allianceInput(random: RandomSource, vocab: Vocabularies, name: string, stateFips: string | null): OrganizationInput {
  return {
    name, shortName: name.split(' ').filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join(''), kind: 'alliance',
    description: `${name} brings together organizations that build power together.`,
    sectors: [], issues: random.some(vocab.issue, 2, 5, true).map((t) => t.key), constituencies: random.some(vocab.constituency, 1, 3).map((t) => t.key),
    capacities: [], location: { stateFips, countyFips: null, city: null, region: null },
    powerScale: stateFips ? 'state' : 'national', legalStructure: random.pick(LEGAL_STRUCTURES), budgetBand: random.pick(BUDGET_BANDS),
    foundedOn: String(1990 + random.int(34)), website: null, email: null, phone: null,
    alliance: {
      functions: random.some(ALLIANCE_FUNCTIONS, 1, 4), membershipSpectrum: random.pick(MEMBERSHIP_SPECTRA),
      memberPowerScales: random.some(POWER_SCALES, 1, 3), memberReach: null, alliancePowerScale: stateFips ? 'state' : 'national',
      structure: random.pick(ALLIANCE_STRUCTURES), stage: random.pick(ALLIANCE_STAGES), pathToPower: random.pick(PATHS_TO_POWER),
    },
  };
}

/** Generates the workspace into `db` (fresh, migrated, with the default vocabularies). */
export async function generateWorkspace(db: Db, box: SealedBox, size: WorkspaceSize = DEFAULT_SIZE, seed = 20261123): Promise<GeneratedWorkspace> {
  const random = randomSource(seed);
  const vocab = await getVocabularies(db);
  if (!vocab.issue.length) throw new Error('the workspace has no issues vocabulary: bootstrap it first');
  if (size.alliances < 2) throw new Error('the generated workspace needs at least two alliances');
  const user = await createUser(db, { ...BENCH_USER, isWorkspaceAdmin: true });
  const countiesByState = new Map(STATE_WEIGHTS.map(([fips]) => [fips, listCounties(fips)]));

  const spaces: Insertable<Database['spaces']>[] = [];
  const roles: Insertable<Database['space_roles']>[] = [];
  const organizations: Insertable<Database['organizations']>[] = [];
  const memberships: Insertable<Database['memberships']>[] = [];
  const addOrganization = (input: OrganizationInput, spaceId: string, ownSpaceId: string | null) => {
    const id = randomUUID();
    organizations.push({ ...toColumns(input), id, space_id: spaceId, own_space_id: ownSpaceId, external_id: null });
    return id;
  };
  const addMembership = (spaceId: string, allianceId: string, memberId: string) => {
    const id = randomUUID();
    const role = random.weighted([['anchor', 5], ['member', 80], ['ally', 10], ['observer', 5]] as const);
    const status = random.weighted([['active', 80], ['prospect', 5], ['invited', 5], ['lapsed', 7], ['left', 3]] as const);
    memberships.push({ id, space_id: spaceId, alliance_id: allianceId, member_id: memberId, role, status, started_on: `${2005 + random.int(20)}-0${1 + random.int(9)}-15`, ended_on: null });
    return id;
  };

  // Alliances, each with its shared space run by the bench user, and one alliance of them all.
  const newAlliance = (name: string, stateFips: string | null) => {
    const spaceId = randomUUID();
    spaces.push({ id: spaceId, kind: 'alliance', name });
    roles.push({ space_id: spaceId, user_id: user.id, role: 'owner' });
    return { id: addOrganization(allianceInput(random, vocab, name, stateFips), spaceId, spaceId), spaceId, name, members: 0 };
  };
  const alliances = Array.from({ length: size.alliances }, (_, i) => {
    const home = ALLIANCE_HOME_STATES[i % ALLIANCE_HOME_STATES.length]!;
    const theme = ALLIANCE_THEMES[i % ALLIANCE_THEMES.length];
    return { ...newAlliance(`${findState(home)?.name ?? home} ${theme} Alliance${i >= ALLIANCE_HOME_STATES.length ? ` ${i + 1}` : ''}`, home), home };
  });
  const national = newAlliance('National Alliance of Alliances', null);
  for (const a of alliances) { addMembership(national.spaceId, national.id, a.id); national.members++; }

  // Organizations with a private space (no role for the bench user: it reads them through grants),
  // each a member of two alliances.
  const withPeople = Array.from({ length: size.organizationsWithPeople }, (_, i) => {
    // Every alliance is the first of as many of these as it is the second (never both).
    const first = alliances[i % alliances.length]!;
    const second = alliances[(i + 1 + (Math.floor(i / alliances.length) % (alliances.length - 1))) % alliances.length]!;
    const spaceId = randomUUID();
    const input = organizationInput(random, vocab, place(random, countiesByState, first.home), organizations.length);
    spaces.push({ id: spaceId, kind: 'organization', name: input.name });
    const id = addOrganization(input, spaceId, spaceId);
    const seats = [first, second].map((a) => { a.members++; return { alliance: a, membershipId: addMembership(a.spaceId, a.id, id) }; });
    return { id, spaceId, seats };
  });

  // Directory entries: the rest, in the spaces of the alliances, each a member of its alliance.
  const entries = size.organizations - organizations.length;
  for (let i = 0; i < entries; i++) {
    const alliance = alliances[i % alliances.length]!;
    const id = addOrganization(organizationInput(random, vocab, place(random, countiesByState, alliance.home), organizations.length), alliance.spaceId, null);
    addMembership(alliance.spaceId, alliance.id, id);
    alliance.members++;
  }

  // People of the organizations with a private space. Contact details are sealed by the app's
  // SealedBox, each bound to its own row, as the app stores them. Email hashes are per person.
  const people: Insertable<Database['people']>[] = [];
  const affiliations: Insertable<Database['affiliations']>[] = [];
  const representatives: Insertable<Database['representatives']>[] = [];
  const grants: Insertable<Database['grants']>[] = [];
  const perOrganization = Math.ceil(size.people / Math.max(1, withPeople.length));
  withPeople.forEach((org, orgIndex) => {
    const staff: string[] = [];
    const leaders: string[] = [];
    for (let j = 0; j < perOrganization && people.length < size.people; j++) {
      const id = randomUUID();
      const n = people.length;
      people.push({
        id, space_id: org.spaceId, external_id: null, name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        languages: random.next() < 0.35 ? ['en', 'es'] : random.next() < 0.1 ? ['es'] : ['en'],
        contact_sealed: box.seal({ email: `person${n}@example.org`, phone: `+1 555 010${n % 10}` }, contactPlace(id)), email_hash: box.keyedHash(`person${n}@example.org`, org.spaceId),
      });
      const role = j < 3 ? 'staff' : j < 8 ? 'leader' : random.weighted(AFFILIATION_ROLES.map((r) => [r, r === 'member' ? 85 : 5] as const));
      if (role === 'staff') staff.push(id);
      if (role === 'leader') leaders.push(id);
      affiliations.push({ space_id: org.spaceId, person_id: id, organization_id: org.id, role });
    }
    org.seats.forEach(({ alliance, membershipId }, seatIndex) => {
      for (const scope of ['profile', 'representatives'] as const) {
        grants.push({ from_space_id: org.spaceId, to_space_id: alliance.spaceId, scope, created_by: user.id });
      }
      // Seats on about half of these memberships: a staff seat, and mostly a leader seat too.
      if ((orgIndex + seatIndex) % 2 !== 0 || !staff.length) return;
      representatives.push({ space_id: alliance.spaceId, membership_id: membershipId, person_id: staff[orgIndex % staff.length]!, seat: 'staff' });
      if (leaders.length && orgIndex % 3 !== 0) {
        representatives.push({ space_id: alliance.spaceId, membership_id: membershipId, person_id: leaders[orgIndex % leaders.length]!, seat: 'leader' });
      }
    });
  });

  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'spaces', spaces);
    await insertChunked(trx, 'space_roles', roles);
    await insertChunked(trx, 'organizations', organizations);
    await insertChunked(trx, 'memberships', memberships);
    await insertChunked(trx, 'people', people);
    await insertChunked(trx, 'affiliations', affiliations);
    await insertChunked(trx, 'representatives', representatives);
    await insertChunked(trx, 'grants', grants);
  });

  // Fresh planner statistics, as autovacuum would have gathered on a workspace this size: without
  // them PostgreSQL plans the first queries for empty tables.
  await sql`analyze`.execute(db);

  const counts = {} as Record<keyof Database, number>;
  for (const table of ['users', 'sessions', 'spaces', 'space_roles', 'grants', 'organizations', 'memberships', 'people', 'affiliations',
    'representatives', 'vocabulary_terms', 'audit_log', 'import_jobs'] as const) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return {
    userId: user.id,
    alliances: alliances.map(({ home: _home, ...a }) => a),
    allianceOfAlliances: national,
    vocabularies: vocab,
    counts,
  };
}
