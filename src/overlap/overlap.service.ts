import { contactOnSideOf, markOf } from '../firewall/firewall.repository.ts';
import { checkFlow } from '../firewall/firewall.service.ts';
import { effectiveMark } from '../firewall/firewall.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { allowed } from '../consent/consent.ts';
import { allowedFor, defaultsOf } from '../consent/consent.repository.ts';
import { nameAddressKey } from '../contacts/contact-identity.ts';
import { openContact } from '../contacts/contact-sealing.ts';
import { runningContactImports } from '../contacts/contact.repository.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { conflict, forbidden, invalid, notFound } from '../server/problem.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import * as repo from './overlap.repository.ts';
import type { RunRow, Side } from './overlap.repository.ts';
import { DEFAULT_MIN_COUNT } from './overlap.schema.ts';
import { ELEMENT_BYTES, type IdentifierKind } from './psi-element.ts';
import { countShared } from './psi-parallel.ts';
import { bitsLength, packPositions, revealedPositions } from './reveal.ts';
import { repeats, smallOrderValues } from './psi.ts';

// Two member organizations of an alliance learn how many people they share without either
// seeing the other's list (docs/privacy-model.md). The server keeps the run's steps and relays
// blinded values; each side's secret stays with the side's own client (the browser or the CLI).
// Everything about a run is for the administrators of its two organizations only: identifiers
// leave a space only towards its own administrators, and each such read is logged.

const PAGE = 2000;

/**
 * The contacts that may take part in an overlap with `partnerSpaceId`, as SQL: their consent (the
 * organization's default where none is recorded), and only work on the partner's side of the c3/c4 firewall.
 */
async function consentedToMatching(db: Db, spaceId: string, partnerSpaceId: string) {
  const consent = allowedFor('overlap_matching', allowed('overlap_matching', [], await defaultsOf(db, spaceId)));
  return [consent, contactOnSideOf((await markOf(db, partnerSpaceId)).taxStatus)];
}

/** Which of a side's contacts make its set: those `consentedToMatching`, and in a turf check only those on the turfs it compares. */
async function sideSet(db: Db, run: RunRow, side: Side) {
  const spaceId = side === 'requester' ? run.requesterSpaceId : run.partnerSpaceId;
  const conditions = await consentedToMatching(db, spaceId, otherSpace(run, spaceId));
  // In a turf check, only the turfs of efforts on the other side's side of the c3/c4 firewall; the
  // requester's side is its effort's (in an unmarked space, the effort's own mark).
  if (run.requesterEffortId) {
    const effort = await repo.effortOfSpace(db, run.requesterEffortId, run.requesterSpaceId);
    const requesterMark = effectiveMark((await markOf(db, run.requesterSpaceId)).taxStatus, effort?.taxStatus ?? null);
    const partnerMark = (await markOf(db, run.partnerSpaceId)).taxStatus;
    conditions.push(side === 'requester' ? repo.onTurfs(partnerMark, run.requesterEffortId) : repo.onTurfs(requesterMark));
  }
  return conditions;
}

/** The two spaces' marks keep them apart: refused (and logged) whichever way the values would go. */
async function checkFirewall(db: Db, actor: Actor, run: { requesterSpaceId: string; partnerSpaceId: string }, field?: string) {
  await checkFlow(db, actor, { fromSpaceId: run.requesterSpaceId, toSpaceId: run.partnerSpaceId, entity: 'overlap_run', field });
  await checkFlow(db, actor, { fromSpaceId: run.partnerSpaceId, toSpaceId: run.requesterSpaceId, entity: 'overlap_run', field });
}

const otherSpace = (run: RunRow, spaceId: string) => (spaceId === run.requesterSpaceId ? run.partnerSpaceId : run.requesterSpaceId);

