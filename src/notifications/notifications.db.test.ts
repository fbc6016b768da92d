import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture, proposalWith } from '../../test/alliance-fixture.ts';
import { startSmtp } from '../../test/smtp-capture.ts';
import { ENGINES, type TestApp, testApp } from '../../test/test-app.ts';
import { closeVotesPastDeadline, remindVotersBeforeClose } from '../decisions/vote.service.ts';
import { insertNotifications } from './notification.repository.ts';

// Voters hear of a vote in the app and by email, through a real SMTP conversation with a local
// server (the smtp-server package), in their own language.

describe.each(ENGINES)('vote notifications on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const c = (name: string) => f.clients[name]!;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await testApp(engine, { smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    f = await allianceWithMembers(t, 'n');
    await t.db.updateTable('users').set({ locale: 'es' }).where('id', '=', c('repY').userId).execute();
  });
  afterAll(async () => { await t?.close(); await smtp?.close(); });

  it('tells every voter when a vote opens, reminds those who have not voted, and closes at the deadline', async () => {
    const closesAt = new Date(Date.now() + 12 * 3600_000).toISOString();
    const created = await c('coordinator').post(`/api/alliances/${f.alliance.id}/proposals`, proposalWith({ method: 'consent', closesAt }));
    const id = created.json.id;
    await c('coordinator').post(`/api/proposals/${id}/advance`);
    expect((await c('repX').get('/api/notifications')).json.unread).toBe(0);
    await c('coordinator').post(`/api/proposals/${id}/advance`);
    await t.deps.mailer.idle();

    const opened = smtp.received.splice(0);
    expect(opened.flatMap((m) => m.to).sort()).toEqual(['altX-n@example.org', 'repX-n@example.org', 'repY-n@example.org']);
    const english = opened.find((m) => m.to[0] === 'repX-n@example.org')!;
    expect(english.subject).toBe('Vote open: Adopt the 2010 work plan');
    expect(english.text).toContain(`http://crossroads.test/proposals/${id}`);
    expect(opened.find((m) => m.to[0] === 'repY-n@example.org')!.subject).toBe('Votación abierta: Adopt the 2010 work plan');
    // The observer's representative is not in the electorate and hears nothing.
    expect(opened.some((m) => m.to.includes('repZ-n@example.org'))).toBe(false);

    const inbox = (await c('repX').get('/api/notifications')).json;
    expect(inbox.unread).toBe(1);
    expect(inbox.notifications[0]).toMatchObject({ kind: 'vote_opened', proposalId: id });
    expect(inbox.notifications[0].emailedAt).not.toBeNull();
    expect((await c('repX').post('/api/notifications/read', { ids: 'all' })).status).toBe(200);
    expect((await c('repX').get('/api/notifications')).json.unread).toBe(0);

    // X votes; within a day of the deadline only Y's representative is reminded, once.
    const voteId = (await c('repX').get(`/api/proposals/${id}`)).json.steps[1].vote.id;
    expect((await c('repX').post(`/api/votes/${voteId}/ballots`, { ballot: { position: 'consent' } })).status).toBe(201);
    expect(await remindVotersBeforeClose(t.deps, new Date())).toBe(1);
    await t.deps.mailer.idle();
    const reminders = smtp.received.splice(0);
    expect(reminders.map((m) => m.to)).toEqual([['repY-n@example.org']]);
    expect(reminders[0]!.subject).toBe('La votación cierra pronto: Adopt the 2010 work plan');
    expect(await remindVotersBeforeClose(t.deps, new Date())).toBe(0);

    // The deadline closes the vote by itself, and the log says so.
    expect(await closeVotesPastDeadline(t.db, new Date(Date.now() + 13 * 3600_000))).toBe(1);
    const vote = (await c('repY').get(`/api/proposals/${id}`)).json.steps[1].vote;
    expect(vote.status).toBe('closed');
    expect(vote.events.at(-1)).toMatchObject({ action: 'closed', rule: 'deadline' });
    expect(vote.outcome.passed).toBe(true);
  });

  it('counts every unread notification, not only the page listed', async () => {
    const vote = await t.db.selectFrom('votes').select(['id', 'proposal_id']).executeTakeFirstOrThrow(); // the one the test above opened
    const rows = Array.from({ length: 60 }, () => ({ userId: c('repZ').userId, spaceId: f.allianceSpaceId, kind: 'vote_opened' as const, proposalId: vote.proposal_id, voteId: vote.id, data: { proposalTitle: 'x' } }));
    await insertNotifications(t.db, rows);
    const inbox = (await c('repZ').get('/api/notifications')).json;
    expect(inbox.notifications).toHaveLength(50);
    expect(inbox.unread).toBe(60);
  });
});
