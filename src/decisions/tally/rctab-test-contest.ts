// Test support: writes a small RCTab contest (config + generic CSV cast vote records) to a
// temporary directory, so the RCTab options can be exercised through runRctabConfig.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BASE_RULES = {
  tiebreakMode: 'useCandidateOrder', overvoteRule: 'alwaysSkipToNextRank', winnerElectionMode: 'singleWinnerMajority',
  randomSeed: '', numberOfWinners: '1', multiSeatBottomsUpPercentageThreshold: '', decimalPlacesForVoteArithmetic: '4',
  minimumVoteThreshold: '0', maxSkippedRanksAllowed: 'unlimited', maxRankingsAllowed: 'max', nonIntegerWinningThreshold: false,
  doesFirstRoundDetermineThreshold: false, hareQuota: false, batchElimination: false, continueUntilTwoCandidatesRemain: false,
  stopTabulationEarlyAfterRound: '', exhaustOnDuplicateCandidate: false, rulesDescription: 'test', treatBlankAsUndeclaredWriteIn: false,
};

export interface TestContest {
  candidates?: string[];
  excluded?: string[];
  rules?: Record<string, unknown>;
  source?: Record<string, unknown>;
  outputSettings?: Record<string, unknown>;
  /** Ballots as "count: A > B = C > > D" (= shares a rank, an empty rank is skipped). */
  ballots: string[];
}

export function contestConfig(c: TestContest) {
  const candidates = c.candidates ?? ['A', 'B', 'C', 'D'];
  return {
    tabulatorVersion: 'TEST',
    outputSettings: { contestName: 'Test contest', contestDate: '2024-01-01', contestJurisdiction: 'Here', contestOffice: 'Chair', tabulateByBatch: false, tabulateByPrecinct: false, generateCdfJson: false, ...c.outputSettings },
    cvrFileSources: [{ filePath: 'cvr.csv', contestId: '', firstVoteColumnIndex: '2', firstVoteRowIndex: '2', idColumnIndex: '1', provider: 'genericCsv', overvoteLabel: '', undeclaredWriteInLabel: '', ...c.source }],
    candidates: candidates.map((name) => ({ name, excluded: (c.excluded ?? []).includes(name), aliases: [] })),
    rules: { ...BASE_RULES, ...c.rules },
  };
}

/** Writes the contest and returns its config path. */
export function writeContest(c: TestContest): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crossroads-rctab-'));
  const candidates = c.candidates ?? ['A', 'B', 'C', 'D'];
  const rows = [['id', ...candidates].join(',')];
  let id = 0;
  for (const line of c.ballots) {
    const [count, ranking] = line.includes(':') ? line.split(':') : ['1', line];
    const cells = new Map<string, number>();
    ranking!.split('>').forEach((rank, r) => rank.split('=').map((n) => n.trim()).filter(Boolean).forEach((n) => cells.set(n, r + 1)));
    for (let i = 0; i < Number(count); i++) rows.push([`b${++id}`, ...candidates.map((n) => cells.get(n) ?? '')].join(','));
  }
  writeFileSync(path.join(dir, 'cvr.csv'), `${rows.join('\n')}\n`);
  const file = path.join(dir, 'contest_config.json');
  writeFileSync(file, JSON.stringify(contestConfig(c), null, 2));
  return file;
}
