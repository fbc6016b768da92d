import { describe, expect, it } from 'vitest';
import { type JobControl } from '../jobs/job-registry.ts';
import { runInWorker } from '../jobs/worker-task.ts';
import { plantedPartitionGraph } from '../network/analytics/graph-generators.ts';
import { computeNetwork, isLargeNetwork, type NetworkInput } from './network-compute.ts';

// A large network is analysed on its own thread: the same answer as in the request, progress
// along the way, and a cancel that stops it.

const WORKER = new URL('./network-analysis.worker.ts', import.meta.url);

function plantedField(groups: number, size: number): NetworkInput {
  const { graph, groupOf } = plantedPartitionGraph(groups, size, 0.1, 0.004, 7);
  const id = (u: number) => `org-${u}`;
  const nodes = Array.from({ length: graph.nodeCount }, (_, u) => ({ id: id(u), name: `Organization ${u}`, constituencies: [`c${groupOf[u]}`], issues: [`i${u % 3}`] }));
  const stated = [];
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let k = graph.offsets[u]!; k < graph.offsets[u + 1]!; k++) {
      const v = graph.targets[k]!;
      if (u < v) stated.push({ id: `t${u}-${v}`, a: id(u), aName: `Organization ${u}`, b: id(v), bName: `Organization ${v}`, kind: 'co_campaigned', strength: 1 + ((u + v) % 5), startedOn: null, endedOn: null, note: null, recordedBy: null });
    }
  }
  return { alliance: null, nodes, stated, derived: [] };
}

function control(abort = new AbortController()) {
  const seen: { progress: number; phase?: string }[] = [];
  const c: JobControl = { signal: abort.signal, report: (progress, phase) => seen.push({ progress, phase }) };
  return { c, seen, abort };
}

describe('network analysis on a worker thread', () => {
  it('answers what the request would, reporting progress through each measure', async () => {
    const input = plantedField(10, 150);
    expect(isLargeNetwork(input)).toBe(true);
    const { c, seen } = control();
    const result = await runInWorker<unknown, ReturnType<typeof computeNetwork>>(WORKER, { input, options: { derived: true } }, c);
    const inline = computeNetwork(input, { derived: true });
    expect(result.analysis.nodeCount).toBe(1500);
    expect(result.analysis.nodes.map((n) => n.id)).toEqual(inline.analysis.nodes.map((n) => n.id));
    expect(result.analysis.nodes[0]!.betweenness).toBe(inline.analysis.nodes[0]!.betweenness);
    expect(result.analysis.modularity).toBe(inline.analysis.modularity);
    expect(new Set(seen.map((s) => s.phase))).toEqual(new Set(['betweenness', 'closeness', 'pagerank', 'communities']));
    const fractions = seen.map((s) => s.progress);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.length).toBeGreaterThan(10);
  });

  it('stops when cancelled', async () => {
    const input = plantedField(10, 150);
    const { c, seen, abort } = control();
    const running = runInWorker(WORKER, { input, options: { derived: true } }, c);
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    abort.abort();
    await expect(running).rejects.toThrow(/abort/i);
  });
});
