// Reads an RCTab contest config (the `*_config.json` RCTab writes) into counting rules. Every
// value that changes the count is either implemented exactly or rejected with an error naming the
// field and the value; nothing that would change a result is ignored. Supported:
//   rules.tiebreakMode         useCandidateOrder, random, previousRoundCountsThenRandom, generatePermutation
//   rules.overvoteRule         alwaysSkipToNextRank, exhaustImmediately, exhaustIfMultipleContinuing
//   rules.winnerElectionMode   singleWinnerMajority, multiWinnerAllowOnlyOneWinnerPerRound,
//                              multiWinnerAllowMultipleWinnersPerRound, bottomsUp, bottomsUpUsingPercentageThreshold
//   numberOfWinners, decimalPlacesForVoteArithmetic (1..20), minimumVoteThreshold, maxSkippedRanksAllowed
//   ("unlimited" or n), maxRankingsAllowed ("max" or n), nonIntegerWinningThreshold, hareQuota,
//   doesFirstRoundDetermineThreshold, batchElimination, continueUntilTwoCandidatesRemain,
//   stopTabulationEarlyAfterRound, exhaustOnDuplicateCandidate, multiSeatBottomsUpPercentageThreshold, randomSeed
//   cvrFileSources[].provider  cdf (JSON), genericCsv
//   candidates[]               name, aliases, code (an alias), excluded
// Rejected: stopCountingAndAsk and previousRoundCountsThenAsk (they stop to ask a person),
// multiPassIrv (RCTab writes one report per pass), other providers, overvote delimiters, skipped-rank
// labels, treatBlankAsUndeclaredWriteIn, and any unknown rule. Output settings only choose extra
// files (per-precinct or per-batch reports, a CDF copy of the CVRs); they do not change the
// contest-wide report, so they produce a warning that those files are not written.
import { WINNER_MODES, type TallyRules, type WinnerMode } from './tally-rules.ts';
import type { OvervoteRule } from './ballot-groups.ts';
import { TIEBREAK_MODES, type TiebreakMode } from './tiebreak.ts';

export const UNDECLARED_WRITE_INS = 'Undeclared Write-ins';
const RESERVED_NAMES = ['residual surplus', 'exhausted', 'uncounted'];
const OVERVOTE_RULES: OvervoteRule[] = ['alwaysSkipToNextRank', 'exhaustImmediately', 'exhaustIfMultipleContinuing'];
const PROVIDERS = ['cdf', 'genericCsv'] as const;
const INTERACTIVE = ['stopCountingAndAsk', 'previousRoundCountsThenAsk'];
const KNOWN_RULES = new Set([
  'tiebreakMode', 'overvoteRule', 'winnerElectionMode', 'randomSeed', 'numberOfWinners', 'multiSeatBottomsUpPercentageThreshold',
  'decimalPlacesForVoteArithmetic', 'minimumVoteThreshold', 'maxSkippedRanksAllowed', 'maxRankingsAllowed',
  'nonIntegerWinningThreshold', 'doesFirstRoundDetermineThreshold', 'hareQuota', 'batchElimination',
  'continueUntilTwoCandidatesRemain', 'stopTabulationEarlyAfterRound', 'exhaustOnDuplicateCandidate', 'rulesDescription',
  'treatBlankAsUndeclaredWriteIn', 'overvoteLabel', 'undervoteLabel', 'undeclaredWriteInLabel',
]);
const KNOWN_SOURCE_FIELDS = new Set([
  'filePath', 'contestId', 'firstVoteColumnIndex', 'firstVoteRowIndex', 'idColumnIndex', 'batchColumnIndex',
  'precinctColumnIndex', 'overvoteDelimiter', 'provider', 'overvoteLabel', 'skippedRankLabel', 'undervoteLabel',
  'undeclaredWriteInLabel', 'treatBlankAsUndeclaredWriteIn',
]);

export interface CvrSource {
  provider: (typeof PROVIDERS)[number];
  filePath: string;
  contestId: string;
  firstVoteColumnIndex: number;
  firstVoteRowIndex: number;
  overvoteLabel: string;
  undeclaredWriteInLabel: string;
}

export interface RctabContest {
  contestName: string;
  contestDate: string;
  contestJurisdiction: string;
  contestOffice: string;
  /** Declared candidates in config order, then "Undeclared Write-ins" when a source labels them. */
  candidates: string[];
  /** Every name and alias a CVR may use, to the candidate's index. */
  aliases: Map<string, number>;
  sources: CvrSource[];
  maxRankingsAllowed: number;
  rules: TallyRules;
  warnings: string[];
}

export class RctabConfigError extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v);

