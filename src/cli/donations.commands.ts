import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { startDonationImport } from '../donations/donation-import.service.ts';
import { donorReport } from '../donations/donation.service.ts';
import { majorUnits } from '../shared/currency.ts';
import { asUser } from './as-user.ts';
import { resolveSpace, spaceOptions } from './space-option.ts';

type SpaceOpts = { space?: string; org?: string; as: string };

export function registerDonationCommands(program: Command) {
  const donations = program.command('donations').description("an organization's gifts");
  spaceOptions(donations.command('import <file>').description('import gifts from a CSV export (ActBlue, Action Network, NGP VAN, CiviCRM columns are recognized)'))
    .requiredOption('--as <email>', 'the account doing the import (a member of the space)')
    .option('--source <tool>', 'the tool the file comes from (actblue, actionnetwork, van, civicrm): receipts are unique per source', 'import')
    .option('--good-rows', 'import the good rows even when some rows have errors')
    .option('--dry-run', 'do everything but keep nothing: print what the import would do')
    .action(async (file: string, o: SpaceOpts & { source: string; goodRows?: boolean; dryRun?: boolean }) => {
      await asUser(o.as, async (deps, actor) => {
        const spaceId = await resolveSpace(deps.db, o, actor.userId);
        let last = 0;
        const { job, done } = await startDonationImport(deps.db, deps.box, actor, spaceId, {
          source: () => createReadStream(file), sourceName: o.source, goodRows: Boolean(o.goodRows), dryRun: Boolean(o.dryRun),
          onProgress: (j) => {
            if (Date.now() - last < 500) return;
            last = Date.now();
            process.stderr.write(`\r${j.status === 'writing' ? 'writing' : 'checking'}: ${j.processed.toLocaleString('en-US')} rows   `);
          },
        });
        await done;
        process.stderr.write('\n');
        for (const row of job.rows.filter((r) => r.outcome === 'rejected').slice(0, 50)) console.log(`row ${row.rowNumber}: ${row.errors!.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
        if (job.counts.rejected > 50) console.log(`… and ${job.counts.rejected - 50} more rows with errors.`);
        const c = job.counts;
        console.log(job.message ?? '');
        console.log(`${job.total} rows: ${c.imported} new gifts, ${c.unchanged} already recorded, ${c.skipped} repeated in the file, ${c.rejected} with errors.`);
        if (job.status !== 'done') process.exitCode = 1;
      });
    });

  const donors = program.command('donors').description("an organization's donors");

  spaceOptions(donors.command('report').description('donor metrics of a fiscal year: donors, retention, LYBUNT and SYBUNT'))
    .requiredOption('--as <email>', 'the account reading the report (a member of the space)')
    .requiredOption('--year <FY>', 'the fiscal year, named by the calendar year it ends in')
    .option('--fiscal-year-start <MM-DD>', 'the first day of the fiscal year (MM-01), instead of the space\'s own')
    .option('--json', 'print the report as JSON')
    .action(async (o: SpaceOpts & { year: string; fiscalYearStart?: string; json?: boolean }) => {
      await asUser(o.as, async (deps, actor) => {
        const spaceId = await resolveSpace(deps.db, o, actor.userId);
        const year = Number(o.year);
        if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new Error('--year: a fiscal year such as 2025');
        if (o.fiscalYearStart && !/^(0[1-9]|1[0-2])-01$/.test(o.fiscalYearStart)) throw new Error('--fiscal-year-start: MM-01, fiscal years start on the first of a month');
        const r = await donorReport(deps.db, actor, spaceId, year, o.fiscalYearStart);
        // Amounts in major units of the space's currency (dollars, not cents), as the report is read.
        const major = (minor: number | null) => (minor === null ? null : majorUnits(minor, r.currency));
        const report = { fiscalYear: r.fiscalYear, from: r.from, to: r.to, donors: r.donors, newDonors: r.newDonors, retained: r.retained, recaptured: r.recaptured,
          lybunt: r.lybuntCount, sybunt: r.sybuntCount, retentionRate: r.retentionRate, upgraded: r.upgraded, downgraded: r.downgraded,
          totalAmount: major(r.totalAmount)!, averageGift: major(r.averageGift), medianGift: major(r.medianGift), currency: r.currency };
        if (o.json) { console.log(JSON.stringify(report)); return; }
        console.log(`Fiscal year ${report.fiscalYear} (${report.from} to ${report.to})`);
        console.log(`${report.donors} donors (${report.newDonors} new, ${report.retained} retained, ${report.recaptured} recaptured), ${report.totalAmount.toFixed(2)} given`);
        console.log(`retention rate: ${report.retentionRate === null ? '—' : `${Math.round(report.retentionRate * 1000) / 10} %`}; LYBUNT: ${report.lybunt}; SYBUNT: ${report.sybunt}`);
      });
    });
}
