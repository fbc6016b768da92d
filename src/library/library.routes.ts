import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../server/context.ts';
import { IdParam, jsonBody, jsonResponse, newRouter, Ok, problems } from '../server/openapi-helpers.ts';
import { contentDisposition } from './file-kind.ts';
import { FileQuery, LibraryItemSchema, LibraryQuery, VersionParams } from './library.schema.ts';
import * as service from './library.service.ts';

const tags = ['library'];
const Any = z.looseObject({});
const json = <T>(value: T) => value as unknown as Record<string, unknown>;
const binary = { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary', description: 'The file, as it is' }) } };

export const libraryRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/spaces/{id}/library', tags, description: "The space's resources, newest first; `q` searches titles, descriptions, tags and the files' text in English and Spanish.",
    request: { params: IdParam, query: LibraryQuery }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await service.listLibrary(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query').q)), 200))
  .openapi(createRoute({ method: 'post', path: '/spaces/{id}/library', tags, request: { params: IdParam, ...jsonBody(LibraryItemSchema) }, responses: { 201: jsonResponse(z.object({ id: z.string() })), ...problems } }),
    async (c) => c.json(await service.addItem(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(createRoute({ method: 'get', path: '/library/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await service.getItem(c.get('deps').db, actorOf(c), c.req.valid('param').id)), 200))
  .openapi(createRoute({ method: 'put', path: '/library/{id}', tags, request: { params: IdParam, ...jsonBody(LibraryItemSchema) }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.updateItem(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'delete', path: '/library/{id}', tags, request: { params: IdParam }, responses: { 200: jsonResponse(Ok), ...problems } }), async (c) => {
    await service.removeItem(c.get('deps').db, actorOf(c), c.req.valid('param').id);
    return c.json({ ok: true as const }, 200);
  })
  .openapi(createRoute({ method: 'put', path: '/library/{id}/file', tags, description: 'A new version of the file (at most 20 MB): PDF, Office, images, plain text; its kind read from its bytes.',
    request: { params: IdParam, query: FileQuery, body: { content: binary, required: true } }, responses: { 200: jsonResponse(Any), ...problems } }),
    async (c) => c.json(json(await service.uploadFile(c.get('deps').db, actorOf(c), c.req.valid('param').id, c.req.valid('query').name, new Uint8Array(await c.req.arrayBuffer()))), 200))
  .openapi(createRoute({ method: 'get', path: '/library/{id}/files/{version}', tags, description: 'Downloads a version: always as an attachment, never shown or run in the page.',
    request: { params: VersionParams }, responses: { 200: { content: binary, description: 'The file' }, ...problems } }), async (c) => {
    const { id, version } = c.req.valid('param');
    const file = await service.downloadFile(c.get('deps').db, actorOf(c), id, version);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.contentType, 'content-disposition': contentDisposition(file.fileName), 'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store', 'x-content-sha256': file.sha256,
    });
  });
