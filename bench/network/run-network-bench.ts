// npm run bench:network [-- --only=betweenness,louvain,pagerank,approximate]
//
// Our network analytics against NetworkX, igraph and graphology on seeded planted-community
// graphs (10,000 nodes / 100,000 ties for exact betweenness; 100,000 / 1,000,000 for the rest).
// Every library runs in its own child process, one task at a time, so none shares a heap, a JIT
// or a core with another; graph loading is timed apart from the algorithm.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csrFromEdgeArrays } from '../../src/network/analytics/csr-graph.ts';
import { modularity } from '../../src/network/analytics/modularity.ts';
import {
  type BenchTask,
  NETWORKX_SOURCE_COUNT,
  readFloat64,
  readInt32,
  resultFile,
  type RunnerReport,
  sampleSources,
} from './bench-protocol.ts';
import { BENCH_GRAPHS, plantedGraphFile, readEdgeList } from './planted-graph.ts';
import { ensurePythonLibraries } from './python-libraries.ts';
import { printTable, type Row } from './result-table.ts';

const here = dirname(fileURLToPath(import.meta.url));
const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='));
const only = new Set(onlyArgument ? onlyArgument.slice('--only='.length).split(',') : ['betweenness', 'louvain', 'pagerank', 'approximate']);
const python = ensurePythonLibraries();
const outDirectory = mkdtempSync(join(tmpdir(), 'network-bench-results-'));
const smallFile = plantedGraphFile(BENCH_GRAPHS.betweenness);
const largeFile = plantedGraphFile(BENCH_GRAPHS.large);
const rows: Row[] = [];

