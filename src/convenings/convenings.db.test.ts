import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from '../../test/alliance-fixture.ts';
import { Client, ENGINES, type TestApp, testApp } from '../../test/test-app.ts';

// From convening to plan, through the API: a convening with its attendance and sessions, a goal
// identified that becomes a SMARTIE goal, a work plan with an anchor organization, ratified.

const convening = (over: Record<string, unknown> = {}) => ({
  title: 'Collaborative strategy session', kind: 'strategy_session', startsAt: '2011-01-22T10:00', endsAt: '2011-01-22T16:00',
  timeZone: 'America/Los_Angeles', place: 'Los Angeles', ...over,
});

describe.each(ENGINES)('convenings and plans on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  const c = (name: string) => f.clients[name]!;

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 'c');
  });
  afterAll(async () => t?.close());

  it('records who came, as staff or grassroots leaders, and who came for the first time', async () => {
    const bad = await c('coordinator').post(`/api/organizations/${f.alliance.id}/convenings`, convening({ timeZone: 'PST', endsAt: '2011-01-21T10:00' }));
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['endsAt', 'timeZone']);
    expect((await c('funder').post(`/api/organizations/${f.alliance.id}/convenings`, convening())).status).toBe(403);
    expect((await c('outsider').get(`/api/organizations/${f.alliance.id}/convenings`)).status).toBe(404);

    const first = await c('coordinator').post(`/api/organizations/${f.alliance.id}/convenings`, convening({ title: 'Planning meeting', startsAt: '2010-12-10T09:00', endsAt: '2010-12-10T17:00',
      invitedIds: [f.members.X!.id, f.members.Y!.id] }));
    expect(first.status, first.text).toBe(201);
    expect((await c('coordinator').post(`/api/convenings/${first.json.id}/participants`, { name: 'Ana Ortiz', organizationId: f.members.X!.id, capacity: 'leader' })).status).toBe(201);

    const second = await c('coordinator').post(`/api/organizations/${f.alliance.id}/convenings`, convening({ hostIds: [f.alliance.id, f.members.X!.id] }));
    const id = second.json.id;
    for (const p of [{ name: 'Ana Ortíz', organizationId: f.members.X!.id, capacity: 'leader' }, { name: 'Xochitl Rep', organizationId: f.members.X!.id, capacity: 'staff' },
      { name: 'Yolanda Rep', organizationId: f.members.Y!.id, capacity: 'staff' }, { name: 'Beto Leader', organizationId: f.members.Y!.id, capacity: 'leader' },
      { name: 'Registered Only', organizationId: f.members.Y!.id, capacity: 'staff', registered: true, attended: false }]) {
      const added = await c('repX').post(`/api/convenings/${id}/participants`, p);
      expect(added.status, added.text).toBe(201);
    }
    expect((await c('funder').post(`/api/convenings/${id}/participants`, { name: 'Funder', capacity: 'guest' })).status).toBe(403);
    const page = (await c('funder').get(`/api/convenings/${id}`)).json;
    expect(page.hosts.map((h: { name: string }) => h.name).sort()).toEqual(['Alliance c', 'Member X c']);
    expect(page.report).toMatchObject({ attended: 4, organizations: 2, staff: 2, leaders: 2, registeredButAbsent: 1, firstTime: 3 });
    // What a member reads of the alliance's convening is the alliance's own record: no person of
    // another member's private space comes with it (X's alternate did not come, and is not named).
    const asMember = await c('repY').get(`/api/convenings/${id}`);
    expect(asMember.text).not.toContain('Xavier Alt');
    expect(asMember.json.participants.every((p: Record<string, unknown>) => !('email' in p) && !('personId' in p))).toBe(true);
    // Ana came to the planning meeting before (her name written with or without the accent).
    expect(page.participants.find((p: { name: string }) => p.name === 'Ana Ortíz').firstTime).toBe(false);
  });

  it('turns a goal identified into a SMARTIE goal whose checks explain themselves, and puts it in a work plan with an anchor', async () => {
    const { json: { id } } = await c('coordinator').post(`/api/organizations/${f.alliance.id}/convenings`, convening());
    const session = await c('coordinator').post(`/api/convenings/${id}/sessions`, { title: 'Climate justice breakout', facilitator: 'Grace' });
    const item = await c('coordinator').post(`/api/sessions/${session.json.id}/items`, { kind: 'goal', text: 'Ensure the steering committee is highly engaged this year.' });
    const made = await c('coordinator').post(`/api/session-items/${item.json.id}/goal`);
    expect(made.status, made.text).toBe(201);
    expect((await c('coordinator').post(`/api/session-items/${item.json.id}/goal`)).status).toBe(409);

    let goal = (await c('repY').get(`/api/goals/${made.json.goalId}`)).json;
    expect(goal.source).toMatchObject({ title: 'Climate justice breakout' });
    const failing = goal.smartie.filter((s: { ok: boolean }) => !s.ok).map((s: { letter: string }) => s.letter);
    expect(failing).toEqual(expect.arrayContaining(['M', 'T', 'I', 'E']));
    expect(goal.smartie.find((s: { letter: string }) => s.letter === 'T').reason).toBe('vague_timeframe');

    const plan = await c('coordinator').post(`/api/organizations/${f.alliance.id}/work-plans`, { title: '2011 work plan', period: '2011' });
    const area = await c('coordinator').post(`/api/work-plans/${plan.json.id}/areas`, { name: 'Climate and environmental justice', broadGoal: 'Build a just transition', anchorIds: [f.members.X!.id] });
    expect(area.status, area.text).toBe(201);
    const fixed = await c('coordinator').put(`/api/goals/${made.json.goalId}`, {
      statement: 'By December 2011, 8 of 10 steering committee members attend every monthly meeting, with grassroots leaders from the most affected communities chairing half of them and deciding the agenda, to advance racial and economic justice.',
      deadline: '2011-12-31', decidersFromMostAffected: true, areaId: area.json.id,
      indicators: [{ name: 'members attending monthly', unit: 'people', baseline: 3, target: 8 }],
      activities: [{ dueOn: '2011-03-01', text: 'Rotate the chair among member leaders' }],
    });
    expect(fixed.status, fixed.text).toBe(200);
    goal = (await c('repY').get(`/api/goals/${made.json.goalId}`)).json;
    for (const letter of ['M', 'T', 'I', 'E']) expect(goal.smartie.find((s: { letter: string }) => s.letter === letter).ok, letter).toBe(true);

    const view = (await c('repY').get(`/api/work-plans/${plan.json.id}`)).json;
    expect(view.areas[0].anchors.map((a: { name: string }) => a.name)).toEqual(['Member X c']);
    expect(view.areas[0].goals.map((g: { id: string }) => g.id)).toEqual([made.json.goalId]);
    const other = await c('coordinator').post(`/api/work-plans/${plan.json.id}/areas`, { name: 'X', anchorIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(other.status).toBe(422);
    expect(other.json.errors[0].field).toBe('anchorIds[0]');
  });

  it('ratifies a work plan through the decisions module', async () => {
    const plan = await c('coordinator').post(`/api/organizations/${f.alliance.id}/work-plans`, { title: 'Plan to ratify' });
    expect((await c('repX').post(`/api/work-plans/${plan.json.id}/ratification`, {})).status).toBe(403);
    const sent = await Promise.all([1, 2].map(() => c('coordinator').post(`/api/work-plans/${plan.json.id}/ratification`, {})));
    expect(sent.map((r) => r.status).sort()).toEqual([201, 409]);
    const proposal = sent.find((r) => r.status === 201)!;
    expect(proposal.status, proposal.text).toBe(201);
    expect((await c('coordinator').get(`/api/work-plans/${plan.json.id}`)).json.status).toBe('in_ratification');
    await c('coordinator').post(`/api/proposals/${proposal.json.id}/advance`);
    const voteId = (await c('coordinator').get(`/api/proposals/${proposal.json.id}`)).json.steps[0].vote.id;
    await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'yes' } });
    await c('repY').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'yes' } });
    await c('coordinator').post(`/api/votes/${voteId}/close`, { rule: 'when_all_voted' });
    expect((await c('coordinator').post(`/api/proposals/${proposal.json.id}/decide`, { statement: 'Ratified by both members.' })).json.status).toBe('ratified');
    expect((await c('repY').get(`/api/work-plans/${plan.json.id}`)).json.status).toBe('ratified');
    expect((await c('coordinator').put(`/api/work-plans/${plan.json.id}`, { title: 'Changed after the fact' })).status).toBe(409);
  });

  it('makes one goal and one proposal of an item however many times it is sent at once', async () => {
    const { json: { id } } = await c('coordinator').post(`/api/organizations/${f.alliance.id}/convenings`, convening({ title: 'Double-click convening' }));
    const session = await c('coordinator').post(`/api/convenings/${id}/sessions`, { title: 'Plenary' });
    for (const kind of ['goal', 'proposal'] as const) {
      const item = await c('coordinator').post(`/api/sessions/${session.json.id}/items`, { kind, text: `One ${kind} only, clicked twice` });
      const sent = await Promise.all([1, 2, 3].map(() => c('coordinator').post(`/api/session-items/${item.json.id}/${kind}`)));
      expect(sent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    }
    const goals = (await c('coordinator').get(`/api/organizations/${f.alliance.id}/goals`)).json.goals as { statement: string }[];
    expect(goals.filter((g) => g.statement === 'One goal only, clicked twice')).toHaveLength(1);
    const proposals = (await c('coordinator').get(`/api/alliances/${f.alliance.id}/proposals`)).json as { title: string }[] | { proposals: { title: string }[] };
    const list = Array.isArray(proposals) ? proposals : proposals.proposals;
    expect(list.filter((p) => p.title === 'One proposal only, clicked twice')).toHaveLength(1);
  });

  it('turns a proposal that emerged into a draft proposal, and lists follow-ups that are overdue', async () => {
    const { json: { id } } = await c('coordinator').post(`/api/organizations/${f.alliance.id}/convenings`, convening({ title: 'January 2011 convening' }));
    const session = await c('coordinator').post(`/api/convenings/${id}/sessions`, { title: 'Plenary' });
    const item = await c('coordinator').post(`/api/sessions/${session.json.id}/items`, { kind: 'proposal', text: 'Run a joint voter engagement program in 2012' });
    const made = await c('coordinator').post(`/api/session-items/${item.json.id}/proposal`);
    expect(made.status, made.text).toBe(201);
    expect((await c('coordinator').get(`/api/proposals/${made.json.proposalId}`)).json).toMatchObject({ status: 'draft', title: 'Run a joint voter engagement program in 2012' });

    await c('coordinator').post(`/api/convenings/${id}/follow-ups`, { text: 'Send notes to all groups', ownerOrganizationId: f.members.Y!.id, dueOn: '2011-01-29' });
    const later = await c('coordinator').post(`/api/convenings/${id}/follow-ups`, { text: 'Plan the next session', ownerName: 'Coordinator', dueOn: '2999-01-01' });
    const overdue = (await c('repX').get(`/api/organizations/${f.alliance.id}/follow-ups?overdue=true`)).json;
    expect(overdue.map((o: { text: string }) => o.text)).toEqual(['Send notes to all groups']);
    expect(overdue[0].ownerOrganizationName).toBe('Member Y c');
    // Overdue on the reader's own day: not yet on the 28th, one day late on the 30th.
    const overdueOn = async (today: string) => (await c('repX').get(`/api/organizations/${f.alliance.id}/follow-ups?overdue=true&today=${today}`)).json.map((o: { text: string }) => o.text);
    expect(await overdueOn('2011-01-28')).toEqual([]);
    expect(await overdueOn('2011-01-30')).toEqual(['Send notes to all groups']);
    expect((await c('repX').get(`/api/organizations/${f.alliance.id}/follow-ups?overdue=true&today=tomorrow`)).status).toBe(422);
    expect((await c('repX').patch(`/api/follow-ups/${overdue[0].id}`, { done: true })).status).toBe(200);
    expect((await c('repX').get(`/api/organizations/${f.alliance.id}/follow-ups?overdue=true`)).json).toEqual([]);
    expect((await c('outsider').patch(`/api/follow-ups/${later.json.id}`, { done: true })).status).toBe(404);
  });

  it('exports a convening as iCalendar in its own time zone, and a feed a calendar app can subscribe to without signing in', async () => {
    const { json: { id } } = await c('coordinator').post(`/api/organizations/${f.alliance.id}/convenings`, convening({ title: 'Convening, with; commas' }));
    const res = await c('repY').get(`/api/convenings/${id}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(res.text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Convening, with; commas');
    expect(event.startDate.zone?.tzid).toBe('America/Los_Angeles');
    // 10:00 in Los Angeles in January is 18:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe('2011-01-22T18:00:00.000Z');
    expect((await c('outsider').get(`/api/convenings/${id}/calendar.ics`)).status).toBe(404);

    expect((await c('repY').get(`/api/organizations/${f.alliance.id}/calendar-feed`)).json.active).toBe(false);
    const made = await c('repY').post(`/api/organizations/${f.alliance.id}/calendar-feed`);
    expect(made.status).toBe(201);
    const path = new URL(made.json.url).pathname;
    const anonymous = new Client(t.app);
    const feed = await anonymous.get(path);
    expect(feed.status).toBe(200);
    const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect((await anonymous.get(path.replace(/\.[A-Za-z0-9_-]{32}\.ics$/, '.00000000000000000000000000000000.ics'))).status).toBe(404);
    expect((await c('outsider').get(`/api/organizations/${f.alliance.id}/calendar-feed`)).status).toBe(404);
    expect((await c('outsider').post(`/api/organizations/${f.alliance.id}/calendar-feed`)).status).toBe(404);
    expect((await c('repY').get(`/api/organizations/${f.alliance.id}/calendar-feed`)).json.active).toBe(true);
    // Only the token's hash is stored.
    const token = path.split('.')[1]!;
    const stored = JSON.stringify(await t.db.selectFrom('calendar_feed_tokens').selectAll().execute());
    expect(stored).not.toContain(token);
  });

  it('gives each person a calendar address of their own that they can replace or stop, and that stops with their role', async () => {
    const feedOf = async (name: string) => new URL((await c(name).post(`/api/organizations/${f.alliance.id}/calendar-feed`)).json.url).pathname;
    const anonymous = new Client(t.app);
    const first = await feedOf('repX');
    const second = await feedOf('repX');
    expect(second).not.toBe(first);
    expect((await anonymous.get(first)).status).toBe(404);
    expect((await anonymous.get(second)).status).toBe(200);
    expect((await c('repX').delete(`/api/organizations/${f.alliance.id}/calendar-feed`)).status).toBe(200);
    expect((await anonymous.get(second)).status).toBe(404);

    // A removed role takes its person's feed with it, and another person's feed keeps working.
    const zFeed = await feedOf('repZ');
    const yFeed = await feedOf('repY');
    expect((await anonymous.get(zFeed)).status).toBe(200);
    const removed = await c('coordinator').delete(`/api/spaces/${f.allianceSpaceId}/roles/${c('repZ').userId}`);
    expect(removed.status).toBe(200);
    expect((await anonymous.get(zFeed)).status).toBe(404);
    expect((await anonymous.get(yFeed)).status).toBe(200);
    // Even a role removed behind the app's back (straight in the database) stops the feed at its next read.
    const xFeed = await feedOf('repX');
    await t.db.deleteFrom('space_roles').where('space_id', '=', f.allianceSpaceId).where('user_id', '=', c('repX').userId).execute();
    expect((await anonymous.get(xFeed)).status).toBe(404);
  });
});