/** Validates an RCTab config object; throws RctabConfigError listing every problem. */
export function readRctabConfig(raw: unknown): RctabContest {
  const errors: string[] = [];
  const warnings: string[] = [];
  const fail = (field: string, message: string) => errors.push(`${field}: ${message}`);
  if (!isObject(raw)) throw new RctabConfigError('the contest config must be a JSON object');

  const text = (o: Json, key: string, field: string): string => {
    const v = o[key];
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    fail(field, `expected text, got ${show(v)}`);
    return '';
  };
  const flag = (o: Json, key: string, field: string): boolean => {
    const v = o[key];
    if (v === undefined || v === null) return false;
    if (typeof v === 'boolean') return v;
    fail(field, `expected true or false, got ${show(v)}`);
    return false;
  };
  const integer = (o: Json, key: string, field: string, min: number, max: number, required: boolean): number | null => {
    const t = text(o, key, field);
    if (t === '') { if (required) fail(field, `is required (an integer from ${min} to ${max})`); return null; }
    if (!/^[+-]?\d+$/.test(t) || Number(t) < min || Number(t) > max) { fail(field, `${show(o[key])} must be an integer from ${min} to ${max}`); return null; }
    return Number(t);
  };
  const oneOf = <T extends string>(o: Json, key: string, field: string, allowed: readonly T[], extra = ''): T | null => {
    const t = text(o, key, field);
    if ((allowed as readonly string[]).includes(t)) return t as T;
    fail(field, `${show(o[key] ?? '')} is not supported${extra} (supported: ${allowed.join(', ')})`);
    return null;
  };

  const output = isObject(raw.outputSettings) ? raw.outputSettings : {};
  const contestName = text(output, 'contestName', 'outputSettings.contestName');
  if (!contestName) fail('outputSettings.contestName', 'is required');
  for (const [key, what] of [['tabulateByPrecinct', 'per-precinct reports'], ['tabulateByBatch', 'per-batch reports'], ['generateCdfJson', 'a CDF copy of the cast vote records']] as const) {
    if (flag(output, key, `outputSettings.${key}`)) warnings.push(`outputSettings.${key} is true: ${what} are not written; the contest-wide report is unaffected`);
  }

  // Candidates
  const candidates: string[] = [];
  const aliases = new Map<string, number>();
  const excluded = new Set<number>();
  const rawCandidates = Array.isArray(raw.candidates) ? raw.candidates : [];
  if (!Array.isArray(raw.candidates)) fail('candidates', 'must be a list');
  rawCandidates.forEach((c, i) => {
    const field = `candidates[${i}]`;
    if (!isObject(c)) { fail(field, 'must be an object'); return; }
    const name = text(c, 'name', `${field}.name`);
    if (!name) { fail(`${field}.name`, 'is required'); return; }
    const names = [name, text(c, 'code', `${field}.code`), ...(Array.isArray(c.aliases) ? c.aliases : [])].filter((n) => n !== '');
    if (c.aliases !== undefined && !Array.isArray(c.aliases)) fail(`${field}.aliases`, 'must be a list of names');
    for (const n of names) {
      if (typeof n !== 'string') { fail(`${field}.aliases`, `${show(n)} is not a name`); continue; }
      if (RESERVED_NAMES.includes(n.toLowerCase())) fail(`${field}`, `${show(n)} is a reserved term`);
      if (aliases.has(n)) fail(`${field}`, `duplicate candidate name or alias ${show(n)}`);
      aliases.set(n, candidates.length);
    }
    if (flag(c, 'excluded', `${field}.excluded`)) excluded.add(candidates.length);
    candidates.push(name);
  });
  const declared = candidates.length;
  if (declared === 0) fail('candidates', 'at least one declared candidate is required');
  else if (excluded.size === declared) fail('candidates', 'at least one candidate must not be excluded');

  // CVR sources
  const sources: CvrSource[] = [];
  const rawSources = Array.isArray(raw.cvrFileSources) ? raw.cvrFileSources : [];
  if (rawSources.length === 0) fail('cvrFileSources', 'at least one cast vote record file is required');
  rawSources.forEach((s, i) => {
    const field = `cvrFileSources[${i}]`;
    if (!isObject(s)) { fail(field, 'must be an object'); return; }
    for (const key of Object.keys(s)) if (!KNOWN_SOURCE_FIELDS.has(key)) fail(`${field}.${key}`, 'is not a known RCTab CVR source field');
    const provider = oneOf(s, 'provider', `${field}.provider`, PROVIDERS);
    const filePath = text(s, 'filePath', `${field}.filePath`);
    if (!filePath) fail(`${field}.filePath`, 'is required');
    for (const key of ['overvoteDelimiter', 'skippedRankLabel', 'undervoteLabel']) {
      const v = text(s, key, `${field}.${key}`);
      if (v) fail(`${field}.${key}`, `${show(v)} is not supported (only an empty value is)`);
    }
    if (flag(s, 'treatBlankAsUndeclaredWriteIn', `${field}.treatBlankAsUndeclaredWriteIn`)) fail(`${field}.treatBlankAsUndeclaredWriteIn`, 'true is not supported');
    const source: CvrSource = {
      provider: provider ?? 'cdf', filePath, contestId: text(s, 'contestId', `${field}.contestId`),
      firstVoteColumnIndex: 0, firstVoteRowIndex: 0,
      overvoteLabel: text(s, 'overvoteLabel', `${field}.overvoteLabel`),
      undeclaredWriteInLabel: text(s, 'undeclaredWriteInLabel', `${field}.undeclaredWriteInLabel`),
    };
    if (provider === 'cdf') {
      if (filePath && !filePath.toLowerCase().endsWith('.json')) fail(`${field}.filePath`, `${show(filePath)}: only CDF JSON files are supported (not XML)`);
      if (!source.contestId) fail(`${field}.contestId`, 'is required for a CDF source');
    } else if (provider === 'genericCsv') {
      source.firstVoteColumnIndex = integer(s, 'firstVoteColumnIndex', `${field}.firstVoteColumnIndex`, 1, 1000, true) ?? 1;
      source.firstVoteRowIndex = integer(s, 'firstVoteRowIndex', `${field}.firstVoteRowIndex`, 2, 100000, true) ?? 2;
      for (const key of ['idColumnIndex', 'precinctColumnIndex', 'batchColumnIndex']) integer(s, key, `${field}.${key}`, 1, 1000, false);
      if (source.overvoteLabel) fail(`${field}.overvoteLabel`, `${show(source.overvoteLabel)} is not supported for genericCsv (mark an overvote by giving two candidates the same rank)`);
    }
    sources.push(source);
  });
  const undeclaredWriteIn = sources.some((s) => s.undeclaredWriteInLabel) ? candidates.length : null;
  if (undeclaredWriteIn !== null) {
    if (aliases.has(UNDECLARED_WRITE_INS)) fail('candidates', `${show(UNDECLARED_WRITE_INS)} is reserved for undeclared write-ins`);
    candidates.push(UNDECLARED_WRITE_INS);
    aliases.set(UNDECLARED_WRITE_INS, undeclaredWriteIn);
  }

  // Rules
  const rules = isObject(raw.rules) ? raw.rules : {};
  if (!isObject(raw.rules)) fail('rules', 'is required');
  for (const key of Object.keys(rules)) if (!KNOWN_RULES.has(key)) fail(`rules.${key}`, 'is not a known RCTab rule');
  const rawTiebreak = text(rules, 'tiebreakMode', 'rules.tiebreakMode');
  const tiebreakMode = oneOf(rules, 'tiebreakMode', 'rules.tiebreakMode', TIEBREAK_MODES,
    INTERACTIVE.includes(rawTiebreak) ? ' (it stops the count to ask a person)' : '');
  const overvoteRule = oneOf(rules, 'overvoteRule', 'rules.overvoteRule', OVERVOTE_RULES);
  const rawMode = text(rules, 'winnerElectionMode', 'rules.winnerElectionMode');
  const winnerMode = oneOf<WinnerMode>(rules, 'winnerElectionMode', 'rules.winnerElectionMode', WINNER_MODES,
    rawMode === 'multiPassIrv' ? ' (RCTab writes a separate report for each pass)' : '');
  for (const key of ['overvoteLabel', 'undervoteLabel', 'undeclaredWriteInLabel']) {
    if (text(rules, key, `rules.${key}`)) fail(`rules.${key}`, 'belongs in cvrFileSources (this is an old config layout)');
  }
  if (flag(rules, 'treatBlankAsUndeclaredWriteIn', 'rules.treatBlankAsUndeclaredWriteIn')) fail('rules.treatBlankAsUndeclaredWriteIn', 'true is not supported');
  const seats = integer(rules, 'numberOfWinners', 'rules.numberOfWinners', 0, Math.max(declared, 1), true) ?? 1;
  const decimals = integer(rules, 'decimalPlacesForVoteArithmetic', 'rules.decimalPlacesForVoteArithmetic', 1, 20, true) ?? 4;
  const minimum = integer(rules, 'minimumVoteThreshold', 'rules.minimumVoteThreshold', 0, 1_000_000, false) ?? 0;
  const stopAfter = integer(rules, 'stopTabulationEarlyAfterRound', 'rules.stopTabulationEarlyAfterRound', 1, 2 ** 31 - 1, false);
  const percentage = integer(rules, 'multiSeatBottomsUpPercentageThreshold', 'rules.multiSeatBottomsUpPercentageThreshold', 1, 100, false);
  const unlimitedOr = (key: string, word: string, wordValue: number | null) => {
    const t = text(rules, key, `rules.${key}`);
    if (t.toLowerCase() === word) return wordValue;
    return integer(rules, key, `rules.${key}`, key === 'maxRankingsAllowed' ? 1 : 0, 2 ** 31 - 1, true);
  };
  const maxSkippedRanks = unlimitedOr('maxSkippedRanksAllowed', 'unlimited', null);
  const maxRankings = unlimitedOr('maxRankingsAllowed', 'max', declared) ?? declared;
  const randomSeedText = text(rules, 'randomSeed', 'rules.randomSeed');
  let randomSeed: bigint | null = null;
  if (randomSeedText !== '') {
    const seed = integer(rules, 'randomSeed', 'rules.randomSeed', -140737488355328, 140737488355327, false);
    if (seed !== null) randomSeed = BigInt(randomSeedText.replace(/^\+/, ''));
  }
  if (tiebreakMode && tiebreakMode !== 'useCandidateOrder' && randomSeed === null) fail('rules.randomSeed', `is required when tiebreakMode is ${show(tiebreakMode)}`);
  const b = (key: string) => flag(rules, key, `rules.${key}`);
  const nonInteger = b('nonIntegerWinningThreshold'), hare = b('hareQuota'), batch = b('batchElimination');
  const untilTwo = b('continueUntilTwoCandidatesRemain');
  if (winnerMode) {
    if (seats === 0 && winnerMode !== 'bottomsUpUsingPercentageThreshold') fail('rules.numberOfWinners', '0 is only valid with winnerElectionMode "bottomsUpUsingPercentageThreshold"');
    if (seats > 0 && winnerMode === 'bottomsUpUsingPercentageThreshold') fail('rules.numberOfWinners', 'must be 0 with winnerElectionMode "bottomsUpUsingPercentageThreshold"');
    if (winnerMode === 'bottomsUpUsingPercentageThreshold' && percentage === null) fail('rules.multiSeatBottomsUpPercentageThreshold', 'is required with winnerElectionMode "bottomsUpUsingPercentageThreshold"');
    if (seats === 1 && winnerMode !== 'singleWinnerMajority') fail('rules.winnerElectionMode', `${show(winnerMode)} is not valid for a single seat`);
    if (seats > 1 && winnerMode === 'singleWinnerMajority') fail('rules.winnerElectionMode', '"singleWinnerMajority" is not valid for several seats');
    if (seats > 1 && untilTwo) fail('rules.continueUntilTwoCandidatesRemain', 'true is not valid for several seats');
    if (seats > 1 && batch) fail('rules.batchElimination', 'true is not valid for several seats');
    if (winnerMode === 'bottomsUpUsingPercentageThreshold' && batch) fail('rules.batchElimination', 'true is not valid with a bottoms-up percentage threshold');
    const multiWinner = winnerMode === 'multiWinnerAllowOnlyOneWinnerPerRound' || winnerMode === 'multiWinnerAllowMultipleWinnersPerRound';
    if (!multiWinner && nonInteger) fail('rules.nonIntegerWinningThreshold', `true is not valid with winnerElectionMode ${show(winnerMode)}`);
    if (!multiWinner && hare) fail('rules.hareQuota', `true is not valid with winnerElectionMode ${show(winnerMode)}`);
    if (nonInteger && hare) fail('rules.hareQuota', 'cannot be true together with nonIntegerWinningThreshold');
  }
  if (errors.length > 0) throw new RctabConfigError(`The contest config is not supported:\n  ${errors.join('\n  ')}`);

  return {
    contestName,
    contestDate: text(output, 'contestDate', 'outputSettings.contestDate'),
    contestJurisdiction: text(output, 'contestJurisdiction', 'outputSettings.contestJurisdiction'),
    contestOffice: text(output, 'contestOffice', 'outputSettings.contestOffice'),
    candidates, aliases, sources, maxRankingsAllowed: maxRankings, warnings,
    rules: {
      seats, winnerMode: winnerMode!, decimals, overvoteRule: overvoteRule!, maxSkippedRanks,
      exhaustOnDuplicateCandidate: b('exhaustOnDuplicateCandidate'), nonIntegerWinningThreshold: nonInteger, hareQuota: hare,
      firstRoundDeterminesThreshold: b('doesFirstRoundDetermineThreshold'), minimumVoteThreshold: BigInt(minimum),
      batchElimination: batch, continueUntilTwoCandidatesRemain: untilTwo, stopAfterRound: stopAfter,
      bottomsUpPercentage: percentage, tiebreakMode: tiebreakMode!, randomSeed,
      tiebreakOrder: Array.from({ length: declared }, (_, i) => i), excluded, undeclaredWriteIn,
    },
  };
}
