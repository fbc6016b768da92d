import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import type { Contact } from '../people/person.schema.ts';
import { contactPlace } from '../people/person.service.ts';
import type { AppDeps } from '../server/context.ts';
import { conflict, invalid, notFound } from '../server/problem.ts';
import { linkToken } from '../shared/signed-link.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { surveyInvitationMail } from './survey-mail.ts';
import * as repo from './survey.repository.ts';
import type { SurveyInput } from './survey.schema.ts';

// An alliance's relationship survey waves: its administrators write a wave, open it (every
// current member organization is invited through the person in its first seat, by email with a
// personal link), remind those who have not answered and close it; the clock closes it at its
// deadline. Its members read who answered while it runs, and the results once it is closed
// (survey-results.service.ts).

type Deps = Pick<AppDeps, 'db' | 'box' | 'mailer' | 'config'>;

/** A link token for an invitation; signed apart from other links so that one never opens the other. */
export const surveySign = (box: Deps['box']) => (text: string) => box.sign(`survey:${text}`);
/** Links last past the deadline, so a wave whose deadline is moved later still opens; the wave's state decides. */
const LINK_DAYS_AFTER_DEADLINE = 90;

export async function surveyIn(db: Db, actor: Actor, id: string, role: 'viewer' | 'member' | 'admin') {
  const survey = await repo.findSurvey(db, id);
  if (!survey) throw notFound('survey');
  return { ...survey, role: await requireRole(db, actor, survey.spaceId, role, 'survey') };
}

function checkDeadline(deadline: string) {
  if (new Date(deadline).getTime() <= Date.now()) throw invalid([{ field: 'deadline', message: 'the deadline must be in the future' }]);
}

export async function listAllianceSurveys(db: Db, actor: Actor, allianceId: string) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  const role = await requireRole(db, actor, spaceId, 'viewer', 'alliance');
  return { canManage: role === 'admin' || role === 'owner', surveys: await repo.listSurveys(db, allianceId) };
}

export async function createSurvey(db: Db, actor: Actor, allianceId: string, input: SurveyInput) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'admin', 'alliance');
  checkDeadline(input.deadline);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertSurvey(trx, { ...input, spaceId, allianceId, createdBy: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'survey', entityId: row.id, changes: { title: [null, input.title] } }]);
    return row;
  });
}

/** A draft changes freely; an open wave only its title and deadline (its items were asked, its invitations sent). */
export async function updateSurvey(db: Db, actor: Actor, id: string, input: SurveyInput) {
  const survey = await surveyIn(db, actor, id, 'admin');
  checkDeadline(input.deadline);
  await db.transaction().execute(async (trx) => {
    const locked = (await repo.lockSurvey(trx, id))!;
    if (locked.status === 'closed') throw conflict('This wave is closed; start a new wave instead.');
    // Stored as jsonb, whose keys come back in its own order: compare the items field by field.
    const same = (a: { factor: string; en: string; es: string }[], b: typeof a) => a.length === b.length && a.every((x, i) => x.factor === b[i]!.factor && x.en === b[i]!.en && x.es === b[i]!.es);
    const itemsChanged = !same(locked.factorItems, input.factorItems);
    if (locked.status === 'open' && itemsChanged) throw invalid([{ field: 'factorItems', message: 'the items cannot change once the wave is open' }]);
    if (locked.status === 'open' && locked.includeAllies !== input.includeAllies) throw invalid([{ field: 'includeAllies', message: 'who is invited cannot change once the wave is open' }]);
    await repo.updateSurvey(trx, id, input);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: survey.spaceId, action: 'update', entity: 'survey', entityId: id,
      changes: { title: [locked.title, input.title], deadline: [locked.deadline.toISOString(), new Date(input.deadline).toISOString()] } }]);
  });
}

export async function deleteSurvey(db: Db, actor: Actor, id: string) {
  const survey = await surveyIn(db, actor, id, 'admin');
  await db.transaction().execute(async (trx) => {
    const locked = (await repo.lockSurvey(trx, id))!;
    if (locked.status !== 'draft') throw conflict('Only a draft can be deleted; an opened wave is part of the alliance\'s record.');
    await repo.deleteSurvey(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: survey.spaceId, action: 'delete', entity: 'survey', entityId: id, changes: { title: [locked.title, null] } }]);
  });
}

/** The wave as its members see it: its settings, who was asked and who answered, and the invitation the reader holds. */
export async function getSurvey(deps: Deps, actor: Actor, id: string) {
  const { role, ...survey } = await surveyIn(deps.db, actor, id, 'viewer');
  const [invitations, mine] = await Promise.all([repo.listInvitations(deps.db, id), repo.invitationOfUser(deps.db, id, actor.userId)]);
  return {
    ...survey, canManage: role === 'admin' || role === 'owner', emailEnabled: deps.mailer.enabled,
    invitations: invitations.map((i) => ({ organizationId: i.organizationId, organizationName: i.organizationName, personName: i.personName,
      emailedAt: i.emailedAt, remindedAt: i.remindedAt, answered: i.submittedAt !== null })),
    mine: mine ? { organizationId: mine.organizationId } : null,
  };
}

async function recipientAddress(deps: Deps, r: Awaited<ReturnType<typeof repo.invitationRecipients>>[number]) {
  const locale: 'en' | 'es' = (r.userLocale ?? r.languages[0]) === 'es' ? 'es' : 'en';
  if (r.userEmail) return { to: r.userEmail, locale };
  if (!r.contactSealed) return null;
  const email = deps.box.open<Contact>(r.contactSealed, contactPlace(r.personId)).email;
  // Opening a person's details is a sensitive read, logged in their space.
  await insertAudit(deps.db, [{ userId: null, spaceId: r.personSpaceId, action: 'read_sensitive', entity: 'person', entityId: r.personId, changes: { by: 'survey invitation' } }]);
  return email ? { to: email, locale } : null;
}

