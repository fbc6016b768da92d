// Convenings (participants, sessions and their items, follow-ups, the .ics), SMARTIE goals and
// work plans (strategy areas, activities, ratification), for the permission matrix (matrix.ts).
import { ConveningInputSchema } from '../../src/convenings/convening.schema.ts';
import { addFollowUp, addParticipant, addSession, addSessionItem, createConvening } from '../../src/convenings/convening.service.ts';
import { addMember } from '../../src/memberships/membership.service.ts';
import { createOrganization } from '../../src/orgs/organization.service.ts';
import { GoalInputSchema } from '../../src/plans/goal.schema.ts';
import { createGoal, setGoalArea } from '../../src/plans/goal.service.ts';
import { AreaInputSchema, WorkPlanInputSchema } from '../../src/plans/work-plan.schema.ts';
import { addActivity, addArea, createPlan } from '../../src/plans/work-plan.service.ts';
import type { TestApp } from '../test-app.ts';
import { BLANK, type Callers, foreignAlliance, type RouteCase } from './matrix.ts';

export interface ConveningPlanRecords {
  spaceId: string; allianceId: string; memberOrgId: string;
  conveningId: string; participantId: string; sessionId: string; goalItemId: string; proposalItemId: string; followUpId: string;
  goalId: string; planId: string; areaId: string; activityId: string;
}

const conveningBody = { title: 'Renamed strategy session', kind: 'strategy_session', startsAt: '2011-01-27T09:30', endsAt: '2011-01-27T16:30', timeZone: 'America/Los_Angeles' };
const goalBody = { statement: 'Win 500 summer jobs for youth by June 2011' };
const areaBody = (r: ConveningPlanRecords) => ({ name: 'Youth employment', broadGoal: 'Jobs for young people', anchorIds: [r.memberOrgId] });

