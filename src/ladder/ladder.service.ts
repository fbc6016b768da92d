import { markOf } from '../firewall/firewall.repository.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { findContact } from '../contacts/contact.repository.ts';
import { normalizeEmail } from '../contacts/contact-identity.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { DEFAULT_LADDER, type Ladder, placeOnLadder } from './ladder.ts';
import * as repo from './ladder.repository.ts';

// Each organization's (and alliance's) ladder, contacts placed on it from their record, manual
// moves with a reason, and movement as numbers an alliance can read across its members.

export async function getLadder(db: Db, actor: Actor, spaceId: string): Promise<Ladder & { isDefault: boolean }> {
  await requireRole(db, actor, spaceId, 'viewer', 'ladder');
  const stored = await repo.findLadder(db, spaceId);
  return stored ? { steps: stored.steps as Ladder['steps'], rules: stored.rules as Ladder['rules'], isDefault: false } : { ...DEFAULT_LADDER, isDefault: true };
}

export async function saveLadder(db: Db, actor: Actor, spaceId: string, ladder: Ladder) {
  await requireRole(db, actor, spaceId, 'admin', 'ladder');
  await repo.saveLadder(db, spaceId, ladder);
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'update', entity: 'ladder', entityId: spaceId, changes: { steps: [null, ladder.steps.map((s) => s.key)] } }]);
}

/**
 * What the contacts' facts of one space are read with: its organization, and attempts its
 * volunteers made, by the blind index of their account's email. For a few contacts (results just
 * synced), only the accounts with one of their emails are counted — usually none, so the space's
 * attempts are not read at all on that path.
 */
async function factsContext(db: Db, box: SealedBox, spaceId: string, contactIds?: string[]) {
  const emailKey = (email: string) => box.keyedHash(`email:${normalizeEmail(email)}`, spaceId);
  let volunteerIds: string[] | undefined;
  if (contactIds) {
    const hashes = await repo.emailHashesOf(db, contactIds);
    volunteerIds = hashes.size ? (await repo.accountEmails(db)).filter((u) => hashes.has(emailKey(u.email))).map((u) => u.id) : [];
  }
  const [organizationId, volunteers] = await Promise.all([repo.organizationIdOf(db, spaceId), repo.attemptsByVolunteer(db, spaceId, volunteerIds)]);
  const attemptsByEmail = new Map<string, number>();
  for (const v of volunteers) {
    const key = emailKey(v.email);
    attemptsByEmail.set(key, (attemptsByEmail.get(key) ?? 0) + v.n);
  }
  return { organizationId, attemptsByEmail };
}

/**
 * Places every contact of the space by the rules, a thousand at a time, recording each move with
 * its reason. A contact a person placed by hand stays where they put it until moved again.
 */
export async function recompute(db: Db, box: SealedBox, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'ladder');
  const ladder = await getLadder(db, actor, spaceId);
  const context = await factsContext(db, box, spaceId);
  let moved = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await repo.pageFacts(db, spaceId, after, 1000, undefined, context);
    if (page.length === 0) break;
    const moves = page.filter((c) => !c.lastManual).flatMap((c) => {
      const { step, reason } = placeOnLadder(ladder, c.facts);
      return step === c.ladderStep ? [] : [{ contactId: c.id, from: c.ladderStep, to: step, reason, manual: false, userId: null }];
    });
    await db.transaction().execute((trx) => repo.moveContacts(trx, spaceId, moves));
    moved += moves.length;
    after = page[page.length - 1]!.id;
  }
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'update', entity: 'ladder', entityId: spaceId, changes: { recomputed: moved } }]);
  return { moved };
}

/**
 * After results come in from the field: the contacts they were about are placed again by the
 * rules at once (the system's move, logged with its reason; a move by hand still stands).
 */
export async function placeAfterResults(db: Db, box: SealedBox, spaceId: string, contactIds: string[], volunteerUserId?: string) {
  // The volunteer who made the attempts may be a contact of the space too (by the account's email).
  const email = volunteerUserId ? await repo.emailOfUser(db, volunteerUserId) : null;
  if (email) contactIds = [...contactIds, ...(await repo.contactsWithEmailHash(db, spaceId, box.keyedHash(`email:${normalizeEmail(email)}`, spaceId)))];
  if (contactIds.length === 0) return 0;
  const stored = await repo.findLadder(db, spaceId);
  const ladder: Ladder = stored ? { steps: stored.steps as Ladder['steps'], rules: stored.rules as Ladder['rules'] } : DEFAULT_LADDER;
  const facts = await repo.pageFacts(db, spaceId, '00000000-0000-0000-0000-000000000000', contactIds.length, [...new Set(contactIds)], await factsContext(db, box, spaceId, contactIds));
  const moves = facts.filter((c) => !c.lastManual).flatMap((c) => {
    const { step, reason } = placeOnLadder(ladder, c.facts);
    return step === c.ladderStep ? [] : [{ contactId: c.id, from: c.ladderStep, to: step, reason, manual: false, userId: null }];
  });
  await db.transaction().execute((trx) => repo.moveContacts(trx, spaceId, moves));
  return moves.length;
}

