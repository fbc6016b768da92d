// Long analyses run inside jobs: they report progress and stop when the job is cancelled.
// Checking the signal costs almost nothing, but calling back into the job on every source would,
// so both happen once per batch of sources sized to roughly a fixed amount of work.

export interface RunControl {
  /** Cancels the computation; it then throws the signal's reason (an AbortError by default). */
  signal?: AbortSignal;
  /** Called with the completed fraction in [0, 1], increasing, at most ~200 times a run, last with 1. */
  onProgress?: (fraction: number) => void;
}

/** Edge visits between two checks: ~a few milliseconds of work, so a cancel lands quickly. */
const WORK_PER_CHECK = 2_000_000;

/** Progress is reported when it advanced by at least this much (at most ~200 calls a run). */
const PROGRESS_STEP = 0.005;

/** Tracks completed units (sources, samples, levels), checks for cancellation every few units. */
export class ProgressTicker {
  private readonly checkEvery: number;
  private untilCheck: number;
  private lastReported = 0;

  constructor(
    private readonly control: RunControl,
    private readonly totalUnits: number,
    workPerUnit: number,
  ) {
    this.checkEvery = Math.max(1, Math.floor(WORK_PER_CHECK / Math.max(1, workPerUnit)));
    this.untilCheck = this.checkEvery;
    control.signal?.throwIfAborted();
  }

  /** Call after each unit; `done` is the number of units completed so far. */
  tick(done: number): void {
    if (--this.untilCheck > 0) return;
    this.untilCheck = this.checkEvery;
    this.control.signal?.throwIfAborted();
    const fraction = this.totalUnits === 0 ? 1 : Math.min(1, done / this.totalUnits);
    if (this.control.onProgress && fraction - this.lastReported >= PROGRESS_STEP) {
      this.lastReported = fraction;
      this.control.onProgress(fraction);
    }
  }

  finish(): void {
    this.control.signal?.throwIfAborted();
    this.control.onProgress?.(1);
  }
}
