import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import {
  ConveningInputSchema, FollowUpInputSchema, FollowUpPatchSchema, ParticipantInputSchema, ParticipantPatchSchema, SessionInputSchema, SessionItemInputSchema,
} from './convening.schema.ts';
import * as service from './convening.service.ts';
import { sessionItemToGoal, sessionItemToProposal } from './session-outcomes.service.ts';
import { calendarFeed, calendarFeedStatus, conveningCalendar, createCalendarFeed, revokeCalendarFeed } from './calendar.service.ts';

const Anything = z.any().openapi('ConveningRecord');
const ok = { 200: jsonResponse(Anything), 409: problems[422], ...problems };
const created = { 201: jsonResponse(Anything), 409: problems[422], ...problems };
const done = { 200: jsonResponse(Ok), ...problems };
const byId = { params: IdParam };
const withBody = <T extends z.ZodType>(schema: T) => ({ params: IdParam, ...jsonBody(schema) });
const tags = ['convenings'];
const ics = { 200: { content: { 'text/calendar': { schema: z.string() } }, description: 'iCalendar (RFC 5545)' }, ...problems };
const FeedParam = z.object({ feed: z.string().regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}\.ics$/, 'not a calendar address').openapi({ param: { name: 'feed', in: 'path' } }) });
// `today` is the reader's own date: a follow-up due today is not overdue yet west of Greenwich.
const FollowUpQuery = z.object({ overdue: z.enum(['true', 'false']).default('false'), today: z.iso.date('use YYYY-MM-DD').optional() });

export const conveningRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/convenings/{id}/calendar.ics', tags, request: byId, responses: ics }), async (c) =>
    c.body(await conveningCalendar(c.get('deps'), actorOf(c), c.req.valid('param').id), 200,
      { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="convening.ics"' }) as never)
  .openapi(createRoute({ method: 'get', path: '/organizations/{id}/calendar-feed', tags, request: byId, responses: ok }), async (c) =>
    c.json(await calendarFeedStatus(c.get('deps'), actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/organizations/{id}/calendar-feed', tags, description: 'Makes the caller\'s own feed address (shown once), replacing any earlier one.', request: byId, responses: created }), async (c) =>
    c.json(await createCalendarFeed(c.get('deps'), actorOf(c), c.req.valid('param').id, new URL(c.req.url).origin), 201))
  .openapi(createRoute({ method: 'delete', path: '/organizations/{id}/calendar-feed', tags, request: byId, responses: ok }), async (c) => {
    await revokeCalendarFeed(c.get('deps'), actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/calendar/{feed}', tags, description: 'A subscribable calendar feed; the address itself is the key.', request: { params: FeedParam }, responses: ics }), async (c) => {
    const [organizationId, token] = c.req.valid('param').feed.replace(/\.ics$/, '').split('.');
    return c.body(await calendarFeed(c.get('deps'), organizationId!, token!), 200, { 'content-type': 'text/calendar; charset=utf-8' }) as never;
  })
  .openapi(createRoute({ method: 'get', path: '/organizations/{id}/convenings', tags, request: byId, responses: ok }), async (c) =>
    c.json(await service.listConvenings(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'post', path: '/organizations/{id}/convenings', tags, request: withBody(ConveningInputSchema), responses: created }), async (c) =>
    c.json(await service.createConvening(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/organizations/{id}/follow-ups', tags, request: { params: IdParam, query: FollowUpQuery }, responses: ok }), async (c) =>
    c.json(await service.listFollowUps(c.get('deps').db, actorOf(c), c.req.valid('param').id, { overdue: c.req.valid('query').overdue === 'true', today: c.req.valid('query').today }), 200))
  .openapi(createRoute({ method: 'get', path: '/convenings/{id}', tags, request: byId, responses: ok }), async (c) =>
    c.json(await service.getConvening(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'put', path: '/convenings/{id}', tags, request: withBody(ConveningInputSchema), responses: done }), async (c) => {
    await service.updateConvening(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/convenings/{id}', tags, request: byId, responses: done }), async (c) => {
    await service.deleteConvening(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/convenings/{id}/participants', tags, request: withBody(ParticipantInputSchema), responses: created }), async (c) =>
    c.json(await service.addParticipant(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'patch', path: '/participants/{id}', tags, request: withBody(ParticipantPatchSchema), responses: done }), async (c) => {
    await service.updateParticipant(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/participants/{id}', tags, request: byId, responses: done }), async (c) => {
    await service.removeParticipant(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/convenings/{id}/sessions', tags, request: withBody(SessionInputSchema), responses: created }), async (c) =>
    c.json(await service.addSession(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'put', path: '/sessions/{id}', tags, request: withBody(SessionInputSchema), responses: done }), async (c) => {
    await service.updateSession(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/sessions/{id}/items', tags, request: withBody(SessionItemInputSchema), responses: created }), async (c) =>
    c.json(await service.addSessionItem(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'post', path: '/session-items/{id}/goal', tags, description: 'Turns a goal identified in a session into a trackable goal.', request: byId, responses: created }), async (c) =>
    c.json(await sessionItemToGoal(c.get('deps').db, actorOf(c), c.req.valid('param').id), 201))
  .openapi(createRoute({ method: 'post', path: '/session-items/{id}/proposal', tags, description: 'Turns a proposal that emerged into a draft Proposal of the alliance.', request: byId, responses: created }), async (c) =>
    c.json(await sessionItemToProposal(c.get('deps').db, actorOf(c), c.req.valid('param').id), 201))
  .openapi(createRoute({ method: 'post', path: '/convenings/{id}/follow-ups', tags, request: withBody(FollowUpInputSchema), responses: created }), async (c) =>
    c.json(await service.addFollowUp(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'patch', path: '/follow-ups/{id}', tags, request: withBody(FollowUpPatchSchema), responses: done }), async (c) => {
    await service.setFollowUpDone(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').done);
    return c.json({ ok: true as const }, 200);
  });
