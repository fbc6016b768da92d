import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { IMPORT_ENTITIES, type ImportEntity } from '../imports/column-mapping.ts';
import { exportCsv, exportPopolo } from '../interchange/export.service.ts';
import { previewImport, startImport } from '../interchange/import.service.ts';
import { asUser } from './as-user.ts';
import { resolveSpace, spaceOptions } from './space-option.ts';
import { decodeText } from '../imports/text-encoding.ts';
import { DUPLICATE_DECISIONS, type DuplicateDecision, type ImportDecisions } from '../imports/import-decisions.ts';

function checkEntity(entity: string): ImportEntity {
  if (!IMPORT_ENTITIES.includes(entity as ImportEntity)) throw new Error(`--entity must be one of ${IMPORT_ENTITIES.join(', ')}`);
  return entity as ImportEntity;
}

interface ImportOptions {
  entity: string; space?: string; org?: string; as: string; goodRows?: boolean; dryRun?: boolean;
  decisions?: string; dateOrder?: string; default?: string[]; duplicates?: string;
}

/** The answers given on the command line, over those of a --decisions file. */
function decisionsOf(o: ImportOptions): ImportDecisions {
  const decisions = (o.decisions ? JSON.parse(readFileSync(o.decisions, 'utf8')) : {}) as ImportDecisions;
  if (o.dateOrder) {
    if (o.dateOrder !== 'mdy' && o.dateOrder !== 'dmy') throw new Error('--date-order must be mdy or dmy');
    decisions.dateOrder = o.dateOrder;
  }
  for (const pair of o.default ?? []) {
    const [field, ...value] = pair.split('=');
    if (!field || value.length === 0) throw new Error(`--default ${pair}: write field=value, e.g. kind=union`);
    decisions.defaults = { ...decisions.defaults, [field]: value.join('=') };
  }
  if (o.duplicates) {
    if (!(DUPLICATE_DECISIONS as readonly string[]).includes(o.duplicates)) throw new Error(`--duplicates must be one of ${DUPLICATE_DECISIONS.join(', ')}`);
    decisions.allDuplicates = o.duplicates as DuplicateDecision;
  }
  return decisions;
}

/** What a dry run asks, in the words --decisions, --date-order, --default and --duplicates answer. */
function printQuestions(preview: Awaited<ReturnType<typeof previewImport>>) {
  if (preview.missing.length) console.log(`No column for: ${preview.missing.join(', ')} (map one, or give --default ${preview.missing[0]}=…)`);
  for (const u of preview.unknownValues) {
    console.log(`unknown ${u.field} "${u.value}" (${u.count} rows)${u.suggestion ? `: probably ${u.suggestion}` : ''}`);
  }
  const { dates } = preview;
  if (dates.ambiguous && !dates.order) {
    console.log(`${dates.ambiguous} dates such as ${dates.examples.join(', ')} could be read day or month first${dates.evidence ? ` (${dates.evidence.value} in the file is ${dates.evidence.order})` : ''}: give --date-order`);
  }
  for (const d of preview.duplicates.filter((q) => !q.decision)) {
    const like = d.matches.map((m) => (m.kind === 'row' ? `row ${m.rowNumber} ("${m.name}")` : `"${m.name}" in ${m.spaceName}`)).join(', ');
    console.log(`row ${d.rowNumber} "${d.name}" may be ${like}`);
  }
}

export function registerInterchangeCommands(program: Command) {
  spaceOptions(program.command('import <file>')
    .description('import a CSV file of organizations, memberships or people into a space'), 'the space the records belong to')
    .requiredOption('--entity <entity>', IMPORT_ENTITIES.join(' | '))
    .requiredOption('--as <email>', 'the account doing the import (its role in the space is checked)')
    .option('--good-rows', 'import the good rows even when some rows have errors')
    .option('--dry-run', 'only check the file and print the report and its questions')
    .option('--decisions <file>', 'a JSON file of answers to the questions (as the app sends them: defaults, values, dateOrder, duplicates)')
    .option('--date-order <order>', 'mdy or dmy: how dates like 03/04/2019 are read')
    .option('--default <field=value...>', 'a value for rows without one, e.g. kind=union')
    .option('--duplicates <decision>', `what to do with every row that may be an organization seen before: ${DUPLICATE_DECISIONS.join(' | ')}`)
    .action(async (file: string, o: ImportOptions) => {
      const entity = checkEntity(o.entity);
      const decisions = decisionsOf(o);
      await asUser(o.as, async (deps, actor) => {
        const space = await resolveSpace(deps.db, o, actor.userId);
        if (o.dryRun) {
          // A dry run reads the file whole to show every row's errors at once.
          const preview = await previewImport(deps.db, actor, space, entity, decodeText(readFileSync(file)).text, null, decisions);
          console.log(`Columns: ${Object.entries(preview.mapping).map(([h, f]) => `${h} → ${f ?? '(ignored)'}`).join(', ')}`);
          for (const row of preview.rows.filter((r) => !r.ok)) console.log(`row ${row.rowNumber}: ${row.errors!.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
          printQuestions(preview);
          console.log(`${preview.total} rows, ${preview.errorCount} with errors (dry run: nothing written).`);
          return;
        }
        // The file is streamed (read twice: checked, then written), so its size does not matter.
        const { job, done } = await startImport(deps.db, deps.box, actor, space, { entity, source: () => createReadStream(file), decisions, importGoodRows: Boolean(o.goodRows) });
        const progress = setInterval(() => {
          process.stderr.write(job.status === 'writing' ? `\rwriting: ${job.processed} of ${job.total} rows   ` : `\rchecking: ${job.processed} rows   `);
        }, 1000);
        try { await done; } finally { clearInterval(progress); process.stderr.write('\n'); }
        for (const row of job.rows.filter((r) => r.outcome === 'rejected').slice(0, 50)) {
          console.log(`row ${row.rowNumber}: ${row.errors!.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
        }
        if (job.counts.rejected > 50) console.log(`… and ${job.counts.rejected - 50} more rows with errors.`);
        console.log(job.message ?? `${job.status}: ${Object.entries(job.counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
        if (job.status !== 'done') process.exitCode = 1;
      });
    });

  spaceOptions(program.command('export')
    .description('export a space as CSV or Popolo JSON'), 'the space to export')
    .requiredOption('--as <email>', 'the account doing the export')
    .option('--format <format>', 'csv | popolo', 'csv')
    .option('--entity <entity>', `for CSV: ${IMPORT_ENTITIES.join(' | ')}`, 'organizations')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (o: { space?: string; org?: string; as: string; format: string; entity: string; output?: string }) => {
      if (!['csv', 'popolo'].includes(o.format)) throw new Error('--format must be csv or popolo');
      const entity = checkEntity(o.entity);
      const text = await asUser(o.as, async (deps, actor) => {
        const space = await resolveSpace(deps.db, o, actor.userId);
        return o.format === 'popolo' ? `${JSON.stringify(await exportPopolo(deps.db, actor, space), null, 2)}\n` : exportCsv(deps.db, actor, space, entity);
      });
      if (o.output) writeFileSync(o.output, text); else process.stdout.write(text);
    });
}
