import { describe, expect, it } from 'vitest';
import { underRecordLock } from './record-versions.ts';

// Records which works overlap: each work logs its start and end around a short wait.
function tracker() {
  const running = new Set<string>();
  const overlaps: Array<[string, string]> = [];
  const work = (name: string, ms = 5) => async () => {
    for (const other of running) overlaps.push([other, name]);
    running.add(name);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running.delete(name);
    return name;
  };
  return { work, overlaps };
}

describe('the record lock of writes', () => {
  it('lets unchecked writes of one record run side by side', async () => {
    const { work, overlaps } = tracker();
    await Promise.all(['a', 'b', 'c'].map((n) => underRecordLock('/r/1', false, work(n))));
    expect(overlaps.length).toBeGreaterThan(0);
  });

  it('runs a checked write alone: after the unchecked writes under way, before those that come after it', async () => {
    const { work, overlaps } = tracker();
    const early = [underRecordLock('/r/2', false, work('u1', 20)), underRecordLock('/r/2', false, work('u2', 20))];
    await new Promise((resolve) => setTimeout(resolve, 5)); // u1 and u2 are running
    const checked = underRecordLock('/r/2', true, work('checked'));
    const late = [underRecordLock('/r/2', false, work('u3')), underRecordLock('/r/2', true, work('checked2')), underRecordLock('/r/2', false, work('u4'))];
    await Promise.all([...early, checked, ...late]);
    expect(overlaps.filter((pair) => pair.includes('checked') || pair.includes('checked2'))).toEqual([]);
  });

  it('keeps records apart and still runs a write whose predecessor failed', async () => {
    const { work, overlaps } = tracker();
    const failing = underRecordLock('/r/3', true, async () => { throw new Error('refused'); });
    await expect(failing).rejects.toThrow('refused');
    await Promise.all([underRecordLock('/r/3', true, work('x')), underRecordLock('/r/4', true, work('y'))]);
    expect(overlaps).toEqual([['x', 'y']]);
  });
});
