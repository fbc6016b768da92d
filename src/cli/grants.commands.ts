import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportGrants, importGrants } from '../grants/grant.service.ts';
import { FUNDER_TYPES, type FunderType } from '../grants/grant.schema.ts';
import { Problem } from '../server/problem.ts';
import { asUser } from './as-user.ts';
import { resolveSpace, spaceOptions } from './space-option.ts';

type SpaceOpts = { space?: string; org?: string; as: string };

export function registerGrantCommands(program: Command) {
  const grants = program.command('grants').description('grants in the 360Giving shape');
  spaceOptions(grants.command('import <file>').description('import a 360Giving file: JSON, CSV or XLSX, all or nothing'))
    .requiredOption('--as <email>', 'the account doing the import (a member of the space)')
    .option('--dry-run', 'check and match everything, keep nothing')
    .option('--date-order <order>', 'dmy or mdy: how the file writes dates like 03/04/2024, when none of its dates says')
    .option('--funder-type <type>', `the kind of funder when the directory does not say (${FUNDER_TYPES.join(', ')})`)
    .action(async (file: string, o: SpaceOpts & { dryRun?: boolean; dateOrder?: string; funderType?: string }) => {
      if (o.dateOrder && o.dateOrder !== 'dmy' && o.dateOrder !== 'mdy') throw new Error('--date-order: dmy or mdy');
      if (o.funderType && !(FUNDER_TYPES as readonly string[]).includes(o.funderType)) throw new Error(`--funder-type: one of ${FUNDER_TYPES.join(', ')}`);
      await asUser(o.as, async (deps, actor) => {
        const spaceId = await resolveSpace(deps.db, o, actor.userId);
        try {
          const r = await importGrants(deps.db, actor, spaceId, readFileSync(file), {
            dryRun: Boolean(o.dryRun), dateOrder: o.dateOrder as 'dmy' | 'mdy' | undefined, funderType: o.funderType as FunderType | undefined });
          console.log(`${r.grants} grants (${r.format}${r.encoding ? `, ${r.encoding}` : ''}): ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged${r.dryRun ? ' — a trial: nothing kept' : ''}.`);
          for (const rep of r.repeats) console.log(`"${rep.identifier}" appears ${rep.count} times and agrees with itself: kept once.`);
          if (r.ignoredColumns.length) console.log(`Columns not read (not part of the 360Giving standard): ${r.ignoredColumns.join(', ')}.`);
          if (r.review.unsure || r.review.none) console.log(`To review: ${r.review.unsure} funders or recipients that could be more than one directory organization, ${r.review.none} not in the directory.`);
        } catch (err) {
          if (!(err instanceof Problem) || err.status !== 422) throw err;
          for (const e of err.errors) console.log(`${e.field}: ${e.message}`);
          console.log(err.detail ?? '');
          process.exitCode = 1;
        }
      });
    });

  spaceOptions(grants.command('export').description('write the space\'s grants as a 360Giving package'))
    .requiredOption('--as <email>', 'the account reading them (a role in the space)')
    .option('--format <format>', 'the format: 360giving (JSON)', '360giving')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (o: SpaceOpts & { format: string; output?: string }) => {
      if (o.format !== '360giving') throw new Error('--format: 360giving');
      await asUser(o.as, async (deps, actor) => {
        const spaceId = await resolveSpace(deps.db, o, actor.userId);
        const text = `${JSON.stringify(await exportGrants(deps.db, actor, spaceId), null, 2)}\n`;
        if (o.output) writeFileSync(o.output, text);
        else process.stdout.write(text);
      });
    });
}
