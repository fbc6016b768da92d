// Pieces shared by the shortest-path analyses (betweenness, closeness, sampling): how a tie's
// weight becomes a length, and the priority queue for Dijkstra.
import type { CsrGraph } from './csr-graph.ts';

/**
 * How tie weights enter shortest paths.
 * - `null`: every tie has length 1 (hops), as NetworkX with `weight=None`.
 * - `'strength'`: the weight is a tie strength (1–5); a stronger tie is a shorter path, with
 *   length = 1 / strength. Information and trust travel more easily over strong ties, so a
 *   broker sitting on strong ties counts more than the raw hop count suggests.
 * - `'distance'`: the weight is already a length, used as is.
 */
export type TieWeighting = 'strength' | 'distance' | null;

/** Edge lengths aligned with `graph.targets`, or null for hop counts. */
export function edgeLengths(graph: CsrGraph, weighting: TieWeighting): Float64Array | null {
  if (weighting === null) return null;
  if (weighting === 'distance') return graph.weights;
  const lengths = new Float64Array(graph.weights.length);
  for (let e = 0; e < lengths.length; e++) lengths[e] = 1 / graph.weights[e]!;
  return lengths;
}

/**
 * Binary min-heap of node indices keyed by tentative distance, with decrease-key through a
 * position index: no duplicate entries, no allocation after construction.
 */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  private readonly position: Int32Array;
  private readonly key: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
    this.key = new Float64Array(capacity);
  }

  push(node: number, key: number): void {
    this.key[node] = key;
    this.heap[this.size] = node;
    this.position[node] = this.size;
    this.siftUp(this.size++);
  }

  contains(node: number): boolean {
    return this.position[node] !== -1;
  }

  /** Lowers the key of a node already in the heap. */
  decrease(node: number, key: number): void {
    this.key[node] = key;
    this.siftUp(this.position[node]!);
  }

  pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    this.position[top] = -1;
    const last = heap[--this.size]!;
    if (this.size > 0) {
      heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.heap[i]!] = -1;
    this.size = 0;
  }

  private siftUp(index: number): void {
    const { heap, position, key } = this;
    const node = heap[index]!;
    const nodeKey = key[node]!;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (key[parent]! <= nodeKey) break;
      heap[index] = parent;
      position[parent] = index;
      index = parentIndex;
    }
    heap[index] = node;
    position[node] = index;
  }

  private siftDown(index: number): void {
    const { heap, position, key } = this;
    const size = this.size;
    const node = heap[index]!;
    const nodeKey = key[node]!;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && key[heap[right]!]! < key[heap[child]!]!) child = right;
      const childNode = heap[child]!;
      if (key[childNode]! >= nodeKey) break;
      heap[index] = childNode;
      position[childNode] = index;
      index = child;
    }
    heap[index] = node;
    position[node] = index;
  }
}
