// The app's own ranked-ballot files, read into a BallotSet.
//
// JSON:
//   { "candidates": ["Ana", "Ben", "Cy"],
//     "ballots": [ { "ranking": ["Ana", "Ben"], "weight": 1 }, { "ranking": ["Cy"], "weight": 0.25 } ] }
//   A ranking entry is a candidate, or a list of candidates marked at the same rank (an overvote;
//   [] is a skipped rank). "weight" is optional (default 1).
//
// Compact lines, for big files (UTF-8):
//   # comments and blank lines are ignored
//   candidates: Ana | Ben | Cy       the header, before any ballot: names separated by |
//   Ana > Ben > Cy                   one ballot per line, most preferred first
//   3 * Ben > Ana                    an optional "W *" prefix gives the ballot weight W (0.25 * Cy)
//   Ana = Ben > Cy                   = marks two candidates at one rank (an overvote)
//   Ana > > Cy                       an empty rank is a skipped rank
//   -                                a ballot that ranks no one
// Names are trimmed and may not contain | > = * or line breaks. A weighted line is one ballot of
// that weight (in STV its surplus is truncated as one ballot, like RCTab does per ballot).
// Weights are read exactly and may not have more decimal places than the count uses.
import { BallotSetBuilder, type BallotSet, SKIPPED, sameRank } from './ballot-set.ts';
import { type Dec, parseDecimal, pow10 } from './fixed-point.ts';

export class BallotFileError extends Error {}

const FORBIDDEN = /[|>=*\r\n]/;

export function checkCandidateNames(names: unknown): string[] {
  if (!Array.isArray(names) || names.length === 0) throw new BallotFileError('candidates: list at least one candidate');
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (!name) throw new BallotFileError(`candidates[${i}]: a candidate needs a name`);
    if (FORBIDDEN.test(name)) throw new BallotFileError(`candidates[${i}]: "${name}" may not contain | > = * or line breaks`);
    if (seen.has(name)) throw new BallotFileError(`candidates[${i}]: "${name}" is listed twice`);
    seen.add(name);
    return name;
  });
}

export function readWeight(text: string, decimals: number, where: string): Dec {
  const weight = parseDecimal(text, decimals);
  if (!weight) throw new BallotFileError(`${where}: weight "${text.trim()}" must be a number with at most ${decimals} decimal places`);
  if (weight.value < 0n) throw new BallotFileError(`${where}: weight "${text.trim()}" is negative`);
  return weight;
}

