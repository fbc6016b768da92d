import { herfindahl } from '../grants/diversification.ts';
import { METRIC_DEFINITIONS } from './metric-definitions.ts';

// Movement metrics of an alliance for a period, pure: each metric's value from the records the
// repository loaded, with what it counted (the drill-down: a total and the first items). The
// definitions (metric-definitions.ts) say in words what each line here computes.

export interface MovementRecord {
  from: string; to: string;
  memberIds: string[];
  names: Map<string, string>;
  /** The alliance's convenings up to the period's end (earlier ones tell first-time pairs). */
  convenings: { id: string; title: string; day: string; attendees: { organizationId: string | null; capacity: string }[] }[];
  /** The alliance's campaigns begun by the period's end: participants, first day (first event, else creation). */
  campaigns: { id: string; name: string; day: string; participants: string[] }[];
  events: { campaignId: string; kind: 'action' | 'win' | 'issue_carried'; day: string | null; title: string; turnout: number | null;
    carrierId: string | null; demandOwnerId: string | null; decisionMaker: string | null }[];
  stakeholderMoves: { name: string; fromStance: string | null; toStance: string; day: string }[];
  ladder: { organizationId: string; up: number; down: number }[];
  representatives: { organizationId: string }[];
  committeeSeats: { organizationId: string }[];
  moneyToMembers: { organizationId: string; amountMinor: number }[];
  contactsMade: { organizationId: string; conversations: number }[];
  stageMoves: { fromStage: string | null; toStage: string; day: string }[];
  trustScores: number[];
}

export interface MetricValue { key: string; group: string; unit: string; value: number | null; note?: string; counted: { total: number; items: string[] } }

const ITEMS = 50;
const SPECTRUM = ['active_opposition', 'passive_opposition', 'neutral', 'passive_ally', 'active_ally'];
const inPeriod = (day: string | null, r: { from: string; to: string }) => day !== null && day >= r.from && day <= r.to;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function pairsOf(ids: Iterable<string>): string[] {
  const list = [...new Set(ids)].sort();
  const pairs: string[] = [];
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.push(`${list[i]}|${list[j]}`);
  return pairs;
}

/** The largest share and the HHI of counts per organization, with the organizations named by share. */
function concentration(counts: Map<string, number>, name: (id: string) => string) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || name(a[0]).localeCompare(name(b[0])));
  const items = sorted.map(([id, n]) => `${name(id)}: ${n} (${Math.round((n / total) * 1000) / 10} %)`);
  return { largest: total > 0 ? sorted[0]![1] / total : null, hhi: herfindahl([...counts.values()]), items, total };
}

const tally = (ids: string[]) => {
  const m = new Map<string, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
};