async function sideSpace(db: Db, actor: Actor, run: RunRow, side: Side, needed: 'member' | 'admin') {
  const spaceId = side === 'requester' ? run.requesterSpaceId : run.partnerSpaceId;
  await requireRole(db, actor, spaceId, needed, 'overlap run');
  return spaceId;
}

/** A run its reader may know of: a role in either organization's space (otherwise 404), and at least `needed` in one of them (otherwise 403). */
async function runFor(db: Db, actor: Actor, id: string, needed: 'member' | 'admin' = 'member') {
  const run = await repo.findRun(db, id);
  if (!run) throw notFound('overlap run');
  const roles = await Promise.all([run.requesterSpaceId, run.partnerSpaceId].map((s) => requireRole(db, actor, s, 'viewer', 'overlap run').catch(() => null)));
  if (roles.every((r) => r === null)) throw notFound('overlap run');
  if (!roles.some((r) => r && roleAtLeast(r, needed))) throw forbidden();
  return run;
}

/** What a reader sees of a run: its steps and, once done, the count or "fewer than the threshold". */
export function runView(run: RunRow) {
  const { requesterBlinded, partnerBlinded, requesterReblinded, partnerReblinded, requesterMatches, partnerMatches, ...rest } = run;
  return { ...rest, steps: { requesterBlinded: Boolean(requesterBlinded), partnerBlinded: Boolean(partnerBlinded),
    requesterReblinded: Boolean(requesterReblinded), partnerReblinded: Boolean(partnerReblinded),
    // A reveal run's positions still waiting for that side to read them.
    requesterMatches: Boolean(requesterMatches), partnerMatches: Boolean(partnerMatches) } };
}

/** The organizations an organization's space may ask: active members of an alliance it is an active member of. */
export async function partnersOf(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'overlap runs');
  const org = await repo.organizationOfSpace(db, spaceId);
  return org ? repo.fellowMembers(db, org.id) : [];
}

export async function requestRun(db: Db, actor: Actor, spaceId: string, input: { partnerSpaceId: string; allianceId: string; kind: IdentifierKind; minCount?: number; reveal?: boolean; effortId?: string | null }) {
  await requireRole(db, actor, spaceId, 'admin', 'overlap runs');
  const mine = await repo.organizationOfSpace(db, spaceId);
  if (!mine) throw invalid([{ field: 'spaceId', message: "not an organization's own space" }]);
  const partner = await repo.organizationOfSpace(db, input.partnerSpaceId);
  const shared = partner && partner.id !== mine.id ? await repo.sharedAlliances(db, mine.id, partner.id) : [];
  if (!partner || partner.id === mine.id || shared.length === 0) throw invalid([{ field: 'partnerSpaceId', message: 'not a fellow member of one of your alliances' }]);
  if (!shared.some((a) => a.id === input.allianceId)) throw invalid([{ field: 'allianceId', message: 'not an alliance both organizations are active members of' }]);
  const minCount = Math.max(DEFAULT_MIN_COUNT, input.minCount ?? DEFAULT_MIN_COUNT);
  const effort = input.effortId ? await repo.effortOfSpace(db, input.effortId, spaceId) : undefined;
  if (input.effortId && !effort) throw invalid([{ field: 'effortId', message: 'not an effort of this organization' }]);
  // A turf check's walk list is work of the effort's side of the c3/c4 firewall.
  if (effort?.taxStatus) await checkFlow(db, actor, { fromSpaceId: spaceId, toSpaceId: input.partnerSpaceId, recordMark: effort.taxStatus, entity: 'overlap_run', field: 'effortId' });
  await checkFirewall(db, actor, { requesterSpaceId: spaceId, partnerSpaceId: input.partnerSpaceId }, 'partnerSpaceId');
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertRun(trx, { requesterSpaceId: spaceId, partnerSpaceId: input.partnerSpaceId, allianceId: input.allianceId, kind: input.kind, minCount,
      reveal: input.reveal ?? false, effortId: effort?.id ?? null, userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'overlap_run', entityId: id,
      changes: { partner: [null, partner.name], kind: [null, input.kind], minCount: [null, minCount], reveal: [null, input.reveal ?? false], effort: [null, effort?.name ?? null] } }]);
    return { id };
  });
}

