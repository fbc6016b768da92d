import { randomInt } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { VoteConfig } from './decision.schema.ts';

// Votes, their frozen electorates, ballots (with history) and the log of opening and closing.

const voteColumns = ['id', 'space_id as spaceId', 'step_id as stepId', 'proposal_id as proposalId', 'method', 'rule', 'options', 'electorate',
  'weighting', 'quorum', 'secret', 'closes_at as closesAt', 'early_close as earlyClose', 'status', 'opened_at as openedAt',
  'closed_at as closedAt', 'reminded_at as remindedAt', 'outcome'] as const;

export async function insertVote(db: Db, v: { spaceId: string; stepId: string; proposalId: string; config: VoteConfig }) {
  const c = v.config;
  await db.insertInto('votes').values({
    space_id: v.spaceId, step_id: v.stepId, proposal_id: v.proposalId, method: c.method,
    rule: JSON.stringify({ ...c.rule, seats: c.seats }), options: JSON.stringify(c.options), electorate: JSON.stringify(c.electorate),
    weighting: JSON.stringify(c.weighting ?? null), quorum: JSON.stringify(c.quorum ?? null), secret: c.secret,
    closes_at: c.closesAt ?? null, early_close: c.earlyClose, status: 'scheduled', outcome: JSON.stringify(null),
  }).execute();
}

export type VoteRow = NonNullable<Awaited<ReturnType<typeof findVote>>>;

export async function findVote(db: Db, id: string) {
  return db.selectFrom('votes').select(voteColumns).where('id', '=', id).executeTakeFirst();
}

export async function lockVote(db: Db, id: string) {
  return db.selectFrom('votes').select(voteColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findVoteOfStep(db: Db, stepId: string) {
  return db.selectFrom('votes').select(voteColumns).where('step_id', '=', stepId).executeTakeFirst();
}

export async function listVotesOfProposals(db: Db, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return db.selectFrom('votes').select(voteColumns).where('proposal_id', 'in', proposalIds).execute();
}

export async function updateVote(db: Db, id: string, patch: { status?: 'scheduled' | 'open' | 'closed'; openedAt?: Date; closedAt?: Date | null;
  closesAt?: string | null; outcome?: object | null; remindedAt?: Date | null }) {
  await db.updateTable('votes').set({
    status: patch.status, opened_at: patch.openedAt, closed_at: patch.closedAt, closes_at: patch.closesAt,
    outcome: patch.outcome === undefined ? undefined : JSON.stringify(patch.outcome), reminded_at: patch.remindedAt,
  }).where('id', '=', id).execute();
}

/** Open votes whose deadline has passed. */
export async function listVotesPastDeadline(db: Db, now: Date) {
  return db.selectFrom('votes').select(voteColumns).where('status', '=', 'open').where('closes_at', '<=', now).execute();
}

/** Open votes closing before `before` that have had no reminder yet. */
export async function listVotesToRemind(db: Db, now: Date, before: Date) {
  return db.selectFrom('votes').select(voteColumns).where('status', '=', 'open').where('reminded_at', 'is', null)
    .where('closes_at', '>', now).where('closes_at', '<=', before).execute();
}

export async function insertElectors(db: Db, voteId: string, electors: { id: string; label: string; weight: { numerator: string; denominator: string }; inputs: Record<string, unknown> | null }[]) {
  await db.deleteFrom('vote_electors').where('vote_id', '=', voteId).execute();
  if (electors.length === 0) return;
  await db.insertInto('vote_electors').values(electors.map((e) => ({
    vote_id: voteId, elector_id: e.id, label: e.label, weight: JSON.stringify(e.weight), weight_inputs: JSON.stringify(e.inputs),
  }))).execute();
}

export async function listElectors(db: Db, voteIds: string[]) {
  if (voteIds.length === 0) return [];
  return db.selectFrom('vote_electors').select(['vote_id as voteId', 'elector_id as electorId', 'label', 'weight', 'weight_inputs as weightInputs'])
    .where('vote_id', 'in', voteIds).orderBy('label').execute();
}

/** Records that an elector voted; `ballot` is null in a secret vote (its content goes to the box). */
export async function insertBallot(db: Db, b: { spaceId: string; voteId: string; electorId: string; castBy: string;
  castAs: 'representative' | 'alternate' | 'self'; version: number; ballot: object | null }) {
  await db.updateTable('ballots').set({ superseded_at: new Date() })
    .where('vote_id', '=', b.voteId).where('elector_id', '=', b.electorId).where('superseded_at', 'is', null).execute();
  return db.insertInto('ballots').values({
    space_id: b.spaceId, vote_id: b.voteId, elector_id: b.electorId, cast_by: b.castBy, cast_as: b.castAs, version: b.version,
    ballot: b.ballot === null ? null : JSON.stringify(b.ballot),
  }).returning(['id', 'cast_at as castAt']).executeTakeFirstOrThrow();
}

export type BoxedBallot = { ballot: Record<string, unknown>; weight: { numerator: string; denominator: string } };

/**
 * Drops a secret ballot into its vote's box at a random place. The caller holds the vote's row
 * lock, so no two casts rewrite the box at once.
 */
export async function dropInBallotBox(db: Db, box: { voteId: string; spaceId: string }, entry: BoxedBallot) {
  const ballots = await readBallotBox(db, box.voteId);
  ballots.splice(randomInt(ballots.length + 1), 0, entry);
  await db.insertInto('ballot_boxes').values({ vote_id: box.voteId, space_id: box.spaceId, ballots: JSON.stringify(ballots) })
    .onConflict((oc) => oc.column('vote_id').doUpdateSet({ ballots: JSON.stringify(ballots) })).execute();
}

export async function readBallotBox(db: Db, voteId: string): Promise<BoxedBallot[]> {
  const row = await db.selectFrom('ballot_boxes').select('ballots').where('vote_id', '=', voteId).executeTakeFirst();
  return row ? [...row.ballots] : [];
}

/** Every ballot of the votes, current and superseded, oldest first. */
export async function listBallots(db: Db, voteIds: string[]) {
  if (voteIds.length === 0) return [];
  return db.selectFrom('ballots as b').leftJoin('users as u', 'u.id', 'b.cast_by')
    .select(['b.id', 'b.vote_id as voteId', 'b.elector_id as electorId', 'b.cast_by as castBy', 'u.display_name as castByName', 'b.cast_as as castAs',
      'b.version', 'b.ballot', 'b.cast_at as castAt', 'b.superseded_at as supersededAt'])
    .where('b.vote_id', 'in', voteIds).orderBy('b.cast_at').orderBy('b.id').execute();
}

export async function findCurrentBallot(db: Db, voteId: string, electorId: string) {
  return db.selectFrom('ballots').select(['id', 'cast_as as castAs', 'cast_by as castBy'])
    .where('vote_id', '=', voteId).where('elector_id', '=', electorId).where('superseded_at', 'is', null).executeTakeFirst();
}

export async function insertVoteEvent(db: Db, e: { voteId: string; action: string; rule?: string | null; reason?: string | null; userId: string | null }) {
  await db.insertInto('vote_events').values({ vote_id: e.voteId, action: e.action, rule: e.rule ?? null, reason: e.reason ?? null, user_id: e.userId }).execute();
}

export async function listVoteEvents(db: Db, voteIds: string[]) {
  if (voteIds.length === 0) return [];
  return db.selectFrom('vote_events as e').leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.vote_id as voteId', 'e.action', 'e.rule', 'e.reason', 'e.at', 'u.display_name as by'])
    .where('e.vote_id', 'in', voteIds).orderBy('e.at').execute();
}