/** Reads either format (JSON when the text starts with "{"). */
export function readAppBallots(input: Uint8Array | string, decimals: number): BallotSet {
  const bytes = typeof input === 'string' ? null : input;
  const start = bytes ? new TextDecoder().decode(bytes.subarray(0, 64)) : (input as string);
  if (start.trimStart().startsWith('{')) {
    let document: unknown;
    try {
      document = JSON.parse(bytes ? new TextDecoder().decode(bytes) : (input as string));
    } catch (err) {
      throw new BallotFileError(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    return readJsonBallots(document, decimals);
  }
  return readCompactBallots(bytes ?? new TextEncoder().encode(input as string), decimals);
}

export function readJsonBallots(document: unknown, decimals: number): BallotSet {
  const doc = (typeof document === 'object' && document !== null ? document : {}) as { candidates?: unknown; ballots?: unknown };
  const candidates = checkCandidateNames(doc.candidates);
  if (!Array.isArray(doc.ballots)) throw new BallotFileError('ballots: must be a list');
  const index = new Map(candidates.map((c, i) => [c, i]));
  const builder = new BallotSetBuilder(candidates, decimals, { value: pow10(decimals), scaled: false });
  const lookup = (name: unknown, where: string) => {
    const c = typeof name === 'string' ? index.get(name.trim()) : undefined;
    if (c === undefined) throw new BallotFileError(`${where}: ${JSON.stringify(name)} is not a candidate`);
    return c;
  };
  doc.ballots.forEach((ballot: unknown, b) => {
    const where = `ballots[${b}]`;
    const { ranking, weight } = (typeof ballot === 'object' && ballot !== null ? ballot : {}) as { ranking?: unknown; weight?: unknown };
    if (!Array.isArray(ranking)) throw new BallotFileError(`${where}.ranking: must be a list`);
    ranking.forEach((entry: unknown, r) => {
      if (!Array.isArray(entry)) { builder.pushMark(lookup(entry, `${where}.ranking[${r}]`)); return; }
      if (entry.length === 0) { builder.pushMark(SKIPPED); return; }
      entry.forEach((name: unknown, k) => {
        const c = lookup(name, `${where}.ranking[${r}][${k}]`);
        builder.pushMark(k === 0 ? c : sameRank(c));
      });
    });
    const id = weight === undefined || weight === null ? 0
      : (typeof weight === 'number' || typeof weight === 'string') && String(weight).trim() !== ''
        ? builder.weightId(readWeight(typeof weight === 'number' ? plainNumber(weight) : weight, decimals, `${where}.weight`))
        : (() => { throw new BallotFileError(`${where}.weight: must be a number`); })();
    builder.endBallot(id);
  });
  return builder.build();
}

/** A number written out in plain decimal notation (no exponent). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const text = String(n);
  return /e/i.test(text) ? n.toFixed(20) : text;
}

const SPACE = 32, TAB = 9, HASH = 35, GT = 62, EQ = 61, STAR = 42, DASH = 45, CR = 13, LF = 10;
const isSpace = (b: number) => b === SPACE || b === TAB || b === CR;

/** Reads the compact line format from UTF-8 bytes; fast enough for millions of lines. */
export function readCompactBallots(bytes: Uint8Array, decimals: number): BallotSet {
  const decoder = new TextDecoder();
  let builder: BallotSetBuilder | null = null;
  let names: Uint8Array[] = [];
  let table = new Int32Array(0);
  let mask = 0;
  const weightCache = new Map<string, number>();
  let line = 0;

  const hashBytes = (s: number, e: number) => {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    return h;
  };
  const findCandidate = (s: number, e: number): number => {
    let slot = hashBytes(s, e) & mask;
    for (;;) {
      const c = table[slot]! - 1;
      if (c < 0) throw new BallotFileError(`line ${line}: "${decoder.decode(bytes.subarray(s, e))}" is not a candidate`);
      const name = names[c]!;
      if (name.length === e - s) {
        let same = true;
        for (let i = 0; i < name.length; i++) if (name[i] !== bytes[s + i]) { same = false; break; }
        if (same) return c;
      }
      slot = (slot + 1) & mask;
    }
  };

  let pos = 0;
  while (pos < bytes.length) {
    let end = bytes.indexOf(LF, pos);
    if (end === -1) end = bytes.length;
    line++;
    let s = pos, e = end;
    pos = end + 1;
    while (s < e && isSpace(bytes[s]!)) s++;
    while (e > s && isSpace(bytes[e - 1]!)) e--;
    if (s === e || bytes[s] === HASH) continue;

    if (!builder) {
      const header = decoder.decode(bytes.subarray(s, e));
      const m = /^candidates\s*:(.*)$/i.exec(header);
      if (!m) throw new BallotFileError(`line ${line}: the file must start with a "candidates: A | B | C" line`);
      const list = checkCandidateNames(m[1]!.split('|'));
      builder = new BallotSetBuilder(list, decimals, { value: pow10(decimals), scaled: false });
      const encoder = new TextEncoder();
      names = list.map((n) => encoder.encode(n));
      let size = 64;
      while (size < list.length * 4) size *= 2;
      table = new Int32Array(size);
      mask = size - 1;
      names.forEach((n, c) => {
        let h = 0x811c9dc5;
        for (let i = 0; i < n.length; i++) h = Math.imul(h ^ n[i]!, 0x01000193);
        let slot = h & mask;
        while (table[slot] !== 0) slot = (slot + 1) & mask;
        table[slot] = c + 1;
      });
      continue;
    }

    // An optional "W *" weight prefix.
    let weightId = 0;
    let p = s;
    while (p < e && ((bytes[p]! >= 48 && bytes[p]! <= 57) || bytes[p] === 46)) p++;
    if (p > s) {
      let q = p;
      while (q < e && isSpace(bytes[q]!)) q++;
      if (bytes[q] === STAR) {
        const text = decoder.decode(bytes.subarray(s, p));
        let id = weightCache.get(text);
        if (id === undefined) {
          id = builder.weightId(readWeight(text, decimals, `line ${line}`));
          weightCache.set(text, id);
        }
        weightId = id;
        s = q + 1;
        while (s < e && isSpace(bytes[s]!)) s++;
      }
    }
    if (s === e) throw new BallotFileError(`line ${line}: the ranking is empty (write - for a ballot that ranks no one)`);
    if (e - s === 1 && bytes[s] === DASH) { builder.endBallot(weightId); continue; }

    // Ranks separated by >, candidates at one rank by =.
    let rankStart = true;
    let t = s;
    while (t <= e) {
      let u = t;
      while (u < e && bytes[u] !== GT && bytes[u] !== EQ) u++;
      let a = t, b = u;
      while (a < b && isSpace(bytes[a]!)) a++;
      while (b > a && isSpace(bytes[b - 1]!)) b--;
      if (a === b) {
        if (!rankStart || (u < e && bytes[u] === EQ)) { builder.dropBallot(); throw new BallotFileError(`line ${line}: a name is missing next to "="`); }
        builder.pushMark(SKIPPED);
      } else {
        const c = findCandidate(a, b);
        builder.pushMark(rankStart ? c : sameRank(c));
      }
      rankStart = u >= e || bytes[u] === GT;
      t = u + 1;
    }
    builder.endBallot(weightId);
  }
  if (!builder) throw new BallotFileError('the file has no "candidates: A | B | C" line');
  return builder.build();
}
