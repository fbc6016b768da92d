import { describe, expect, it } from 'vitest';
import type { GraphNode } from './NetworkGraph.tsx';

// sigma reads WebGL constants as it loads; Node has no WebGL, and the layout needs none.
const webGL = globalThis as { WebGLRenderingContext?: unknown; WebGL2RenderingContext?: unknown };
webGL.WebGLRenderingContext ??= class {};
webGL.WebGL2RenderingContext ??= class {};
const { layoutByCommunity } = await import('./NetworkGraph.tsx');

// The computed layout of the network view: each community on its own circle, the largest one at
// the centre, every organization placed once. How fast the view draws is bench/network-view's job.

function field(communities: number, perCommunity: number): GraphNode[] {
  return Array.from({ length: communities * perCommunity }, (_, i) => ({
    id: `org-${i}`, name: `Organization ${i}`, community: i % communities, betweenness: 0, degree: 0, pagerank: 0,
  }));
}

describe('layoutByCommunity', () => {
  it('places every organization once, on a circle around its community centre', () => {
    const nodes = field(3, 5).concat(field(1, 4).map((n) => ({ ...n, id: `big-${n.id}`, community: 7 })));
    const positions = layoutByCommunity(nodes);
    expect(positions.size).toBe(nodes.length);
    for (const community of new Set(nodes.map((n) => n.community))) {
      const members = nodes.filter((n) => n.community === community);
      const points = members.map((n) => positions.get(n.id)!);
      const centre = { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
      const radii = points.map((p) => Math.hypot(p.x - centre.x, p.y - centre.y));
      for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 9);
    }
  });

  it('puts the largest community at the centre and the others around it', () => {
    const nodes = field(4, 3).concat(Array.from({ length: 9 }, (_, i) => ({ id: `big-${i}`, name: 'Big', community: 9, betweenness: 0, degree: 0, pagerank: 0 })));
    const positions = layoutByCommunity(nodes);
    const big = nodes.filter((n) => n.community === 9).map((n) => positions.get(n.id)!);
    expect(big.reduce((s, p) => s + p.x, 0) / big.length).toBeCloseTo(0, 9);
    expect(big.reduce((s, p) => s + p.y, 0) / big.length).toBeCloseTo(0, 9);
  });

  it('keeps communities apart: no two circles overlap, even with forty of them', () => {
    for (const [communities, size] of [[40, 250], [2, 3], [7, 1]] as const) {
      const nodes = field(communities, size);
      const positions = layoutByCommunity(nodes);
      const circles = Array.from({ length: communities }, (_, c) => {
        const points = nodes.filter((n) => n.community === c).map((n) => positions.get(n.id)!);
        const x = points.reduce((s, p) => s + p.x, 0) / points.length;
        const y = points.reduce((s, p) => s + p.y, 0) / points.length;
        return { x, y, r: Math.max(...points.map((p) => Math.hypot(p.x - x, p.y - y))) };
      });
      for (let i = 0; i < circles.length; i++) {
        for (let j = i + 1; j < circles.length; j++) {
          const a = circles[i]!;
          const b = circles[j]!;
          expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r);
        }
      }
    }
  });
});
