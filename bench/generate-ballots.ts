// Writes a synthetic ranked-ballot file in the compact line format (src/decisions/tally/app-ballots.ts)
// for the tally benchmark. The preferences have a realistic shape: candidates and voters sit in a
// two-dimensional opinion space, each voter ranks the candidates nearest to them (with some noise)
// and stops after a few; a handful of ballots carry weights, overvotes or skipped ranks.
// Deterministic for a given seed.
import { writeFileSync } from 'node:fs';

export const CANDIDATE_NAMES = [
  'Amara Okafor', 'Bruno Salazar', 'Chen Wei', 'Dolores Huerta-Ramos', 'Eitan Levi',
  'Fatima Zahra', 'Gus Lindqvist', 'Hana Sato', 'Ifeoma Nwosu', 'Jonas Weber',
];

export interface GenerateOptions { ballots: number; candidates: number; seed: number }

/** mulberry32: a small, fast, seeded generator in [0, 1). */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateBallotLines({ ballots, candidates, seed }: GenerateOptions): string {
  const random = generator(seed);
  const names = CANDIDATE_NAMES.slice(0, candidates);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const positions = names.map(() => [gaussian(), gaussian()] as const);
  // A few camps of voters, so preferences cluster the way real electorates do.
  const camps = [0, 1, 2].map(() => [gaussian() * 0.8, gaussian() * 0.8] as const);
  const lines: string[] = [`# ${ballots} generated ballots, seed ${seed}`, `candidates: ${names.join(' | ')}`];
  const order = names.map((_, i) => i);
  const distance = new Float64Array(names.length);
  for (let b = 0; b < ballots; b++) {
    const camp = camps[Math.floor(random() * camps.length)]!;
    const x = camp[0] + gaussian() * 0.7, y = camp[1] + gaussian() * 0.7;
    for (let c = 0; c < names.length; c++) {
      const p = positions[c]!;
      distance[c] = Math.hypot(p[0] - x, p[1] - y) + gaussian() * 0.35;
    }
    order.sort((i, j) => distance[i]! - distance[j]!);
    // Most voters rank 2-5 candidates; a few rank one or all.
    const u = random();
    const length = u < 0.12 ? 1 : u < 0.9 ? 2 + Math.floor(random() * 4) : names.length;
    const ranks = order.slice(0, length).map((c) => names[c]!);
    const v = random();
    if (v < 0.003 && ranks.length > 2) ranks[1] = `${ranks[1]} = ${ranks[2]}`;
    else if (v < 0.006 && ranks.length > 2) ranks[1] = '';
    const w = random();
    const prefix = w < 0.01 ? '2 * ' : w < 0.015 ? '0.5 * ' : '';
    lines.push(`${prefix}${ranks.join(' > ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function writeBallotFile(file: string, options: GenerateOptions): void {
  writeFileSync(file, generateBallotLines(options));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, count = '100000'] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/generate-ballots.ts FILE [BALLOTS]');
  writeBallotFile(file, { ballots: Number(count), candidates: 10, seed: 2024 });
  console.log(`wrote ${count} ballots to ${file}`);
}