/** Who is shared stays for its side to read this many days after a run ends, then is deleted unread. */
export const MATCHES_KEPT_DAYS = 7;

export async function listRuns(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'member', 'overlap runs');
  await repo.deleteStaleMatches(db, MATCHES_KEPT_DAYS);
  return (await repo.listRuns(db, spaceId)).map(runView);
}

export async function getRun(db: Db, actor: Actor, id: string) {
  return runView(await runFor(db, actor, id));
}

/** The partner's administrators accept or decline; either side's may cancel a run that is not done. */
export async function answerRun(db: Db, actor: Actor, id: string, answer: 'accept' | 'decline' | 'cancel') {
  const run = await runFor(db, actor, id, 'admin');
  // Accepting and declining are the partner's; cancelling is either side's.
  const side: Side = answer !== 'cancel' || (await isAdmin(db, actor, run.partnerSpaceId)) ? 'partner' : 'requester';
  const spaceId = await sideSpace(db, actor, run, side, 'admin');
  if (answer === 'accept') await checkFirewall(db, actor, run);
  const [from, to] = answer === 'accept' ? [['requested'], 'accepted'] as const : answer === 'decline' ? [['requested'], 'declined'] as const : [['requested', 'accepted'], 'cancelled'] as const;
  await db.transaction().execute(async (trx) => {
    await repo.lockRunStatus(trx, id);
    if (!(await repo.moveRun(trx, id, [...from], to, answer === 'cancel' ? undefined : actor.userId))) throw conflict(`This run is ${run.status}; it cannot be ${to} now.`, 'status');
    if (to === 'cancelled') await repo.deletePayloads(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'overlap_run', entityId: id, changes: { status: [run.status, to] } }]);
  });
}

async function isAdmin(db: Db, actor: Actor, spaceId: string) {
  return requireRole(db, actor, spaceId, 'admin').then(() => true, () => false);
}

function accepted(run: RunRow) {
  if (run.status !== 'accepted') throw conflict(`This run is ${run.status}; its sides run only once it is accepted.`, 'status');
}

/**
 * One side's own identifiers of the run's kind, each once — of the contacts whose consent allows
 * overlap matching — for its client to blind. Only that side's administrators get them, only
 * before the side has sent its blinded values, and the read is logged with how many left (never which).
 */
export async function sideIdentifiers(db: Db, box: SealedBox, actor: Actor, id: string, side: Side) {
  const run = await runFor(db, actor, id, 'admin');
  const spaceId = await sideSpace(db, actor, run, side, 'admin');
  accepted(run);
  if (side === 'requester' ? run.requesterBlinded : run.partnerBlinded) throw conflict('This side has already sent its blinded values.', 'side');
  const hiddenJobs = await runningContactImports(db, spaceId);
  const conditions = await sideSet(db, run, side);
  // In a reveal run, a value may be revealed only if every contact carrying it may be shared with the partner.
  const mayReveal = run.reveal ? repo.mayShareWith(otherSpace(run, spaceId)) : undefined;
  const values = new Map<string, boolean>();
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const rows = await repo.pageIdentifierSources(db, spaceId, run.kind, after, PAGE, hiddenJobs, conditions, mayReveal);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const row of rows) {
      let d: ReturnType<typeof openContact>;
      // A contact sealed under another key (restored without it) cannot take part; its side's count will say so.
      try { d = openContact(box, row.id, row.sealed); } catch { continue; }
      const value = run.kind === 'email' ? d.email : run.kind === 'phone' ? d.phone
        : nameAddressKey({ firstName: row.firstName, lastName: row.lastName, street: d.street, zip: row.zip ?? undefined, city: row.city ?? undefined });
      if (value) values.set(value, (values.get(value) ?? true) && Boolean(row.revealable));
    }
  }
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'read_sensitive', entity: 'overlap_identifiers', entityId: id, changes: { count: [null, values.size], kind: [null, run.kind] } }]);
  return { kind: run.kind, values: [...values.keys()], ...(run.reveal ? { revealable: [...values.values()] } : {}) };
}

