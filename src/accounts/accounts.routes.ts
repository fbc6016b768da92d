import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { clientAddressOf } from '../server/client-address.ts';
import { actorOf } from '../server/context.ts';
import { jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { LoginSchema, MePatchSchema, MeSchema, PasswordChangeSchema } from './accounts.schema.ts';
import * as service from './accounts.service.ts';

export const SESSION_COOKIE = 'crossroads_session';

function clientAddress(c: Parameters<typeof getConnInfo>[0], trustedProxies: string[]) {
  let remote: string | undefined;
  try { remote = getConnInfo(c).remote.address; } catch { remote = undefined; }
  return clientAddressOf(remote, c.req.header('x-forwarded-for'), trustedProxies);
}

export const accountsRoutes = newRouter()
  .openapi(createRoute({ method: 'post', path: '/auth/login', tags: ['accounts'], request: jsonBody(LoginSchema),
    responses: { 200: jsonResponse(MeSchema), 401: problems[401], 422: problems[422], 429: problems[401] } }), async (c) => {
    const { db, config } = c.get('deps');
    const { email, password } = c.req.valid('json');
    const token = await service.signIn(db, c.get('throttle'), email, password, clientAddress(c, config.trustedProxies));
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'Lax', path: '/', secure: config.secureCookies, maxAge: service.SESSION_DAYS * 86_400,
    });
    const actor = await service.actorForToken(db, token);
    return c.json(await service.getMe(db, actor!.userId), 200);
  })
  .openapi(createRoute({ method: 'post', path: '/auth/logout', tags: ['accounts'], responses: { 200: jsonResponse(Ok) } }), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await service.signOut(c.get('deps').db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/me', tags: ['accounts'], responses: { 200: jsonResponse(MeSchema), 401: problems[401] } }), async (c) =>
    c.json(await service.getMe(c.get('deps').db, actorOf(c).userId), 200))
  .openapi(createRoute({ method: 'patch', path: '/me', tags: ['accounts'], request: jsonBody(MePatchSchema),
    responses: { 200: jsonResponse(MeSchema), 401: problems[401], 422: problems[422] } }), async (c) => {
    const { db } = c.get('deps');
    const actor = actorOf(c);
    await service.updateMe(db, actor.userId, c.req.valid('json'));
    return c.json(await service.getMe(db, actor.userId), 200);
  })
  .openapi(createRoute({ method: 'post', path: '/me/password', tags: ['accounts'], request: jsonBody(PasswordChangeSchema),
    responses: { 200: jsonResponse(Ok), 401: problems[401], 422: problems[422] } }), async (c) => {
    const body = c.req.valid('json');
    await service.changePassword(c.get('deps').db, actorOf(c).userId, getCookie(c, SESSION_COOKIE) ?? '', body.currentPassword, body.newPassword);
    return c.json({ ok: true as const }, 200);
  });

