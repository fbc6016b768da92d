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
      document = JSON.parse((bytes ? new TextDecoder().decode(bytes) : (input as string)).replace(/^\uFEFF/, ''));
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

const SPACE = 32, TAB = 9, HASH = 35, GT = 62, EQ = 61, STAR = 42, DASH = 45, CR = 13, LF = 10, DOT = 46;
const isSpace = (b: number) => b === SPACE || b === TAB || b === CR;
const FNV_OFFSET = 0x811c9dc5, FNV_PRIME = 0x01000193;

function growInts<T extends Int32Array | Uint32Array>(array: T): T {
  const next = new (array.constructor as new (n: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

/**
 * Reads the compact line format from UTF-8 bytes in one pass, straight into typed arrays: each
 * name is hashed while it is scanned and looked up in a small open-addressing table of the
 * candidates' bytes, so no string is made per ballot.
 */
export function readCompactBallots(input: Uint8Array, decimals: number): BallotSet {
  const bytes = input.constructor === Uint8Array ? input : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const n = bytes.length;
  const decoder = new TextDecoder();
  let candidates: string[] | null = null;
  let names: Uint8Array[] = [];
  let table = new Int32Array(0);
  // The candidate whose name alone starts with a given byte (-1: none, -2: several).
  const byFirstByte = new Int32Array(256);
  let mask = 0;
  const weights: Dec[] = [{ value: pow10(decimals), scaled: false }];
  const weightIds = new Map<string, number>();
  let offsets = new Int32Array(1 << 16);
  let marks = new Int32Array(1 << 18);
  let weightIndex = new Uint32Array(1 << 16);
  let size = 0, markCount = 0, anyWeight = false;
  let line = 0;
  const fail = (message: string) => new BallotFileError(`line ${line}: ${message}`);
  // Local copies: imported bindings cost a lookup on every use in the loop.
  const skipped = SKIPPED, atSameRank = sameRank;

  const lookup = (hash: number, s: number, e: number): number => {
    let slot = hash & mask;
    for (;;) {
      const c = table[slot]! - 1;
      if (c < 0) throw fail(`"${decoder.decode(bytes.subarray(s, e))}" is not a candidate`);
      const name = names[c]!;
      if (name.length === e - s) {
        let i = 0;
        while (i < name.length && name[i] === bytes[s + i]) i++;
        if (i === name.length) return c;
      }
      slot = (slot + 1) & mask;
    }
  };

  // A UTF-8 byte order mark is not part of the first line.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < n) {
    line++;
    while (i < n && isSpace(bytes[i]!)) i++;
    if (i >= n) break;
    if (bytes[i] === LF) { i++; continue; }
    if (bytes[i] === HASH) {
      const end = bytes.indexOf(LF, i);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (!candidates) {
      let end = bytes.indexOf(LF, i);
      if (end === -1) end = n;
      const m = /^candidates\s*:(.*)$/i.exec(decoder.decode(bytes.subarray(i, end)).trim());
      if (!m) throw fail('the file must start with a "candidates: A | B | C" line');
      candidates = checkCandidateNames(m[1]!.split('|'));
      const encoder = new TextEncoder();
      names = candidates.map((name) => encoder.encode(name));
      let tableSize = 64;
      while (tableSize < names.length * 4) tableSize *= 2;
      table = new Int32Array(tableSize);
      mask = tableSize - 1;
      byFirstByte.fill(-1);
      names.forEach((name, c) => { byFirstByte[name[0]!] = byFirstByte[name[0]!] === -1 ? c : -2; });
      names.forEach((name, c) => {
        let h = FNV_OFFSET;
        for (const b of name) h = Math.imul(h ^ b, FNV_PRIME);
        let slot = h & mask;
        while (table[slot] !== 0) slot = (slot + 1) & mask;
        table[slot] = c + 1;
      });
      i = end + 1;
      continue;
    }

    // An optional "W *" weight prefix.
    let weightId = 0;
    let j = i;
    while (j < n && ((bytes[j]! >= 48 && bytes[j]! <= 57) || bytes[j] === DOT)) j++;
    if (j > i) {
      let k = j;
      while (k < n && isSpace(bytes[k]!)) k++;
      if (bytes[k] === STAR) {
        const text = decoder.decode(bytes.subarray(i, j));
        let id = weightIds.get(text);
        if (id === undefined) {
          const weight = readWeight(text, decimals, `line ${line}`);
          id = weights.findIndex((w) => w.value === weight.value && w.scaled === weight.scaled);
          if (id === -1) { id = weights.length; weights.push(weight); }
          weightIds.set(text, id);
        }
        weightId = id;
        i = k + 1;
        while (i < n && isSpace(bytes[i]!)) i++;
      }
    }
    if (i >= n || bytes[i] === LF) throw fail('the ranking is empty (write - for a ballot that ranks no one)');

    const ballotStart = markCount;
    if (bytes[i] === DASH) {
      let k = i + 1;
      while (k < n && isSpace(bytes[k]!)) k++;
      if (k >= n || bytes[k] === LF) i = k + 1;
      else throw fail('"-" (a ballot that ranks no one) must stand alone');
    } else {
      // Ranks separated by >, candidates at one rank by =.
      let rankStart = true;
      for (;;) {
        while (i < n && isSpace(bytes[i]!)) i++;
        if (markCount === marks.length) marks = growInts(marks);
        // Fast path: the only candidate whose name starts with this byte, compared as it is read.
        const guess = i < n ? byFirstByte[bytes[i]!]! : -1;
        if (guess >= 0) {
          const name = names[guess]!;
          const length = name.length;
          let k = 0;
          if (i + length <= n) while (k < length && bytes[i + k] === name[k]) k++;
          if (k === length) {
            let j = i + length;
            while (j < n && isSpace(bytes[j]!)) j++;
            const next = j < n ? bytes[j]! : LF;
            if (next === GT || next === EQ || next === LF) {
              marks[markCount++] = rankStart ? guess : atSameRank(guess);
              rankStart = next !== EQ;
              i = j + 1;
              if (next === LF) break;
              continue;
            }
          }
        }
        // Otherwise each name is hashed as it is scanned and looked up.
        const tokenStart = i;
        let h = FNV_OFFSET, last = i, hashAtLast = h;
        let b = LF;
        while (i < n) {
          b = bytes[i]!;
          if (b === GT || b === EQ || b === LF) break;
          h = Math.imul(h ^ b, FNV_PRIME);
          i++;
          if (b !== SPACE && b !== TAB && b !== CR) { last = i; hashAtLast = h; }
        }
        if (i >= n) b = LF;
        if (last === tokenStart) {
          if (!rankStart || b === EQ) throw fail('a name is missing next to "="');
          marks[markCount++] = skipped;
        } else {
          const c = lookup(hashAtLast, tokenStart, last);
          marks[markCount++] = rankStart ? c : atSameRank(c);
        }
        rankStart = b !== EQ;
        i++;
        if (b === LF) break;
      }
      while (markCount > ballotStart && marks[markCount - 1] === skipped) markCount--;
    }
    if (size + 2 > offsets.length) { offsets = growInts(offsets); weightIndex = growInts(weightIndex); }
    weightIndex[size] = weightId;
    if (weightId !== 0) anyWeight = true;
    size++;
    offsets[size] = markCount;
  }
  if (!candidates) throw new BallotFileError('the file has no "candidates: A | B | C" line');
  return {
    candidates, size, offsets: offsets.slice(0, size + 1), marks: marks.slice(0, markCount),
    weightIndex: anyWeight ? weightIndex.slice(0, size) : null, weights, decimals,
  };
}