/** Emails each invited person (or, for a reminder, each who has not answered) their own link. */
async function emailInvitations(deps: Deps, surveyId: string, reminder: boolean) {
  const survey = (await repo.findSurvey(deps.db, surveyId))!;
  const allianceName = (await findOrganization(deps.db, survey.allianceId))?.name ?? '';
  const invitations = new Map((await repo.listInvitations(deps.db, surveyId)).map((i) => [i.id, i]));
  const recipients = await repo.invitationRecipients(deps.db, surveyId, reminder);
  if (!deps.mailer.enabled) return 0;
  const origin = deps.config.publicOrigin ?? `http://${deps.config.host}:${deps.config.port}`;
  const expires = Math.floor(survey.deadline.getTime() / 1000) + LINK_DAYS_AFTER_DEADLINE * 86_400;
  const messages = [];
  for (const r of recipients) {
    const address = await recipientAddress(deps, r);
    if (!address) continue;
    const link = `${origin}/survey/${linkToken(r.id, expires, surveySign(deps.box))}`;
    const mail = surveyInvitationMail(address.locale, { allianceName, organizationName: invitations.get(r.id)?.organizationName ?? '', title: survey.title, deadline: survey.deadline, link }, reminder);
    messages.push({ to: address.to, ...mail, ref: r.id });
  }
  deps.mailer.enqueue(messages, async (m) => { if (m.ref) await repo.markInvitations(deps.db, [m.ref], reminder ? 'reminded_at' : 'emailed_at', new Date()); });
  return messages.length;
}

/** Opens the wave: each current member organization (allies and observers if the wave says so) is invited once, through the person in its first seat. */
export async function openSurvey(deps: Deps, actor: Actor, id: string) {
  const survey = await surveyIn(deps.db, actor, id, 'admin');
  const invited = await deps.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockSurvey(trx, id))!;
    if (locked.status !== 'draft') throw conflict('This wave is already open or closed.');
    if (locked.deadline.getTime() <= Date.now()) throw invalid([{ field: 'deadline', message: 'the deadline has passed; move it later first' }]);
    const members = await repo.currentMembersWithSeat(trx, survey.allianceId, locked.includeAllies);
    if (members.length < 2) throw invalid([{ field: 'alliance', message: 'a survey needs at least two current member organizations' }]);
    const rows = await repo.insertInvitations(trx, members.map((m) => ({ surveyId: id, spaceId: survey.spaceId, organizationId: m.organizationId, personId: m.personId })));
    await repo.updateSurvey(trx, id, { status: 'open', openedAt: new Date() });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: survey.spaceId, action: 'update', entity: 'survey', entityId: id,
      changes: { status: ['draft', 'open'], invited: [null, rows.length], withoutSeat: [null, members.filter((m) => !m.personId).length] } }]);
    return rows.length;
  });
  const emailed = await emailInvitations(deps, id, false);
  return { invited, emailed };
}

export async function remindSurvey(deps: Deps, actor: Actor, id: string) {
  const survey = await surveyIn(deps.db, actor, id, 'admin');
  if (survey.status !== 'open') throw conflict('Only an open wave sends reminders.');
  const emailed = await emailInvitations(deps, id, true);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateSurvey(trx, id, { remindedAt: new Date() });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: survey.spaceId, action: 'update', entity: 'survey', entityId: id, changes: { reminded: [null, emailed] } }]);
  });
  return { emailed };
}

export async function closeSurvey(db: Db, actor: Actor, id: string) {
  const survey = await surveyIn(db, actor, id, 'admin');
  await db.transaction().execute(async (trx) => {
    const locked = (await repo.lockSurvey(trx, id))!;
    if (locked.status !== 'open') throw conflict('Only an open wave can be closed.');
    await repo.updateSurvey(trx, id, { status: 'closed', closedAt: new Date() });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: survey.spaceId, action: 'update', entity: 'survey', entityId: id, changes: { status: ['open', 'closed'] } }]);
  });
}

/**
 * The link of the invitation a signed-in representative holds, to answer in the app without the
 * email. Being the invited person is the permission (a member's representative need not hold a
 * role in the alliance's space).
 */
export async function myAnswerLink(deps: Deps, actor: Actor, id: string) {
  const survey = await repo.findSurvey(deps.db, id);
  const mine = survey && (await repo.invitationOfUser(deps.db, id, actor.userId));
  if (!survey || !mine) throw notFound('invitation for you');
  const expires = Math.floor(survey.deadline.getTime() / 1000) + LINK_DAYS_AFTER_DEADLINE * 86_400;
  return { token: linkToken(mine.id, expires, surveySign(deps.box)) };
}

/** The clock: waves past their deadline close; two days before it, those who have not answered are reminded once. */
export async function surveyClockTick(deps: Deps, now = new Date()) {
  for (const s of await repo.surveysPastDeadline(deps.db, now)) {
    await deps.db.transaction().execute(async (trx) => {
      await repo.updateSurvey(trx, s.id, { status: 'closed', closedAt: now });
      await insertAudit(trx, [{ userId: null, spaceId: s.spaceId, action: 'update', entity: 'survey', entityId: s.id, changes: { status: ['open', 'closed'], by: 'deadline' } }]);
    });
  }
  for (const s of await repo.surveysToRemind(deps.db, now, new Date(now.getTime() + 2 * 86_400_000))) {
    await repo.updateSurvey(deps.db, s.id, { remindedAt: now });
    await emailInvitations(deps, s.id, true);
  }
}
