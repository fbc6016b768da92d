// The open-rcv-tests instant-runoff cases (../shared/conformance/open-rcv-tests/irv.json, see its
// rules.md). A ballot line is "count c1 c2 ...": `count` identical ballots ranking candidates
// numbered from 1, who are named Ann, Bob, Carol, Dave, Ellen, Fred in the expected output. Each
// expected round gives every continuing candidate's total and, in the last round, who is elected.
// Where a case leaves a tie for last place unbroken ("tie-break unspecified"), its expected
// rounds stop at that tie, so any way of breaking it is allowed and the count is checked up to
// there; where it gives a tie_elimination_order, the candidate it names first among the tied is
// the one eliminated.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tallyRanked } from './tally-ranked.ts';

const file = path.resolve(process.cwd(), '../shared/conformance/open-rcv-tests/irv.json');
const present = existsSync(file);
const NAMES = ['Ann', 'Bob', 'Carol', 'Dave', 'Ellen', 'Fred'];

interface Case {
  input: { _meta: { index: number; id: string; name?: string }; ballots: string[]; candidate_count: number; tie_elimination_order?: number[] };
  output: { rounds: { totals: Record<string, number>; elected?: string[] }[] };
}
const cases: Case[] = present ? (JSON.parse(readFileSync(file, 'utf8')) as { test_cases: Case[] }).test_cases : [];

/** The tie_elimination_order as a candidate listing: the candidate listed later loses a tie, so the first to eliminate goes last. */
function listing(count: number, order: number[] | undefined): string[] {
  const names = NAMES.slice(0, count);
  if (!order) return names;
  const ordered = [...order].reverse().map((n) => names[n - 1]!);
  return [...names.filter((n) => !ordered.includes(n)), ...ordered];
}

(present ? describe : describe.skip)(present ? 'open-rcv-tests IRV cases' : `open-rcv-tests IRV cases (skipped: no data at ${file})`, () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.map((c) => [`#${c.input._meta.index} ${c.input._meta.id} ${c.input._meta.name ?? ''}`, c] as const))('%s', (_, { input, output }) => {
    const names = NAMES.slice(0, input.candidate_count);
    expect(Object.keys(output.rounds[0]!.totals).sort()).toEqual([...names].sort());
    const ballots = input.ballots.map((line) => {
      const [count, ...choices] = line.trim().split(/\s+/).map(Number);
      return { ranking: choices.map((c) => names[c! - 1]!), weight: count! };
    });
    const result = tallyRanked({ candidates: listing(input.candidate_count, input.tie_elimination_order), ballots, seats: 1 });

    output.rounds.forEach((want, i) => {
      const got = result.rounds[i];
      expect(got, `round ${i + 1}`).toBeDefined();
      expect(Object.fromEntries(Object.entries(got!.tally).map(([c, v]) => [c, Number(v)]))).toEqual(want.totals);
      expect(got!.elected).toEqual(want.elected ?? []);
    });
    const last = output.rounds.length - 1;
    if (output.rounds[last]!.elected) {
      expect(result.rounds).toHaveLength(output.rounds.length);
      expect(result.winners).toEqual(output.rounds[last]!.elected);
    } else {
      // The expected count stops at a tie for last place that it leaves to the tie-break.
      const totals = Object.values(output.rounds[last]!.totals);
      expect(totals.filter((t) => t === Math.min(...totals)).length).toBeGreaterThan(1);
      const tie = result.rounds[last]!.tiebreaks[0]!;
      expect(tie.for).toBe('last');
      const order = input.tie_elimination_order?.map((n) => names[n - 1]!);
      if (order && tie.candidates.every((c) => order.includes(c))) {
        expect(result.rounds[last]!.eliminated).toEqual([order.find((c) => tie.candidates.includes(c))]);
      }
    }
  });
});
