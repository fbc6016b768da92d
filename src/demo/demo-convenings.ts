import { addFollowUp, addParticipant, addSession, addSessionItem, createConvening } from '../convenings/convening.service.ts';
import type { Db } from '../db/database.ts';
import type { StepInput } from '../decisions/decision.schema.ts';
import { createGoal } from '../plans/goal.service.ts';
import { addActivity, addArea, createPlan, sendForRatification } from '../plans/work-plan.service.ts';
import type { Actor } from '../spaces/access.ts';
import { DEMO_COMMITTED_ORGANIZERS } from './demo-decisions.ts';
import { DEMO_PEOPLE } from './demo-data.ts';

// Convenings and plans drawn from the seeds (their facts in the demo's own words; attendees are
// the demo's fictional people): the Inter-Alliance Dialogue's December 2009 planning meeting and
// its 2010 work plan (seed 000), the July 2006 national grassroots conference's strategy sessions
// with their goals identified (seed 004), and California Calls' January 2011 collaborative
// strategy session with its three proposals (seed 002).

export const WORK_PLAN_TITLE = 'Inter-Alliance Dialogue joint work plan for 2010';

interface Context { coordinator: Actor; orgIds: Map<string, string>; committeeId: string }

const seatedIn = (allianceKey: string) => DEMO_PEOPLE.filter((p) => p.seats.some((s) => s.allianceKey === allianceKey));
const capacityOf = (person: (typeof DEMO_PEOPLE)[number]) => (person.affiliations[0]!.role === 'leader' ? 'leader' as const : 'staff' as const);

async function sessionWith(db: Db, actor: Actor, conveningId: string, title: string, facilitator: string | null, goals: string[], proposals: string[] = []) {
  const session = await addSession(db, actor, conveningId, { title, facilitator });
  for (const text of goals) await addSessionItem(db, actor, session.id, { kind: 'goal', text });
  for (const text of proposals) await addSessionItem(db, actor, session.id, { kind: 'proposal', text });
  return session;
}

async function iadPlanningMeeting(db: Db, { coordinator, orgIds }: Context) {
  const iad = orgIds.get('iad')!;
  const { id } = await createConvening(db, coordinator, iad, {
    title: 'IAD planning meeting', kind: 'convening', startsAt: '2009-12-14T09:00', endsAt: '2009-12-15T17:00', timeZone: 'America/New_York',
    place: 'Maryland', description: 'Representatives of the six alliances review the three strategies from the July convening and add a fourth, capacity building.',
    hostIds: [iad], invitedIds: Object.keys(DEMO_COMMITTED_ORGANIZERS).map((k) => orgIds.get(k)!),
  });
  for (const person of seatedIn('iad')) {
    await addParticipant(db, coordinator, id, { name: person.name, organizationId: orgIds.get(person.affiliations[0]!.orgKey)!, capacity: capacityOf(person), registered: true, attended: true });
  }
  await sessionWith(db, coordinator, id, 'Challenging the Right', null, [
    'Build a social movement front presence on immigration reform',
    'Develop ideas for a front presence on climate and environmental justice and on challenging the banks',
  ]);
  await sessionWith(db, coordinator, id, 'Building Political Unity', null, ['Hold local and regional cross-alliance gatherings for shared political education', 'Build an IAD presence at the US Social Forum']);
  await sessionWith(db, coordinator, id, 'Capacity Building', null, ['Use the IAD to organize philanthropy so that money reaches grassroots organizing'],
    ['Form a funders strategy committee with a permanent representative and an alternate from each alliance']);
  await addFollowUp(db, coordinator, id, { text: 'Send the draft plan to the six alliances before the holiday break', ownerOrganizationId: iad, dueOn: '2009-12-23' });
  return id;
}

