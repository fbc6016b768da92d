// Child process: our analytics on one task. Usage: tsx ours-runner.ts <task> <edge file> <out dir>
import { approximateBetweenness } from '../../src/network/analytics/approximate-betweenness.ts';
import { betweenness } from '../../src/network/analytics/betweenness.ts';
import { csrFromEdgeArrays } from '../../src/network/analytics/csr-graph.ts';
import { louvain } from '../../src/network/analytics/louvain.ts';
import { pagerank } from '../../src/network/analytics/pagerank.ts';
import {
  type BenchTask,
  CONVERGED_PAGERANK_TOLERANCE,
  NETWORKX_SOURCE_COUNT,
  resultFile,
  type RunnerReport,
  sampleSources,
  timeRepeats,
  writeFloat64,
  writeInt32,
} from './bench-protocol.ts';
import { readEdgeList } from './planted-graph.ts';

const [task, edgeFile, outDirectory] = process.argv.slice(2) as [BenchTask, string, string];
const loadStart = performance.now();
const edges = readEdgeList(edgeFile);
const graph = csrFromEdgeArrays(edges.nodes, edges.sources, edges.targets, null);
const loadSeconds = (performance.now() - loadStart) / 1000;
const report: RunnerReport = { library: 'ours', task, seconds: 0, repeats: [], loadSeconds };

switch (task) {
  case 'betweenness': {
    const timed = timeRepeats(1, () => betweenness(graph));
    writeFloat64(resultFile(outDirectory, task, 'ours', 'f64'), timed.result.values);
    Object.assign(report, { seconds: timed.seconds, repeats: timed.repeats });
    break;
  }
  case 'betweenness-sources': {
    const sources = sampleSources(graph.nodeCount, NETWORKX_SOURCE_COUNT);
    const timed = timeRepeats(1, () => betweenness(graph, { sources }));
    writeFloat64(resultFile(outDirectory, task, 'ours', 'f64'), timed.result.values);
    Object.assign(report, { seconds: timed.seconds, repeats: timed.repeats });
    break;
  }
  case 'louvain': {
    const timed = timeRepeats(3, () => louvain(graph, { weight: null, seed: 1 }));
    writeInt32(resultFile(outDirectory, task, 'ours', 'i32'), timed.result.communityOf);
    Object.assign(report, {
      seconds: timed.seconds,
      repeats: timed.repeats,
      details: { communities: timed.result.communityCount, ownModularity: timed.result.modularity },
    });
    break;
  }
  case 'pagerank': {
    const timed = timeRepeats(3, () => pagerank(graph, { weight: null }));
    writeFloat64(resultFile(outDirectory, task, 'ours', 'f64'), timed.result.values);
    Object.assign(report, { seconds: timed.seconds, repeats: timed.repeats, details: { iterations: timed.result.iterations } });
    break;
  }
  case 'pagerank-converged': {
    const options = { weight: null, tolerance: CONVERGED_PAGERANK_TOLERANCE, maxIterations: 10_000 };
    const timed = timeRepeats(3, () => pagerank(graph, options));
    writeFloat64(resultFile(outDirectory, task, 'ours', 'f64'), timed.result.values);
    Object.assign(report, { seconds: timed.seconds, repeats: timed.repeats, details: { iterations: timed.result.iterations } });
    break;
  }
  case 'approximate-betweenness': {
    const timed = timeRepeats(1, () => approximateBetweenness(graph, { epsilon: 0.01, delta: 0.1, seed: 1 }));
    writeFloat64(resultFile(outDirectory, task, 'ours', 'f64'), timed.result.values);
    const { samples, vertexDiameterBound, errorBound } = timed.result;
    Object.assign(report, { seconds: timed.seconds, repeats: timed.repeats, details: { samples, vertexDiameterBound, errorBound } });
    break;
  }
}
console.log(JSON.stringify(report));
