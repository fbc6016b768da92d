import { describe, expect, it } from 'vitest';
import { beginRead, invalidateReads, readInProgress, toCachedRead } from './read-cache.ts';

const read = toCachedRead(new Uint8Array([1, 2, 3]), new Headers({ 'content-type': 'application/json' }));

describe('identical reads in progress', () => {
  it('share the one answer being computed', async () => {
    const finish = beginRead('u1 /api/organizations');
    const waiting = readInProgress('u1 /api/organizations');
    expect(readInProgress('u2 /api/organizations')).toBeUndefined();
    finish(read);
    await expect(waiting).resolves.toBe(read);
    expect(readInProgress('u1 /api/organizations')).toBeUndefined();
  });

  it('never hand out an answer computed before a write', async () => {
    const finish = beginRead('u1 /api/alliances/x');
    const waiting = readInProgress('u1 /api/alliances/x');
    invalidateReads();
    expect(readInProgress('u1 /api/alliances/x')).toBeUndefined();
    finish(read);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('let the waiting requests compute their own when the first one failed', async () => {
    const finish = beginRead('u1 /api/organizations?q=x');
    const waiting = readInProgress('u1 /api/organizations?q=x');
    finish();
    await expect(waiting).resolves.toBeUndefined();
  });
});
