import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readAppBallots } from '../decisions/tally/app-ballots.ts';
import { runRctabConfig } from '../decisions/tally/rctab-run.ts';
import type { RctabReport } from '../decisions/tally/rctab-report.ts';
import { countBallotSet, type RankedResult } from '../decisions/tally/tally-ranked.ts';

interface TallyOptions { method?: string; ballots?: string; seats?: string; decimals?: string; seed?: string; rctab?: string; json?: boolean }

function wholeNumber(text: string | undefined, option: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new Error(`${option} must be a whole number from ${min} to ${max}`);
  return Number(text);
}

/** Rows of cells as aligned columns: the first left-aligned, the rest right-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

function describeResult(result: RankedResult, candidates: string[]): string {
  const rounds = result.rounds;
  const rows = [
    ['', ...rounds.map((r) => `Round ${r.round}`)],
    ...candidates.map((c) => [c, ...rounds.map((r) => r.tally[c] ?? '')]),
    ['Exhausted', ...rounds.map((r) => r.exhausted)],
    ['Threshold', ...rounds.map((r) => r.threshold)],
  ];
  const events = rounds.flatMap((r) => [
    ...r.elected.map((c) => `Round ${r.round}: ${c} elected`),
    ...r.eliminated.map((c) => `Round ${r.round}: ${c} eliminated`),
    ...r.tiebreaks.map((t) => `Round ${r.round}: tie for ${t.for} place between ${t.candidates.join(', ')}: ${t.selected} ${t.reason}`),
  ]);
  const method = result.seats === 1 ? 'Instant runoff' : `Single transferable vote, ${result.seats} seats`;
  return [`${method}: ${result.totalVotes} votes`, table(rows), ...events, `Winner${result.winners.length === 1 ? '' : 's'}: ${result.winners.join(', ')}`].join('\n');
}

function describeReport(report: RctabReport): string {
  const rounds = report.results;
  const candidates = [...new Set(rounds.flatMap((r) => Object.keys(r.tally)))];
  const inactive = [...new Set(rounds.flatMap((r) => Object.keys(r.inactiveBallots)))];
  const rows = [
    ['', ...rounds.map((r) => `Round ${r.round}`)],
    ...candidates.map((c) => [c, ...rounds.map((r) => r.tally[c] ?? '')]),
    ...inactive.map((k) => [`Inactive: ${k}`, ...rounds.map((r) => r.inactiveBallots[k] ?? '')]),
    ['Threshold', ...rounds.map((r) => r.threshold)],
  ];
  const events = rounds.flatMap((r) => r.tallyResults.map((t) => `Round ${r.round}: ${t.elected ?? t.eliminated} ${t.elected ? 'elected' : 'eliminated'}`));
  return [`${report.config.contest}: ${report.summary.totalNumBallots} ballots`, table(rows), ...events].join('\n');
}

export function registerTallyCommands(program: Command) {
  program.command('tally')
    .description('count ranked ballots: instant runoff (irv) or single transferable vote (stv), or an RCTab contest config')
    .option('--method <method>', 'irv | stv (with --ballots)')
    .option('--ballots <file>', 'a ballot file: JSON {candidates, ballots} or one ballot per line (see src/decisions/tally/app-ballots.ts)')
    .option('--seats <n>', 'seats to fill (stv)')
    .option('--decimals <n>', 'decimal places of vote arithmetic', '4')
    .option('--seed <text>', 'seed for random tie-breaks (default: the candidate listed later loses a tie)')
    .option('--rctab <config>', 'an RCTab contest config (*_config.json); CVR paths are relative to it')
    .option('--json', 'print the result as JSON (for --rctab: RCTab\'s detailed report)')
    .action((o: TallyOptions) => {
      if (Boolean(o.rctab) === Boolean(o.ballots)) throw new Error('give either --ballots FILE (with --method) or --rctab CONFIG.json');
      if (o.rctab) {
        const { report, warnings } = runRctabConfig(o.rctab);
        for (const w of warnings) console.error(`warning: ${w}`);
        process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : `${describeReport(report)}\n`);
        return;
      }
      if (o.method !== 'irv' && o.method !== 'stv') throw new Error('--method must be irv or stv');
      if (o.method === 'stv' && o.seats === undefined) throw new Error('--seats is required with --method stv');
      const seats = wholeNumber(o.seats, '--seats', 1, 1, 100_000);
      if (o.method === 'irv' && seats !== 1) throw new Error('--method irv fills one seat; use --method stv for more');
      const decimals = wholeNumber(o.decimals, '--decimals', 4, 1, 20);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(o.ballots!);
      } catch (err) {
        throw new Error(`cannot read ${o.ballots}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
      const ballots = readAppBallots(bytes, decimals);
      const result = countBallotSet(ballots, seats, o.seed);
      process.stdout.write(o.json ? `${JSON.stringify(result, null, 2)}\n` : `${describeResult(result, ballots.candidates)}\n`);
    });
}
