// What the bench's child processes agree on: task names, the sources used to time NetworkX,
// the files results are exchanged through, and the one JSON line each runner prints.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type BenchTask = 'betweenness' | 'betweenness-sources' | 'louvain' | 'pagerank' | 'pagerank-converged' | 'approximate-betweenness';

/** 'pagerank-converged' iterates until the L1 change is below n · this (1e-9 in total on 100k nodes). */
export const CONVERGED_PAGERANK_TOLERANCE = 1e-14;

/** NetworkX is timed on this many sources and extrapolated (see python_runner.py). */
export const NETWORKX_SOURCE_COUNT = 200;

/** Evenly spread sources, one per block of n / k nodes (every planted community gets some). */
export function sampleSources(nodeCount: number, count: number): Int32Array {
  const step = Math.floor(nodeCount / count);
  return Int32Array.from({ length: count }, (_, i) => i * step);
}

export interface RunnerReport {
  library: string;
  task: BenchTask;
  /** Seconds for the algorithm alone (median of the repeats), graph loading excluded. */
  seconds: number;
  /** Seconds of every repeat. */
  repeats: number[];
  /** Seconds to load the edge list into the library's graph. */
  loadSeconds: number;
  /** Free-form facts worth printing (sample size, iterations, the library's own modularity). */
  details?: Record<string, number | string>;
}

export function resultFile(directory: string, task: BenchTask, library: string, kind: 'f64' | 'i32'): string {
  return join(directory, `${task}-${library}.${kind}`);
}

export function writeFloat64(file: string, values: Float64Array): void {
  writeFileSync(file, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function writeInt32(file: string, values: Int32Array): void {
  writeFileSync(file, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function readFloat64(file: string): Float64Array {
  const bytes = readFileSync(file);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export function readInt32(file: string): Int32Array {
  const bytes = readFileSync(file);
  return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Runs `work` `count` times; returns every duration in seconds and the median. */
export function timeRepeats<T>(count: number, work: () => T): { result: T; seconds: number; repeats: number[] } {
  const repeats: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    result = work();
    repeats.push((performance.now() - start) / 1000);
  }
  const sorted = [...repeats].sort((a, b) => a - b);
  return { result: result as T, seconds: sorted[Math.floor(sorted.length / 2)]!, repeats };
}
