import { sql, type Updateable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SurveysTable } from '../db/tables.ts';
import type { SurveyAnswer, SurveyInput } from './survey.schema.ts';
import type { FactorItem } from './survey-instrument.ts';
import type { Rating } from './survey-scores.ts';

const surveyColumns = ['id', 'space_id as spaceId', 'alliance_id as allianceId', 'title', 'status', 'deadline', 'factor_items as factorItems', 'include_allies as includeAllies',
  'opened_at as openedAt', 'closed_at as closedAt', 'reminded_at as remindedAt', 'created_at as createdAt'] as const;

export async function insertSurvey(db: Db, s: SurveyInput & { spaceId: string; allianceId: string; createdBy: string }) {
  return db.insertInto('surveys').values({ space_id: s.spaceId, alliance_id: s.allianceId, title: s.title, deadline: s.deadline,
    factor_items: JSON.stringify(s.factorItems), include_allies: s.includeAllies, created_by: s.createdBy }).returning('id').executeTakeFirstOrThrow();
}

export async function updateSurvey(db: Db, id: string, patch: Partial<SurveyInput> & { status?: 'open' | 'closed'; openedAt?: Date; closedAt?: Date; remindedAt?: Date }) {
  const set: Updateable<SurveysTable> = { updated_at: new Date() };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.deadline !== undefined) set.deadline = patch.deadline;
  if (patch.factorItems !== undefined) set.factor_items = JSON.stringify(patch.factorItems);
  if (patch.includeAllies !== undefined) set.include_allies = patch.includeAllies;
  if (patch.status) set.status = patch.status;
  if (patch.openedAt) set.opened_at = patch.openedAt;
  if (patch.closedAt) set.closed_at = patch.closedAt;
  if (patch.remindedAt) set.reminded_at = patch.remindedAt;
  await db.updateTable('surveys').set(set).where('id', '=', id).execute();
}

export async function findSurvey(db: Db, id: string) {
  const row = await db.selectFrom('surveys').select(surveyColumns).where('id', '=', id).executeTakeFirst();
  return row && { ...row, factorItems: row.factorItems as FactorItem[] };
}

/** The wave locked for the write that checks its state. */
export async function lockSurvey(db: Db, id: string) {
  const row = await db.selectFrom('surveys').select(surveyColumns).where('id', '=', id).forUpdate().executeTakeFirst();
  return row && { ...row, factorItems: row.factorItems as FactorItem[] };
}

export async function deleteSurvey(db: Db, id: string) {
  await db.deleteFrom('surveys').where('id', '=', id).execute();
}

/** An alliance's waves, newest first, each with how many were invited and how many answered. */
export async function listSurveys(db: Db, allianceId: string) {
  const rows = await db.selectFrom('surveys as s').select([...surveyColumns.map((c) => `s.${c}` as const),
    sql<number>`(select count(*) from survey_invitations i where i.survey_id = s.id)`.as('invited'),
    sql<number>`(select count(*) from survey_invitations i where i.survey_id = s.id and i.submitted_at is not null)`.as('responded')])
    .where('s.alliance_id', '=', allianceId).orderBy('s.created_at', 'desc').execute();
  return rows.map((r) => ({ ...r, factorItems: r.factorItems as FactorItem[], invited: Number(r.invited), responded: Number(r.responded) }));
}

/**
 * The alliance's current members (neither prospects nor gone; anchors and members, and allies and
 * observers when asked), each with the person its first
 * seat names (staff, then leader, then the others) and how to reach them: their account's address
 * and language, or the person's sealed details for the service to open.
 */
export async function currentMembersWithSeat(db: Db, allianceId: string, includeAllies: boolean) {
  return db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.member_id')
    .leftJoinLateral((eb) => eb.selectFrom('representatives as r').innerJoin('people as p', 'p.id', 'r.person_id')
      .leftJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.id as personId', 'p.name as personName', 'p.languages', 'p.contact_sealed as contactSealed', 'u.email as userEmail', 'u.locale as userLocale'])
      .whereRef('r.membership_id', '=', 'm.id')
      .orderBy(sql`case r.seat when 'staff' then 0 when 'leader' then 1 else 2 end`).orderBy('p.name').limit(1).as('seat'), (join) => join.onTrue())
    .select(['o.id as organizationId', 'o.name', 'seat.personId', 'seat.personName', 'seat.languages', 'seat.contactSealed', 'seat.userEmail', 'seat.userLocale'])
    .where('m.alliance_id', '=', allianceId).where('m.status', 'not in', ['left', 'prospect'])
    .$if(!includeAllies, (q) => q.where('m.role', 'in', ['anchor', 'member']))
    .orderBy(sql`lower(o.name)`).execute();
}

export async function insertInvitations(db: Db, rows: { surveyId: string; spaceId: string; organizationId: string; personId: string | null }[]) {
  if (!rows.length) return [];
  return db.insertInto('survey_invitations').values(rows.map((r) => ({ survey_id: r.surveyId, space_id: r.spaceId, organization_id: r.organizationId, person_id: r.personId })))
    .returning(['id', 'organization_id as organizationId', 'person_id as personId']).execute();
}

const invitationColumns = ['i.id', 'i.survey_id as surveyId', 'i.organization_id as organizationId', 'o.name as organizationName', 'i.person_id as personId',
  'p.name as personName', 'i.emailed_at as emailedAt', 'i.reminded_at as remindedAt', 'i.submitted_at as submittedAt',
  'i.contributions', 'i.share_pairs as sharePairs'] as const;

export async function listInvitations(db: Db, surveyId: string) {
  return db.selectFrom('survey_invitations as i').innerJoin('organizations as o', 'o.id', 'i.organization_id').leftJoin('people as p', 'p.id', 'i.person_id')
    .select(invitationColumns).where('i.survey_id', '=', surveyId).orderBy(sql`lower(o.name)`).execute();
}

