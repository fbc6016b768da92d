import { type Context, Hono } from 'hono';
import type { AppEnv } from '../server/context.ts';
import { ZodError } from 'zod';
import { databaseInputProblem } from '../server/database-errors.ts';
import { Problem } from '../server/problem.ts';
import * as format from './osdi-format.ts';
import { authenticate } from './osdi-token.service.ts';
import * as service from './osdi.service.ts';

// The OSDI 1.x server at /api/osdi/v1: HAL+JSON, authenticated by the OSDI-API-Token header (never
// a session cookie, so cross-site forgery does not apply), one organization space per token.
// Errors are osdi:error bodies; the app's own field names are given as OSDI property names.

const MAX_PAGE = 100;
const HAL = { 'content-type': 'application/hal+json; charset=utf-8', 'cache-control': 'max-age=0, private, must-revalidate' };

const OSDI_NAMES: Record<string, string> = {
  firstName: 'given_name', lastName: 'family_name', middleName: 'additional_name', email: 'email_addresses', phone: 'phone_numbers',
  street: 'postal_addresses', city: 'postal_addresses', state: 'postal_addresses', zip: 'postal_addresses', county: 'postal_addresses',
  birthDate: 'birthdate', birthYear: 'birthdate', birthDay: 'birthdate', languages: 'languages_spoken', externalId: 'identifiers', name: 'given_name',
};

const hal = (c: Context, body: object, status: 200 | 201 = 200) => c.body(JSON.stringify(body), status, HAL);
const fail = (c: Context, status: 400 | 401 | 403 | 404 | 500, code: string, description: string, properties: string[] = [], hint?: string) =>
  c.body(JSON.stringify(format.osdiError(status, code, description, properties, hint)), status, HAL);

function baseOf(c: Context<AppEnv>) {
  const origin = c.get('deps').config.publicOrigin ?? new URL(c.req.url).origin;
  return `${origin}/api/osdi/v1`;
}

type Handler = (c: Context<AppEnv>, caller: service.OsdiCaller, base: string) => Promise<Response>;

