import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { purgeSpace, spaceArchive } from '../spaces/space-exit.service.ts';
import { asUser } from './as-user.ts';
import { resolveSpace, spaceOptions } from './space-option.ts';

// `crossroads space archive|purge`: an organization leaves with its data (its owners only).

type SpaceOpts = { space?: string; org?: string; as: string };

export function registerSpaceCommands(program: Command) {
  const space = program.command('space').description("an organization's own space: take everything it holds, then remove it");
  spaceOptions(space.command('archive').description('write a zip of everything the space holds (contacts CSV, every record as JSON lines)'))
    .requiredOption('--as <email>', 'an owner of the space')
    .requiredOption('-o, --output <file>', 'the zip file to write')
    .action(async (o: SpaceOpts & { output: string }) => {
      await asUser(o.as, async (deps, actor) => {
        const { stream } = await spaceArchive(deps.db, deps.box, actor, await resolveSpace(deps.db, o, actor.userId));
        await pipeline(stream, createWriteStream(o.output, { mode: 0o600 }));
        console.log(`Wrote ${o.output}.`);
      });
    });
  spaceOptions(space.command('purge').description('remove everything the space holds, for good (take its archive first)'))
    .requiredOption('--as <email>', 'an owner of the space')
    .requiredOption('--confirm <name>', "the organization's name, typed exactly")
    .action(async (o: SpaceOpts & { confirm: string }) => {
      await asUser(o.as, async (deps, actor) => {
        const report = await purgeSpace(deps.db, actor, await resolveSpace(deps.db, o, actor.userId), o.confirm);
        console.log(`Removed: ${Object.entries(report.removed).map(([table, n]) => `${n} ${table}`).join(', ') || 'nothing'}.`);
        console.log(report.directoryEntry ? `The directory entry stays with ${report.directoryEntry.keptIn}.` : 'The directory entry was removed too.');
      });
    });
}
