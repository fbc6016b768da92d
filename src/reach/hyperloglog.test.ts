import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addHash, emptySketch, estimate, RELATIVE_STANDARD_ERROR, union } from './hyperloglog.ts';

const hashOf = (value: string) => createHash('sha256').update(value).digest();
const sketchOf = (values: Iterable<string>) => {
  const s = emptySketch();
  for (const v of values) addHash(s, hashOf(v));
  return s;
};
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `person${from + i}@example.org`);

describe('HyperLogLog sketches', () => {
  it('says nothing for no one, and counts small sets almost exactly', () => {
    expect(estimate(emptySketch())).toBe(0);
    expect(Math.round(estimate(sketchOf(['a@example.org'])))).toBe(1);
    expect(Math.abs(estimate(sketchOf(range(0, 500))) - 500)).toBeLessThanOrEqual(10);
  });

  it('counts a value added twice once', () => {
    expect(estimate(sketchOf([...range(0, 1000), ...range(0, 1000)]))).toBe(estimate(sketchOf(range(0, 1000))));
  });

  it('is within four standard errors of the true size, from tens to hundreds of thousands', () => {
    for (const n of [50, 5_000, 41_000, 60_000, 82_000, 300_000]) {
      const error = Math.abs(estimate(sketchOf(range(0, n))) - n) / n;
      expect(error, `n = ${n}`).toBeLessThan(4 * RELATIVE_STANDARD_ERROR);
    }
  });

  it('makes the union of two sketches exactly the sketch of the union of their sets', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (a, b, shift) => {
      const first = range(0, a);
      const second = range(shift, shift + b);
      expect(union([sketchOf(first), sketchOf(second)])).toEqual(sketchOf([...first, ...second]));
    }), { numRuns: 20 });
  });
});
