import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { insertAudit } from '../audit/audit.repository.ts';
import { nameAddressKey } from '../contacts/contact-identity.ts';
import { openContact } from '../contacts/contact-sealing.ts';
import { runningContactImports } from '../contacts/contact.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import type { TaxStatus } from '../db/tables.ts';
import { SMALL_COUNT } from '../donations/donation.service.ts';
import { markOf } from '../firewall/firewall.repository.ts';
import { memberSpacesOf } from '../ladder/ladder.repository.ts';
import { invalid } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { addHash, emptySketch, estimate, RELATIVE_STANDARD_ERROR, union } from './hyperloglog.ts';
import * as repo from './reach.repository.ts';

// An alliance's unduplicated reach: how many different people its members reach together, have
// had a conversation with, and have on each ladder step — a person two members both hold counted
// once. Each member organization that chooses to contributes sketches of its people, made in its
// own request from its own contacts: identifiers hashed with a key of the alliance's (the same
// person gives the same hash in every member), added to HyperLogLog sketches, and only the
// sketches kept. The alliance reads estimates with their error bound (docs/privacy-model.md).

const PAGE = 2000;

/** The c3/c4 firewall a sketch is made under: the alliance's mark (`reader`), the member's mark and its rule. Sketches made under another no longer count. */
async function firewallKey(db: Db, reader: TaxStatus | null, spaceId: string) {
  const member = await markOf(db, spaceId);
  return `${reader ?? '-'}|${member.taxStatus ?? '-'}|${member.c3SharesWithC4 ? 'shares' : '-'}`;
}

/** How a contact is known across organizations: its email, else its phone, else its name and address. */
function identityOf(box: SealedBox, row: repo.ReachSource): string | undefined {
  let details: ReturnType<typeof openContact>;
  try { details = openContact(box, row.id, row.sealed); } catch { return undefined; }
  if (details.email) return `email:${details.email}`;
  if (details.phone) return `phone:${details.phone}`;
  const nameAddress = nameAddressKey({ firstName: row.firstName, lastName: row.lastName, street: details.street, zip: row.zip ?? undefined, city: row.city ?? undefined });
  return nameAddress ? `name-address:${nameAddress}` : undefined;
}

/** The alliances this organization may count itself into, and when it last did. */
export async function contributions(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'reach');
  const made = new Map((await repo.contributionsOf(db, spaceId)).map((c) => [c.allianceSpaceId, new Date(c.contributedAt).toISOString()]));
  return (await repo.alliancesOfSpace(db, spaceId)).map((a) => ({ ...a, contributedAt: made.get(a.allianceSpaceId) ?? null }));
}

async function requireMembership(db: Db, spaceId: string, allianceSpaceId: string) {
  if (!(await repo.alliancesOfSpace(db, spaceId)).some((a) => a.allianceSpaceId === allianceSpaceId)) {
    throw invalid([{ field: 'allianceSpaceId', message: 'not an alliance this organization is an active member of' }]);
  }
}

/** Counts the organization's people into the alliance's reach (replacing what it gave before): its administrators decide. */
export async function contribute(db: Db, box: SealedBox, actor: Actor, spaceId: string, allianceSpaceId: string) {
  await requireRole(db, actor, spaceId, 'admin', 'reach');
  await requireMembership(db, spaceId, allianceSpaceId);
  const reader = (await markOf(db, allianceSpaceId)).taxStatus;
  // The marks the sketch is made under, read before it is made.
  const firewall = await firewallKey(db, reader, spaceId);
  const hiddenJobs = await runningContactImports(db, spaceId);
  const sketches = new Map<string, Uint8Array>([['reached', emptySketch()]]);
  const into = (category: string, hash: Uint8Array) => {
    if (!sketches.has(category)) sketches.set(category, emptySketch());
    addHash(sketches.get(category)!, hash);
  };
  let people = 0;
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const rows = await repo.pageReachSources(db, spaceId, reader, hiddenJobs, after, PAGE);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      const identity = identityOf(box, row);
      if (!identity) continue;
      const hash = Buffer.from(box.keyedHash(identity, `reach:${allianceSpaceId}`), 'base64url');
      people += 1;
      into('reached', hash);
      if (row.contacted) into('contacted', hash);
      if (row.ladderStep) into(`step:${row.ladderStep}`, hash);
    }
    // Opening a big base takes a while: other requests go on meanwhile.
    await yieldToOthers();
  }
  await db.transaction().execute(async (trx) => {
    await repo.replaceSketches(trx, allianceSpaceId, spaceId, sketches, firewall, actor.userId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'reach_sketch', entityId: allianceSpaceId, changes: { people: [null, people], categories: [null, sketches.size] } }]);
  });
  return { people, categories: [...sketches.keys()].sort() };
}

