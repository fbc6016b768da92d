import { createRoute, z } from '@hono/zod-openapi';
import { insertAudit } from '../audit/audit.repository.ts';
import { actorOf } from '../server/context.ts';
import { jsonBody, jsonResponse, newRouter, problems } from '../server/openapi-helpers.ts';
import { conflict, forbidden } from '../server/problem.ts';
import { forgetPreviousKeys, installNewSealingKey, offCurrentCount, type ResealReport, resealOffCurrent } from './online-rotation.ts';

// Rotating the sealing key from the running app, for workspace administrators: with the embedded
// database no other process may open it while the app runs, so this is how its key rotates
// without stopping it (the CLI does the same on PostgreSQL: `crossroads rotate-key --online`).

const tags = ['backup'];
// One rotation at a time in this process; its last report stays for whoever asks.
let running: Promise<void> | null = null;
let last: (ResealReport & { finishedAt: string }) | null = null;
let failure: string | null = null;

const Status = z.object({ running: z.boolean(), offCurrentKey: z.number(), last: z.any().nullable(), failure: z.string().nullable() }).openapi('KeyRotationStatus');

export const keyRotationRoutes = newRouter()
  .openapi(createRoute({ method: 'get', path: '/key-rotation', tags, description: 'Whether a rotation of the sealing key runs, and how many sealed values are not yet on the current key.',
    responses: { 200: jsonResponse(Status), ...problems } }), async (c) => {
    if (!actorOf(c).isWorkspaceAdmin) throw forbidden('Only workspace administrators rotate the key.');
    const { db, box } = c.get('deps');
    return c.json({ running: running !== null, offCurrentKey: await offCurrentCount(db, box), last, failure }, 200);
  })
  .openapi(createRoute({ method: 'post', path: '/key-rotation', tags,
    description: 'rotate: a new sealing key (key files only), then everything sealed again with it in the background; reseal: only the second step; forget-previous: drop the previous keys once nothing is left on them.',
    request: jsonBody(z.object({ action: z.enum(['rotate', 'reseal', 'forget-previous']) })), responses: { 202: jsonResponse(Status), ...problems } }), async (c) => {
    const actor = actorOf(c);
    if (!actor.isWorkspaceAdmin) throw forbidden('Only workspace administrators rotate the key.');
    const { db, box, config } = c.get('deps');
    const { action } = c.req.valid('json');
    if (running) throw conflict('A rotation is already running.', 'action');
    // Keys handed to the app (tests, an embedding) are not its data directory's to change.
    if (action !== 'reseal' && !box.readsItsRing()) throw conflict("This app's keys were given to it, not read from its data directory: rotate them where they are kept.", 'action');
    if (config.secretKey && !config.indexKey) {
      throw conflict('The key comes from the environment without CROSSROADS_INDEX_KEY: set it first to what `crossroads index-key` prints, so that blind indexes stay when the sealing key changes.', 'action');
    }
    if (action !== 'reseal' && config.secretKey) {
      throw conflict('The key comes from the environment: restart each instance with the new CROSSROADS_SECRET_KEY and the old in CROSSROADS_PREVIOUS_SECRET_KEYS (and CROSSROADS_INDEX_KEY), then reseal; forget the old key by removing it there.', 'action');
    }
    if (action === 'forget-previous') {
      try { await forgetPreviousKeys(db, box, config.dataDir); } catch (err) { throw conflict((err as Error).message, 'action'); }
    } else {
      if (action === 'rotate') {
        try { installNewSealingKey(config.dataDir, box, Boolean(config.indexKey)); } catch (err) { throw conflict((err as Error).message, 'action'); }
      }
      failure = null;
      running = resealOffCurrent(db, box).then((report) => { last = { ...report, finishedAt: new Date().toISOString() }; }, (err: Error) => { failure = err.message; })
        .finally(() => { running = null; });
    }
    await insertAudit(db, [{ userId: actor.userId, spaceId: null, action: 'update', entity: 'sealing_key', entityId: null, changes: { action } }]);
    return c.json({ running: running !== null, offCurrentKey: await offCurrentCount(db, box), last, failure }, 202);
  });

/** For tests and a clean stop: the rotation running in this process, if any. */
export const rotationRunning = () => running;
