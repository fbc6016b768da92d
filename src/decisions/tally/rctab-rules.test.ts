// RCTab options the conformance cases do not exercise, on small contests whose counts can be
// followed by hand, and the config values that must be refused rather than ignored.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRctabConfig } from './rctab-config.ts';
import { runRctabConfig } from './rctab-run.ts';
import { contestConfig, writeContest, type TestContest } from './rctab-test-contest.ts';

const count = (c: TestContest) => runRctabConfig(writeContest(c)).report;
const actions = (c: TestContest) => count(c).results.map((r) => r.tallyResults.map((t) => (t.elected ? `+${t.elected}` : `-${t.eliminated}`)));

describe('RCTab rules', () => {
  it('batch-eliminates the candidates who together trail the next one', () => {
    const report = count({ rules: { batchElimination: true }, ballots: ['9: A', '7: B', '2: C > B', '1: D > B'] });
    expect(report.results[0]!.tallyResults.map((t) => t.eliminated).sort()).toEqual(['C', 'D']);
    expect(report.results[1]).toMatchObject({ tally: { A: '9', B: '10' }, tallyResults: [{ elected: 'B', transfers: {} }], threshold: '10' });
  });

  it('keeps counting until two candidates remain', () => {
    expect(actions({ rules: { continueUntilTwoCandidatesRemain: true }, ballots: ['6: A', '2: B', '1: C', '1: D'] }))
      .toEqual([['+A'], ['-D'], ['-C'], []]);
  });

  it('eliminates everyone below the minimum vote threshold at once', () => {
    const report = count({ rules: { minimumVoteThreshold: '2' }, ballots: ['5: A', '4: B > A', '1: C > B', '1: D > B'] });
    expect(report.results[0]!.tallyResults.map((t) => t.eliminated).sort()).toEqual(['C', 'D']);
    expect(report.results[1]!.tally).toEqual({ A: '5', B: '6' });
  });

  it('exhausts an overvote only when several of its candidates still count', () => {
    const ballots = ['3: A', '3: B', '1: C = D > A'];
    expect(count({ rules: { overvoteRule: 'exhaustIfMultipleContinuing' }, ballots }).results[0]!.inactiveBallots.overvotes).toBe('1');
    const withoutD = count({ rules: { overvoteRule: 'exhaustIfMultipleContinuing' }, excluded: ['D'], ballots });
    expect(withoutD.results[0]!.tally).toEqual({ A: '3', B: '3', C: '1' });
  });

  it('skips ranks up to maxSkippedRanksAllowed and exhausts at a larger gap', () => {
    // D (tied with C, listed later) goes first; D's ballot skips two ranks, C's only one.
    const report = count({ rules: { maxSkippedRanksAllowed: '1' }, ballots: ['3: A', '2: B', '1: C > > B', '1: D > > > B'] });
    expect(report.results[1]).toMatchObject({ tally: { A: '3', B: '2', C: '1' }, inactiveBallots: { skippedRankings: '1' } });
    expect(report.results[2]!.tally).toEqual({ A: '3', B: '3' });
  });

  it('breaks a random tie with java.util.Random(seed).nextDouble() over the tied names in order', () => {
    // Random(0).nextDouble() = 0.7309..., so of two tied candidates the second (alphabetically) is drawn.
    const tie = { rules: { tiebreakMode: 'random', randomSeed: '0' }, ballots: ['4: A', '2: C', '2: B', '3: D'] };
    expect(actions(tie)[0]).toEqual(['-C']);
  });

  it('uses the previous round before drawing', () => {
    const ballots = ['5: A', '3: B', '2: C', '1: D > C'];
    // B and C tie on 3 in round 2; C had fewer votes in round 1.
    expect(actions({ rules: { tiebreakMode: 'previousRoundCountsThenRandom', randomSeed: '7' }, ballots })).toEqual([['-D'], ['-C'], ['+A']]);
  });

  it('elects several candidates bottoms-up without surplus transfers', () => {
    const report = count({ rules: { winnerElectionMode: 'bottomsUp', numberOfWinners: '2' }, ballots: ['4: A', '3: B', '2: C > B', '1: D > C'] });
    expect(report.results.map((r) => r.tallyResults.map((t) => t.elected ?? `-${t.eliminated}`))).toEqual([['-D'], ['-C'], ['A', 'B']]);
    expect(report.results.at(-1)!.tally).toEqual({ A: '4', B: '5' });
  });

  it('elects everyone above a bottoms-up percentage of the vote', () => {
    const report = count({ rules: { winnerElectionMode: 'bottomsUpUsingPercentageThreshold', numberOfWinners: '0', multiSeatBottomsUpPercentageThreshold: '25' }, ballots: ['4: A', '3: B', '2: C > B', '1: D > C'] });
    expect(report.results[0]!.threshold).toBe('2.5000');
    expect(report.results.map((r) => r.tallyResults.map((t) => t.elected ?? `-${t.eliminated}`).sort())).toEqual([['-D'], ['A', 'B', 'C']]);
  });

  it('uses the Hare quota and a non-integer threshold when asked', () => {
    const multi = { winnerElectionMode: 'multiWinnerAllowMultipleWinnersPerRound', numberOfWinners: '2' };
    const ballots = ['5: A > B', '3: B', '2: C'];
    expect(count({ rules: { ...multi, hareQuota: true }, ballots }).results[0]!.threshold).toBe('5');
    expect(count({ rules: { ...multi, nonIntegerWinningThreshold: true }, ballots }).results[0]!.threshold).toBe('3.3334');
    expect(count({ rules: multi, ballots }).results[0]!.threshold).toBe('4');
  });

  it('stops after the requested round', () => {
    expect(count({ rules: { stopTabulationEarlyAfterRound: '1' }, ballots: ['3: A', '2: B', '1: C'] }).results).toHaveLength(1);
  });

  it('refuses ballots with more rankings than allowed, and candidates the config does not declare', () => {
    expect(() => count({ rules: { maxRankingsAllowed: '2' }, ballots: ['A > B > C'] })).toThrow(/has a ranking 3, but the contest allows at most 2/);
    const unknown = writeContest({ candidates: ['A', 'B'], ballots: ['A > B'] });
    const config = JSON.parse(JSON.stringify(contestConfig({ candidates: ['A'], ballots: [] })));
    writeFileSync(unknown, JSON.stringify(config));
    expect(() => runRctabConfig(unknown)).toThrow(/name candidates the config does not declare: "B" \(1 time\)/);
  });
});

