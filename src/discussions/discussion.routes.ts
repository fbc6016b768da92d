import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { DigestSchema, PageQuery, PostInputSchema, ReactionSchema, SearchQuery, SubjectParams, SubscriptionSchema, ThreadInputSchema, UpdateInputSchema } from './discussion.schema.ts';
import * as updates from './update.service.ts';
import * as service from './discussion.service.ts';

const tags = ['discussions'];
const Any = z.looseObject({});
const json = <T>(value: T) => value as unknown as Record<string, unknown>;
const Created = z.object({ id: z.string() }).passthrough();

export const discussionRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/discussions/search', tags, description: 'Posts matching the words, in English or Spanish, in the spaces the caller holds a role in.',
    request: { query: SearchQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await service.searchDiscussions(c.get('deps').db, actorOf(c), c.req.valid('query').q)), 200))
  .openapi(createRoute({ method: 'get', path: '/discussions/{kind}/{id}/threads', tags, description: 'The threads on an alliance, committee, campaign, proposal, convening or work plan, with unread counts.',
    request: { params: SubjectParams }, responses: { 200: jsonResponse(Any), ...problems } }), async (c) => {
    const { kind, id } = c.req.valid('param');
    return c.json(json(await service.listSubjectThreads(c.get('deps').db, actorOf(c), kind, id)), 200);
  })
  .openapi(createRoute({ method: 'post', path: '/discussions/{kind}/{id}/threads', tags, description: 'A new thread with its first post (on a proposal, a post in its one discussion).',
    request: { params: SubjectParams, ...jsonBody(ThreadInputSchema) }, responses: { 201: jsonResponse(Created), ...problems } }), async (c) => {
    const { kind, id } = c.req.valid('param');
    return c.json(await service.startThread(c.get('deps').db, actorOf(c), kind, id, c.req.valid('json')), 201);
  })
  .openapi(createRoute({ method: 'get', path: '/threads/{id}', tags, description: 'A thread and its posts (200 at a time; `after` for the next); marks it read.',
    request: { params: IdParam, query: PageQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await service.getThread(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query'))), 200))
  .openapi(createRoute({ method: 'post', path: '/threads/{id}/posts', tags, request: { params: IdParam, ...jsonBody(PostInputSchema) }, responses: { 201: jsonResponse(Created), ...problems } }),
    async (c) => c.json(await service.addPost(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'put', path: '/threads/{id}/subscription', tags, description: 'Follow a thread (hear of new posts) or stop.',
    request: { params: IdParam, ...jsonBody(SubscriptionSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.subscribe(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').subscribed);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'put', path: '/posts/{id}', tags, description: 'Its author edits a post.', request: { params: IdParam, ...jsonBody(PostInputSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.editPost(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/posts/{id}', tags, description: 'Its author or an administrator removes a post (its place in the thread stays).',
    request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.removePost(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/posts/{id}/reactions', tags, description: 'Adds the caller\'s reaction, or takes it back.',
    request: { params: IdParam, ...jsonBody(ReactionSchema) }, responses: { 200: jsonResponse(z.object({ added: z.boolean() })), ...problems } }),
    async (c) => c.json(await service.react(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').reaction), 200))
  .openapi(createRoute({ method: 'get', path: '/alliances/{id}/updates', tags, description: "The alliance's updates to its members, newest first, with how many replied by email.",
    request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await updates.listAllianceUpdates(c.get('deps').db, actorOf(c), c.req.valid('param').id)), 200))
  .openapi(createRoute({ method: 'post', path: '/alliances/{id}/updates', tags, description: 'Sends an update to the representatives (or all followers) by email and in the app; replies by email land in its thread.',
    request: { params: IdParam, ...jsonBody(UpdateInputSchema) }, responses: { 201: jsonResponse(Created), ...problems } }),
    async (c) => c.json(await updates.sendUpdate(c.get('deps'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'put', path: '/me/digest', tags, description: "The caller's choice: one email per update, or a daily digest.",
    request: jsonBody(DigestSchema), responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await updates.setMyDigest(c.get('deps').db, actorOf(c), c.req.valid('json').digest);
    return c.json({ ok: true as const }, 200);
  });