function wholeValues(bytes: Uint8Array, field: string) {
  if (bytes.length % ELEMENT_BYTES) throw invalid([{ field, message: `blinded values come in ${ELEMENT_BYTES} bytes each; ${bytes.length} bytes is not a whole number of them` }]);
}

/** A side's own identifiers, blinded with its secret. Exactly as many as it holds: no more (guesses), no fewer. */
export async function sendBlinded(db: Db, actor: Actor, id: string, side: Side, bytes: Uint8Array) {
  const run = await runFor(db, actor, id, 'admin');
  const spaceId = await sideSpace(db, actor, run, side, 'admin');
  accepted(run);
  wholeValues(bytes, 'body');
  const expected = await repo.countDistinctIdentifiers(db, spaceId, run.kind, await runningContactImports(db, spaceId), await sideSet(db, run, side));
  const sent = bytes.length / ELEMENT_BYTES;
  if (sent !== expected) throw invalid([{ field: 'body', message: `${sent} blinded values, but this organization holds ${expected} identifiers of this kind: send each of them once (its contacts may have changed: run this side again)` }]);
  const weak = smallOrderValues(bytes);
  if (weak) throw invalid([{ field: 'body', message: `${weak} values are not blinded identifiers (points of small order)` }]);
  const repeated = repeats(bytes);
  if (repeated) throw invalid([{ field: 'body', message: `${repeated} blinded values are repeated: send each identifier once` }]);
  await db.transaction().execute(async (trx) => {
    if ((await repo.lockRunStatus(trx, id)) !== 'accepted') throw conflict('This run is no longer accepted.', 'status');
    if (!(await repo.insertPayload(trx, id, side, 'blinded', bytes))) throw conflict('This side has already sent its blinded values.', 'side');
    await repo.setSize(trx, id, side, sent);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'overlap_run', entityId: id, changes: { [`${side}Blinded`]: [null, sent] } }]);
  });
}

const other = (side: Side): Side => (side === 'requester' ? 'partner' : 'requester');

/** The other side's blinded values, for this side to blind again. */
export async function theirBlinded(db: Db, actor: Actor, id: string, side: Side) {
  const run = await runFor(db, actor, id, 'admin');
  await sideSpace(db, actor, run, side, 'admin');
  accepted(run);
  const payload = await repo.findPayload(db, id, other(side), 'blinded');
  if (!payload) throw conflict('The other organization has not sent its blinded values yet.', 'side');
  return payload;
}

/** The other side's values blinded again by this side, in their order; once both sides have, the count is made and every relayed value forgotten. */
export async function sendReblinded(db: Db, actor: Actor, id: string, side: Side, bytes: Uint8Array) {
  const run = await runFor(db, actor, id, 'admin');
  const spaceId = await sideSpace(db, actor, run, side, 'admin');
  accepted(run);
  // Repeats are not refused here: the other side's values decide them, and the count takes distinct values.
  wholeValues(bytes, 'body');
  const theirs = await repo.findPayload(db, id, other(side), 'blinded');
  if (!theirs) throw conflict('The other organization has not sent its blinded values yet.', 'side');
  if (bytes.length !== theirs.length) throw invalid([{ field: 'body', message: `send back all ${theirs.length / ELEMENT_BYTES} of the other organization's values, blinded again` }]);
  await db.transaction().execute(async (trx) => {
    if ((await repo.lockRunStatus(trx, id)) !== 'accepted') throw conflict('This run is no longer accepted.', 'status');
    if (!(await repo.insertPayload(trx, id, side, 'reblinded', bytes))) throw conflict('This side has already sent these values.', 'side');
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'overlap_run', entityId: id, changes: { [`${side}Reblinded`]: [null, bytes.length / ELEMENT_BYTES] } }]);
  });
  return finishIfReady(db, run);
}

