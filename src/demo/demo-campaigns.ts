import { commit, createAlert } from '../alerts/alert.service.ts';
import { createCampaign, recordEvent } from '../campaigns/campaign.service.ts';
import { addCharterVersion, moveStage } from '../charters/charter.service.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../spaces/access.ts';
import { setPriorities } from '../field/priorities.service.ts';
import { recordTie } from '../ties/tie.service.ts';
import { addStakeholder, createMap, moveStakeholder } from '../power-maps/power-map.service.ts';

// Campaigns, charter, stage and rapid response drawn from the report (seed 001), in the demo's
// own words: the ports coalition's clean trucks campaign and who brought what; the IAD's answer
// to Arizona's SB 1070 (organizers sent to plug into NDLON's organizing); the IAD's charter draft
// and its move from formation (the demo's starting stage) to operational. Commitments' numbers are fictional.

/** Stated ties from the seeds: co-anchors of the IAD's strategy areas, NNIRR's advice, the ports partners. */
async function demoTies(db: Db, coordinator: Actor, id: (key: string) => string) {
  const ties: [string, string, string, 'co_campaigned' | 'formal_partnership' | 'introduced', number][] = [
    // Challenging the Right is co-anchored by NDLON, GGJ, RTTC and JwJ (the 2010 work plan).
    ['iad', 'ggj', 'rttc', 'co_campaigned', 4], ['iad', 'rttc', 'jwj', 'co_campaigned', 4], ['iad', 'ndlon', 'ggj', 'co_campaigned', 4], ['iad', 'ndlon', 'jwj', 'co_campaigned', 3],
    ['iad', 'nnirr', 'ndlon', 'introduced', 2],
    // "NRDC stuck with its labor allies and provided a legal team"; the Teamsters joined the Sierra Club against Arctic drilling.
    ['ports', 'nrdc', 'teamsters', 'co_campaigned', 5],
    ['iad', 'ndlon', 'ndwa', 'formal_partnership', 3], ['ports', 'teamsters', 'sierra_club', 'formal_partnership', 3], ['ports', 'laane', 'nrdc', 'co_campaigned', 5],
  ];
  for (const [alliance, from, to, kind, strength] of ties) await recordTie(db, coordinator, id(alliance), { fromId: id(from), toId: id(to), kind, strength });
}

