import { randomBytes } from 'node:crypto';
import { hashToken } from '../accounts/accounts.service.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import type { AppDeps } from '../server/context.ts';
import { notFound } from '../server/problem.ts';
import type { Actor } from '../spaces/access.ts';
import { findRole } from '../spaces/spaces.repository.ts';
import * as feeds from './calendar-feed.repository.ts';
import { holderSpace } from './convening.service.ts';
import * as repo from './convening.repository.ts';
import { conveningToIcs, feedToIcs, type IcsConvening } from './icalendar.ts';

// Convenings in people's calendars: one convening's .ics, and a feed per organization that a
// calendar app can subscribe to. Calendar apps send no session cookie, so the feed's address
// carries a random token instead, one per person: whoever holds the address can read that
// calendar, nothing else, for as long as its person holds a role in the organization's space.
// The server keeps only the token's SHA-256; the person can replace or stop the address.

type Deps = Pick<AppDeps, 'db' | 'box' | 'config'>;

const hostOf = (deps: Deps) => (deps.config.publicOrigin ? new URL(deps.config.publicOrigin).host : 'crossroads.local');

async function asIcs(db: Db, rows: Awaited<ReturnType<typeof repo.listConvenings>>): Promise<IcsConvening[]> {
  const hosts = await repo.listHostNames(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, title: r.title, kind: r.kind, startsAt: r.startsAt, endsAt: r.endsAt, timeZone: r.timeZone, place: r.place, callLink: r.callLink,
    description: r.description, hosts: hosts.filter((h) => h.conveningId === r.id).map((h) => h.name), updatedAt: new Date(r.updatedAt).toISOString(),
  }));
}

export async function conveningCalendar(deps: Deps, actor: Actor, conveningId: string) {
  const convening = await repo.findConvening(deps.db, conveningId);
  if (!convening) throw notFound('convening');
  await holderSpace(deps.db, actor, convening.organizationId, 'viewer');
  const [event] = await asIcs(deps.db, (await repo.listConvenings(deps.db, convening.organizationId)).filter((c) => c.id === conveningId));
  return conveningToIcs(event!, { host: hostOf(deps), now: new Date() });
}

/** Whether the caller has a feed address for this organization's calendar (the address itself is shown only when made). */
export async function calendarFeedStatus(deps: Deps, actor: Actor, organizationId: string) {
  await holderSpace(deps.db, actor, organizationId, 'viewer');
  const feed = await feeds.findFeedOf(deps.db, organizationId, actor.userId);
  return { active: !!feed, createdAt: feed?.createdAt ?? null };
}

/** Makes the caller's feed address, replacing any earlier one (which stops working). */
export async function createCalendarFeed(deps: Deps, actor: Actor, organizationId: string, requestOrigin: string) {
  const { spaceId } = await holderSpace(deps.db, actor, organizationId, 'viewer');
  const token = randomBytes(24).toString('base64url');
  await deps.db.transaction().execute(async (trx) => {
    const replaced = await feeds.findFeedOf(trx, organizationId, actor.userId);
    await feeds.replaceFeedToken(trx, { spaceId, organizationId, userId: actor.userId, tokenHash: hashToken(token) });
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: replaced ? 'update' : 'create', entity: 'calendar_feed', entityId: organizationId, changes: { replaced: [null, !!replaced] } }]);
  });
  return { url: `${deps.config.publicOrigin ?? requestOrigin}/api/calendar/${organizationId}.${token}.ics` };
}

/** Stops the caller's feed address. */
export async function revokeCalendarFeed(deps: Deps, actor: Actor, organizationId: string) {
  const { spaceId } = await holderSpace(deps.db, actor, organizationId, 'viewer');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await feeds.deleteFeedOf(trx, organizationId, actor.userId))) throw notFound('calendar feed');
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'delete', entity: 'calendar_feed', entityId: organizationId, changes: {} }]);
  });
}

export async function calendarFeed(deps: Deps, organizationId: string, token: string) {
  const feed = await feeds.findFeedToken(deps.db, hashToken(token));
  if (!feed || feed.organizationId !== organizationId) throw notFound('calendar');
  // Checked on every read as well as when a role is removed: a feed never outlives its person's role.
  if (!(await findRole(deps.db, feed.userId, feed.spaceId))) {
    await feeds.deleteFeedToken(deps.db, feed.id);
    throw notFound('calendar');
  }
  const organization = await findOrganization(deps.db, organizationId);
  if (!organization) throw notFound('calendar');
  const events = await asIcs(deps.db, await repo.listConvenings(deps.db, organizationId));
  return feedToIcs(events, { host: hostOf(deps), now: new Date(), calendarName: organization.name });
}
