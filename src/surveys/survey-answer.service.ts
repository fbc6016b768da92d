import { insertAudit } from '../audit/audit.repository.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import type { AppDeps } from '../server/context.ts';
import { conflict, invalid, notFound, Problem } from '../server/problem.ts';
import { readLinkToken } from '../shared/signed-link.ts';
import { CONTRIBUTIONS, FACTORS } from './survey-instrument.ts';
import * as repo from './survey.repository.ts';
import type { SurveyAnswer } from './survey.schema.ts';
import { surveySign } from './survey.service.ts';

// The representative's side: the personal link is the key (no account). It opens the form of one
// organization in one wave; the answer replaces that organization's previous one until the wave
// closes. What the form shows of the others is their names only.

type Deps = Pick<AppDeps, 'db' | 'box'>;

async function invitationOfToken(deps: Deps, token: string) {
  const read = readLinkToken(token, Math.floor(Date.now() / 1000), surveySign(deps.box));
  if ('refused' in read) {
    if (read.refused === 'expired') throw new Problem(410, 'Link expired', 'This link has expired.');
    throw notFound('invitation');
  }
  const invitation = await repo.findInvitation(deps.db, read.linkId);
  const survey = invitation && (await repo.findSurvey(deps.db, invitation.surveyId));
  if (!invitation || !survey) throw notFound('invitation');
  return { invitation, survey };
}

export async function answerForm(deps: Deps, token: string) {
  const { invitation, survey } = await invitationOfToken(deps, token);
  const [alliance, invitations, answer] = await Promise.all([
    findOrganization(deps.db, survey.allianceId),
    repo.listInvitations(deps.db, survey.id),
    repo.answerOf(deps.db, survey.id, invitation.organizationId),
  ]);
  return {
    alliance: { name: alliance?.name ?? '' },
    survey: { title: survey.title, deadline: survey.deadline, status: survey.status, factorItems: survey.factorItems },
    organization: { id: invitation.organizationId, name: invitation.organizationName },
    others: invitations.filter((i) => i.organizationId !== invitation.organizationId).map((i) => ({ id: i.organizationId, name: i.organizationName })),
    factors: FACTORS.map(([category, factor]) => ({ category, factor })),
    contributionChoices: CONTRIBUTIONS,
    answer: invitation.submittedAt ? { ...answer, contributions: invitation.contributions, sharePairs: invitation.sharePairs, submittedAt: invitation.submittedAt } : null,
  };
}

const ITEMS = ['reliability', 'mission', 'openness', 'power', 'involvement', 'resources'] as const;

/** The answer checked whole, each fault named by its field, before anything is written. */
function checkAnswer(answer: SurveyAnswer, self: string, others: Set<string>, itemCount: number) {
  const errors: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  answer.ratings.forEach((r, i) => {
    if (r.organizationId === self) errors.push({ field: `ratings[${i}].organizationId`, message: 'an organization does not rate itself' });
    else if (!others.has(r.organizationId)) errors.push({ field: `ratings[${i}].organizationId`, message: 'not an organization invited to this wave' });
    if (seen.has(r.organizationId)) errors.push({ field: `ratings[${i}].organizationId`, message: 'rated twice' });
    seen.add(r.organizationId);
    if (r.collaboration >= 1) for (const item of ITEMS) if (r[item] == null) errors.push({ field: `ratings[${i}].${item}`, message: 'rate from 1 to 4 every organization you work with' });
  });
  const items = new Set<number>();
  answer.factorScores.forEach((f, i) => {
    if (f.item >= itemCount) errors.push({ field: `factorScores[${i}].item`, message: 'no such item in this wave' });
    if (items.has(f.item)) errors.push({ field: `factorScores[${i}].item`, message: 'answered twice' });
    items.add(f.item);
  });
  if (new Set(answer.contributions).size !== answer.contributions.length) errors.push({ field: 'contributions', message: 'a contribution is listed twice' });
  if (errors.length) throw invalid(errors);
}

export async function submitAnswer(deps: Deps, token: string, input: SurveyAnswer) {
  const { invitation, survey } = await invitationOfToken(deps, token);
  const others = new Set((await repo.listInvitations(deps.db, survey.id)).map((i) => i.organizationId).filter((id) => id !== invitation.organizationId));
  checkAnswer(input, invitation.organizationId, others, survey.factorItems.length);
  // "No interaction" carries no trust or value: whatever was filled in beside it is not kept.
  const answer = { ...input, contributions: input.contributions.filter((c) => (CONTRIBUTIONS as readonly string[]).includes(c)),
    ratings: input.ratings.map((r) => (r.collaboration === 0 ? { organizationId: r.organizationId, collaboration: 0 } : r)) };
  await deps.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockSurvey(trx, survey.id))!;
    if (locked.status !== 'open' || locked.deadline.getTime() <= Date.now()) throw conflict(locked.status === 'draft' ? 'This wave is not open yet.' : 'This wave is closed: answers are no longer taken.');
    await repo.replaceAnswer(trx, { id: invitation.id, surveyId: survey.id, spaceId: survey.spaceId, organizationId: invitation.organizationId }, answer, new Date());
    await insertAudit(trx, [{ userId: null, spaceId: survey.spaceId, action: 'update', entity: 'survey_answer', entityId: invitation.id,
      changes: { organization: [null, invitation.organizationName], by: 'its representative, through the invitation link' } }]);
  });
  return { submittedAt: new Date().toISOString() };
}
