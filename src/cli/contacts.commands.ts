import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { exportContactsCsv } from '../contacts/contact-export.service.ts';
import { startContactImport } from '../contacts/contact-import.service.ts';
import { segmentPager } from '../contacts/segment.service.ts';
import { createToken } from '../osdi/osdi-token.service.ts';
import { listSpacesOfUser } from '../spaces/spaces.repository.ts';
import { asUser } from './as-user.ts';
import { resolveSpace, spaceOptions } from './space-option.ts';

type SpaceOpts = { space?: string; org?: string; as: string };

export function registerContactCommands(program: Command) {
  const contacts = program.command('contacts').description("an organization's contacts");

  spaceOptions(contacts.command('import <file>').description('import contacts from a CSV file of any size (columns of NGP VAN, Action Network, NationBuilder, Mobilize, ActBlue are recognized)'))
    .requiredOption('--as <email>', 'the account doing the import (its role in the space is checked)')
    .option('--good-rows', 'import the good rows even when some rows have errors')
    .option('--dry-run', 'do everything but keep nothing: print what the import would do')
    .option('--work-for <mark>', 'c3 or c4: the 501(c) work these people were gathered for (a space not marked either)')
    .action(async (file: string, o: SpaceOpts & { goodRows?: boolean; dryRun?: boolean; workFor?: string }) => {
      if (o.workFor && o.workFor !== 'c3' && o.workFor !== 'c4') throw new Error('--work-for: c3 or c4');
      await asUser(o.as, async (deps, actor) => {
        const spaceId = await resolveSpace(deps.db, o, actor.userId);
        let last = 0;
        const { job, done } = await startContactImport(deps.db, deps.box, actor, spaceId, {
          source: () => createReadStream(file), file, goodRows: Boolean(o.goodRows), dryRun: Boolean(o.dryRun), sourceName: 'import', workFor: (o.workFor as 'c3' | 'c4' | undefined) ?? null,
          onProgress: (j) => {
            if (Date.now() - last < 500) return;
            last = Date.now();
            process.stderr.write(j.status === 'writing' ? `\rwriting: ${j.processed.toLocaleString('en-US')} of ${j.total.toLocaleString('en-US')} rows   ` : `\rchecking: ${j.processed.toLocaleString('en-US')} rows   `);
          },
        });
        await done;
        process.stderr.write('\n');
        for (const row of job.rows.filter((r) => r.outcome === 'rejected').slice(0, 50)) {
          console.log(`row ${row.rowNumber}: ${row.errors!.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
        }
        if (job.counts.rejected > 50) console.log(`… and ${job.counts.rejected - 50} more rows with errors.`);
        const c = job.counts;
        console.log(job.message ?? '');
        console.log(`${job.total} rows: ${c.imported} new, ${c.unchanged} already there, ${c.skipped} repeated in the file, ${c.rejected} with errors; ${job.possibleDuplicates ?? 0} possible duplicates to review.`);
        if (job.status !== 'done') process.exitCode = 1;
      });
    });

  spaceOptions(contacts.command('export').description('export contacts (details included) as CSV; administrators only, logged'))
    .requiredOption('--as <email>', 'the account doing the export')
    .option('--segment <id>', 'only the contacts of this segment')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (o: SpaceOpts & { segment?: string; output?: string }) => {
      await asUser(o.as, async (deps, actor) => {
        const spaceId = await resolveSpace(deps.db, o, actor.userId);
        const out = o.output ? createWriteStream(o.output) : process.stdout;
        const rows = exportContactsCsv(deps.db, deps.box, actor, spaceId, o.segment ? { pager: () => segmentPager(deps.db, actor, spaceId, o.segment!) } : {});
        for await (const chunk of rows) if (!out.write(chunk)) await once(out, 'drain');
        if (o.output) await new Promise((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
      });
    });

  const osdi = program.command('osdi').description('the OSDI API');
  spaceOptions(osdi.command('token').description('make an OSDI API token for a space (printed once)'))
    .requiredOption('--as <email>', 'an administrator of the space')
    .option('--label <label>', 'what the token is for', 'command line')
    .action(async (o: SpaceOpts & { label: string }) => {
      await asUser(o.as, async (deps, actor) => {
        const spaceId = await resolveSpace(deps.db, o, actor.userId);
        const made = await createToken(deps.db, actor, spaceId, o.label);
        console.log(made.token);
        process.stderr.write('Keep it secret: it opens this organization\'s contacts. Send it as the OSDI-API-Token header to /api/osdi/v1.\n');
      });
    });

  program.command('spaces').description('the spaces an account holds a role in')
    .requiredOption('--as <email>', 'the account')
    .action(async (o: { as: string }) => {
      await asUser(o.as, async (deps, actor) => {
        for (const s of await listSpacesOfUser(deps.db, actor.userId)) console.log(`${s.id}  ${s.kind.padEnd(12)}  ${s.role.padEnd(6)}  ${s.name}`);
      });
    });
}