export const CONVENINGS_PLANS_CASES: RouteCase<ConveningPlanRecords>[] = [
  { route: 'GET /api/convenings/{id}', name: 'read convening', path: (r) => `/api/convenings/${r.conveningId}`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/convenings/{id}', name: 'update convening', path: (r) => `/api/convenings/${r.conveningId}`, body: (r) => ({ ...conveningBody, hostIds: [r.allianceId], invitedIds: [r.memberOrgId] }), need: 'member', ok: 200 },
  { route: 'DELETE /api/convenings/{id}', name: 'delete convening', path: (r) => `/api/convenings/${r.conveningId}`, need: 'admin', ok: 200 },
  { route: 'GET /api/convenings/{id}/calendar.ics', name: 'convening as iCalendar', path: (r) => `/api/convenings/${r.conveningId}/calendar.ics`, need: 'viewer', ok: 200 },
  { route: 'POST /api/convenings/{id}/follow-ups', name: 'add follow-up', path: (r) => `/api/convenings/${r.conveningId}/follow-ups`,
    body: (r) => ({ text: 'Send the notes to every group', ownerOrganizationId: r.memberOrgId, dueOn: '2011-02-03', sessionItemId: r.goalItemId }), need: 'member', ok: 201 },
  { route: 'PATCH /api/follow-ups/{id}', name: 'mark follow-up done', path: (r) => `/api/follow-ups/${r.followUpId}`, body: () => ({ done: true }), need: 'member', ok: 200 },
  { route: 'POST /api/convenings/{id}/participants', name: 'add participant', path: (r) => `/api/convenings/${r.conveningId}/participants`,
    body: (r) => ({ name: 'Beto Leader', organizationId: r.memberOrgId, capacity: 'leader' }), need: 'member', ok: 201 },
  { route: 'PATCH /api/participants/{id}', name: 'update participant', path: (r) => `/api/participants/${r.participantId}`, body: () => ({ attended: false, registered: true }), need: 'member', ok: 200 },
  { route: 'DELETE /api/participants/{id}', name: 'remove participant', path: (r) => `/api/participants/${r.participantId}`, need: 'member', ok: 200 },
  { route: 'POST /api/convenings/{id}/sessions', name: 'add session', path: (r) => `/api/convenings/${r.conveningId}/sessions`, body: () => ({ title: 'Plenary', facilitator: 'Grace' }), need: 'member', ok: 201 },
  { route: 'PUT /api/sessions/{id}', name: 'update session', path: (r) => `/api/sessions/${r.sessionId}`, body: () => ({ title: 'Climate justice breakout', notes: 'Three goals identified.' }), need: 'member', ok: 200 },
  { route: 'POST /api/sessions/{id}/items', name: 'add session item', path: (r) => `/api/sessions/${r.sessionId}/items`, body: () => ({ kind: 'goal', text: 'Engage the steering committee' }), need: 'member', ok: 201 },
  { route: 'POST /api/session-items/{id}/goal', name: 'goal identified to goal', path: (r) => `/api/session-items/${r.goalItemId}/goal`, need: 'member', ok: 201 },
  { route: 'POST /api/session-items/{id}/proposal', name: 'proposal that emerged to proposal', path: (r) => `/api/session-items/${r.proposalItemId}/proposal`, need: 'member', ok: 201 },
  { route: 'GET /api/goals/{id}', name: 'read goal', path: (r) => `/api/goals/${r.goalId}`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/goals/{id}', name: 'update goal', path: (r) => `/api/goals/${r.goalId}`, body: (r) => ({ ...goalBody, deadline: '2011-06-30', areaId: r.areaId }), need: 'member', ok: 200 },
  { route: 'DELETE /api/goals/{id}', name: 'delete goal', path: (r) => `/api/goals/${r.goalId}`, need: 'member', ok: 200 },
  { route: 'PUT /api/goals/{id}/area', name: 'move goal out of its area', path: (r) => `/api/goals/${r.goalId}/area`, body: () => ({ areaId: null }), need: 'member', ok: 200 },
  { route: 'GET /api/work-plans/{id}', name: 'read work plan', path: (r) => `/api/work-plans/${r.planId}`, need: 'viewer', ok: 200 },
  { route: 'PUT /api/work-plans/{id}', name: 'update work plan', path: (r) => `/api/work-plans/${r.planId}`, body: () => ({ title: '2011 work plan, revised', period: '2011' }), need: 'member', ok: 200 },
  { route: 'POST /api/work-plans/{id}/areas', name: 'add strategy area', path: (r) => `/api/work-plans/${r.planId}/areas`, body: areaBody, need: 'member', ok: 201 },
  { route: 'PUT /api/areas/{id}', name: 'update strategy area', path: (r) => `/api/areas/${r.areaId}`, body: areaBody, need: 'member', ok: 200 },
  { route: 'DELETE /api/areas/{id}', name: 'remove strategy area', path: (r) => `/api/areas/${r.areaId}`, need: 'member', ok: 200 },
  { route: 'POST /api/areas/{id}/activities', name: 'add activity', path: (r) => `/api/areas/${r.areaId}/activities`, body: () => ({ kind: 'next_step', text: 'Call the mayor’s office', dueOn: '2011-02-15' }), need: 'member', ok: 201 },
  { route: 'PATCH /api/activities/{id}', name: 'mark activity done', path: (r) => `/api/activities/${r.activityId}`, body: () => ({ done: true }), need: 'member', ok: 200 },
  // Sending a plan to be ratified opens a decision among the members: the coordinator's call.
  { route: 'POST /api/work-plans/{id}/ratification', name: 'send plan for ratification', path: (r) => `/api/work-plans/${r.planId}/ratification`, body: () => ({}), need: 'admin', ok: 201 },
];

/**
 * A fresh alliance space F, each caller holding its role in F (the outsider none, only grants
 * from F to a space of theirs), with a member organization and a
 * convening (a participant, a session with a goal identified and a proposal that emerged, a
 * follow-up), a goal, and a draft work plan with a strategy area (holding the goal) and an activity.
 */
export async function conveningPlanRecords(t: TestApp, clients: Callers, n: number): Promise<ConveningPlanRecords> {
  const { owner: ownerActor, alliance, spaceId } = await foreignAlliance(t, clients, n, { outsiderGrants: true });
  const base = BLANK;
  const memberOrg = await createOrganization(t.db, ownerActor, spaceId, { ...base, name: `Foreign Org ${n}`, kind: 'union' });
  await addMember(t.db, ownerActor, alliance.id, { memberId: memberOrg.id, role: 'member', status: 'active' });

  const { id: conveningId } = await createConvening(t.db, ownerActor, alliance.id, ConveningInputSchema.parse({
    title: `Foreign Convening ${n}`, kind: 'convening', startsAt: '2011-01-22T10:00', endsAt: '2011-01-22T16:00', timeZone: 'America/Chicago',
    place: 'Foreign Hall', invitedIds: [memberOrg.id],
  }));
  const participant = await addParticipant(t.db, ownerActor, conveningId, { name: `Foreign Participant ${n}`, organizationId: memberOrg.id, capacity: 'staff', registered: true, attended: true });
  const session = await addSession(t.db, ownerActor, conveningId, { title: `Foreign Session ${n}`, facilitator: 'Foreign Facilitator' });
  const goalItem = await addSessionItem(t.db, ownerActor, session.id, { kind: 'goal', text: `Foreign Goal Identified ${n}` });
  const proposalItem = await addSessionItem(t.db, ownerActor, session.id, { kind: 'proposal', text: `Foreign Proposal Emerged ${n}` });
  const followUp = await addFollowUp(t.db, ownerActor, conveningId, { text: `Foreign Follow-up ${n}`, ownerOrganizationId: memberOrg.id, dueOn: '2011-01-29' });

  const plan = await createPlan(t.db, ownerActor, alliance.id, WorkPlanInputSchema.parse({ title: `Foreign Plan ${n}`, period: '2011' }));
  const area = await addArea(t.db, ownerActor, plan.id, AreaInputSchema.parse({ name: `Foreign Area ${n}`, broadGoal: 'Economic justice', anchorIds: [memberOrg.id] }));
  const activity = await addActivity(t.db, ownerActor, area.id, { kind: 'activity', text: `Foreign Activity ${n}`, dueOn: '2011-03-01' });
  const goal = await createGoal(t.db, ownerActor, alliance.id, GoalInputSchema.parse({ statement: `Foreign Goal ${n}: 8 of 10 members attend every meeting by December 2011` }));
  await setGoalArea(t.db, ownerActor, goal.id, area.id);

  return {
    spaceId, allianceId: alliance.id, memberOrgId: memberOrg.id,
    conveningId, participantId: participant.id, sessionId: session.id, goalItemId: goalItem.id, proposalItemId: proposalItem.id, followUpId: followUp.id,
    goalId: goal.id, planId: plan.id, areaId: area.id, activityId: activity.id,
  };
}
