import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { createRoute, z } from '@hono/zod-openapi';
import { insertAudit } from '../audit/audit.repository.ts';
import { actorOf } from '../server/context.ts';
import { newRouter, problems } from '../server/openapi-helpers.ts';
import { forbidden } from '../server/problem.ts';
import { writeBackup } from './backup.service.ts';

// A backup of the running workspace for its administrators (the embedded database cannot be
// opened by a second process while the app runs: this is how to back it up without stopping it).
export const backupRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/backup', tags: ['backup'], description: 'A consistent backup of the whole workspace (gzipped JSON lines), for workspace administrators.',
    responses: { 200: { description: 'crossroads-backup.jsonl.gz', content: { 'application/gzip': { schema: z.string() } } }, ...problems } }), async (c) => {
    const actor = actorOf(c);
    if (!actor.isWorkspaceAdmin) throw forbidden('Only workspace administrators back up the workspace.');
    const { db } = c.get('deps');
    await insertAudit(db, [{ userId: actor.userId, spaceId: null, action: 'export', entity: 'backup', entityId: null, changes: {} }]);
    const gzip = createGzip();
    writeBackup(db, gzip).catch((err: unknown) => {
      console.error(`[crossroads] backup failed: ${err instanceof Error ? err.name : 'error'}`);
      gzip.destroy(err instanceof Error ? err : new Error('backup failed'));
    });
    return c.body(Readable.toWeb(gzip) as ReadableStream, 200, {
      'content-type': 'application/gzip', 'content-disposition': 'attachment; filename="crossroads-backup.jsonl.gz"',
    }) as never;
  });
