import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import * as service from './notification.service.ts';

const NotificationList = z.object({
  unread: z.number(),
  notifications: z.array(z.object({
    id: z.string(), kind: z.string(), proposalId: z.string().nullable(), voteId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).nullable(), createdAt: z.any(), readAt: z.any(), emailedAt: z.any(),
  })),
}).openapi('NotificationList');

export const notificationRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/notifications', tags: ['notifications'], responses: { 200: jsonResponse(NotificationList), ...problems } }),
    async (c) => c.json(await service.listMyNotifications(c.get('deps').db, actorOf(c)), 200))
  .openapi(createRoute({ method: 'post', path: '/notifications/read', tags: ['notifications'],
    request: jsonBody(z.object({ ids: z.union([z.array(z.uuid()), z.literal('all')]) }).openapi('MarkRead')),
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.markNotificationsRead(c.get('deps').db, actorOf(c), c.req.valid('json').ids);
    return c.json({ ok: true as const }, 200);
  });
