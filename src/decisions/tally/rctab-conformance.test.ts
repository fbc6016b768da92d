// RCTab's own test contests (../shared/conformance/rctab, from BrightSpots/rcv): each folder's
// config and cast vote records must give exactly the expected detailed report, round by round
// (tallies, threshold, inactive ballots, who was elected or eliminated and where their votes
// went) and in the summary. Only the generated-by line and dates may differ.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runRctabConfig } from './rctab-run.ts';

const root = path.resolve(process.cwd(), '../shared/conformance/rctab');
const present = existsSync(root);
const cases = present
  ? readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => {
    const dir = path.join(root, e.name);
    const files = readdirSync(dir);
    const find = (suffix: string) => path.join(dir, files.find((f) => f.endsWith(suffix)) ?? `missing${suffix}`);
    return { name: e.name, config: find('_config.json'), expected: find('_expected_detailed_report.json') };
  })
  : [];
const expectedReport = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { results: unknown; summary: unknown };

(present ? describe : describe.skip)(present ? 'RCTab conformance cases' : `RCTab conformance cases (skipped: no data at ${root})`, () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('$name gives the expected report', ({ config, expected }) => {
    const { report } = runRctabConfig(config);
    const want = expectedReport(expected);
    expect(report.results).toEqual(want.results);
    expect(report.summary).toEqual(want.summary);
  });

  it('gives the same report through `crossroads tally --rctab CONFIG --json`', async () => {
    const multiSeat = cases.find((c) => c.name.includes('multi_winner')) ?? cases[0]!;
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/crossroads.js', 'tally', '--rctab', multiSeat.config, '--json'], { timeout: 60_000 });
    const report = JSON.parse(stdout) as { results: unknown; summary: unknown };
    const want = expectedReport(multiSeat.expected);
    expect(report.results).toEqual(want.results);
    expect(report.summary).toEqual(want.summary);
  });
});