export async function findInvitation(db: Db, id: string) {
  return db.selectFrom('survey_invitations as i').innerJoin('organizations as o', 'o.id', 'i.organization_id').leftJoin('people as p', 'p.id', 'i.person_id')
    .select(invitationColumns).where('i.id', '=', id).executeTakeFirst();
}

/** The invitation a signed-in person holds for a wave: their organization's, addressed to them. */
export async function invitationOfUser(db: Db, surveyId: string, userId: string) {
  return db.selectFrom('survey_invitations as i').innerJoin('people as p', 'p.id', 'i.person_id')
    .select(['i.id', 'i.organization_id as organizationId']).where('i.survey_id', '=', surveyId).where('p.user_id', '=', userId).executeTakeFirst();
}

/** How to reach each invited person (for the service to address, open and log). */
export async function invitationRecipients(db: Db, surveyId: string, onlyUnanswered: boolean) {
  let query = db.selectFrom('survey_invitations as i').innerJoin('people as p', 'p.id', 'i.person_id').leftJoin('users as u', 'u.id', 'p.user_id')
    .select(['i.id', 'i.organization_id as organizationId', 'p.id as personId', 'p.space_id as personSpaceId', 'p.languages', 'p.contact_sealed as contactSealed',
      'u.email as userEmail', 'u.locale as userLocale'])
    .where('i.survey_id', '=', surveyId);
  if (onlyUnanswered) query = query.where('i.submitted_at', 'is', null);
  return query.execute();
}

export async function markInvitations(db: Db, ids: string[], column: 'emailed_at' | 'reminded_at', at: Date) {
  if (ids.length) await db.updateTable('survey_invitations').set({ [column]: at }).where('id', 'in', ids).execute();
}

/** An organization's answer replaces its previous one whole: ratings, factor scores and its own parts. */
export async function replaceAnswer(db: Db, invitation: { id: string; surveyId: string; spaceId: string; organizationId: string }, answer: SurveyAnswer, at: Date) {
  const { surveyId, spaceId, organizationId } = invitation;
  await db.deleteFrom('survey_ratings').where('survey_id', '=', surveyId).where('rater_id', '=', organizationId).execute();
  await db.deleteFrom('survey_factor_answers').where('survey_id', '=', surveyId).where('organization_id', '=', organizationId).execute();
  if (answer.ratings.length) {
    await db.insertInto('survey_ratings').values(answer.ratings.map((r) => ({
      survey_id: surveyId, space_id: spaceId, rater_id: organizationId, ratee_id: r.organizationId, collaboration: r.collaboration,
      reliability: r.reliability ?? null, mission: r.mission ?? null, openness: r.openness ?? null,
      power: r.power ?? null, involvement: r.involvement ?? null, resources: r.resources ?? null,
    }))).execute();
  }
  if (answer.factorScores.length) {
    await db.insertInto('survey_factor_answers').values(answer.factorScores.map((f) => ({ survey_id: surveyId, space_id: spaceId, organization_id: organizationId, item: f.item, score: f.score }))).execute();
  }
  await db.updateTable('survey_invitations').set({ submitted_at: at, contributions: answer.contributions, share_pairs: answer.sharePairs }).where('id', '=', invitation.id).execute();
}

/** An organization's own stored answer (what its link shows when it comes back). */
export async function answerOf(db: Db, surveyId: string, organizationId: string) {
  const [ratings, factorScores] = await Promise.all([
    db.selectFrom('survey_ratings').select(['ratee_id as organizationId', 'collaboration', 'reliability', 'mission', 'openness', 'power', 'involvement', 'resources'])
      .where('survey_id', '=', surveyId).where('rater_id', '=', organizationId).execute(),
    db.selectFrom('survey_factor_answers').select(['item', 'score']).where('survey_id', '=', surveyId).where('organization_id', '=', organizationId).orderBy('item').execute(),
  ]);
  return { ratings, factorScores };
}

/** Everything a wave's scores are computed from. */
export async function waveRows(db: Db, surveyId: string) {
  const [invitations, ratings, factorAnswers] = await Promise.all([
    listInvitations(db, surveyId),
    db.selectFrom('survey_ratings').select(['rater_id as raterId', 'ratee_id as rateeId', 'collaboration', 'reliability', 'mission', 'openness', 'power', 'involvement', 'resources'])
      .where('survey_id', '=', surveyId).execute() as Promise<Rating[]>,
    db.selectFrom('survey_factor_answers').select(['organization_id as organizationId', 'item', 'score']).where('survey_id', '=', surveyId).execute(),
  ]);
  return { invitations, ratings, factorAnswers };
}

export async function surveysPastDeadline(db: Db, now: Date) {
  return db.selectFrom('surveys').select(['id', 'space_id as spaceId']).where('status', '=', 'open').where('deadline', '<=', now).execute();
}

export async function surveysToRemind(db: Db, now: Date, until: Date) {
  return db.selectFrom('surveys').select(['id']).where('status', '=', 'open').where('reminded_at', 'is', null)
    .where('deadline', '>', now).where('deadline', '<=', until).execute();
}

/** The demo's past waves carry the dates they would have had. */
export async function backdateSurvey(db: Db, id: string, at: { createdAt: Date; openedAt: Date; deadline: Date; closedAt: Date }) {
  await db.updateTable('surveys').set({ created_at: at.createdAt, opened_at: at.openedAt, deadline: at.deadline, closed_at: at.closedAt }).where('id', '=', id).execute();
  await db.updateTable('survey_invitations').set({ submitted_at: at.closedAt }).where('survey_id', '=', id).where('submitted_at', 'is not', null).execute();
}
