import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { ContactSchema, PersonInputSchema, PersonSchema } from './person.schema.ts';
import * as service from './person.service.ts';
import { PersonAccountSchema } from '../decisions/decision.schema.ts';

const PeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const personRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/people', tags: ['people'], request: { params: IdParam, query: PeopleQuery },
    responses: { 200: jsonResponse(z.object({ total: z.number(), items: z.array(PersonSchema) })), ...problems } }), async (c) =>
    c.json(await service.listPeople(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/people', tags: ['people'], request: { params: IdParam, ...jsonBody(PersonInputSchema) },
    responses: { 201: jsonResponse(PersonSchema), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const actor = actorOf(c);
    const id = await service.createPerson(db, box, actor, c.req.valid('param').id, c.req.valid('json'));
    return c.json(await service.getPerson(db, actor, id), 201);
  })
  .openapi(createRoute({ method: 'get', path: '/people/{id}', tags: ['people'], request: { params: IdParam },
    responses: { 200: jsonResponse(PersonSchema), ...problems } }), async (c) =>
    c.json(await service.getPerson(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/people/{id}/contact', tags: ['people'], description: 'Decrypts the contact details; each read is written to the audit log.',
    request: { params: IdParam }, responses: { 200: jsonResponse(ContactSchema), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    return c.json(await service.readContact(db, box, actorOf(c), c.req.valid('param').id), 200);
  })
  .openapi(createRoute({ method: 'put', path: '/people/{id}', tags: ['people'], request: { params: IdParam, ...jsonBody(PersonInputSchema) },
    responses: { 200: jsonResponse(PersonSchema), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    await service.updatePerson(db, box, actor, id, c.req.valid('json'));
    return c.json(await service.getPerson(db, actor, id), 200);
  })
  .openapi(createRoute({ method: 'put', path: '/people/{id}/account', tags: ['people'], description: 'Links the person to the account they sign in with (null unlinks).',
    request: { params: IdParam, ...jsonBody(PersonAccountSchema) }, responses: { 200: jsonResponse(Ok), 409: problems[422], ...problems } }), async (c) => {
    await service.linkAccount(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json').email);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/people/{id}', tags: ['people'], request: { params: IdParam },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deletePerson(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
