import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ProposalsTable } from '../db/tables.ts';

// Proposals, their versions, discussion, steps and consultation records.

const proposalColumns = ['id', 'space_id as spaceId', 'alliance_id as allianceId', 'committee_id as committeeId', 'status',
  'decides', 'outcome_statement as outcomeStatement', 'created_by as createdBy', 'created_at as createdAt', 'decided_at as decidedAt'] as const;

export async function insertProposal(db: Db, p: { spaceId: string; allianceId: string; committeeId: string | null; decides: object | null; createdBy: string }) {
  return db.insertInto('proposals').values({
    space_id: p.spaceId, alliance_id: p.allianceId, committee_id: p.committeeId, status: 'draft',
    decides: JSON.stringify(p.decides), created_by: p.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
}

export async function findProposal(db: Db, id: string) {
  return db.selectFrom('proposals').select(proposalColumns).where('id', '=', id).executeTakeFirst();
}

export async function findProposals(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('proposals').select(proposalColumns).where('id', 'in', ids).execute();
}

export async function lockProposal(db: Db, id: string) {
  return db.selectFrom('proposals').select(proposalColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateProposal(db: Db, id: string, patch: { status?: ProposalsTable['status']; outcomeStatement?: string; decidedAt?: Date | null }) {
  await db.updateTable('proposals').set({
    status: patch.status, outcome_statement: patch.outcomeStatement, decided_at: patch.decidedAt,
  }).where('id', '=', id).execute();
}

/** Proposals of an alliance with their latest title, newest first. */
export async function listProposals(db: Db, allianceId: string, options: { status?: string[] } = {}) {
  let query = db.selectFrom('proposals as p')
    .innerJoin('proposal_versions as v', (j) => j.onRef('v.proposal_id', '=', 'p.id')
      .on('v.version', '=', sql<number>`(select max(version) from proposal_versions where proposal_id = p.id)`))
    .leftJoin('committees as c', 'c.id', 'p.committee_id')
    .select(['p.id', 'p.status', 'p.created_at as createdAt', 'p.decided_at as decidedAt', 'v.title', 'v.version',
      'p.committee_id as committeeId', 'c.name as committeeName', 'p.outcome_statement as outcomeStatement'])
    .where('p.alliance_id', '=', allianceId);
  if (options.status?.length) query = query.where('p.status', 'in', options.status as ProposalsTable['status'][]);
  return query.orderBy('p.created_at', 'desc').execute();
}

export async function insertVersion(db: Db, v: { spaceId: string; proposalId: string; version: number; title: string; body: string;
  attachments: object[]; changeNote: string | null; createdBy: string }) {
  await db.insertInto('proposal_versions').values({
    space_id: v.spaceId, proposal_id: v.proposalId, version: v.version, title: v.title, body: v.body,
    attachments: JSON.stringify(v.attachments), change_note: v.changeNote, created_by: v.createdBy,
  }).execute();
}

export async function listVersions(db: Db, proposalId: string) {
  return listVersionsOf(db, [proposalId]);
}

/** The versions of several proposals, each proposal's in order. */
export async function listVersionsOf(db: Db, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return db.selectFrom('proposal_versions as v').leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.proposal_id as proposalId', 'v.version', 'v.title', 'v.body', 'v.attachments', 'v.change_note as changeNote', 'v.created_at as createdAt', 'u.display_name as author'])
    .where('v.proposal_id', 'in', proposalIds).orderBy('v.proposal_id').orderBy('v.version').execute();
}

export async function latestVersionNumber(db: Db, proposalId: string): Promise<number> {
  const row = await db.selectFrom('proposal_versions').select((eb) => eb.fn.max('version').as('v')).where('proposal_id', '=', proposalId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** The discussion of several proposals (the posts of each one's thread), oldest first. */
export async function listCommentsOf(db: Db, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return db.selectFrom('posts as c').innerJoin('threads as t', 't.id', 'c.thread_id').leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['t.subject_id as proposalId', 'c.id', 'c.proposal_version as version', 'c.body', 'c.html', 'c.created_at as createdAt', 'u.display_name as author'])
    .where('t.subject_kind', '=', 'proposal').where('t.subject_id', 'in', proposalIds).where('c.deleted_at', 'is', null).orderBy('c.created_at').execute();
}

export async function insertStep(db: Db, s: { spaceId: string; proposalId: string; position: number; kind: 'consultation' | 'vote';
  format: string | null; title: string; startsOn: string | null; endsOn: string | null }) {
  return db.insertInto('proposal_steps').values({
    space_id: s.spaceId, proposal_id: s.proposalId, position: s.position, kind: s.kind, format: s.format,
    title: s.title, starts_on: s.startsOn, ends_on: s.endsOn, status: 'pending',
  }).returning('id').executeTakeFirstOrThrow();
}

const stepColumns = ['id', 'proposal_id as proposalId', 'position', 'kind', 'format', 'title', 'starts_on as startsOn', 'ends_on as endsOn',
  'status', 'completed_at as completedAt'] as const;

export async function listSteps(db: Db, proposalId: string) {
  return db.selectFrom('proposal_steps').select(stepColumns).where('proposal_id', '=', proposalId).orderBy('position').execute();
}

/** The steps of several proposals, each proposal's in order. */
export async function listStepsOf(db: Db, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return db.selectFrom('proposal_steps').select(stepColumns).where('proposal_id', 'in', proposalIds).orderBy('position').execute();
}

/** What the audit log says happened to an alliance's proposals, oldest first, with who did it. */
export async function listProposalChanges(db: Db, spaceId: string) {
  return db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.entity_id as proposalId', 'audit_log.at', 'audit_log.action', 'audit_log.changes', 'users.display_name as by'])
    .where('audit_log.entity', '=', 'proposal').where('audit_log.space_id', '=', spaceId).orderBy('audit_log.id').execute();
}

export async function findStep(db: Db, stepId: string) {
  return db.selectFrom('proposal_steps').select([...stepColumns, 'space_id as spaceId']).where('id', '=', stepId).executeTakeFirst();
}

export async function setStepStatus(db: Db, stepId: string, status: 'pending' | 'open' | 'done') {
  await db.updateTable('proposal_steps').set({ status, completed_at: status === 'done' ? new Date() : null }).where('id', '=', stepId).execute();
}

export async function insertConsultationEntry(db: Db, e: { spaceId: string; stepId: string; organizationId: string | null; participant: string; said: string | null; recordedBy: string }) {
  return db.insertInto('consultation_entries').values({
    space_id: e.spaceId, step_id: e.stepId, organization_id: e.organizationId, participant: e.participant, said: e.said, recorded_by: e.recordedBy,
  }).returning(['id', 'created_at as createdAt']).executeTakeFirstOrThrow();
}

export async function listConsultationEntries(db: Db, stepIds: string[]) {
  if (stepIds.length === 0) return [];
  return db.selectFrom('consultation_entries as e').leftJoin('organizations as o', 'o.id', 'e.organization_id')
    .select(['e.id', 'e.step_id as stepId', 'e.organization_id as organizationId', 'o.name as organizationName', 'e.participant', 'e.said', 'e.created_at as createdAt'])
    .where('e.step_id', 'in', stepIds).orderBy('e.created_at').execute();
}
