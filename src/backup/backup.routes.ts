import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
    // Written to a private temporary file first, so the snapshot's transaction lasts as long as
    // the dump and not as long as a slow download (on PGlite it holds the only connection).
    const dir = await mkdtemp(path.join(tmpdir(), 'crossroads-backup-'));
    const file = path.join(dir, 'backup.jsonl.gz');
    try {
      const gzip = createGzip();
      const written = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
      await writeBackup(db, gzip);
      await written;
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    const download = createReadStream(file);
    download.on('close', () => void rm(dir, { recursive: true, force: true }));
    return c.body(Readable.toWeb(download) as ReadableStream, 200, {
      'content-type': 'application/gzip', 'content-disposition': 'attachment; filename="crossroads-backup.jsonl.gz"',
    }) as never;
  });
