// Approximate betweenness by path sampling (Riondato & Kornaropoulos, "Fast approximation of
// betweenness centrality through sampling", WSDM 2014 / DMKD 2016). Exact betweenness costs one
// full search per organization — hours on a million ties. Instead, sample r node pairs, pick one
// shortest path between each uniformly at random, and count how often each node lies inside the
// sampled paths. With r = (c / ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ)), VD an upper bound on the vertex
// diameter (most nodes on any shortest path), every estimate is within ε of the true value with
// probability at least 1 − δ, simultaneously for all nodes.
import { betweenness, type ExactBetweenness } from './betweenness.ts';
import type { CsrGraph } from './csr-graph.ts';
import { ProgressTicker, type RunControl } from './run-control.ts';
import { randomBelow, seededRandom } from './seeded-random.ts';
import { sampleHopPath, sampleWeightedPath, type PathSampler } from './shortest-path-sampling.ts';
import { edgeLengths, type TieWeighting } from './shortest-paths.ts';
import { vertexDiameterBound } from './vertex-diameter.ts';

/** The universal constant of the VC-dimension bound; 0.5 as in the paper's experiments. */
export const SAMPLE_SIZE_CONSTANT = 0.5;

export interface ApproximateBetweennessOptions extends RunControl {
  /** Default 0.01: additive error on values normalized by n(n − 1) ordered pairs. */
  epsilon?: number;
  /** Default 0.1: the guarantee holds with probability at least 1 − δ. */
  delta?: number;
  /** Default 1: the same seed gives the same sample and the same values. */
  seed?: number;
  weight?: TieWeighting;
  /** Default true, scaled like NetworkX's normalized betweenness (see `errorBound`). */
  normalized?: boolean;
}

export interface ApproximateBetweenness {
  method: 'approximate';
  values: Float64Array;
  weight: TieWeighting;
  normalized: boolean;
  /**
   * What the result promises, as a code the interface translates: with probability at least
   * `confidence`, every value is within `errorBound` of the exact betweenness.
   */
  guarantee: 'additive-error-with-confidence';
  epsilon: number;
  delta: number;
  confidence: number;
  /**
   * Bound on |value − exact value| in the returned scale. The sampling bounds the error by ε on
   * pair-normalized values (÷ n(n−1)); NetworkX's normalization divides by (n−1)(n−2) instead,
   * so the bound there is ε·n/(n−2), and ε·n(n−1)/2 unnormalized.
   */
  errorBound: number;
  samples: number;
  vertexDiameterBound: number;
  seed: number;
}

export function sampleSize(epsilon: number, delta: number, vertexDiameter: number): number {
  if (vertexDiameter < 3) return 0; // no path has an inner node: every betweenness is 0
  const bits = Math.floor(Math.log2(vertexDiameter - 2)) + 1;
  return Math.ceil((SAMPLE_SIZE_CONSTANT / (epsilon * epsilon)) * (bits + Math.log(1 / delta)));
}

export function approximateBetweenness(graph: CsrGraph, options: ApproximateBetweennessOptions = {}): ApproximateBetweenness {
  const epsilon = options.epsilon ?? 0.01;
  const delta = options.delta ?? 0.1;
  const seed = options.seed ?? 1;
  const weight = options.weight ?? null;
  const normalized = options.normalized ?? true;
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError('epsilon must be in (0, 1)');
  if (!(delta > 0 && delta < 1)) throw new RangeError('delta must be in (0, 1)');
  const n = graph.nodeCount;
  const lengths = edgeLengths(graph, weight);
  const diameter = vertexDiameterBound(graph, lengths);
  const samples = n < 3 ? 0 : sampleSize(epsilon, delta, diameter);
  const insideCounts = new Float64Array(n);
  const sampler: PathSampler = lengths === null ? sampleHopPath(graph) : sampleWeightedPath(graph, lengths);
  const random = seededRandom(seed);
  const workPerSample = lengths === null ? 16 * Math.sqrt(graph.targets.length + 1) : graph.targets.length / 2;
  const ticker = new ProgressTicker(options, samples, workPerSample);
  for (let i = 0; i < samples; i++) {
    const source = randomBelow(random, n);
    let target = randomBelow(random, n - 1);
    if (target >= source) target++;
    sampler(source, target, random, insideCounts);
    ticker.tick(i + 1);
  }
  ticker.finish();
  // insideCounts / r estimates betweenness over n(n−1) ordered pairs; rescale to the NetworkX
  // convention of the exact module: ÷ (n−1)(n−2) normalized, ÷ 2 over pairs unnormalized.
  const pairs = n * (n - 1);
  const scale = samples === 0 ? 0 : normalized ? n / (n - 2) / samples : pairs / 2 / samples;
  for (let v = 0; v < n; v++) insideCounts[v] = insideCounts[v]! * scale;
  return {
    method: 'approximate',
    values: insideCounts,
    weight,
    normalized,
    guarantee: 'additive-error-with-confidence',
    epsilon,
    delta,
    confidence: 1 - delta,
    errorBound: n < 3 ? 0 : normalized ? (epsilon * n) / (n - 2) : (epsilon * pairs) / 2,
    samples,
    vertexDiameterBound: diameter,
    seed,
  };
}

export interface BetweennessAutoOptions extends ApproximateBetweennessOptions {
  /** Exact up to this many nodes (default 5,000), sampled above. */
  exactUpTo?: number;
}

export type BetweennessResult =
  | (ExactBetweenness & { method: 'exact'; guarantee: 'exact' })
  | ApproximateBetweenness;

/** Exact Brandes on small fields, sampling on large ones; `method` says which ran. */
export function betweennessAuto(graph: CsrGraph, options: BetweennessAutoOptions = {}): BetweennessResult {
  const { exactUpTo = 5_000, epsilon, delta, seed, ...shared } = options;
  if (graph.nodeCount <= exactUpTo) return { ...betweenness(graph, shared), method: 'exact', guarantee: 'exact' };
  return approximateBetweenness(graph, { ...shared, epsilon, delta, seed });
}
