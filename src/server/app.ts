import { existsSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { secureHeaders } from 'hono/secure-headers';
import { ZodError } from 'zod';
import { accountsRoutes, SESSION_COOKIE } from '../accounts/accounts.routes.ts';
import { actorForToken } from '../accounts/accounts.service.ts';
import { LoginThrottle } from '../accounts/login-throttle.ts';
import { alertRoutes } from '../alerts/alert.routes.ts';
import { backupRoutes } from '../backup/backup.routes.ts';
import { keyRotationRoutes } from '../crypto/key-rotation.routes.ts';
import { campaignRoutes } from '../campaigns/campaign.routes.ts';
import { charterRoutes } from '../charters/charter.routes.ts';
import { conveningRoutes } from '../convenings/convening.routes.ts';
import { networkRoutes } from '../ties/network.routes.ts';
import { jobRoutes } from '../jobs/jobs.routes.ts';
import { JobRegistry } from '../jobs/job-registry.ts';
import { fieldRoutes } from '../field/field.routes.ts';
import { powerMapRoutes } from '../power-maps/power-map.routes.ts';
import { decisionRoutes } from '../decisions/decisions.routes.ts';
import { planRoutes } from '../plans/plans.routes.ts';
import { notificationRoutes } from '../notifications/notification.routes.ts';
import { interchangeRoutes } from '../interchange/interchange.routes.ts';
import { membershipRoutes } from '../memberships/membership.routes.ts';
import { organizationRoutes } from '../orgs/organization.routes.ts';
import { personRoutes } from '../people/person.routes.ts';
import { contactRoutes } from '../contacts/contact.routes.ts';
import { segmentRoutes } from '../contacts/segment.routes.ts';
import { osdiRoutes } from '../osdi/osdi.routes.ts';
import { osdiTokenRoutes } from '../osdi/osdi-token.routes.ts';
import { outreachRoutes } from '../outreach/outreach.routes.ts';
import { ladderRoutes } from '../ladder/ladder.routes.ts';
import { leadershipRoutes } from '../leadership/leadership.routes.ts';
import { commitmentRoutes } from '../donations/commitments.routes.ts';
import { overlapRoutes } from '../overlap/overlap.routes.ts';
import { consentRoutes } from '../consent/consent.routes.ts';
import { firewallRoutes } from '../firewall/firewall.routes.ts';
import { reachRoutes } from '../reach/reach.routes.ts';
import { surveyRoutes } from '../surveys/survey.routes.ts';
import { discussionRoutes } from '../discussions/discussion.routes.ts';
import { libraryRoutes } from '../library/library.routes.ts';
import { donationRoutes } from '../donations/donation.routes.ts';
import { grantRoutes } from '../grants/grant.routes.ts';
import { metricsRoutes } from '../metrics/metrics.routes.ts';
import { spacesRoutes } from '../spaces/spaces.routes.ts';
import { spaceExitRoutes } from '../spaces/space-exit.routes.ts';
import { vocabularyRoutes } from '../vocabularies/vocabulary.routes.ts';
import { bodyLimits } from './body-limits.ts';
import { cleanInput } from './clean-input.ts';
import { versionedParent } from './record-parents.ts';
import { recordVersions } from './record-versions.ts';
import { databaseInputProblem } from './database-errors.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { fieldErrorsFromZod, invalid, Problem, problemResponse } from './problem.ts';
import {
  beginRead, cachedRead, currentVersion, invalidateReads, isCacheableRead, pathAndQuery, readInProgress, readKey, storeRead,
  toCachedRead, wantsFreshAnswer,
} from './read-cache.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createApp(deps: AppDeps, options: { webRoot?: string } = {}) {
  const app = new OpenAPIHono<AppEnv>();
  // Failed sign-ins are counted per app (one process serves one workspace).
  const throttle = new LoginThrottle();
  const jobs = new JobRegistry();

  app.onError((err, c) => {
    if (err instanceof Problem) return problemResponse(c, err);
    if (err instanceof ZodError) return problemResponse(c, invalid(fieldErrorsFromZod(err)));
    const fromDatabase = databaseInputProblem(err);
    if (fromDatabase) return problemResponse(c, fromDatabase);
    if (err instanceof HTTPException) {
      // Hono's own refusals, e.g. a body that is not valid JSON.
      return problemResponse(c, new Problem(err.status as ContentfulStatusCode, err.status === 400 ? 'Bad request' : 'Request refused', err.message || 'The request could not be read.'));
    }
    // Log the failure without request bodies: they may hold contact details.
    console.error(`[crossroads] ${c.req.method} ${c.req.path} failed:`, err instanceof Error ? err.stack : err);
    return problemResponse(c, new Problem(500, 'Server error', 'Something went wrong on our side; it has been logged.'));
  });
  app.notFound((c) => problemResponse(c, new Problem(404, 'Not found', `No route ${c.req.method} ${c.req.path}.`)));

  // Outermost, so that what the read cache keeps is the whole response, security headers
  // included: a hit is replayed byte for byte, here or by the server before Hono (http-server.ts).
  app.use('/api/*', async (c, next) => {
    c.set('deps', deps);
    c.set('throttle', throttle);
    c.set('jobs', jobs);
    const token = getCookie(c, SESSION_COOKIE);
    const actor = token ? await actorForToken(deps.db, token) : null;
    c.set('actor', actor);
    const cacheKey = actor && isCacheableRead(c.req.method, c.req.path) ? readKey(actor.userId, pathAndQuery(c.req.url)) : null;
    const hit = cacheKey && !wantsFreshAnswer(c.req.header('cache-control'))
      ? cachedRead(cacheKey) ?? await readInProgress(cacheKey) : undefined;
    if (hit) return new Response(hit.body, { status: 200, headers: hit.headers });
    const startedAt = currentVersion();
    const finish = cacheKey ? beginRead(cacheKey) : undefined;
    try {
      await next();
      c.header('cache-control', 'no-store');
      if (STATE_CHANGING.has(c.req.method) && c.res.status < 400) invalidateReads();
      if (cacheKey && c.res.status === 200) {
        const read = toCachedRead(new Uint8Array(await c.res.clone().arrayBuffer()), c.res.headers);
        storeRead(cacheKey, startedAt, read);
        finish?.(read);
      }
    } finally {
      finish?.();
    }
  });
  // A library file downloads sandboxed, whatever it holds: set after the app-wide policy below.
  app.use('/api/library/*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-disposition')?.startsWith('attachment')) c.res.headers.set('content-security-policy', "default-src 'none'; sandbox");
  });
  app.use('*', secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'wasm-unsafe-eval'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], connectSrc: ["'self'"] },
  }));
  app.use('/api/*', bodyLimits());
  app.use('/api/*', async (c, next) => {
    // Cross-site request forgery: a state-changing request must come from our own origin. The
    // OSDI server is exempt: it ignores cookies and takes only its token header, which a browser
    // cannot send to another site without its consent.
    if (STATE_CHANGING.has(c.req.method) && !c.req.path.startsWith('/api/osdi/')) {
      const origin = c.req.header('origin');
      const allowed = deps.config.publicOrigin ?? new URL(c.req.url).origin;
      if (origin !== allowed && !(origin === undefined && c.req.header('sec-fetch-site') === 'same-origin')) {
        throw new Problem(403, 'Cross-origin request refused', `State-changing requests must come from ${allowed}.`);
      }
    }
    await next();
  });
  app.use('/api/*', cleanInput());
  app.use('/api/*', recordVersions((path, headers) => Promise.resolve(app.request(path, { headers })), (path) => versionedParent(deps.db, path)));

  app.get('/api/health', async (c) => {
    await deps.db.selectFrom('spaces').select('id').limit(1).execute();
    return c.json({ status: 'ok' });
  });

  const api = app.basePath('/api');
  api.route('/', accountsRoutes);
  api.route('/', spacesRoutes);
  api.route('/', organizationRoutes);
  api.route('/', membershipRoutes);
  api.route('/', personRoutes);
  api.route('/', vocabularyRoutes);
  api.route('/', interchangeRoutes);
  api.route('/', decisionRoutes);
  api.route('/', notificationRoutes);
  api.route('/', conveningRoutes);
  api.route('/', planRoutes);
  api.route('/', campaignRoutes);
  api.route('/', charterRoutes);
  api.route('/', alertRoutes);
  api.route('/', networkRoutes);
  api.route('/', jobRoutes);
  api.route('/', fieldRoutes);
  api.route('/', powerMapRoutes);
  api.route('/', backupRoutes);
  api.route('/', keyRotationRoutes);
  api.route('/', contactRoutes);
  api.route('/', segmentRoutes);
  api.route('/', osdiTokenRoutes);
  api.route('/', outreachRoutes);
  api.route('/', ladderRoutes);
  api.route('/', leadershipRoutes);
  api.route('/', donationRoutes);
  api.route('/', commitmentRoutes);
  api.route('/', grantRoutes);
  api.route('/', metricsRoutes);
  api.route('/', overlapRoutes);
  api.route('/', consentRoutes);
  api.route('/', firewallRoutes);
  api.route('/', reachRoutes);
  api.route('/', surveyRoutes);
  api.route('/', discussionRoutes);
  api.route('/', libraryRoutes);
  api.route('/', spaceExitRoutes);
  // OSDI speaks HAL+JSON and is documented by its own specification, not in openapi.json.
  app.route('/api/osdi/v1', osdiRoutes);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Crossroads API', version: '0.1.0', description: 'The working system for alliances of grassroots organizations.' },
  });
  app.all('/api/*', (c) => problemResponse(c, new Problem(404, 'Not found', `No route ${c.req.method} ${c.req.path}.`)));

  // The React app: built files, and index.html for every client-side route.
  const webRoot = options.webRoot ?? path.resolve('dist/web');
  if (existsSync(webRoot)) {
    const relativeRoot = path.relative(process.cwd(), webRoot) || '.';
    // Built files have hashed names: cached for a year. (Set once the file is found: serveStatic's
    // onFound runs after its response is made, too late for a header.) Compressed copies are
    // made at build time (scripts/precompress.mjs); a missing asset is a 404, not the app's page.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root: relativeRoot, precompressed: true }));
    app.get('/assets/*', (c) => c.text('Not found', 404));
    app.use('*', serveStatic({ root: relativeRoot }));
    app.get('*', serveStatic({ root: relativeRoot, path: 'index.html' }));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
