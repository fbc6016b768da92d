import { describe, expect, it } from 'vitest';
import { JobLimitError, JobRegistry } from './job-registry.ts';

const later = <T>(value: T, ms = 20) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('analysis jobs', () => {
  it('reports progress, then the result, to the account that started it only', async () => {
    const jobs = new JobRegistry();
    let report: ((p: number, phase?: string) => void) | undefined;
    const job = jobs.start('ana', 'test', 'k', async (control) => {
      report = control.report;
      control.report(0.4, 'betweenness');
      return later(42);
    });
    expect(job.status).toBe('running');
    expect(jobs.get(job.id, 'ana')).toMatchObject({ progress: 0.4, phase: 'betweenness', result: null });
    expect(jobs.get(job.id, 'ben')).toBeUndefined();
    expect(jobs.cancel(job.id, 'ben')).toBeUndefined();
    const done = await jobs.settle(job.id, 'ana', 1000);
    expect(done).toMatchObject({ status: 'done', progress: 1, result: 42, error: null });
    report?.(0.1);
    expect(jobs.get(job.id, 'ana')?.progress).toBe(1);
  });

  it('gives the same running job for the same analysis asked twice, and limits how many run at once', async () => {
    const jobs = new JobRegistry();
    const forever = () => new Promise<never>(() => {});
    const first = jobs.start('ana', 'test', 'same', forever);
    expect(jobs.start('ana', 'test', 'same', forever).id).toBe(first.id);
    jobs.start('ana', 'test', 'b', forever);
    jobs.start('ana', 'test', 'c', forever);
    expect(() => jobs.start('ana', 'test', 'd', forever)).toThrow(JobLimitError);
    expect(jobs.start('ben', 'test', 'd', forever).status).toBe('running');
  });

  it('cancels through the signal, and says why a job failed without its stack', async () => {
    const jobs = new JobRegistry();
    let aborted = false;
    const job = jobs.start('ana', 'test', 'k', (control) => new Promise((_, reject) => control.signal.addEventListener('abort', () => { aborted = true; reject(control.signal.reason); })));
    expect(jobs.cancel(job.id, 'ana')?.status).toBe('cancelled');
    expect(aborted).toBe(true);
    const failing = jobs.start('ana', 'test', 'f', async () => { throw new Error('no organizations to analyse'); });
    expect(await jobs.settle(failing.id, 'ana', 1000)).toMatchObject({ status: 'failed', error: 'no organizations to analyse', result: null });
  });
});