describe('RCTab CDF cast vote records', () => {
  /** A CDF report with candidates A, B and a candidate named by the overvote label, plus a write-in selection. */
  function cdfContest(overvoteRule: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'crossroads-cdf-'));
    const selection = (id: string, rank: number) => ({ ContestSelectionId: id, SelectionPosition: [{ HasIndication: 'yes', IsAllocable: 'unknown', NumberVotes: 1, Rank: rank }] });
    const cvr = (n: number, selections: object[]) => ({ BallotPrePrintedId: `${n}`, CurrentSnapshotId: `s${n}`, CVRSnapshot: [{ '@id': `s${n}`, CVRContest: [{ ContestId: 'c1', CVRContestSelection: selections }] }] });
    writeFileSync(path.join(dir, 'cvr.json'), JSON.stringify({
      Election: [{
        Candidate: [{ '@id': 'ca', Name: 'A' }, { '@id': 'cb', Name: 'B' }, { '@id': 'co', Name: 'OVERVOTE' }],
        Contest: [{ '@id': 'c1', Name: 'Mayor', ContestSelection: [
          { '@id': 'sa', CandidateIds: ['ca'] }, { '@id': 'sb', CandidateIds: ['cb'] }, { '@id': 'so', CandidateIds: ['co'] }, { '@id': 'sw', IsWriteIn: 'true' },
        ] }],
      }],
      CVR: [
        cvr(1, [selection('sa', 1)]), cvr(2, [selection('sb', 1)]),
        cvr(3, [selection('so', 1), selection('sb', 2)]), cvr(4, [selection('sw', 1), selection('sa', 2)]),
      ],
    }));
    const config = contestConfig({ candidates: ['A', 'B'], rules: { overvoteRule }, ballots: [] });
    config.cvrFileSources = [{ ...config.cvrFileSources[0]!, provider: 'cdf', filePath: 'cvr.json', contestId: 'Mayor', firstVoteColumnIndex: '', firstVoteRowIndex: '', idColumnIndex: '', overvoteLabel: 'OVERVOTE', undeclaredWriteInLabel: 'UWI' }];
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(config));
    return runRctabConfig(file).report;
  }

  it('reads write-ins as undeclared write-ins and the overvote label as an overvote', () => {
    const skip = cdfContest('alwaysSkipToNextRank');
    expect(skip.results[0]).toMatchObject({ tally: { A: '1', B: '2', 'Undeclared Write-ins': '1' }, tallyResults: [{ eliminated: 'Undeclared Write-ins', transfers: { A: '1' } }] });
    expect(skip.results[1]).toMatchObject({ tally: { A: '2', B: '2' }, tallyResults: [{ elected: 'A' }] });
    expect(skip.summary).toEqual({ finalThreshold: '3', numCandidates: 3, numWinners: 1, totalNumBallots: '4', undervotes: 0 });
    const exhaust = cdfContest('exhaustImmediately');
    expect(exhaust.results[0]!).toMatchObject({ tally: { A: '1', B: '1' }, inactiveBallots: { overvotes: '1' } });
  });
});

