import type { Command } from 'commander';
import { METRIC_DEFINITIONS } from '../metrics/metric-definitions.ts';
import { allianceMetrics } from '../metrics/metrics.service.ts';
import { findOwnSpacesByReference } from '../orgs/organization.repository.ts';
import { asUser } from './as-user.ts';

const show = (value: number | null, unit: string) =>
  value === null ? '—' : unit === 'share' ? `${Math.round(value * 1000) / 10} %` : unit === 'index' ? value.toFixed(3) : value.toLocaleString('en-US');

export function registerMetricsCommands(program: Command) {
  program.command('metrics <alliance>').description("an alliance's movement metrics for a period (its id, name or short name)")
    .requiredOption('--as <email>', 'the account reading them (a role in the alliance\'s space)')
    .option('--from <YYYY-MM-DD>', 'the first day of the period', `${new Date().getUTCFullYear()}-01-01`)
    .option('--to <YYYY-MM-DD>', 'the last day of the period', new Date().toISOString().slice(0, 10))
    .option('--json', 'print the metrics as JSON')
    .action(async (alliance: string, o: { as: string; from: string; to: string; json?: boolean }) => {
      for (const [name, value] of [['--from', o.from], ['--to', o.to]] as const) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`${name}: a date such as 2010-01-31`);
      }
      await asUser(o.as, async (deps, actor) => {
        const found = await findOwnSpacesByReference(deps.db, alliance);
        if (found.length !== 1) throw new Error(found.length ? `"${alliance}" names ${found.length} organizations; use the id.` : `No alliance "${alliance}".`);
        const result = await allianceMetrics(deps.db, actor, found[0]!.id, { from: o.from, to: o.to });
        if (o.json) { console.log(JSON.stringify(result)); return; }
        console.log(`${result.alliance.name}, ${result.from} to ${result.to} (metrics ${result.version}, ${result.members} members)`);
        for (const m of result.metrics) {
          const def = METRIC_DEFINITIONS.find((d) => d.key === m.key)!;
          console.log(`  ${def.name.en.padEnd(44)} ${show(m.value, m.unit).padStart(10)}${m.note ? `  (${m.note})` : ''}`);
        }
      });
    });
}