export async function withdraw(db: Db, actor: Actor, spaceId: string, allianceSpaceId: string) {
  await requireRole(db, actor, spaceId, 'admin', 'reach');
  const removed = await repo.deleteSketches(db, allianceSpaceId, spaceId);
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'delete', entity: 'reach_sketch', entityId: allianceSpaceId, changes: { categories: [removed, 0] } }]);
  return { removed };
}

/** An estimate, with its 95% bound, or "fewer than" when under the alliance's small count. */
function shown(value: number) {
  const rounded = Math.round(value);
  if (rounded < SMALL_COUNT) return { estimate: null, fewerThan: SMALL_COUNT, low: null, high: null };
  const margin = 2 * RELATIVE_STANDARD_ERROR * value;
  return { estimate: rounded, fewerThan: null, low: Math.max(0, Math.floor(value - margin)), high: Math.ceil(value + margin) };
}

/** The alliance's view: its active members' people counted once across members, per category, from the sketches they contributed. */
export async function allianceReach(db: Db, actor: Actor, allianceSpaceId: string) {
  await requireRole(db, actor, allianceSpaceId, 'viewer', 'alliance');
  const members = await memberSpacesOf(db, allianceSpaceId);
  const reader = (await markOf(db, allianceSpaceId)).taxStatus;
  const current = new Map(await Promise.all(members.map(async (m) => [m.spaceId, await firewallKey(db, reader, m.spaceId)] as const)));
  // A sketch made under marks that have changed since is left out until its member counts again.
  const all = await repo.sketchesOf(db, allianceSpaceId, members.map((m) => m.spaceId));
  const sketches = all.filter((s) => s.firewall === current.get(s.spaceId));
  const stale = new Set(all.filter((s) => s.firewall !== current.get(s.spaceId)).map((s) => s.spaceId));
  const byCategory = new Map<string, Uint8Array[]>();
  for (const s of sketches) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s.registers]);
  const reached = byCategory.get('reached') ?? [];
  // The sum of each member's own estimate, beside the union: how much the members' bases overlap.
  const sumOfMembers = reached.reduce((sum, r) => sum + estimate(r), 0);
  const categories = [...byCategory.keys()].sort((a, b) => (a === 'reached' ? -1 : b === 'reached' ? 1 : a === 'contacted' ? -1 : b === 'contacted' ? 1 : a.localeCompare(b)));
  const when = new Map(sketches.map((s) => [s.spaceId, new Date(s.contributedAt).toISOString()]));
  return {
    relativeStandardError: RELATIVE_STANDARD_ERROR,
    smallCount: SMALL_COUNT,
    members: members.map((m) => ({ organizationId: m.organizationId, name: m.name, contributedAt: when.get(m.spaceId) ?? null, outdated: stale.has(m.spaceId) })),
    sumOfMembers: reached.length ? shown(sumOfMembers) : null,
    categories: categories.map((category) => ({ category, ...shown(estimate(union(byCategory.get(category)!))) })),
  };
}