/**
 * In a reveal run: which of the side's blinded values may be revealed, one bit each in the order
 * it sent them (bit i of byte i/8, lowest first). A side that marks values its contacts did not
 * agree to share only over-shares its own; the other side's bits guard the other side's.
 */
export async function sendRevealable(db: Db, actor: Actor, id: string, side: Side, bytes: Uint8Array) {
  const run = await runFor(db, actor, id, 'admin');
  const spaceId = await sideSpace(db, actor, run, side, 'admin');
  accepted(run);
  if (!run.reveal) throw conflict('This run counts only; it reveals no one.', 'reveal');
  const size = side === 'requester' ? run.requesterSize : run.partnerSize;
  if (size === null) throw conflict('Send the blinded values first.', 'side');
  if (bytes.length !== bitsLength(size)) throw invalid([{ field: 'body', message: `one bit for each of the ${size} blinded values: ${bitsLength(size)} bytes` }]);
  await db.transaction().execute(async (trx) => {
    if ((await repo.lockRunStatus(trx, id)) !== 'accepted') throw conflict('This run is no longer accepted.', 'status');
    if (!(await repo.insertPayload(trx, id, side, 'revealable', bytes))) throw conflict('This side has already sent these values.', 'side');
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'overlap_run', entityId: id, changes: { [`${side}Revealable`]: [null, bytes.length] } }]);
  });
  return finishIfReady(db, run);
}

/** A reveal run's positions for this side, in its own shuffled list: read once, then gone. */
export async function sideMatches(db: Db, actor: Actor, id: string, side: Side) {
  const run = await runFor(db, actor, id, 'admin');
  const spaceId = await sideSpace(db, actor, run, side, 'admin');
  if (!run.reveal || run.status !== 'done') throw conflict('Nothing to reveal: the run is not a finished reveal run.', 'status');
  const positions = await repo.takePayload(db, id, side, 'matches');
  if (!positions) throw conflict('This side has already read who is shared.', 'side');
  await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'read_sensitive', entity: 'overlap_matches', entityId: id, changes: { count: [null, positions.length / 4] } }]);
  return positions;
}

async function finishIfReady(db: Db, run: RunRow) {
  const id = run.id;
  const [a, b] = await Promise.all([repo.findPayload(db, id, 'requester', 'reblinded'), repo.findPayload(db, id, 'partner', 'reblinded')]);
  if (!a || !b) return { done: false };
  const bits = run.reveal ? await Promise.all([repo.findPayload(db, id, 'requester', 'revealable'), repo.findPayload(db, id, 'partner', 'revealable')]) : [];
  if (run.reveal && (!bits[0] || !bits[1])) return { done: false };
  const shared = await countShared(a, b);
  const belowMin = shared < run.minCount;
  // The requester's values blinded twice are what the partner sent back (b), in the requester's order; and the other way round.
  const revealed = run.reveal ? revealedPositions(b, a, bits[0]!, bits[1]!) : undefined;
  await db.transaction().execute(async (trx) => {
    // A run cancelled meanwhile keeps its status and nothing relayed; one the other side's upload finished first is left as that finish left it.
    const status = await repo.lockRunStatus(trx, id);
    if (status === 'done') return;
    if (status !== 'accepted') return repo.deletePayloads(trx, id);
    if (revealed) {
      await repo.insertPayload(trx, id, 'requester', 'matches', packPositions(revealed.requester));
      await repo.insertPayload(trx, id, 'partner', 'matches', packPositions(revealed.partner));
    }
    await repo.finishRun(trx, id, { sharedCount: belowMin ? null : shared, belowMin, revealed: revealed ? revealed.requester.length : null });
  });
  return { done: true };
}
