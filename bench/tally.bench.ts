// `npm run bench:tally`: how long the ranked count takes on a million ballots, next to the floor
// of just reading and parsing the ballot file into its typed arrays. Generates 1,000,000 ballots
// over 10 candidates (bench/generate-ballots.ts) in a temporary directory, then times, over
// BENCH_RUNS round-robin runs each (best and median):
//   (a) floor: read the file + parse it into a BallotSet
//   (b) IRV end to end: read + parse + count one seat
//   (c) STV end to end: read + parse + count three seats
// The target is (b) and (c) within 2x of (a). It prints numbers; it asserts nothing.
//
//   BENCH_BALLOTS  ballots to generate (default 1,000,000)
//   BENCH_RUNS     runs per measurement (default 5)
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCompactBallots } from '../src/decisions/tally/app-ballots.ts';
import { countBallotSet } from '../src/decisions/tally/tally-ranked.ts';
import { writeBallotFile } from './generate-ballots.ts';

const BALLOTS = Number(process.env.BENCH_BALLOTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DECIMALS = 4;

interface Measurement { label: string; run: () => { rounds: number; note: string } | null; times: number[]; note: string }

/** Runs the measurements round-robin (after one warm-up each), so load on the machine hits them alike. */
function measure(measurements: Measurement[]): void {
  for (const m of measurements) m.run();
  for (let i = 0; i < RUNS; i++) {
    for (const m of measurements) {
      const start = process.hrtime.bigint();
      const result = m.run();
      m.times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (result) m.note = `${result.rounds} rounds, ${result.note}`;
    }
  }
}

const best = (times: number[]) => Math.min(...times);
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

const dir = mkdtempSync(path.join(os.tmpdir(), 'crossroads-tally-bench-'));
try {
  const file = path.join(dir, 'ballots.txt');
  const generated = process.hrtime.bigint();
  writeBallotFile(file, { ballots: BALLOTS, candidates: 10, seed: 2024 });
  console.log(`Generated ${BALLOTS.toLocaleString('en')} ballots (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${(Number(process.hrtime.bigint() - generated) / 1e6).toFixed(0)} ms\n`);

  const parse = () => readCompactBallots(readFileSync(file), DECIMALS);
  const count = (seats: number) => () => {
    const result = countBallotSet(parse(), seats);
    return { rounds: result.rounds.length, note: `${seats === 1 ? 'winner' : 'winners'} ${result.winners.join(', ')}` };
  };
  const rows: Measurement[] = [
    { label: '(a) read + parse (floor)', run: () => { parse(); return null; }, times: [], note: '' },
    { label: '(b) IRV end to end', run: count(1), times: [], note: '' },
    { label: '(c) STV, 3 seats, end to end', run: count(3), times: [], note: '' },
  ];
  measure(rows);
  const floorBest = best(rows[0]!.times), floorMedian = median(rows[0]!.times);
  console.log(`${'measurement'.padEnd(30)} ${'best ms'.padStart(9)} ${'x floor'.padStart(8)} ${'median ms'.padStart(10)} ${'x floor'.padStart(8)}  result`);
  for (const m of rows) {
    const b = best(m.times), md = median(m.times);
    console.log(`${m.label.padEnd(30)} ${b.toFixed(1).padStart(9)} ${(b / floorBest).toFixed(2).padStart(8)} ${md.toFixed(1).padStart(10)} ${(md / floorMedian).toFixed(2).padStart(8)}  ${m.note}`);
  }
  console.log(`\n${BALLOTS.toLocaleString('en')} ballots; ${RUNS} runs each, round-robin after a warm-up; target: within 2x of the floor`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
