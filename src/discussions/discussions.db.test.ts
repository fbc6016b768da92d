import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture, proposalWith } from '../../test/alliance-fixture.ts';
import { ENGINES, type TestApp, testApp } from '../../test/test-app.ts';

// Threads through the API: who reads and writes, mentions that reach people, unread markers,
// reactions, edits and removals, search in English and Spanish that never crosses spaces, and a
// proposal's comments as its one discussion.

describe.each(ENGINES)('discussions on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  let other: AllianceFixture;
  const c = (name: string) => f.clients[name]!;
  let threadId = '';

  beforeAll(async () => {
    t = await testApp(engine);
    f = await allianceWithMembers(t, 'd');
    other = await allianceWithMembers(t, 'd2');
    // Planted in another alliance's space: a thread the first alliance's people must never find.
    await other.clients.coordinator!.post(`/api/discussions/alliance/${other.alliance.id}/threads`, { title: 'Secret strategy', body: 'Our organizers meet the port commissioners on Friday.' });
  });
  afterAll(async () => t?.close());

  it('opens threads to a role in the subject\'s space: viewers read, members write', async () => {
    const path = `/api/discussions/alliance/${f.alliance.id}/threads`;
    const body = { title: 'Phoenix response', body: `Our organizers go to Phoenix on Monday. @[Yolanda Rep](user:${c('repY').userId}) can you host a call? **Reuniones** del lunes.\n<script>alert(1)</script>` };
    expect((await c('funder').post(path, body)).status).toBe(403);
    expect((await c('outsider').post(path, body)).status).toBe(404);
    expect((await c('outsider').get(path)).status).toBe(404);
    const bad = await c('repX').post(path, { title: '', body: '' });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body', 'title']);
    const created = await c('repX').post(path, body);
    expect(created.status).toBe(201);
    threadId = created.json.id;
    const thread = (await c('funder').get(`/api/threads/${threadId}`)).json;
    expect(thread.canPost).toBe(false);
    expect(thread.posts[0].html).toContain('<strong>Reuniones</strong>');
    expect(thread.posts[0].html).not.toContain('<script');
    expect(thread.posts[0].html).toContain(`<span class="mention" data-user="${c('repY').userId}">@Yolanda Rep</span>`);
    expect((await c('outsider').get(`/api/threads/${threadId}`)).status).toBe(404);
  });

  it('tells the person mentioned and the followers, and keeps unread counts per reader', async () => {
    const inbox = (await c('repY').get('/api/notifications')).json;
    expect(inbox.notifications[0]).toMatchObject({ kind: 'mention', threadId, data: { threadTitle: 'Phoenix response' } });
    const list = (await c('coordinator').get(`/api/discussions/alliance/${f.alliance.id}/threads`)).json;
    expect(list.threads[0]).toMatchObject({ id: threadId, unread: 1, postCount: 1 });
    await c('coordinator').get(`/api/threads/${threadId}`);
    expect((await c('coordinator').get(`/api/discussions/alliance/${f.alliance.id}/threads`)).json.threads[0].unread).toBe(0);
    // The coordinator follows; repX (the author) follows already and hears of the reply.
    expect((await c('coordinator').put(`/api/threads/${threadId}/subscription`, { subscribed: true })).status).toBe(200);
    expect((await c('repY').post(`/api/threads/${threadId}/posts`, { body: 'Yes, Tuesday at 6.' })).status).toBe(201);
    const kinds = async (name: string) => (await c(name).get('/api/notifications')).json.notifications.map((n: { kind: string }) => n.kind);
    expect(await kinds('coordinator')).toContain('thread_post');
    expect(await kinds('repX')).toContain('thread_post');
    expect((await c('coordinator').get(`/api/discussions/alliance/${f.alliance.id}/threads`)).json.threads[0].unread).toBe(1);
  });

  it('lets authors edit, administrators remove, and members react', async () => {
    const thread = (await c('repX').get(`/api/threads/${threadId}`)).json;
    const [first, reply] = thread.posts;
    expect((await c('repY').put(`/api/posts/${first.id}`, { body: 'changed by someone else' })).status).toBe(403);
    expect((await c('repX').put(`/api/posts/${first.id}`, { body: 'Our organizers go to Phoenix on Tuesday.' })).status).toBe(200);
    expect((await c('repX').post(`/api/posts/${reply.id}/reactions`, { reaction: 'raised_fist' })).json).toEqual({ added: true });
    expect((await c('funder').post(`/api/posts/${reply.id}/reactions`, { reaction: 'heart' })).status).toBe(403);
    expect((await c('repX').post(`/api/posts/${reply.id}/reactions`, { reaction: 'bomb' })).status).toBe(422);
    const again = (await c('repY').get(`/api/threads/${threadId}`)).json;
    expect(again.posts[0].editedAt).not.toBeNull();
    expect(again.posts[1].reactions).toEqual([{ reaction: 'raised_fist', count: 1, mine: false }]);
    expect((await c('repX').delete(`/api/posts/${reply.id}`)).status).toBe(403);
    expect((await c('coordinator').delete(`/api/posts/${reply.id}`)).status).toBe(200);
    const after = (await c('repY').get(`/api/threads/${threadId}`)).json;
    expect(after.posts[1]).toMatchObject({ body: '', html: '', reactions: [] });
    expect(after.posts[1].deletedAt).not.toBeNull();
  });

  it('searches in English and Spanish, only where the reader holds a role', async () => {
    // "organizing" finds "organizers" (English stems); "reunión" finds "Reuniones" (Spanish stems, accents aside).
    const english = (await c('repY').get('/api/discussions/search?q=organizing')).json.results;
    expect(english.map((r: { threadTitle: string }) => r.threadTitle)).toEqual(['Phoenix response']);
    expect(english[0].snippet).toMatch(/«organizers»/i);
    await c('repX').post(`/api/threads/${threadId}/posts`, { body: 'Las reuniones del lunes serán en español.' });
    const spanish = (await c('repY').get(`/api/discussions/search?q=${encodeURIComponent('reunión')}`)).json.results;
    expect(spanish.length).toBeGreaterThanOrEqual(1);
    // The other alliance's thread never shows, though it matches.
    const ports = (await c('coordinator').get('/api/discussions/search?q=commissioners')).json.results;
    expect(ports).toEqual([]);
    expect((await other.clients.coordinator!.get('/api/discussions/search?q=commissioners')).json.results).toHaveLength(1);
    expect((await c('repY').get('/api/discussions/search?q=a')).status).toBe(422);
  });

  it('attaches resources of the thread\'s own library, never another space\'s', async () => {
    const resource = async (fx: AllianceFixture, title: string) => (await fx.clients.coordinator!.post(`/api/spaces/${fx.allianceSpaceId}/library`, { title })).json.id as string;
    const [plan, budget, planted] = [await resource(f, '2010 work plan'), await resource(f, 'Budget'), await resource(other, 'Their secret map')];
    const path = `/api/discussions/alliance/${f.alliance.id}/threads`;
    // Another space's resource (or one that does not exist) is refused by its place in the list, and nothing is written.
    const posts = async () => Number((await t.db.selectFrom('posts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await posts();
    const refused = await c('repX').post(path, { title: 'Plans', body: 'See attached.', attachments: [plan, planted, crypto.randomUUID()] });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((e: { field: string }) => e.field)).toEqual(['attachments.1', 'attachments.2']);
    expect((await c('repX').post(`/api/threads/${threadId}/posts`, { body: 'x', attachments: [planted] })).status).toBe(422);
    expect((await c('repX').post(`/api/threads/${threadId}/posts`, { body: 'x', attachments: [plan, plan] })).status).toBe(422);
    expect(await posts()).toBe(before);
    const created = await c('repX').post(path, { title: 'Plans', body: 'See attached.', attachments: [budget, plan] });
    expect(created.status).toBe(201);
    const first = async () => (await c('funder').get(`/api/threads/${created.json.id}`)).json.posts[0];
    expect((await first()).attachments.map((a: { title: string }) => a.title)).toEqual(['Budget', '2010 work plan']);
    // An edit that leaves attachments out keeps them; one that names them replaces them; only the thread's library again.
    const postId = (await first()).id;
    expect((await c('repX').put(`/api/posts/${postId}`, { body: 'See the plan.' })).status).toBe(200);
    expect((await first()).attachments).toHaveLength(2);
    expect((await c('repX').put(`/api/posts/${postId}`, { body: 'See the plan.', attachments: [planted] })).status).toBe(422);
    expect((await c('repX').put(`/api/posts/${postId}`, { body: 'See the plan.', attachments: [plan] })).status).toBe(200);
    expect((await first()).attachments.map((a: { id: string }) => a.id)).toEqual([plan]);
    // A resource removed from the library leaves the posts that attached it.
    expect((await c('coordinator').delete(`/api/library/${plan}`)).status).toBe(200);
    expect((await first()).attachments).toEqual([]);
  });

  it('keeps a proposal\'s comments in its one thread', async () => {
    const proposal = (await c('coordinator').post(`/api/alliances/${f.alliance.id}/proposals`, proposalWith({ method: 'consent' }))).json;
    expect((await c('repX').post(`/api/proposals/${proposal.id}/comments`, { body: 'We support the banks strategy.' })).status).toBe(201);
    expect((await c('repY').post(`/api/discussions/proposal/${proposal.id}/threads`, { title: 'ignored', body: 'So do we.' })).status).toBe(201);
    const threads = (await c('repY').get(`/api/discussions/proposal/${proposal.id}/threads`)).json.threads;
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ title: 'Adopt the 2010 work plan', postCount: 2 });
    const page = (await c('repY').get(`/api/proposals/${proposal.id}`)).json;
    expect(page.comments.map((d: { body: string }) => d.body)).toEqual(['We support the banks strategy.', 'So do we.']);
  });
});
