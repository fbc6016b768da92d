import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { findOrganization } from '../orgs/organization.repository.ts';
import type { AppDeps } from '../server/context.ts';
import { notFound } from '../server/problem.ts';
import type { Actor } from '../spaces/access.ts';
import { holderSpace } from './convening.service.ts';
import * as repo from './convening.repository.ts';
import { conveningToIcs, feedToIcs, type IcsConvening } from './icalendar.ts';

// Convenings in people's calendars: one convening's .ics, and a feed per organization that a
// calendar app can subscribe to. Calendar apps send no session cookie, so the feed's address
// carries a keyed token instead: whoever holds the address can read that calendar, nothing else.

type Deps = Pick<AppDeps, 'db' | 'box' | 'config'>;

const hostOf = (deps: Deps) => (deps.config.publicOrigin ? new URL(deps.config.publicOrigin).host : 'crossroads.local');
const feedToken = (deps: Deps, organizationId: string) => deps.box.keyedHash(`calendar-feed:${organizationId}`).slice(0, 32);

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

/** The subscribable address of an organization's calendar, for those who may read it. */
export async function calendarFeedUrl(deps: Deps, actor: Actor, organizationId: string, requestOrigin: string) {
  await holderSpace(deps.db, actor, organizationId, 'viewer');
  return { url: `${deps.config.publicOrigin ?? requestOrigin}/api/calendar/${organizationId}.${feedToken(deps, organizationId)}.ics` };
}

export async function calendarFeed(deps: Deps, organizationId: string, token: string) {
  const expected = Buffer.from(feedToken(deps, organizationId));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notFound('calendar');
  const organization = await findOrganization(deps.db, organizationId);
  if (!organization) throw notFound('calendar');
  const events = await asIcs(deps.db, await repo.listConvenings(deps.db, organizationId));
  return feedToIcs(events, { host: hostOf(deps), now: new Date(), calendarName: organization.name });
}
