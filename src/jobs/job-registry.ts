import { randomUUID } from 'node:crypto';

// Long analyses run as jobs: the request that starts one answers at once with the job, and the
// caller polls it for progress and the result. Jobs live in this process's memory: a result can
// always be computed again, so a restart only loses work in flight. A job belongs to the account
// that started it; nobody else can see or cancel it.

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView<T = unknown> {
  id: string;
  kind: string;
  status: JobStatus;
  /** Completed fraction in [0, 1]. */
  progress: number;
  /** What is being computed now, e.g. "betweenness". */
  phase: string | null;
  startedAt: string;
  finishedAt: string | null;
  result: T | null;
  error: string | null;
}

export interface JobControl {
  signal: AbortSignal;
  report(progress: number, phase?: string): void;
}

interface Job extends JobView {
  ownerId: string;
  key: string;
  abort: AbortController;
  settled: Promise<void>;
}

/** Finished jobs are kept this long for the caller to read them. */
const KEEP_FINISHED_MS = 30 * 60_000;
/** Running jobs an account may have at once; more would only compete for the same cores. */
const RUNNING_PER_ACCOUNT = 3;

export class JobLimitError extends Error {}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  /**
   * Starts `run` as a job, or returns the caller's running job with the same key (the same
   * analysis asked for twice, e.g. by a second tab) instead of computing it twice.
   */
  start<T>(ownerId: string, kind: string, key: string, run: (control: JobControl) => Promise<T>): JobView<T> {
    this.sweep();
    const running = [...this.jobs.values()].filter((j) => j.ownerId === ownerId && j.status === 'running');
    const same = running.find((j) => j.key === key);
    if (same) return view(same) as JobView<T>;
    if (running.length >= RUNNING_PER_ACCOUNT) throw new JobLimitError(`${running.length} analyses are already running; wait for one to finish or cancel it.`);
    const abort = new AbortController();
    const job: Job = {
      id: randomUUID(), kind, key, ownerId, abort, status: 'running', progress: 0, phase: null,
      startedAt: new Date().toISOString(), finishedAt: null, result: null, error: null, settled: Promise.resolve(),
    };
    const control: JobControl = {
      signal: abort.signal,
      report: (progress, phase) => {
        if (job.status !== 'running') return;
        job.progress = Math.max(job.progress, Math.min(1, progress));
        if (phase !== undefined) job.phase = phase;
      },
    };
    job.settled = run(control).then(
      (result) => { if (job.status === 'running') Object.assign(job, { status: 'done', progress: 1, phase: null, result }); },
      (error: unknown) => {
        if (job.status !== 'running') return;
        job.status = abort.signal.aborted ? 'cancelled' : 'failed';
        // The message only: stacks and inputs stay out of what callers see.
        job.error = abort.signal.aborted ? null : error instanceof Error ? error.message : String(error);
      },
    ).finally(() => { job.finishedAt ??= new Date().toISOString(); });
    this.jobs.set(job.id, job);
    return view(job) as JobView<T>;
  }

  /** The job if it is the caller's; undefined otherwise, so a foreign job looks like no job. */
  get(id: string, ownerId: string): JobView | undefined {
    const job = this.jobs.get(id);
    return job && job.ownerId === ownerId ? view(job) : undefined;
  }

  /** Waits up to `ms` for the job to finish, so quick analyses answer in the same request. */
  async settle(id: string, ownerId: string, ms: number): Promise<JobView | undefined> {
    const job = this.jobs.get(id);
    if (!job || job.ownerId !== ownerId) return undefined;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.settled, new Promise((resolve) => { timer = setTimeout(resolve, ms); })]);
    clearTimeout(timer);
    return view(job);
  }

  cancel(id: string, ownerId: string): JobView | undefined {
    const job = this.jobs.get(id);
    if (!job || job.ownerId !== ownerId) return undefined;
    if (job.status === 'running') {
      job.abort.abort();
      Object.assign(job, { status: 'cancelled', finishedAt: new Date().toISOString() });
    }
    return view(job);
  }

  /** Cancels everything still running (the server is stopping). */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status === 'running') job.abort.abort();
  }

  private sweep(): void {
    const cutoff = Date.now() - KEEP_FINISHED_MS;
    for (const [id, job] of this.jobs) if (job.finishedAt && Date.parse(job.finishedAt) < cutoff) this.jobs.delete(id);
  }
}

function view(job: Job): JobView {
  const { id, kind, status, progress, phase, startedAt, finishedAt, result, error } = job;
  return { id, kind, status, progress, phase, startedAt, finishedAt, result: status === 'done' ? result : null, error };
}
