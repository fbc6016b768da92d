import { stringify } from 'csv-stringify/sync';
import { findCounty, findState } from '../areas/us-areas.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import type { ImportEntity } from '../imports/column-mapping.ts';
import * as orgs from '../orgs/organization.repository.ts';
import { listPeople } from '../people/person.repository.ts';
import { type Actor, requireAccess } from '../spaces/access.ts';
import { listReadableSpaceIds } from '../spaces/spaces.repository.ts';
import { type PopoloInput, toPopolo } from './popolo.ts';
import { SAFE_CELLS } from '../imports/csv-formulas.ts';

const join = (values: string[]) => values.join('; ');

async function membershipsOfSpace(db: Db, spaceId: string) {
  return db.selectFrom('memberships as m').innerJoin('organizations as a', 'a.id', 'm.alliance_id').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .select(['m.id', 'm.alliance_id as allianceId', 'm.member_id as memberId', 'a.name as allianceName', 'o.name as memberName', 'm.role', 'm.status', 'm.started_on as startedOn', 'm.ended_on as endedOn'])
    .where('m.space_id', '=', spaceId).orderBy('a.name').orderBy('o.name').execute();
}

async function allPeople(db: Db, spaceId: string) {
  return (await listPeople(db, [spaceId], { limit: 1_000_000, offset: 0 })).items;
}

/**
 * A space's own records as CSV, with the column names the importer reads, so a file exported
 * here imports back unchanged. People are exported without contact details.
 */
export async function exportCsv(db: Db, actor: Actor, spaceId: string, entity: ImportEntity): Promise<string> {
  // The same rule as the records' own routes: people need a role here or a people grant.
  await requireAccess(db, actor, spaceId, 'viewer', entity === 'people' ? 'people' : 'profile');
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'export', entity, entityId: null, changes: { format: 'csv' } }]);
  if (entity === 'organizations') {
    const rows = (await orgs.listOrganizationsInSpace(db, spaceId)).map((o) => ({
      externalId: o.id, name: o.name, shortName: o.shortName ?? '', kind: o.kind, description: o.description ?? '',
      issues: join(o.issues), constituencies: join(o.constituencies), sectors: join(o.sectors),
      capacities: join(o.capacities.map((c) => (c.size ? `${c.key}: ${c.size}` : c.key))),
      state: o.location.stateFips ? findState(o.location.stateFips)?.postal ?? '' : '', county: o.location.countyFips ?? '',
      city: o.location.city ?? '', region: o.location.region ?? '', powerScale: o.powerScale ?? '', legalStructure: o.legalStructure ?? '',
      budgetBand: o.budgetBand ?? '', foundedOn: o.foundedOn ?? '', website: o.website ?? '', email: o.email ?? '', phone: o.phone ?? '',
    }));
    return stringify(rows, { ...SAFE_CELLS, header: true, columns: ['externalId', 'name', 'shortName', 'kind', 'description', 'issues', 'constituencies', 'sectors', 'capacities', 'state', 'county', 'city', 'region', 'powerScale', 'legalStructure', 'budgetBand', 'foundedOn', 'website', 'email', 'phone'] });
  }
  if (entity === 'memberships') {
    const rows = (await membershipsOfSpace(db, spaceId)).map((m) => ({ ...m, startedOn: m.startedOn ?? '', endedOn: m.endedOn ?? '' }));
    return stringify(rows, { ...SAFE_CELLS, header: true, columns: ['allianceName', 'memberName', 'role', 'status', 'startedOn', 'endedOn'] });
  }
  const rows = (await allPeople(db, spaceId)).map((p) => ({
    externalId: p.id, name: p.name, languages: join(p.languages),
    organizationName: p.affiliations[0]?.organizationName ?? '', affiliationRole: p.affiliations[0]?.role ?? '',
  }));
  return stringify(rows, { ...SAFE_CELLS, header: true, columns: ['externalId', 'name', 'languages', 'organizationName', 'affiliationRole'] });
}

/**
 * Popolo JSON of what a space holds and may show: its organizations and memberships, the
 * member organizations the caller can see, its people (no contact details) and their areas.
 */
export async function exportPopolo(db: Db, actor: Actor, spaceId: string) {
  await requireAccess(db, actor, spaceId, 'viewer');
  const readable = new Set(await listReadableSpaceIds(db, actor.userId, 'profile'));
  const own = await orgs.listOrganizationsInSpace(db, spaceId);
  const ms = await membershipsOfSpace(db, spaceId);
  const ownIds = new Set(own.map((o) => o.id));
  const others = [...new Set(ms.flatMap((m) => [m.allianceId, m.memberId]))].filter((id) => !ownIds.has(id));
  const extra = (await orgs.findOrganizations(db, others)).filter((o) => readable.has(o.spaceId));
  const organizations = [...own, ...extra];
  const ids = new Set(organizations.map((o) => o.id));
  // A profile grant opens the export; its people come only with a role here or a people grant.
  const seesPeople = await requireAccess(db, actor, spaceId, 'viewer', 'people').then(() => true, () => false);
  const persons = seesPeople ? await allPeople(db, spaceId) : [];
  const areaIds = new Set(organizations.flatMap((o) => [o.location.stateFips, o.location.countyFips].filter((x): x is string => Boolean(x))));
  for (const c of [...areaIds].filter((a) => a.length === 5)) areaIds.add(c.slice(0, 2));
  const areas: PopoloInput['areas'] = [...areaIds].sort().flatMap((id): PopoloInput['areas'] => {
    if (id.length === 2) { const s = findState(id); return s ? [{ id, name: s.name, classification: 'state' as const }] : []; }
    const c = findCounty(id);
    return c ? [{ id, name: c.name, classification: 'county' as const, parentId: c.stateFips }] : [];
  });
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'export', entity: 'popolo', entityId: null, changes: { organizations: organizations.length, persons: persons.length } }]);
  return toPopolo({
    organizations: organizations.map((o) => ({ id: o.id, name: o.name, shortName: o.shortName, kind: o.kind, description: o.description, foundedOn: o.foundedOn, website: o.website, email: o.email, phone: o.phone, issues: o.issues, location: o.location })),
    people: persons.map((p) => ({ id: p.id, name: p.name, languages: p.languages })),
    memberships: ms.filter((m) => ids.has(m.allianceId) && ids.has(m.memberId)).map((m) => ({ id: m.id, allianceId: m.allianceId, memberId: m.memberId, role: m.role, status: m.status, startedOn: m.startedOn, endedOn: m.endedOn })),
    affiliations: persons.flatMap((p) => p.affiliations.filter((a) => ids.has(a.organizationId)).map((a) => ({ id: `${p.id}:${a.organizationId}:${a.role}`, personId: p.id, organizationId: a.organizationId, role: a.role }))),
    areas,
  });
}