describe('RCTab config values that are not supported', () => {
  const reject = (patch: { rules?: Record<string, unknown>; source?: Record<string, unknown> }) => () => readRctabConfig(contestConfig({ ballots: [], ...patch }));

  it.each([
    [{ tiebreakMode: 'stopCountingAndAsk' }, 'rules.tiebreakMode: "stopCountingAndAsk" is not supported (it stops the count to ask a person) (supported: useCandidateOrder, random, previousRoundCountsThenRandom, generatePermutation)'],
    [{ tiebreakMode: 'previousRoundCountsThenAsk' }, 'rules.tiebreakMode: "previousRoundCountsThenAsk" is not supported (it stops the count to ask a person)'],
    [{ tiebreakMode: 'coinFlip' }, 'rules.tiebreakMode: "coinFlip" is not supported (supported: useCandidateOrder'],
    [{ winnerElectionMode: 'multiPassIrv', numberOfWinners: '2' }, 'rules.winnerElectionMode: "multiPassIrv" is not supported (RCTab writes a separate report for each pass)'],
    [{ winnerElectionMode: 'standard' }, 'rules.winnerElectionMode: "standard" is not supported (supported: singleWinnerMajority'],
    [{ overvoteRule: 'ignoreIfAnyContinuing' }, 'rules.overvoteRule: "ignoreIfAnyContinuing" is not supported (supported: alwaysSkipToNextRank, exhaustImmediately, exhaustIfMultipleContinuing)'],
    [{ multiSeatTransferRule: 'transferWholeSurplus' }, 'rules.multiSeatTransferRule: is not a known RCTab rule'],
    [{ decimalPlacesForVoteArithmetic: '0' }, 'rules.decimalPlacesForVoteArithmetic: "0" must be an integer from 1 to 20'],
    [{ maxSkippedRanksAllowed: 'lots' }, 'rules.maxSkippedRanksAllowed: "lots" must be an integer'],
    [{ tiebreakMode: 'random', randomSeed: '' }, 'rules.randomSeed: is required when tiebreakMode is "random"'],
    [{ treatBlankAsUndeclaredWriteIn: true }, 'rules.treatBlankAsUndeclaredWriteIn: true is not supported'],
    [{ nonIntegerWinningThreshold: true }, 'rules.nonIntegerWinningThreshold: true is not valid with winnerElectionMode "singleWinnerMajority"'],
    [{ numberOfWinners: '2' }, 'rules.winnerElectionMode: "singleWinnerMajority" is not valid for several seats'],
  ])('rules %j', (rules, message) => {
    expect(reject({ rules })).toThrow(message);
  });

  it.each([
    [{ provider: 'ess' }, 'cvrFileSources[0].provider: "ess" is not supported (supported: cdf, genericCsv)'],
    [{ provider: 'cdf', filePath: 'cvr.xml', contestId: 'x' }, 'cvrFileSources[0].filePath: "cvr.xml": only CDF JSON files are supported (not XML)'],
    [{ skippedRankLabel: 'SKIP' }, 'cvrFileSources[0].skippedRankLabel: "SKIP" is not supported'],
    [{ overvoteDelimiter: '/' }, 'cvrFileSources[0].overvoteDelimiter: "/" is not supported'],
    [{ treatBlankAsUndeclaredWriteIn: true }, 'cvrFileSources[0].treatBlankAsUndeclaredWriteIn: true is not supported'],
    [{ tabulatorId: '3' }, 'cvrFileSources[0].tabulatorId: is not a known RCTab CVR source field'],
  ])('source %j', (source, message) => {
    expect(reject({ source })).toThrow(message);
  });

  it('warns that per-batch and per-precinct reports are not written, without changing the count', () => {
    const plain = runRctabConfig(writeContest({ ballots: ['2: A', '1: B'] }));
    const sliced = runRctabConfig(writeContest({ ballots: ['2: A', '1: B'], outputSettings: { tabulateByBatch: true, tabulateByPrecinct: true } }));
    expect(sliced.report.results).toEqual(plain.report.results);
    expect(sliced.warnings).toEqual([
      'outputSettings.tabulateByPrecinct is true: per-precinct reports are not written; the contest-wide report is unaffected',
      'outputSettings.tabulateByBatch is true: per-batch reports are not written; the contest-wide report is unaffected',
    ]);
  });
});
