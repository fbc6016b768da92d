import { parentPort, type ResourceLimits, Worker, workerData } from 'node:worker_threads';
import type { JobControl } from './job-registry.ts';

// A job's computation on its own thread, so the server's event loop keeps answering requests
// while a large analysis runs for seconds. The worker loads TypeScript the way the app does
// (tsx, registered by worker-boot.mjs); cancelling a job terminates its worker at once.

type WorkerMessage<T> = { type: 'progress'; progress: number; phase?: string } | { type: 'done'; result: T } | { type: 'error'; message: string };

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/**
 * Runs the task module at `entry` (which calls `serveTask`) with `input`, relaying its progress;
 * `resourceLimits` bound the thread's memory (past them the thread stops and the task fails).
 */
export function runInWorker<TIn, TOut>(entry: URL, input: TIn, control: JobControl, options: { resourceLimits?: ResourceLimits } = {}): Promise<TOut> {
  return new Promise<TOut>((resolve, reject) => {
    control.signal.throwIfAborted();
    const worker = new Worker(BOOT, { workerData: { entry: entry.href, input }, resourceLimits: options.resourceLimits });
    worker.unref(); // a running analysis does not keep a stopping server alive
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      control.signal.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = () => finish(() => reject(control.signal.reason));
    control.signal.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage<TOut>) => {
      if (message.type === 'progress') control.report(message.progress, message.phase);
      else if (message.type === 'done') finish(() => resolve(message.result));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the analysis stopped unexpectedly (exit code ${code})`))));
  });
}

/** The worker's side: runs `task` (at once, or to its promise's end) on the input it was given and posts progress and the result. */
export function serveTask<TIn, TOut>(task: (input: TIn, report: (progress: number, phase?: string) => void) => TOut | Promise<TOut>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTask runs inside a worker thread');
  const fail = (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  try {
    const result = task((workerData as { input: TIn }).input, (progress, phase) => port.postMessage({ type: 'progress', progress, phase }));
    if (result instanceof Promise) result.then((done) => port.postMessage({ type: 'done', result: done }), fail);
    else port.postMessage({ type: 'done', result });
  } catch (error) {
    fail(error);
  }
}
