import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { describeContactFile, startContactImport, textSource } from './contact-import.service.ts';
import { exportContactsCsv } from './contact-export.service.ts';
import {
  ContactDetailsSchema, ContactFileSchema, ContactImportSchema, ContactInputSchema, ContactListSchema, ContactsQuery, ContactViewSchema, LookupQuery, MergeSchema,
} from './contact.schema.ts';
import * as service from './contact.service.ts';
import { segmentPager } from './segment.service.ts';

const ContactWithHistory = ContactViewSchema.extend({
  history: z.array(z.object({ id: z.string(), action: z.string(), otherContactId: z.string().nullable(), userId: z.string().nullable(), at: z.any() })),
}).openapi('ContactWithHistory');

/** A CSV body, written as it is produced. */
function csvStream(rows: AsyncGenerator<string>) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() { await rows.return(undefined); },
  });
}

export const contactRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/contacts', tags: ['contacts'], request: { params: IdParam, query: ContactsQuery },
    responses: { 200: jsonResponse(ContactListSchema), ...problems } }), async (c) =>
    c.json(await service.listContacts(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/contacts', tags: ['contacts'], request: { params: IdParam, ...jsonBody(ContactInputSchema) },
    responses: { 201: jsonResponse(ContactWithHistory), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const id = await service.createContact(db, box, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(await service.getContact(db, actorOf(c), id), 201);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/contacts/lookup', tags: ['contacts'], description: 'Exact match by email or phone through the blind index.',
    request: { params: IdParam, query: LookupQuery }, responses: { 200: jsonResponse(z.object({ items: z.array(ContactViewSchema) })), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    return c.json({ items: await service.lookupContacts(db, box, actorOf(c), c.req.valid('param').id, c.req.valid('query')) }, 200);
  })
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/contacts/export', tags: ['contacts'], description: 'Every contact (or a segment\'s) as CSV, details included; administrators only, logged.',
    request: { params: IdParam, query: z.object({ segment: z.uuid('not a valid id').optional() }) },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const actor = actorOf(c);
    const { id } = c.req.valid('param');
    const { segment } = c.req.valid('query');
    const rows = exportContactsCsv(db, box, actor, id, segment ? { pager: () => segmentPager(db, actor, id, segment) } : {});
    const first = await rows.next(); // checks access before the response starts
    async function* all() { if (!first.done) yield first.value; yield* rows; }
    c.header('content-disposition', 'attachment; filename="crossroads-contacts.csv"');
    return c.body(csvStream(all()), 200, { 'content-type': 'text/csv; charset=utf-8' });
  })
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/contact-imports/columns', tags: ['contacts'], description: 'The file\'s columns and the mapping suggested for them.',
    request: { params: IdParam, ...jsonBody(ContactFileSchema) },
    responses: { 200: jsonResponse(z.object({ headers: z.array(z.string()), mapping: z.record(z.string(), z.string().nullable()), fields: z.array(z.string()) })), ...problems } }), async (c) =>
    c.json(await describeContactFile(c.get('deps').db, actorOf(c), c.req.valid('param').id, textSource(c.req.valid('json').csv)), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/contact-imports', tags: ['contacts'], description: 'Starts a contact import; poll GET /imports/{id}.',
    request: { params: IdParam, ...jsonBody(ContactImportSchema) }, responses: { 202: jsonResponse(z.object({ id: z.string() })), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const body = c.req.valid('json');
    const { job } = await startContactImport(db, box, actorOf(c), c.req.valid('param').id, { source: textSource(body.csv), text: body.csv, mapping: body.mapping, goodRows: body.goodRows, dryRun: body.dryRun, workFor: body.workFor });
    return c.json({ id: job.id }, 202);
  })
  .openapi(createRoute({ method: 'get', path: '/contacts/{id}', tags: ['contacts'], request: { params: IdParam },
    responses: { 200: jsonResponse(ContactWithHistory), ...problems } }), async (c) =>
    c.json(await service.getContact(c.get('deps').db, actorOf(c), c.req.valid('param').id), 200))
  .openapi(createRoute({ method: 'get', path: '/contacts/{id}/details', tags: ['contacts'], description: 'Opens the sealed details; each read is written to the audit log.',
    request: { params: IdParam }, responses: { 200: jsonResponse(ContactDetailsSchema), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    return c.json(await service.readDetails(db, box, actorOf(c), c.req.valid('param').id), 200);
  })
  .openapi(createRoute({ method: 'put', path: '/contacts/{id}', tags: ['contacts'], request: { params: IdParam, ...jsonBody(ContactInputSchema) },
    responses: { 200: jsonResponse(ContactWithHistory), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const { id } = c.req.valid('param');
    await service.updateContact(db, box, actorOf(c), id, c.req.valid('json'));
    return c.json(await service.getContact(db, actorOf(c), id), 200);
  })
  .openapi(createRoute({ method: 'post', path: '/contacts/{id}/merge', tags: ['contacts'], description: 'Merges another contact into this one; the other is kept in the history.',
    request: { params: IdParam, ...jsonBody(MergeSchema) }, responses: { 200: jsonResponse(ContactWithHistory), ...problems } }), async (c) => {
    const { db, box } = c.get('deps');
    const { id } = c.req.valid('param');
    await service.mergeContacts(db, box, actorOf(c), id, c.req.valid('json').duplicateId);
    return c.json(await service.getContact(db, actorOf(c), id), 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/contacts/{id}', tags: ['contacts'], request: { params: IdParam },
    responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.deleteContact(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  });