function run(library: 'ours' | 'graphology' | 'networkx' | 'igraph', task: BenchTask, edgeFile: string, extra: string[] = []): RunnerReport | null {
  process.stderr.write(`… ${library}: ${task}\n`);
  const command =
    library === 'networkx' || library === 'igraph'
      ? { file: '/usr/bin/python3', args: [join(here, 'python_runner.py'), library, task, edgeFile, outDirectory, ...extra] }
      : { file: process.execPath, args: ['--max-old-space-size=8192', '--import', 'tsx', join(here, `${library}-runner.ts`), task, edgeFile, outDirectory] };
  const child = spawnSync(command.file, command.args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  if (child.status !== 0) {
    process.stderr.write(`  ${library} ${task} failed (exit ${child.status})\n`);
    return null;
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RunnerReport;
}

function maxAbsoluteDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

function l1Difference(a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs(a[i]! - b[i]!);
  return total;
}

const pythonNote = python.available ? '' : ` (skipped: ${python.reason})`;

if (only.has('betweenness')) {
  const label = 'exact betweenness, 10k nodes / 100k ties';
  const ours = run('ours', 'betweenness', smallFile);
  const oursValues = ours && readFloat64(resultFile(outDirectory, 'betweenness', 'ours', 'f64'));
  if (ours) rows.push({ task: label, library: 'ours', seconds: ours.seconds });
  const n = BENCH_GRAPHS.betweenness.nodes;
  if (python.available && ours && oursValues) {
    const sources = [...sampleSources(n, NETWORKX_SOURCE_COUNT)].join(',');
    const networkx = run('networkx', 'betweenness-sources', smallFile, [sources]);
    const oursSubset = run('ours', 'betweenness-sources', smallFile);
    if (networkx && oursSubset) {
      const difference = maxAbsoluteDifference(
        readFloat64(resultFile(outDirectory, 'betweenness-sources', 'networkx', 'f64')),
        readFloat64(resultFile(outDirectory, 'betweenness-sources', 'ours', 'f64')),
      );
      const extrapolated = (networkx.seconds * n) / NETWORKX_SOURCE_COUNT;
      rows.push({
        task: label,
        library: `NetworkX ${networkx.details?.version ?? ''}`,
        seconds: extrapolated,
        oursSeconds: ours.seconds,
        check: `max |Δ| ${difference.toExponential(1)} on ${NETWORKX_SOURCE_COUNT} sources`,
        target: { factor: 10, label: '≥10× faster' },
        note: `EXTRAPOLATED: ${networkx.seconds.toFixed(1)} s for ${NETWORKX_SOURCE_COUNT} of ${n} sources (its own per-source BFS + accumulation) × ${n / NETWORKX_SOURCE_COUNT}; ours on the same ${NETWORKX_SOURCE_COUNT}: ${oursSubset.seconds.toFixed(2)} s`,
      });
    }
    const igraph = run('igraph', 'betweenness', smallFile);
    if (igraph) {
      const difference = maxAbsoluteDifference(oursValues, readFloat64(resultFile(outDirectory, 'betweenness', 'igraph', 'f64')));
      rows.push({ task: label, library: `igraph ${igraph.details?.version ?? ''}`, seconds: igraph.seconds, oursSeconds: ours.seconds, check: `max |Δ| ${difference.toExponential(1)}`, target: { factor: 0.5, label: 'within 2× of igraph' } });
    }
  } else if (!python.available) {
    rows.push({ task: label, library: 'NetworkX, igraph', note: pythonNote });
  }
  const graphology = run('graphology', 'betweenness', smallFile);
  if (graphology && ours && oursValues) {
    const difference = maxAbsoluteDifference(oursValues, readFloat64(resultFile(outDirectory, 'betweenness', 'graphology', 'f64')));
    rows.push({ task: label, library: 'graphology-metrics', seconds: graphology.seconds, oursSeconds: ours.seconds, check: `max |Δ| ${difference.toExponential(1)}`, target: { factor: 2, label: '≥2× faster' } });
  }
}

if (only.has('louvain') || only.has('pagerank')) {
  const edges = readEdgeList(largeFile);
  const graph = csrFromEdgeArrays(edges.nodes, edges.sources, edges.targets, null);

  if (only.has('louvain')) {
    const label = 'Louvain, 100k nodes / 1M ties';
    const quality = (library: string) => modularity(graph, readInt32(resultFile(outDirectory, 'louvain', library, 'i32')), { weight: null });
    const ours = run('ours', 'louvain', largeFile);
    const oursQuality = ours ? quality('ours') : Number.NaN;
    if (ours) rows.push({ task: label, library: 'ours', seconds: ours.seconds, check: `Q ${oursQuality.toFixed(6)}, ${ours.details?.communities} communities` });
    const graphology = run('graphology', 'louvain', largeFile);
    if (graphology && ours) {
      const theirs = quality('graphology');
      rows.push({
        task: label,
        library: 'graphology-communities-louvain',
        seconds: graphology.seconds,
        oursSeconds: ours.seconds,
        check: `Q ${theirs.toFixed(6)}, ${graphology.details?.communities} communities`,
        target: { factor: 1, label: 'time ≤, Q ≥', extraMet: oursQuality >= theirs },
      });
    }
    const igraph = python.available ? run('igraph', 'louvain', largeFile) : null;
    if (igraph && ours) {
      rows.push({ task: label, library: `igraph multilevel (reference)`, seconds: igraph.seconds, oursSeconds: ours.seconds, check: `Q ${quality('igraph').toFixed(6)}, ${igraph.details?.communities} communities` });
    }
  }

  if (only.has('pagerank')) {
    // NetworkX's stopping rule (L1 change < n · 1e-6) is loose on 100k nodes: it stops after a
    // few iterations. igraph's PRPACK solves the system exactly. So ours runs twice: with
    // NetworkX's rule (compared with NetworkX) and to an L1 change below 1e-9 (compared with igraph).
    const label = 'PageRank, 100k nodes / 1M ties';
    const ours = run('ours', 'pagerank', largeFile);
    const converged = run('ours', 'pagerank-converged', largeFile);
    if (ours) rows.push({ task: label, library: 'ours, NetworkX stopping rule', seconds: ours.seconds, check: `${ours.details?.iterations} iterations` });
    if (converged) rows.push({ task: label, library: 'ours, to L1 change < 1e-9', seconds: converged.seconds, check: `${converged.details?.iterations} iterations` });
    for (const library of python.available ? (['networkx', 'igraph'] as const) : []) {
      const report = run(library, 'pagerank', largeFile);
      const reference = library === 'networkx' ? ours : converged;
      if (!report || !reference) continue;
      const referenceTask = library === 'networkx' ? 'pagerank' : 'pagerank-converged';
      const difference = l1Difference(
        readFloat64(resultFile(outDirectory, referenceTask, 'ours', 'f64')),
        readFloat64(resultFile(outDirectory, 'pagerank', library, 'f64')),
      );
      const name = library === 'igraph' ? `igraph ${report.details?.version ?? ''} (PRPACK)` : `NetworkX ${report.details?.version ?? ''}`;
      const against = library === 'igraph' ? 'vs ours to 1e-9' : 'vs ours, same rule';
      rows.push({ task: label, library: name, seconds: report.seconds, oursSeconds: reference.seconds, check: `L1 Δ ${difference.toExponential(1)} ${against}` });
    }
  }
}

if (only.has('approximate')) {
  const ours = run('ours', 'approximate-betweenness', largeFile);
  if (ours) {
    const { samples, vertexDiameterBound, errorBound } = ours.details ?? {};
    rows.push({
      task: 'approximate betweenness ε=0.01 δ=0.1, 100k / 1M',
      library: 'ours',
      seconds: ours.seconds,
      check: `${samples} samples, VD ≤ ${vertexDiameterBound}, |error| ≤ ${Number(errorBound).toFixed(4)} w.p. 0.9`,
      target: { seconds: 10, label: '< 10 s' },
    });
  }
}

printTable(rows);
rmSync(outDirectory, { recursive: true, force: true });
