// Runs an RCTab contest config end to end: reads the config and its CVR files (paths relative to
// the config file, as in RCTab), counts, and returns the detailed report. The only file access
// of the tally module lives here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CvrCollector, CvrError } from './cvr-collector.ts';
import { readCdfCvrs } from './cvr-cdf.ts';
import { readCsvCvrs } from './cvr-csv.ts';
import { tabulate } from './ranked-engine.ts';
import { readRctabConfig, type RctabContest } from './rctab-config.ts';
import { buildRctabReport, rctabIterationOrder, type RctabReport } from './rctab-report.ts';

export interface RctabRun { contest: RctabContest; report: RctabReport; warnings: string[] }

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CvrError(`cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CvrError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Counts the contest described by the RCTab config file at `configPath`. */
export function runRctabConfig(configPath: string): RctabRun {
  const contest = readRctabConfig(parseJson(readText(configPath, 'the contest config'), configPath));
  const collector = new CvrCollector(contest);
  const base = path.dirname(path.resolve(configPath));
  for (const source of contest.sources) {
    const file = path.resolve(base, source.filePath);
    const text = readText(file, 'the cast vote record file');
    if (source.provider === 'cdf') readCdfCvrs(parseJson(text, file), source, collector, path.basename(file));
    else readCsvCvrs(text, source, collector, path.basename(file));
  }
  const ballots = collector.finish();
  const result = tabulate(ballots, { ...contest.rules, iterationOrder: rctabIterationOrder(contest.candidates) });
  return { contest, report: buildRctabReport(contest, result), warnings: contest.warnings };
}