export function movementMetrics(r: MovementRecord): MetricValue[] {
  const name = (id: string) => r.names.get(id) ?? id;
  const counted = (items: string[], total = items.length) => ({ total, items: items.slice(0, ITEMS) });
  const values = new Map<string, { value: number | null; note?: string; counted: MetricValue['counted'] }>();

  // Transactions: the period's convenings, attendance, organizations, actions.
  const meetings = r.convenings.filter((c) => inPeriod(c.day, r));
  values.set('meetings', { value: meetings.length, counted: counted(meetings.map((c) => `${c.day} ${c.title}`)) });
  const attended = meetings.flatMap((c) => c.attendees);
  values.set('attendance', { value: attended.length, counted: counted(meetings.map((c) => `${c.day} ${c.title}: ${c.attendees.length}`)) });
  const actions = r.events.filter((e) => e.kind === 'action' && inPeriod(e.day, r));
  const campaignsActing = new Set(actions.map((a) => a.campaignId));
  const takingPart = new Set([
    ...attended.map((a) => a.organizationId).filter((v): v is string => Boolean(v)),
    ...r.campaigns.filter((c) => campaignsActing.has(c.id)).flatMap((c) => c.participants),
  ]);
  values.set('organizations_taking_part', { value: takingPart.size, counted: counted([...takingPart].map(name).sort()) });
  values.set('actions', { value: actions.length, counted: counted(actions.map((a) => `${a.day} ${a.title}`)) });
  values.set('turnout', { value: actions.reduce((s, a) => s + (a.turnout ?? 0), 0), counted: counted(actions.filter((a) => a.turnout).map((a) => `${a.title}: ${a.turnout}`)) });
  const makers = new Map<string, string>();
  for (const a of actions) if (a.decisionMaker?.trim()) makers.set(a.decisionMaker.trim().toLowerCase(), a.decisionMaker.trim());
  values.set('decision_makers_met', { value: makers.size, counted: counted([...makers.values()].sort()) });
  const conversations = r.contactsMade.reduce((s, c) => s + c.conversations, 0);
  values.set('contacts_made', { value: conversations, counted: counted(r.contactsMade.filter((c) => c.conversations).map((c) => `${name(c.organizationId)}: ${c.conversations}`)) });

  // Transformations. A pair's first day working together: the earliest shared convening or campaign.
  const firstDay = new Map<string, string>();
  const together = (ids: Iterable<string>, day: string) => {
    for (const p of pairsOf(ids)) if (!firstDay.has(p) || firstDay.get(p)! > day) firstDay.set(p, day);
  };
  for (const c of r.convenings) if (c.day <= r.to) together(c.attendees.map((a) => a.organizationId).filter((v): v is string => Boolean(v)), c.day);
  for (const c of r.campaigns) if (c.day <= r.to) together(c.participants, c.day);
  const firstPairs = [...firstDay.entries()].filter(([, day]) => inPeriod(day, r)).map(([p]) => p);
  const pairName = (p: string) => p.split('|').map(name).join(' + ');
  values.set('first_time_pairs', { value: firstPairs.length, counted: counted(firstPairs.map(pairName).sort()) });
  const carried = r.events.filter((e) => e.kind === 'issue_carried' && inPeriod(e.day, r) && e.carrierId && e.carrierId !== e.demandOwnerId);
  values.set('issues_carried', { value: carried.length, counted: counted(carried.map((e) => `${name(e.carrierId!)} → ${e.title}${e.demandOwnerId ? ` (${name(e.demandOwnerId)})` : ''}`)) });
  const rank = (s: string | null) => (s === null ? -1 : SPECTRUM.indexOf(s));
  const moves = r.stakeholderMoves.filter((m) => inPeriod(m.day, r) && m.fromStance !== null);
  const toward = moves.filter((m) => rank(m.toStance) > rank(m.fromStance));
  const away = moves.filter((m) => rank(m.toStance) < rank(m.fromStance));
  const moveText = (m: (typeof moves)[number]) => `${m.day} ${m.name}: ${m.fromStance} → ${m.toStance}`;
  values.set('stakeholder_moves_toward', { value: toward.length, counted: counted(toward.map(moveText)) });
  values.set('stakeholder_moves_away', { value: away.length, counted: counted(away.map(moveText)) });
  const campaignPairs = tally(r.campaigns.filter((c) => c.day <= r.to).flatMap((c) => pairsOf(c.participants)));
  const sustained = [...campaignPairs.entries()].filter(([, n]) => n >= 2);
  values.set('sustained_ties', { value: sustained.length, counted: counted(sustained.map(([p, n]) => `${pairName(p)}: ${n} campaigns`).sort()) });
  values.set('ladder_moves_up', { value: r.ladder.reduce((s, l) => s + l.up, 0),
    counted: counted(r.ladder.filter((l) => l.up || l.down).map((l) => `${name(l.organizationId)}: ${l.up} up, ${l.down} down`)) });

  // Depth.
  const byCapacity = tally(attended.map((a) => a.capacity));
  const leaders = byCapacity.get('leader') ?? 0;
  const staff = byCapacity.get('staff') ?? 0;
  values.set('leader_share', { value: leaders + staff > 0 ? leaders / (leaders + staff) : null,
    counted: counted(['leader', 'staff', 'member', 'guest'].map((c) => `${c}: ${byCapacity.get(c) ?? 0}`), attended.length) });
  const seatsPerMember = tally(r.representatives.map((s) => s.organizationId).filter((id) => r.memberIds.includes(id)));
  const coRepresented = r.memberIds.filter((id) => (seatsPerMember.get(id) ?? 0) >= 2);
  values.set('co_representation', { value: r.memberIds.length ? coRepresented.length / r.memberIds.length : null, counted: counted(coRepresented.map(name).sort()) });

  // Dominance.
  const participation = concentration(tally(attended.map((a) => a.organizationId).filter((v): v is string => Boolean(v))), name);
  values.set('participation_largest_share', { value: participation.largest, counted: counted(participation.items) });
  values.set('participation_hhi', { value: participation.hhi, counted: counted(participation.items) });
  const seats = concentration(tally([...r.representatives, ...r.committeeSeats].map((s) => s.organizationId)), name);
  values.set('seats_largest_share', { value: seats.largest, counted: counted(seats.items) });
  values.set('seats_hhi', { value: seats.hhi, counted: counted(seats.items) });
  const moneyCounts = new Map<string, number>();
  for (const m of r.moneyToMembers) moneyCounts.set(m.organizationId, (moneyCounts.get(m.organizationId) ?? 0) + m.amountMinor);
  const money = concentration(moneyCounts, name);
  values.set('money_largest_share', { value: money.largest, counted: counted(money.items) });
  values.set('money_hhi', { value: money.hhi, counted: counted(money.items) });

  // Trust and development.
  values.set('trust', r.trustScores.length
    ? { value: r.trustScores.reduce((a, b) => a + b, 0) / r.trustScores.length, counted: counted([], r.trustScores.length) }
    : { value: null, note: 'no relationship surveys recorded', counted: counted([]) });
  const stageMoves = r.stageMoves.filter((m) => inPeriod(m.day, r));
  values.set('stage_checkpoints', { value: stageMoves.length, counted: counted(stageMoves.map((m) => `${m.day}: ${m.fromStage ?? '—'} → ${m.toStage}`)) });

  return METRIC_DEFINITIONS.map((def) => ({ key: def.key, group: def.group, unit: def.unit, ...values.get(def.key)! }));
}