export async function loadDemoCampaigns(db: Db, ctx: { coordinator: Actor; orgIds: Map<string, string> }) {
  const { coordinator, orgIds } = ctx;
  const id = (key: string) => orgIds.get(key)!;
  await demoTies(db, coordinator, id);
  // The report names the Deep South, youth and gender equity as where new anchors are needed.
  await setPriorities(db, coordinator, id('iad'), { constituencies: ['youth', 'women', 'lgbt'], stateFips: ['01', '13', '22', '28', '45'] });

  const ports = await createCampaign(db, coordinator, id('ports'), {
    name: 'Clean trucks at the Port of Los Angeles', status: 'won',
    chart: {
      longTermGoals: ['Clean air for port communities and good trucking jobs for low-income workers'],
      intermediateGoals: ['A concessionaire system that makes trucking companies replace old diesel trucks and employ drivers'],
      shortTermGoals: ['Harbor Commission adopts the clean trucks program'],
      resourcesWeHave: ['Community groups’ base', 'NRDC’s legal team', 'Sierra Club’s policy expertise', 'Labor’s resources and relationships'],
      resourcesWeNeed: ['Drivers’ voices in the hearings'], internalProblems: ['Blue-green divides between labor and environmental groups'],
      constituents: ['Port truck drivers, mostly immigrant Latino independent truckers', 'Residents near the port'], allies: ['Public health advocates'],
      opponents: ['American Trucking Associations'], primaryTargets: ['Los Angeles Harbor Commission'], secondaryTargets: ['Mayor of Los Angeles'],
      tactics: ['Public hearings', 'Health testimony', 'Legal defense of the program'],
    },
    participants: [
      { organizationId: id('laane'), brings: ['base', 'research'] }, { organizationId: id('nrdc'), brings: ['legal'] },
      { organizationId: id('sierra_club'), brings: ['policy'] }, { organizationId: id('teamsters'), brings: ['money', 'relationships'] },
    ],
  });
  await recordEvent(db, coordinator, ports.id, { kind: 'win', title: 'Court upholds the concessionaire system against the trucking industry’s lawsuit', happenedOn: '2010-08-26' });
  const map = await createMap(db, coordinator, id('ports'), { title: 'Clean trucks: who decides', campaignId: ports.id });
  const commission = await addStakeholder(db, coordinator, map.id, { name: 'Los Angeles Harbor Commission', kind: 'decision_maker', influence: 9, stance: 'neutral' });
  await addStakeholder(db, coordinator, map.id, { name: 'American Trucking Associations', kind: 'institution', influence: 8, stance: 'active_opposition' });
  await addStakeholder(db, coordinator, map.id, { name: 'Mayor of Los Angeles', kind: 'decision_maker', influence: 8, stance: 'passive_ally' });
  await addStakeholder(db, coordinator, map.id, { name: 'NRDC', kind: 'organization', organizationId: id('nrdc'), influence: 6, stance: 'active_ally' });
  await moveStakeholder(db, coordinator, commission.id, { stance: 'passive_ally', note: 'After the public health hearings' });
  await moveStakeholder(db, coordinator, commission.id, { stance: 'active_ally', note: 'Adopted the clean trucks program' });
  await recordEvent(db, coordinator, ports.id, { kind: 'issue_carried', title: 'Opposition to drilling for oil in Alaska', happenedOn: '2009-06-01',
    carrierId: id('teamsters'), demandOwnerId: id('sierra_club'), decisionMaker: 'Congress' });

  const alert = await createAlert(db, coordinator, id('iad'), {
    title: 'Arizona SB 1070: organizers to Phoenix', body: 'Arizona has made racial profiling law. Send organizers and resources from each alliance to plug into NDLON’s organizing in Arizona, and organize actions in your cities.',
    need: { organizers: 20, people: 0, money: 0, days: 400 }, respondBy: '2010-05-15',
  });
  for (const [key, organizers, days] of [['ndlon', 6, 90], ['jwj', 3, 30], ['ggj', 2, 30], ['ndwa', 2, 20]] as const) {
    await commit(db, coordinator, alert.id, { organizationId: id(key), organizers, people: 0, money: 0, days, note: null });
  }

  await addCharterVersion(db, coordinator, id('iad'), {
    blocks: {
      diverse_people: 'Six national alliances of grassroots organizations: labor, immigrant, domestic worker, day laborer, housing and global justice.',
      common_purpose: 'Build a grassroots, social-movement-based progressive front, with a common political language and analysis.',
      clear_boundaries: 'Members are national alliances of base-building organizations; allies advise but do not vote.',
      clear_roles: 'Anchor alliances lead each strategy area; a committee of alliance representatives coordinates.',
      explicit_norms: 'Twice-monthly coordination calls; work plans are ratified by every member alliance.',
    },
    vision: 'Grassroots movements shaping the national fights on immigration, climate and the economy.',
    decisionRules: 'One ballot per member alliance, by its representative; major plans weighted by committed organizers.',
  });
  await moveStage(db, coordinator, id('iad'), { toStage: 'operational', answers: {
    more_powerful_together: 'Yes: joint presence at the US Social Forum and a shared response to immigration enforcement.',
    who_else_at_table: 'Allies working on immigration such as NNIRR; criminal justice groups.',
    enough_trust: 'Built over a year of meetings since December 2008.',
    what_jointly: 'Challenging the Right, building political unity, capacity building.',
    reason_long_term: 'The fights we share last beyond any single campaign.',
  } });
}
