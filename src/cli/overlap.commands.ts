import type { Command } from 'commander';
import { findUserByEmail } from '../accounts/accounts.repository.ts';
import * as overlap from '../overlap/overlap.service.ts';
import { type OverlapTransport, overlapSide } from '../overlap/overlap-side.ts';
import type { Side } from '../overlap/overlap.repository.ts';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../overlap/psi-element.ts';
import { DEFAULT_MIN_COUNT } from '../overlap/overlap.schema.ts';
import type { Actor } from '../spaces/access.ts';
import { asUser } from './as-user.ts';

// `crossroads overlap`: one organization's side of a private overlap against another's, each
// side run with its own account and its own secret (made here, never stored), exactly as two
// browsers would through the API; prints the count, or "fewer than" under the threshold.

type Deps = Parameters<Parameters<typeof asUser>[1]>[0];

function inProcess(deps: Deps, actor: Actor, runId: string, side: Side): OverlapTransport {
  return {
    identifiers: () => overlap.sideIdentifiers(deps.db, deps.box, actor, runId, side),
    sendBlinded: (bytes) => overlap.sendBlinded(deps.db, actor, runId, side, bytes),
    theirBlinded: () => overlap.theirBlinded(deps.db, actor, runId, side),
    sendReblinded: (bytes) => overlap.sendReblinded(deps.db, actor, runId, side, bytes),
    sendRevealable: (bits) => overlap.sendRevealable(deps.db, actor, runId, side, bits),
    matches: () => overlap.sideMatches(deps.db, actor, runId, side),
  };
}

async function actorOf(deps: Deps, email: string): Promise<Actor> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) throw new Error(`No account ${email}.`);
  return { userId: user.id, isWorkspaceAdmin: user.is_workspace_admin };
}

export function registerOverlapCommands(program: Command) {
  program.command('overlap').description('count privately how many people two member organizations of an alliance share')
    .requiredOption('--space <spaceId>', 'your organization\'s own space')
    .requiredOption('--with <spaceId>', 'the other organization\'s own space')
    .requiredOption('--as <email>', 'an administrator of your organization')
    .requiredOption('--partner-as <email>', 'an administrator of the other organization, who runs its side')
    .option('--by <kind>', `the identifier to match on: ${IDENTIFIER_KINDS.join(', ')}`, 'email')
    .option('--alliance <organizationId>', 'the alliance you both belong to (needed when you share more than one)')
    .option('--min-count <n>', `counts under this are shown only as "fewer than" (at least ${DEFAULT_MIN_COUNT})`, String(DEFAULT_MIN_COUNT))
    .option('--reveal', 'also list your own contacts the other holds too, for those both organizations may share with each other (consent)')
    .option('--effort <effortId>', 'a turf check: compare the people on this effort\'s turfs with those on the other\'s active turfs')
    .option('--json', 'print the run as JSON')
    .action(async (o: { space: string; with: string; as: string; partnerAs: string; by: string; alliance?: string; minCount: string; reveal?: boolean; effort?: string; json?: boolean }) => {
      const kind = o.by.replace('-', '_') as IdentifierKind;
      if (!IDENTIFIER_KINDS.includes(kind)) throw new Error(`--by: one of ${IDENTIFIER_KINDS.join(', ')}`);
      const minCount = Number(o.minCount);
      if (!Number.isInteger(minCount) || minCount < DEFAULT_MIN_COUNT) throw new Error(`--min-count: a whole number of at least ${DEFAULT_MIN_COUNT}`);
      await asUser(o.as, async (deps, mine) => {
        const theirs = await actorOf(deps, o.partnerAs);
        const partners = (await overlap.partnersOf(deps.db, mine, o.space)).filter((p) => p.spaceId === o.with);
        if (partners.length === 0) throw new Error('--with: not a fellow member of one of your alliances.');
        const alliance = o.alliance ?? (partners.length === 1 ? partners[0]!.allianceId : undefined);
        if (!alliance) throw new Error(`--alliance: you share ${partners.length} alliances (${partners.map((p) => `${p.allianceName}: ${p.allianceId}`).join(', ')}); say which.`);
        const started = Date.now();
        const { id } = await overlap.requestRun(deps.db, mine, o.space, { partnerSpaceId: o.with, allianceId: alliance, kind, minCount, reveal: Boolean(o.reveal), effortId: o.effort ?? null });
        await overlap.answerRun(deps.db, theirs, id, 'accept');
        const requester = overlapSide(inProcess(deps, mine, id, 'requester'));
        const partner = overlapSide(inProcess(deps, theirs, id, 'partner'));
        await Promise.all([requester.sendMine(), partner.sendMine()]);
        await requester.blindTheirs();
        await partner.blindTheirs();
        const run = await overlap.getRun(deps.db, mine, id);
        // Only one's own side is read: the partner's positions stay for its own administrators.
        const revealed = o.reveal ? (await requester.revealed()).sort() : undefined;
        if (o.json) { console.log(JSON.stringify({ ...run, ...(revealed ? { revealed } : {}) })); return; }
        const shared = run.belowMin ? `fewer than ${run.minCount}` : String(run.sharedCount);
        const scope = run.requesterEffortName ? ` on the turfs of ${run.requesterEffortName} against ${run.partnerName}'s active turfs` : '';
        console.log(`${run.requesterName} (${run.requesterSize} by ${kind}) and ${run.partnerName} (${run.partnerSize})${scope}: ${shared} shared, in ${((Date.now() - started) / 1000).toFixed(1)} s. Run ${id}.`);
        if (revealed) console.log(`${revealed.length} of them both may share:${revealed.map((v) => `\n  ${v}`).join('')}`);
      });
    });
}