export async function moveByHand(db: Db, actor: Actor, contactId: string, step: string, reason: string) {
  const contact = await findContact(db, contactId);
  if (!contact || contact.mergedInto) throw notFound('contact');
  await requireRole(db, actor, contact.spaceId, 'member', 'contact');
  const ladder = await getLadder(db, actor, contact.spaceId);
  if (!ladder.steps.some((s) => s.key === step)) throw invalid([{ field: 'step', message: 'not a step of this ladder' }]);
  await db.transaction().execute(async (trx) => {
    await repo.moveContacts(trx, contact.spaceId, [{ contactId, from: contact.ladderStep ?? null, to: step, reason, manual: true, userId: actor.userId }]);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: contact.spaceId, action: 'update', entity: 'contact', entityId: contactId, changes: { ladderStep: [contact.ladderStep ?? null, step], reason } }]);
  });
}

export async function contactLadder(db: Db, actor: Actor, contactId: string) {
  const contact = await findContact(db, contactId);
  if (!contact || contact.mergedInto) throw notFound('contact');
  await requireRole(db, actor, contact.spaceId, 'viewer', 'contact');
  return { step: contact.ladderStep ?? null, moves: await repo.movesOf(db, contactId) };
}

function summarize(counts: { step: string | null; n: number }[], moves: { fromStep: string | null; toStep: string; n: number }[], ladder: Ladder) {
  const rank = new Map(ladder.steps.map((s, i) => [s.key, i]));
  // A first placement (from no step) is not movement: it is counted apart.
  const between = moves.filter((m) => m.fromStep !== null);
  const up = between.filter((m) => (rank.get(m.toStep) ?? 0) > (rank.get(m.fromStep!) ?? 0)).reduce((s, m) => s + m.n, 0);
  const down = between.filter((m) => (rank.get(m.toStep) ?? 0) < (rank.get(m.fromStep!) ?? 0)).reduce((s, m) => s + m.n, 0);
  const placed = moves.filter((m) => m.fromStep === null).reduce((s, m) => s + m.n, 0);
  return {
    steps: ladder.steps.map((s) => ({ key: s.key, label: s.label, count: counts.filter((c) => c.step === s.key).reduce((x, c) => x + c.n, 0) })),
    notPlaced: counts.filter((c) => c.step === null || !rank.has(c.step)).reduce((x, c) => x + c.n, 0),
    placed, movedUp: up, movedDown: down,
  };
}

/** The space's counts per step and its moves in the period. */
export async function movement(db: Db, actor: Actor, spaceId: string, from: Date, to: Date) {
  const ladder = await getLadder(db, actor, spaceId);
  return summarize(await repo.stepCounts(db, [spaceId]), await repo.movesIn(db, [spaceId], from, to), ladder);
}

/**
 * An alliance's view: for each active member organization, its counts per step and its moves up
 * and down in the period, on its own ladder. Counts only: no contact, no list leaves a member.
 */
export async function allianceMovement(db: Db, actor: Actor, allianceSpaceId: string, from: Date, to: Date) {
  await requireRole(db, actor, allianceSpaceId, 'viewer', 'alliance');
  const members = await repo.memberSpacesOf(db, allianceSpaceId);
  const spaceIds = members.map((m) => m.spaceId);
  const forAlliance = { reader: (await markOf(db, allianceSpaceId)).taxStatus };
  const [counts, moves] = await Promise.all([repo.stepCounts(db, spaceIds, { forAlliance }), repo.movesIn(db, spaceIds, from, to, { forAlliance })]);
  const result = [];
  for (const m of members) {
    const stored = await repo.findLadder(db, m.spaceId);
    const ladder = stored ? { steps: stored.steps as Ladder['steps'], rules: [] } : DEFAULT_LADDER;
    result.push({ organizationId: m.organizationId, name: m.name,
      ...summarize(counts.filter((c) => c.spaceId === m.spaceId), moves.filter((x) => x.spaceId === m.spaceId), ladder) });
  }
  return { from: from.toISOString(), to: to.toISOString(), organizations: result };
}
