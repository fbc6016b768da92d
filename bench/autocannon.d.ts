// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    workers?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    /** Cycled through by each connection. */
    requests?: { method?: string; path: string; headers?: Record<string, string>; body?: string }[];
  }
  export interface Histogram {
    average: number; mean: number; stddev: number; min: number; max: number;
    p50: number; p90: number; p97_5: number; p99: number; p99_9: number;
  }
  export interface Result {
    duration: number; // seconds
    errors: number; timeouts: number; non2xx: number; resets: number;
    '2xx': number; '4xx': number; '5xx': number;
    latency: Histogram & { totalCount: number };
    requests: Histogram & { sent: number; total: number };
    throughput: Histogram;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
