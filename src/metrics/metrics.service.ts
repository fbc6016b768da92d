import type { Db } from '../db/database.ts';
import { markOf } from '../firewall/firewall.repository.ts';
import { allianceMovement } from '../ladder/ladder.service.ts';
import { invalid, notFound } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { moneyMapOf } from '../grants/funding.service.ts';
import { funderReportHtml, type ReportLanguage } from './funder-report.ts';
import { METRICS_VERSION } from './metric-definitions.ts';
import * as repo from './metrics.repository.ts';
import { movementMetrics } from './movement-metrics.ts';

// An alliance's movement metrics for a period, to a role in its space: its own record (convenings,
// campaigns, power maps, seats, grants, stage moves) and its members' field work and ladders as
// counts per organization, never a contact.

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

export async function allianceMetrics(db: Db, actor: Actor, allianceId: string, period: { from: string; to: string }) {
  if (period.from > period.to) throw invalid([{ field: 'to', message: 'the period ends before it starts' }]);
  const alliance = await repo.allianceOf(db, allianceId);
  if (!alliance?.spaceId) throw notFound('alliance');
  await requireRole(db, actor, alliance.spaceId, 'viewer', 'alliance');
  const spaceId = alliance.spaceId;
  const { from, to } = period;
  const members = await repo.activeMembers(db, allianceId);
  const memberIds = members.map((m) => m.id);
  const today = new Date().toISOString().slice(0, 10);
  const [convenings, campaigns, events, moves, ladder, reps, seats, money, conversations, stages] = await Promise.all([
    repo.conveningsWithAttendance(db, spaceId, allianceId, to),
    repo.campaignsWithParticipants(db, spaceId, allianceId),
    repo.campaignEvents(db, spaceId, allianceId, from, to),
    repo.stakeholderMoves(db, spaceId, allianceId, from, to),
    allianceMovement(db, actor, spaceId, new Date(`${from}T00:00:00Z`), nextDay(to)),
    repo.representativeSeats(db, allianceId),
    repo.committeeSeats(db, allianceId, today),
    repo.moneyToMembers(db, spaceId, memberIds, from, to),
    markOf(db, spaceId).then((mark) => repo.conversationsTowardTargets(db, spaceId, mark.taxStatus, from, to)),
    repo.stageMoves(db, allianceId, from, to),
  ]);
  const orgBySpace = new Map(members.filter((m) => m.spaceId).map((m) => [m.spaceId!, m.id]));
  const mentioned = new Set<string>([
    ...convenings.flatMap((c) => c.attendees.map((a) => a.organizationId)), ...campaigns.flatMap((c) => c.participants),
    ...events.flatMap((e) => [e.carrierId, e.demandOwnerId]), ...seats.map((s) => s.organizationId),
  ].filter((v): v is string => Boolean(v)));
  const names = new Map([...(await repo.organizationNames(db, [...mentioned])).map((o) => [o.id, o.name] as const), ...members.map((m) => [m.id, m.name] as const)]);
  const metrics = movementMetrics({
    from, to, memberIds, names, convenings, campaigns, events, stakeholderMoves: moves,
    ladder: ladder.organizations.map((o) => ({ organizationId: o.organizationId, up: o.movedUp, down: o.movedDown })),
    representatives: reps, committeeSeats: seats, moneyToMembers: money,
    contactsMade: conversations.filter((c) => orgBySpace.has(c.spaceId)).map((c) => ({ organizationId: orgBySpace.get(c.spaceId)!, conversations: c.conversations })),
    stageMoves: stages, trustScores: [],
  });
  return { alliance: { id: alliance.id, name: alliance.name }, from, to, version: METRICS_VERSION, members: memberIds.length, metrics };
}

/** The funder report of an alliance and period: its metrics and its map of the money on one printable page. */
export async function funderReport(db: Db, actor: Actor, allianceId: string, period: { from: string; to: string }, language: ReportLanguage) {
  const metrics = await allianceMetrics(db, actor, allianceId, period);
  const alliance = (await repo.allianceOf(db, allianceId))!;
  const money = await moneyMapOf(db, actor, alliance.spaceId!, { from: period.from, to: period.to });
  return funderReportHtml({ language, alliance: metrics.alliance, from: period.from, to: period.to, members: metrics.members, metrics: metrics.metrics,
    money, today: new Date().toISOString().slice(0, 10) });
}