/** Authenticates the token, runs the handler, and turns the app's problems into osdi:error bodies. */
const osdi = (handler: Handler) => async (c: Context<AppEnv>) => {
  const token = c.req.header('osdi-api-token');
  const db = c.get('deps').db;
  const caller = token ? await authenticate(db, token) : null;
  if (!caller) return fail(c, 401, 'UNAUTHORIZED', 'Send a valid OSDI-API-Token header: an administrator of the organization makes one in Crossroads.');
  try {
    return await handler(c, caller, baseOf(c));
  } catch (err) {
    if (err instanceof Problem) {
      if (err.status === 404) return fail(c, 404, 'NOT_FOUND', 'No such resource here.');
      if (err.status === 403) return fail(c, 403, 'FORBIDDEN', 'This token may not do that.');
      if (err.status === 422 || err.status === 409) {
        const properties = [...new Set(err.errors.map((e) => OSDI_NAMES[e.field] ?? e.field))];
        return fail(c, 400, 'INVALID', err.errors.map((e) => `${OSDI_NAMES[e.field] ?? e.field}: ${e.message}`).join('; ') || (err.detail ?? 'invalid'), properties);
      }
    }
    if (err instanceof ZodError) {
      const properties = [...new Set(err.issues.map((i) => String(i.path[0] ?? 'body')))];
      return fail(c, 400, 'INVALID', err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '), properties);
    }
    const fromDatabase = databaseInputProblem(err);
    if (fromDatabase) return fail(c, 400, 'INVALID', fromDatabase.detail ?? 'invalid', fromDatabase.errors.map((e) => e.field));
    throw err;
  }
};

function paging(c: Context<AppEnv>) {
  const p = format.pagingOf({ page: c.req.query('page'), per_page: c.req.query('per_page') }, MAX_PAGE);
  if (typeof p === 'string') throw new Problem(422, 'Invalid', 'bad paging', [{ field: p, message: p === 'page' ? 'a whole number from 1' : `a whole number from 1 to ${MAX_PAGE}` }]);
  return p;
}

async function readJson(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Problem(422, 'Invalid', 'not a JSON object', [{ field: 'body', message: 'send a JSON object' }]);
  return body as Record<string, unknown>;
}

async function peoplePage(c: Context<AppEnv>, caller: service.OsdiCaller, base: string, path: string, scope: { tag?: string; listId?: string }) {
  const page = paging(c);
  const filterText = c.req.query('filter');
  const filter = filterText ? format.parsePeopleFilter(filterText) : {};
  if (typeof filter === 'string') return fail(c, 400, 'UNSUPPORTED_FILTER', filter, ['filter']);
  const { total, items } = await service.listPeople(c.get('deps').db, c.get('deps').box, caller, page, { ...filter, ...scope });
  const extra = filterText ? `&filter=${encodeURIComponent(filterText)}` : '';
  return hal(c, format.collection(base, path, 'osdi:people', { ...page, total }, items.map((p) => ({ id: p.id, body: format.personResource(base, p) })), extra));
}

export const osdiRoutes = new Hono<AppEnv>()
  .get('/', osdi(async (c, _caller, base) => hal(c, format.entryPoint(base))))
  .get('/people', osdi((c, caller, base) => peoplePage(c, caller, base, '/people', {})))
  .post('/people/person_signup', osdi(async (c, caller, base) => signupRoute(c, caller, base)))
  .post('/people/person_signup_helper', osdi(async (c, caller, base) => signupRoute(c, caller, base)))
  .get('/people/:id', osdi(async (c, caller, base) => {
    const person = await service.getPerson(c.get('deps').db, c.get('deps').box, caller, uuid(c.req.param('id')!));
    return hal(c, format.personResource(base, person));
  }))
  .get('/people/:id/taggings', osdi(async (c, caller, base) => {
    const personId = uuid(c.req.param('id')!);
    const tags = await service.tagsOfPerson(c.get('deps').db, caller, personId);
    return hal(c, format.collection(base, `/people/${personId}/taggings`, 'osdi:taggings', { page: 1, perPage: Math.max(1, tags.length), total: tags.length },
      tags.map((t) => ({ id: t.id, body: format.taggingResource(base, t.id, personId) }))));
  }))
  .get('/tags', osdi(async (c, caller, base) => {
    const page = paging(c);
    const { total, items } = await service.listTags(c.get('deps').db, caller, page);
    return hal(c, format.collection(base, '/tags', 'osdi:tags', { ...page, total }, items.map((t) => ({ id: t.id, body: format.tagResource(base, t) }))));
  }))
  .post('/tags', osdi(async (c, caller, base) => {
    const body = await readJson(c);
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (!name || name.length > 80) return fail(c, 400, 'INVALID', 'a tag needs a name of 1 to 80 characters', ['name']);
    return hal(c, format.tagResource(base, await service.createTag(c.get('deps').db, caller, name)), 201);
  }))
  .get('/tags/:id', osdi(async (c, caller, base) => hal(c, format.tagResource(base, await service.getTag(c.get('deps').db, caller, uuid(c.req.param('id')!))))))
  .get('/tags/:id/taggings', osdi(async (c, caller, base) => {
    const tag = await service.getTag(c.get('deps').db, caller, uuid(c.req.param('id')!));
    const page = paging(c);
    const { total, items } = await service.listPeople(c.get('deps').db, c.get('deps').box, caller, page, { tag: tag.name });
    return hal(c, format.collection(base, `/tags/${tag.id}/taggings`, 'osdi:taggings', { ...page, total },
      items.map((p) => ({ id: p.id, body: format.taggingResource(base, tag.id, p.id) }))));
  }))
  .post('/tags/:id/taggings', osdi(async (c, caller, base) => {
    const tagId = uuid(c.req.param('id')!);
    const body = await readJson(c);
    const href = ((body._links as Record<string, { href?: string }> | undefined)?.['osdi:person'])?.href ?? '';
    const personId = /\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(href)?.[1];
    if (!personId) return fail(c, 400, 'INVALID', 'link the person: {"_links": {"osdi:person": {"href": ".../people/<id>"}}}', ['_links']);
    await service.setTagging(c.get('deps').db, caller, tagId, personId, true);
    return hal(c, format.taggingResource(base, tagId, personId), 201);
  }))
  .get('/tags/:id/taggings/:personId', osdi(async (c, caller, base) => {
    const tagId = uuid(c.req.param('id')!);
    const personId = uuid(c.req.param('personId')!);
    const tags = await service.tagsOfPerson(c.get('deps').db, caller, personId);
    if (!tags.some((t) => t.id === tagId)) throw new Problem(404, 'Not found', 'no such tagging');
    return hal(c, format.taggingResource(base, tagId, personId));
  }))
  .delete('/tags/:id/taggings/:personId', osdi(async (c, caller) => {
    await service.setTagging(c.get('deps').db, caller, uuid(c.req.param('id')!), uuid(c.req.param('personId')!), false);
    return c.body(null, 204);
  }))
  .get('/lists', osdi(async (c, caller, base) => {
    const page = paging(c);
    const { total, items } = await service.listLists(c.get('deps').db, caller, page);
    return hal(c, format.collection(base, '/lists', 'osdi:lists', { ...page, total }, items.map((l) => ({ id: l.id, body: format.listResource(base, l) }))));
  }))
  .get('/lists/:id', osdi(async (c, caller, base) => hal(c, format.listResource(base, await service.getList(c.get('deps').db, caller, uuid(c.req.param('id')!))))))
  .get('/lists/:id/items', osdi(async (c, caller, base) => {
    const listId = uuid(c.req.param('id')!);
    const page = paging(c);
    const { total, items } = await service.listItems(c.get('deps').db, caller, listId, page);
    return hal(c, format.collection(base, `/lists/${listId}/items`, 'osdi:items', { ...page, total }, items.map((i) => ({ id: i.contactId, body: format.itemResource(base, listId, i.contactId) }))));
  }))
  .get('/lists/:id/items/:personId', osdi(async (c, caller, base) => {
    const listId = uuid(c.req.param('id')!);
    const personId = uuid(c.req.param('personId')!);
    if (!(await service.listHasPerson(c.get('deps').db, caller, listId, personId))) throw new Problem(404, 'Not found', 'no such item');
    return hal(c, format.itemResource(base, listId, personId));
  }))
  .get('/canvassing_efforts', osdi(async (c, caller, base) => {
    const page = paging(c);
    const { total, items } = await service.listCanvassingEfforts(c.get('deps').db, caller, page);
    return hal(c, format.collection(base, '/canvassing_efforts', 'osdi:canvassing_efforts', { ...page, total }, items.map((e) => ({ id: e.id, body: format.canvassingEffortResource(base, e) }))));
  }))
  .get('/canvassing_efforts/:id', osdi(async (c, caller, base) =>
    hal(c, format.canvassingEffortResource(base, await service.getCanvassingEffort(c.get('deps').db, caller, uuid(c.req.param('id')!))))))
  .get('/canvassing_efforts/:id/canvasses', osdi(async (c, caller, base) => {
    const page = paging(c);
    const id = uuid(c.req.param('id')!);
    const { effort, total, items } = await service.listCanvasses(c.get('deps').db, caller, id, page);
    return hal(c, format.collection(base, `/canvassing_efforts/${id}/canvasses`, 'osdi:canvasses', { ...page, total }, items.map((a) => ({ id: a.id, body: format.canvassResource(base, effort, a) }))));
  }))
  .get('/questions', osdi(async (c, caller, base) => {
    const page = paging(c);
    const all = await service.listQuestions(c.get('deps').db, caller);
    const items = all.slice((page.page - 1) * page.perPage, page.page * page.perPage);
    return hal(c, format.collection(base, '/questions', 'osdi:questions', { ...page, total: all.length },
      items.map((q) => ({ id: `${q.effortId}.${q.question.key}`, body: format.questionResource(base, q.effortId, q.question) }))));
  }))
  .get('/questions/:id', osdi(async (c, caller, base) => {
    const { effortId, question } = await service.getQuestion(c.get('deps').db, caller, c.req.param('id')!);
    return hal(c, format.questionResource(base, effortId, question));
  }))
  .get('/questions/:id/answers', osdi(async (c, caller, base) => {
    const page = paging(c);
    const id = c.req.param('id')!;
    const { key, total, items } = await service.listAnswers(c.get('deps').db, caller, id, page);
    return hal(c, format.collection(base, `/questions/${id}/answers`, 'osdi:answers', { ...page, total }, items.map((a) => ({ id: a.id, body: format.answerResource(base, id, key, a) }))));
  }))
  .get('/events', osdi(async (c, caller, base) => {
    const page = paging(c);
    const { total, items } = await service.listEvents(c.get('deps').db, caller, page);
    return hal(c, format.collection(base, '/events', 'osdi:events', { ...page, total }, items.map((e) => ({ id: e.id, body: format.eventResource(base, e) }))));
  }))
  .get('/events/:id', osdi(async (c, caller, base) => hal(c, format.eventResource(base, await service.getEvent(c.get('deps').db, caller, uuid(c.req.param('id')!))))))
  .get('/events/:id/attendances', osdi(async (c, caller, base) => {
    const page = paging(c);
    const id = uuid(c.req.param('id')!);
    const { total, items } = await service.listAttendances(c.get('deps').db, caller, id, page);
    return hal(c, format.collection(base, `/events/${id}/attendances`, 'osdi:attendances', { ...page, total }, items.map((a) => ({ id: a.id, body: format.attendanceResource(base, a) }))));
  }))
  .get('/events/:id/attendances/:attendanceId', osdi(async (c, caller, base) =>
    hal(c, format.attendanceResource(base, await service.getAttendance(c.get('deps').db, caller, uuid(c.req.param('id')!), uuid(c.req.param('attendanceId')!))))))
  .post('/events/:id/attendances', osdi(async (c, caller, base) => {
    const eventId = uuid(c.req.param('id')!);
    const body = await readJson(c);
    const href = ((body._links as Record<string, { href?: string }> | undefined)?.['osdi:person'])?.href ?? '';
    const personId = /\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(href)?.[1];
    if (!personId) return fail(c, 400, 'INVALID', 'link the person: {"_links": {"osdi:person": {"href": ".../people/<id>"}}}', ['_links']);
    const status = attendanceStatus(body);
    const { db, box } = c.get('deps');
    return hal(c, format.attendanceResource(base, await service.recordAttendance(db, box, caller, eventId, personId, status)), 201);
  }))
  .post('/events/:id/record_attendance_helper', osdi(async (c, caller, base) => {
    const eventId = uuid(c.req.param('id')!);
    const body = await readJson(c);
    const status = attendanceStatus(body);
    const { db, box } = c.get('deps');
    return hal(c, format.attendanceResource(base, await service.recordAttendanceHelper(db, box, caller, eventId, body, status)), 201);
  }))
  .get('/donations', osdi(async (c, caller, base) => {
    const page = paging(c);
    const { total, items } = await service.listDonations(c.get('deps').db, caller, page);
    return hal(c, format.collection(base, '/donations', 'osdi:donations', { ...page, total }, items.map((d) => ({ id: d.id, body: format.donationResource(base, d) }))));
  }))
  .get('/donations/:id', osdi(async (c, caller, base) => hal(c, format.donationResource(base, await service.getDonation(c.get('deps').db, caller, uuid(c.req.param('id')!))))))
  .all('*', (c) => fail(c, 404, 'NOT_FOUND', `This server does not offer ${c.req.method} ${c.req.path}.`));

/** The attendance an OSDI body asks for; a declined or cancelled RSVP is not kept as attendance. */
function attendanceStatus(body: Record<string, unknown>): 'registered' | 'attended' | 'no_show' {
  const status = format.attendanceStatusOf(body);
  if (status === 'registered' || status === 'attended' || status === 'no_show') return status;
  const field = status === 'declined' ? 'status' : status;
  throw new Problem(422, 'Invalid', 'bad attendance', [{ field, message: status === 'declined' ? 'declined and cancelled RSVPs are not recorded as attendance' :
    field === 'status' ? 'one of accepted, tentative, needs action' : 'true or false' }]);
}

function uuid(value: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new Problem(404, 'Not found', 'not an id');
  return value;
}

async function signupRoute(c: Context<AppEnv>, caller: service.OsdiCaller, base: string) {
  const body = await readJson(c);
  const { db, box } = c.get('deps');
  const { id, created } = await service.signup(db, box, caller, body as { person?: Record<string, unknown>; add_tags?: unknown; remove_tags?: unknown });
  return hal(c, format.personResource(base, await service.getPerson(db, box, caller, id)), created ? 201 : 200);
}
