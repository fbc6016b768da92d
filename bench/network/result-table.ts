// The bench's printed table: one row per library and task, ours first in each task.
import { cpus, loadavg } from 'node:os';

export interface Row {
  task: string;
  library: string;
  seconds?: number;
  /** Our time on the same task, to print how many times faster we are. */
  oursSeconds?: number;
  check?: string;
  /**
   * factor: we must be at least this many times faster (0.5 = at most twice as slow);
   * seconds: an absolute time limit for our row; extraMet: a further condition (e.g. quality).
   */
  target?: { label: string; factor?: number; seconds?: number; extraMet?: boolean };
  note?: string;
}

function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined) return '—';
  return seconds >= 100 ? seconds.toFixed(0) : seconds >= 1 ? seconds.toFixed(2) : seconds.toFixed(3);
}

function verdict(row: Row): string {
  const target = row.target;
  if (!target) return '';
  let met = true;
  if (target.factor !== undefined && row.seconds !== undefined && row.oursSeconds !== undefined) {
    met &&= row.seconds / row.oursSeconds >= target.factor;
  }
  if (target.seconds !== undefined && row.seconds !== undefined) met &&= row.seconds < target.seconds;
  if (target.extraMet !== undefined) met &&= target.extraMet;
  return `${target.label}: ${met ? 'met' : 'NOT met'}`;
}

export function printTable(rows: Row[]): void {
  const header = ['task', 'library', 'time (s)', 'ours faster ×', 'result check', 'target'];
  const body = rows.map((row) => [
    row.task,
    row.library,
    formatSeconds(row.seconds),
    row.seconds !== undefined && row.oursSeconds !== undefined ? (row.seconds / row.oursSeconds).toFixed(1) : '',
    row.check ?? '',
    verdict(row),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  let previousTask = '';
  for (const cells of body) {
    console.log(line(cells[0] === previousTask ? ['', ...cells.slice(1)] : cells));
    previousTask = cells[0]!;
  }
  const notes = rows.filter((row) => row.note);
  if (notes.length > 0) console.log('');
  for (const row of notes) console.log(`* ${row.library} (${row.task}): ${row.note}`);
  console.log('\nTimes are the algorithm alone (median of 3 for Louvain and PageRank, one run otherwise), graph loading excluded.');
  const [oneMinute, fiveMinutes] = loadavg();
  console.log(`Machine: ${cpus().length} cores, load average ${oneMinute!.toFixed(1)} (1 min) / ${fiveMinutes!.toFixed(1)} (5 min) at the end (other jobs on the machine slow every column, not always by the same amount).`);
}
