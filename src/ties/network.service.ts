import type { Db } from '../db/database.ts';
import { type JobRegistry, JobLimitError, type JobView } from '../jobs/job-registry.ts';
import { runInWorker } from '../jobs/worker-task.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { Problem } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { listReadableSpaceIds, listRoleSpaceIds } from '../spaces/spaces.repository.ts';
import type { NetworkOptions } from './analyze-network.ts';
import { deriveTies, groupingsOf } from './derived-ties.ts';
import { type ComputedNetwork, computeNetwork, isLargeNetwork, type NetworkInput } from './network-compute.ts';
import * as repo from './tie.repository.ts';

// An alliance's field as a network: its members and the organizations its stated ties reach,
// joined by stated ties (recorded in the alliance's space) and derived ones (shared alliances the
// reader can see, the alliance's convenings and campaigns). Or the whole field the reader can
// see. Memberships are readable through a profile grant; the stated ties, convenings and
// campaigns are a space's own work, so they come only from spaces where the reader holds a
// role. Small networks are analysed in the request; large ones as jobs on their own thread.

const WORKER = new URL('./network-analysis.worker.ts', import.meta.url);

// An alliance's network is its own work (stated ties, convenings, campaigns): a role in its space opens it.
async function checkAlliance(db: Db, actor: Actor, allianceId: string) {
  const { alliance, spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'viewer', 'alliance');
  return { alliance, spaceId };
}

export async function loadAllianceNetwork(db: Db, actor: Actor, allianceId: string): Promise<NetworkInput> {
  const { alliance, spaceId } = await checkAlliance(db, actor, allianceId);
  const readable = await listReadableSpaceIds(db, actor.userId, 'profile');
  const [stated, memberships, convenings, campaigns] = await Promise.all([
    repo.listTies(db, [spaceId]), repo.listMembershipGroups(db, readable),
    repo.listConveningGroups(db, { hostIds: [allianceId] }), repo.listCampaignGroups(db, { hostIds: [allianceId] }),
  ]);
  const members = memberships.filter((m) => m.groupId === allianceId).map((m) => m.memberId);
  const nodeIds = new Set([...members, ...stated.flatMap((t) => [t.a, t.b])]);
  const derived = deriveTies([...groupingsOf('co_membership', memberships.filter((m) => m.groupId !== allianceId)),
    ...groupingsOf('co_attendance', convenings), ...groupingsOf('co_campaigning', campaigns)])
    .filter((t) => nodeIds.has(t.a) && nodeIds.has(t.b));
  const nodes = await repo.listNodes(db, [...nodeIds]);
  return { alliance: { id: alliance.id, name: alliance.name }, nodes, stated, derived };
}

/** The whole field the reader can see: every organization, stated ties, shared alliances, convenings and campaigns. */
export async function loadFieldNetwork(db: Db, actor: Actor): Promise<NetworkInput> {
  const [readable, withRole] = await Promise.all([listReadableSpaceIds(db, actor.userId, 'profile'), listRoleSpaceIds(db, actor.userId)]);
  const [nodes, stated, memberships, convenings, campaigns] = await Promise.all([
    repo.listNodesInSpaces(db, readable), repo.listTies(db, withRole), repo.listMembershipGroups(db, readable),
    repo.listConveningGroups(db, { spaceIds: withRole }), repo.listCampaignGroups(db, { spaceIds: withRole }),
  ]);
  const derived = deriveTies([...groupingsOf('co_membership', memberships), ...groupingsOf('co_attendance', convenings), ...groupingsOf('co_campaigning', campaigns)]);
  return { alliance: null, nodes, stated, derived };
}

/** For small networks, exports and the CLI: a large network is analysed on its own thread while the caller waits. */
export async function computeOffThread(input: NetworkInput, options: NetworkOptions): Promise<ComputedNetwork> {
  if (!isLargeNetwork(input)) return computeNetwork(input, options);
  return runInWorker<unknown, ComputedNetwork>(WORKER, { input, options }, { signal: new AbortController().signal, report: () => {} });
}

export type NetworkScope = { allianceId: string } | 'field';

/** How long a request waits for a job before answering with it still running. */
const ANSWER_WITHIN_MS = 250;

/**
 * Starts the analysis as a job, and answers with it once done or after a quarter second,
 * whichever comes first: a small network comes back finished, a large one with its progress.
 * `loaded` is the network already read (and its access checked) by the caller.
 */
export async function startNetworkAnalysis(db: Db, jobs: JobRegistry, actor: Actor, scope: NetworkScope, options: NetworkOptions,
  loaded?: NetworkInput): Promise<JobView<ComputedNetwork>> {
  if (scope !== 'field' && !loaded) await checkAlliance(db, actor, scope.allianceId); // refuse before starting anything
  const key = `network ${scope === 'field' ? 'field' : scope.allianceId} ${options.derived} ${[...(options.kinds ?? [])].sort().join(',')}`;
  let job: JobView<ComputedNetwork>;
  try {
    job = jobs.start(actor.userId, 'network-analysis', key, async (control) => {
      control.report(0, 'loading');
      const input = loaded ?? (scope === 'field' ? await loadFieldNetwork(db, actor) : await loadAllianceNetwork(db, actor, scope.allianceId));
      if (!isLargeNetwork(input)) return computeNetwork(input, options);
      return runInWorker<unknown, ComputedNetwork>(WORKER, { input, options }, control);
    });
  } catch (error) {
    if (error instanceof JobLimitError) throw new Problem(429, 'Too many analyses', error.message);
    throw error;
  }
  return (await jobs.settle(job.id, actor.userId, ANSWER_WITHIN_MS)) as JobView<ComputedNetwork>;
}
