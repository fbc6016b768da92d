// Child process: graphology on one task. Usage: tsx graphology-runner.ts <task> <edge file> <out dir>
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import { seededRandom } from '../../src/network/analytics/seeded-random.ts';
import { type BenchTask, resultFile, type RunnerReport, timeRepeats, writeFloat64, writeInt32 } from './bench-protocol.ts';
import { readEdgeList } from './planted-graph.ts';

const [task, edgeFile, outDirectory] = process.argv.slice(2) as [BenchTask, string, string];
const loadStart = performance.now();
const edges = readEdgeList(edgeFile);
const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
for (let u = 0; u < edges.nodes; u++) graph.addNode(String(u));
for (let e = 0; e < edges.sources.length; e++) graph.addEdge(String(edges.sources[e]), String(edges.targets[e]));
const loadSeconds = (performance.now() - loadStart) / 1000;
const report: RunnerReport = { library: 'graphology', task, seconds: 0, repeats: [], loadSeconds };

/** graphology returns a record by node key; the keys are the indices. */
function byIndex(record: Record<string, number>): Float64Array {
  return Float64Array.from({ length: edges.nodes }, (_, u) => record[String(u)]!);
}

switch (task) {
  case 'betweenness': {
    // getEdgeWeight: null for hop counts (the default 'weight' would run Dijkstra).
    const timed = timeRepeats(1, () => betweenness(graph, { getEdgeWeight: null, normalized: true }));
    writeFloat64(resultFile(outDirectory, task, 'graphology', 'f64'), byIndex(timed.result));
    Object.assign(report, { seconds: timed.seconds, repeats: timed.repeats });
    break;
  }
  case 'louvain': {
    // Defaults (fast local moves, random walk order), with a seeded generator for reproducibility.
    const timed = timeRepeats(3, () => louvain.detailed(graph, { getEdgeWeight: null, rng: seededRandom(1) }));
    const communityOf = Int32Array.from({ length: edges.nodes }, (_, u) => timed.result.communities[String(u)]!);
    writeInt32(resultFile(outDirectory, task, 'graphology', 'i32'), communityOf);
    Object.assign(report, {
      seconds: timed.seconds,
      repeats: timed.repeats,
      details: { communities: timed.result.count, ownModularity: timed.result.modularity },
    });
    break;
  }
  default:
    throw new Error(`graphology runner has no task ${task}`);
}
console.log(JSON.stringify(report));