/** The 2010 work plan with its strategy areas and anchors, sent for the four-step ratification. */
async function iadWorkPlan(db: Db, { coordinator, orgIds, committeeId }: Context) {
  const iad = orgIds.get('iad')!;
  const plan = await createPlan(db, coordinator, iad, {
    title: WORK_PLAN_TITLE, period: '2010',
    theoryOfChange: [{ if: 'the six alliances act as one front against the Right, with a shared political language', then: 'grassroots movements shape the national fights on immigration, climate and the economy' }],
    swot: { strengths: ['Six national alliances with local bases'], weaknesses: ['No shared staff'], opportunities: ['US Social Forum in Detroit'], threats: ['Enforcement-first immigration policy'] },
    stakeholders: [],
  });
  const areas = [
    { name: 'Challenging the Right', broadGoal: 'Advance a grassroots, social-movement-based progressive front on key national and international fights', anchors: ['ndlon', 'ggj', 'rttc', 'jwj'],
      activities: ['Take up local action against 287(g)', 'Lead a call for "no enforcement"', 'Put out messaging on immigration and its root causes'],
      nextSteps: ['NNIRR-recommended call of all IAD groups already working on immigration', 'Gather communications staff to plan rapid response'] },
    { name: 'Building Political Unity', broadGoal: 'Deepen a common political language and analysis on the issues most affecting our bases', anchors: ['ggj'],
      activities: ['Local and regional cross-alliance gatherings before the US Social Forum'], nextSteps: ['Centralize information from local and regional meetings'] },
    { name: 'Capacity Building', broadGoal: 'Organize philanthropy to preserve and grow the grassroots organizing sector', anchors: ['ggj'], committee: true,
      activities: ['Briefing with funder networks in late January', 'Membership call on the "Mapping the Money" report in late March'], nextSteps: ['Form the funders strategy committee'] },
  ];
  for (const a of areas) {
    const area = await addArea(db, coordinator, plan.id, { name: a.name, broadGoal: a.broadGoal, anchorIds: a.anchors.map((k) => orgIds.get(k)!),
      committeeId: a.committee ? committeeId : null, deadline: '2010-12-31' });
    for (const text of a.activities) await addActivity(db, coordinator, area.id, { kind: 'activity', text });
    for (const text of a.nextSteps) await addActivity(db, coordinator, area.id, { kind: 'next_step', text });
    if (a.name === 'Challenging the Right') {
      await createGoal(db, coordinator, iad, { statement: 'Build a social movement front presence on immigration reform in at least 3 key cities by June 2010, with grassroots leaders of immigrant communities deciding the demands', level: 'goal',
        deadline: '2010-06-30', areaId: area.id, decidersFromMostAffected: true, indicators: [{ name: 'cities with joint actions', baseline: 0, target: 3 }], activities: [], impactReflection: {} });
    }
  }
  const values = Object.fromEntries(Object.entries(DEMO_COMMITTED_ORGANIZERS).map(([key, organizers]) => [orgIds.get(key)!, { organizers }]));
  const steps: StepInput[] = [
    { kind: 'consultation', format: 'meeting', title: 'Regional meetings (Bay Area, DC, Providence, NYC)', startsOn: '2010-01-11', endsOn: '2010-01-29' },
    { kind: 'consultation', format: 'call', title: 'Mass membership call', startsOn: '2010-02-04', endsOn: '2010-02-04' },
    { kind: 'vote', title: 'Network ratification', startsOn: '2010-02-15', endsOn: '2010-02-26', vote: {
      method: 'majority', rule: { threshold: { numerator: 2, denominator: 3 }, comparison: 'at_least', abstentions: 'excluded' }, options: [], seats: 1,
      electorate: { kind: 'organizations', roles: ['anchor', 'member'], affiliationRoles: ['leader'] },
      weighting: { equalShare: 0.5, inputs: [{ key: 'organizers', share: 0.5 }], values },
      quorum: { numerator: 2, denominator: 3 }, secret: false, earlyClose: 'when_all_voted' } },
  ];
  await sendForRatification(db, coordinator, plan.id, steps);
}

async function nationalConference(db: Db, { coordinator, orgIds }: Context) {
  const nisn = orgIds.get('nisn')!;
  const { id } = await createConvening(db, coordinator, nisn, {
    title: 'National Grassroots Immigrant Strategy Conference', kind: 'convening', startsAt: '2006-07-28T09:00', endsAt: '2006-07-30T17:00',
    timeZone: 'America/New_York', place: 'American University, Washington DC', hostIds: [nisn], invitedIds: [],
  });
  await sessionWith(db, coordinator, id, 'Border strategy session', null, [
    'Conduct a border walk during spring break 2007, from San Diego to Brownsville, meeting in El Paso',
    'Support local humanitarian efforts along the borders', 'Build memorials for the deaths in the desert along the border']);
  await sessionWith(db, coordinator, id, 'Movement building session', null, [
    'Use popular education to raise consciousness about human rights and the experiences of immigrants',
    'Build on May 1st toward a broader unity centered on the movement’s values', 'Develop a powerful and effective media strategy']);
  await sessionWith(db, coordinator, id, 'Day laborers session', null, ['Support day laborer centers', 'Implement English classes with a focus on political education']);
}

async function californiaCallsSession(db: Db, { coordinator, orgIds }: Context) {
  const calls = orgIds.get('california_calls')!;
  const { id } = await createConvening(db, coordinator, calls, {
    title: '2011 collaborative strategy session (1 of 3)', kind: 'strategy_session', startsAt: '2011-01-27T09:30', endsAt: '2011-01-27T16:30',
    timeZone: 'America/Los_Angeles', place: 'South Los Angeles', hostIds: [orgIds.get('scope')!, calls], invitedIds: [orgIds.get('scope')!, orgIds.get('cause')!],
    description: 'A shared analysis of the state’s political and policy landscape after the November election, and collaboration on the tax and fiscal crisis. Nearly 70 people from 44 groups took part.',
  });
  for (const person of DEMO_PEOPLE.filter((p) => ['scope', 'cause'].includes(p.affiliations[0]!.orgKey))) {
    await addParticipant(db, coordinator, id, { name: person.name, organizationId: orgIds.get(person.affiliations[0]!.orgKey)!, capacity: capacityOf(person), registered: true, attended: true });
  }
  await sessionWith(db, coordinator, id, 'Plenary: the tax and fiscal crisis', 'Jasmine Holloway', [
    'Develop a shared analysis of the statewide political and policy landscape after the November election',
    'Generate active collaboration on long-term solutions to the state’s tax and fiscal crisis',
  ], [
    'Develop a common vision, values and long-term agenda to solve the state’s tax and fiscal dysfunction',
    'Share strategic communication practices to shift public opinion about the role of government and taxes',
    'Organize a united progressive effort around the potential special election',
  ]);
  await addFollowUp(db, coordinator, id, { text: 'Second strategy session in July: closing the $28 billion budget gap', ownerOrganizationId: calls, dueOn: '2011-07-15' });
}

export async function loadDemoConvenings(db: Db, ctx: Context) {
  await iadPlanningMeeting(db, ctx);
  await iadWorkPlan(db, ctx);
  await nationalConference(db, ctx);
  await californiaCallsSession(db, ctx);
}
