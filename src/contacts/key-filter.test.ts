import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyFilter } from './key-filter.ts';

const key = (i: number) => createHmac('sha256', 'k').update(String(i)).digest('base64url');

describe('the key filter of an import', () => {
  it('never forgets a key it was given, and rarely claims one it was not', () => {
    const filter = new KeyFilter(50_000);
    for (let i = 0; i < 50_000; i++) filter.add(key(i));
    for (let i = 0; i < 50_000; i++) expect(filter.mightHave(key(i))).toBe(true);
    let false_ = 0;
    for (let i = 50_000; i < 150_000; i++) if (filter.mightHave(key(i))) false_ += 1;
    expect(false_ / 100_000).toBeLessThan(0.02);
  });
});
