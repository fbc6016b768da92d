// Seeded planted-community graphs for the network bench: communities of equal size, a share of
// each node's ties inside its community and the rest anywhere — the clustered shape of an
// alliance field (organizations tied mostly within their issue or region, some bridges).
// Written once as a plain edge list ("u v" per line, 0-based) that every library reads.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/network/analytics/seeded-random.ts';

export interface PlantedGraphSpec {
  name: string;
  nodes: number;
  edges: number;
  communitySize: number;
  /** Share of ties drawn inside the node's community. */
  inside: number;
  seed: number;
}

export interface EdgeList {
  nodes: number;
  sources: Int32Array;
  targets: Int32Array;
}

export const BENCH_GRAPHS = {
  betweenness: { name: 'planted-10k-100k', nodes: 10_000, edges: 100_000, communitySize: 100, inside: 0.8, seed: 20_240_601 },
  large: { name: 'planted-100k-1m', nodes: 100_000, edges: 1_000_000, communitySize: 100, inside: 0.8, seed: 20_240_602 },
} satisfies Record<string, PlantedGraphSpec>;

export function generatePlantedGraph(spec: PlantedGraphSpec): EdgeList {
  const random = seededRandom(spec.seed);
  const sources = new Int32Array(spec.edges);
  const targets = new Int32Array(spec.edges);
  const seen = new Set<number>();
  let count = 0;
  while (count < spec.edges) {
    const u = Math.floor(random() * spec.nodes);
    let v: number;
    if (random() < spec.inside) {
      const communityStart = u - (u % spec.communitySize);
      const size = Math.min(spec.communitySize, spec.nodes - communityStart);
      v = communityStart + Math.floor(random() * size);
    } else {
      v = Math.floor(random() * spec.nodes);
    }
    if (u === v) continue;
    const key = Math.min(u, v) * spec.nodes + Math.max(u, v);
    if (seen.has(key)) continue;
    seen.add(key);
    sources[count] = u;
    targets[count] = v;
    count++;
  }
  return { nodes: spec.nodes, sources, targets };
}

/** Path of the edge list file for a spec, generated on first use. */
export function plantedGraphFile(spec: PlantedGraphSpec): string {
  const directory = join(tmpdir(), 'crossroads-network-bench');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${spec.name}-seed${spec.seed}.edges`);
  if (existsSync(file)) return file;
  const { nodes, sources, targets } = generatePlantedGraph(spec);
  const lines: string[] = [`# ${nodes} nodes`];
  for (let e = 0; e < sources.length; e++) lines.push(`${sources[e]} ${targets[e]}`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Reads an edge list written by `plantedGraphFile`. */
export function readEdgeList(file: string): EdgeList {
  const text = readFileSync(file, 'utf8');
  const firstLineEnd = text.indexOf('\n');
  const nodes = Number(/# (\d+) nodes/.exec(text.slice(0, firstLineEnd))![1]);
  const edgeCount = text.length; // upper bound, trimmed below
  const sources = new Int32Array(Math.ceil(edgeCount / 4));
  const targets = new Int32Array(Math.ceil(edgeCount / 4));
  let count = 0;
  let value = 0;
  let column = 0;
  for (let i = firstLineEnd + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
    } else if (code === 32) {
      sources[count] = value;
      value = 0;
      column = 1;
    } else if (code === 10 && column === 1) {
      targets[count++] = value;
      value = 0;
      column = 0;
    }
  }
  return { nodes, sources: sources.slice(0, count), targets: targets.slice(0, count) };
}
