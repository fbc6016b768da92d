// `npm run bench:tally`: how long the ranked count takes on a million ballots, next to the floor
// of just reading and parsing the ballot file into its typed arrays. Generates 1,000,000 ballots
// over 10 candidates (bench/generate-ballots.ts) in a temporary directory, then times, best of
// BENCH_RUNS runs each:
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

function best<T>(fn: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    value = fn();
    ms = Math.min(ms, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms, value };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'crossroads-tally-bench-'));
try {
  const file = path.join(dir, 'ballots.txt');
  const generated = process.hrtime.bigint();
  writeBallotFile(file, { ballots: BALLOTS, candidates: 10, seed: 2024 });
  console.log(`Generated ${BALLOTS.toLocaleString('en')} ballots (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${(Number(process.hrtime.bigint() - generated) / 1e6).toFixed(0)} ms\n`);

  const parse = () => readCompactBallots(readFileSync(file), DECIMALS);
  const floor = best(parse);
  const irv = best(() => countBallotSet(parse(), 1));
  const stv = best(() => countBallotSet(parse(), 3));

  const rows: [string, number, string][] = [
    ['(a) read + parse (floor)', floor.ms, ''],
    ['(b) IRV end to end', irv.ms, `${irv.value.rounds.length} rounds, winner ${irv.value.winners.join(', ')}`],
    ['(c) STV, 3 seats, end to end', stv.ms, `${stv.value.rounds.length} rounds, winners ${stv.value.winners.join(', ')}`],
  ];
  console.log(`${'measurement'.padEnd(30)} ${'ms'.padStart(9)} ${'x floor'.padStart(8)}  result`);
  for (const [label, ms, note] of rows) {
    console.log(`${label.padEnd(30)} ${ms.toFixed(1).padStart(9)} ${(ms / floor.ms).toFixed(2).padStart(8)}  ${note}`);
  }
  console.log(`\n${floor.value.size.toLocaleString('en')} ballots; best of ${RUNS} runs; target: within 2x of the floor`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
