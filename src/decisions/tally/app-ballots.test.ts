import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readAppBallots } from './app-ballots.ts';
import { formatJava, parseDecimal } from './fixed-point.ts';
import { JavaRandom, javaShuffle } from './java-compat.ts';
import { countBallotSet, tallyRanked } from './tally-ranked.ts';

const COMPACT = `# a small vote
candidates: Ana Lima | Ben | Cy

Ana Lima > Ben
3 * Ben > Cy
0.25*Cy > Ana Lima
Ana Lima = Ben > Cy
Cy > > Ben
-
`;

describe('app ballot files', () => {
  it('reads the compact line format with weights, overvotes, skipped ranks and empty ballots', () => {
    const set = readAppBallots(COMPACT, 4);
    expect(set.candidates).toEqual(['Ana Lima', 'Ben', 'Cy']);
    expect(set.size).toBe(6);
    const result = countBallotSet(set, 1);
    // The overvote (Ana Lima = Ben) skips to Cy; the empty ballot is exhausted from the start.
    expect(result.rounds[0]!.tally).toEqual({ 'Ana Lima': '1', Ben: '3', Cy: '2.25' });
    expect(result.rounds[0]!.exhausted).toBe('1');
    expect(result.totalVotes).toBe('7.25');
  });

  it('reads the JSON format the same way', () => {
    const json = JSON.stringify({
      candidates: ['Ana Lima', 'Ben', 'Cy'],
      ballots: [
        { ranking: ['Ana Lima', 'Ben'] }, { ranking: ['Ben', 'Cy'], weight: 3 }, { ranking: ['Cy', 'Ana Lima'], weight: '0.25' },
        { ranking: [['Ana Lima', 'Ben'], 'Cy'] }, { ranking: ['Cy', [], 'Ben'] }, { ranking: [] },
      ],
    });
    expect(countBallotSet(readAppBallots(json, 4), 1)).toEqual(countBallotSet(readAppBallots(COMPACT, 4), 1));
    expect(countBallotSet(readAppBallots(new TextEncoder().encode(json), 4), 2).winners).toHaveLength(2);
    expect(readAppBallots(new TextEncoder().encode(`\uFEFF${COMPACT}`), 4).size).toBe(6);
  });

  it('names the line and the problem in a bad file', () => {
    expect(() => readAppBallots('Ana > Ben\n', 4)).toThrow('line 1: the file must start with a "candidates: A | B | C" line');
    expect(() => readAppBallots('candidates: Ana | Ben\nAna > Bob\n', 4)).toThrow('line 2: "Bob" is not a candidate');
    expect(() => readAppBallots('candidates: Ana | Ben\n0.00001 * Ana\n', 4)).toThrow('line 2: weight "0.00001" must be a number with at most 4 decimal places');
    expect(() => readAppBallots('candidates: Ana | Ben\n2 *\n', 4)).toThrow('line 2: the ranking is empty');
    expect(() => readAppBallots('candidates: Ana | Ben\nAna = > Ben\n', 4)).toThrow('line 2: a name is missing next to "="');
    expect(() => readAppBallots('candidates: Ana | Ana\n', 4)).toThrow('"Ana" is listed twice');
    expect(() => readAppBallots('{"candidates": ["Ana"], "ballots": [{"ranking": ["Bo"]}]}', 4)).toThrow('ballots[0].ranking[0]: "Bo" is not a candidate');
    expect(() => readAppBallots('{"candidates": ["Ana"], "ballots": [{"ranking": ["Ana"], "weight": -2}]}', 4)).toThrow('ballots[0].weight: weight "-2" is negative');
  });
});

describe('exact arithmetic and Java compatibility', () => {
  it('reads decimals exactly and prints them as BigDecimal.toString does', () => {
    expect(parseDecimal('0.25', 4)).toEqual({ value: 2500n, scaled: true });
    expect(parseDecimal('3', 4)).toEqual({ value: 30000n, scaled: false });
    expect(parseDecimal('0.12345', 4)).toBeNull();
    expect(formatJava({ value: 23330n, scaled: true }, 4)).toBe('2.3330');
    expect(formatJava({ value: 80000n, scaled: false }, 4)).toBe('8');
    expect(formatJava({ value: 1n, scaled: true }, 8)).toBe('1E-8');
    expect(formatJava({ value: 0n, scaled: true }, 7)).toBe('0E-7');
  });

  it('reproduces java.util.Random and Collections.shuffle', () => {
    expect(new JavaRandom(0n).nextDouble()).toBe(0.730967787376657);
    expect(new JavaRandom(42n).next(32)).toBe(-1170105035);
    const list = [1, 2, 3, 4, 5];
    javaShuffle(list, new JavaRandom(1n));
    expect([...list].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(tallyRanked({ candidates: ['A', 'B'], seats: 1, ballots: [{ ranking: ['A'] }] }).winners).toEqual(['A']);
  });
});

describe('crossroads tally --ballots', () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(path.join(tmpdir(), 'crossroads-tally-'));
  const file = path.join(dir, 'ballots.txt');
  writeFileSync(file, COMPACT);

  it('prints the rounds and the winner', async () => {
    const { stdout } = await run(process.execPath, ['bin/crossroads.js', 'tally', '--method', 'irv', '--ballots', file], { timeout: 60_000 });
    expect(stdout).toContain('Instant runoff: 7.25 votes');
    expect(stdout).toMatch(/Ana Lima\s+1\s+/);
    expect(stdout).toContain('Round 1: Ana Lima eliminated');
    expect(stdout).toContain('Winner: Ben');
  });

  it('fails with a message and exit code 1', async () => {
    const failed = await run(process.execPath, ['bin/crossroads.js', 'tally', '--method', 'stv', '--ballots', file], { timeout: 60_000 })
      .then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('--seats is required with --method stv');
  });
});
