// What the bench measures inside the page. A one-off duration ends once sigma has drawn, the GPU
// has finished those pixels (Chromium queues WebGL work and would otherwise hand out the next
// frame before it is done) and the next animation frame has come: that is when a person sees it.
import i18next from 'i18next';
import type Sigma from 'sigma';
import type { GraphNode, GraphTie } from '../../src/web/pages/network/NetworkGraph.tsx';

type Field = { nodes: GraphNode[]; ties: GraphTie[] };
type Mount = (data: Field, onRenderer: (renderer: Sigma | null) => void) => void;

export interface CameraRun {
  /** Intervals between successive animation frames, in ms. */
  frameIntervals: number[];
  /** How long each of sigma's render() calls took on the main thread, in ms. */
  renderTimes: number[];
}

export interface Timing {
  /** Until the next frame after the GPU finished sigma's drawing. */
  ms: number;
  /** Until sigma's render() returned: the page's own work (React, graphology, sigma), GPU aside. */
  mainThreadMs: number;
}

export interface NetworkBench {
  load(): Promise<{ nodes: number; ties: number; parseMs: number }>;
  mount(): Promise<Timing>;
  /**
   * 'as-is': the component's own settings; 'edges': every tie drawn while moving too (what a
   * frame costs when sigma does not hide them); 'nothing': every node and tie hidden, which
   * leaves what a frame costs before any pixel of the graph: sigma's programs running over
   * hidden items, clearing its canvases, and the browser compositing them.
   */
  moveCamera(durationMs: number, drawing?: 'as-is' | 'edges' | 'nothing'): Promise<CameraRun>;
  toggleKind(kind: string): Promise<Timing & { status: string }>;
  sizeBy(metric: string): Promise<Timing>;
  /** The current renderer, for poking at by hand when profiling. */
  sigma(): Sigma | null;
}

declare global {
  interface Window { networkBench: NetworkBench }
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

// A loop of zooms and pans across the field, in sigma's framed-graph coordinates (0..1).
const CAMERA_MOVES = [
  { ratio: 0.25, x: 0.3, y: 0.35 }, { ratio: 0.25, x: 0.7, y: 0.65 }, { ratio: 1.2, x: 0.5, y: 0.5 },
  { ratio: 0.1, x: 0.55, y: 0.45 }, { ratio: 0.5, x: 0.25, y: 0.7 }, { ratio: 1, x: 0.5, y: 0.5 },
];

export function installProbes(mountView: Mount) {
  let data: Field | null = null;
  let renderer: Sigma | null = null;
  let lastRenderAt = 0;
  let renderStartedAt = 0;
  const renderTimes: number[] = [];

  // The component creates a renderer on mount (and, before the fix, again on every control
  // change); its constructor draws synchronously, so being handed one means a render just ended.
  const onRenderer = (next: Sigma | null) => {
    renderer = next;
    if (!next) return;
    lastRenderAt = performance.now();
    next.on('beforeRender', () => { renderStartedAt = performance.now(); });
    next.on('afterRender', () => {
      lastRenderAt = performance.now();
      renderTimes.push(lastRenderAt - renderStartedAt);
    });
  };

  /** Reading one pixel back makes the GPU finish everything queued for that canvas first. */
  function finishDrawing() {
    const pixel = new Uint8Array(4);
    for (const canvas of Object.values(renderer?.getCanvases() ?? {})) {
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    }
  }

  /** Waits for sigma to draw after `start`, for the GPU to finish, then for the next frame. */
  async function frameAfterRender(start: number): Promise<Timing> {
    while (lastRenderAt <= start) {
      await nextFrame();
      if (performance.now() - start > 120_000) throw new Error('sigma did not draw within 2 minutes');
    }
    const mainThreadMs = lastRenderAt - start;
    finishDrawing();
    await nextFrame();
    return { ms: performance.now() - start, mainThreadMs };
  }

  const statusText = () => document.querySelector('[role="status"]')?.textContent ?? '';

  window.networkBench = {
    async load() {
      const response = await fetch('./field.json');
      const text = await response.text();
      const start = performance.now();
      data = JSON.parse(text) as Field;
      return { nodes: data.nodes.length, ties: data.ties.length, parseMs: performance.now() - start };
    },

    async mount() {
      const start = performance.now();
      mountView(data!, onRenderer);
      const timing = await frameAfterRender(start);
      if (!document.querySelector('[data-testid="network-canvas"] canvas')) throw new Error('no canvas drawn');
      return timing;
    },

    async moveCamera(durationMs, drawing = 'as-is') {
      const sigma = renderer!;
      const before = { hideEdgesOnMove: sigma.getSetting('hideEdgesOnMove'), nodeReducer: sigma.getSetting('nodeReducer') };
      if (drawing !== 'as-is') {
        const changed = performance.now();
        if (drawing === 'edges') sigma.setSetting('hideEdgesOnMove', false);
        else sigma.setSettings({ hideEdgesOnMove: true, nodeReducer: (_, node) => ({ ...node, hidden: true }) });
        await frameAfterRender(changed);
      }
      const camera = sigma.getCamera();
      const frameIntervals: number[] = [];
      renderTimes.length = 0;
      let running = true;
      let previous = await nextFrame();
      const record = (now: number) => {
        frameIntervals.push(now - previous);
        previous = now;
        if (running) requestAnimationFrame(record);
      };
      requestAnimationFrame(record);
      const start = performance.now();
      for (let i = 0; performance.now() - start < durationMs; i++) {
        await camera.animate(CAMERA_MOVES[i % CAMERA_MOVES.length]!, { duration: 700, easing: 'quadraticInOut' });
      }
      running = false;
      const ended = performance.now();
      camera.setState({ ratio: 1, x: 0.5, y: 0.5, angle: 0 });
      sigma.setSettings(before);
      await frameAfterRender(ended);
      return { frameIntervals, renderTimes: [...renderTimes] };
    },

    async toggleKind(kind) {
      const label = i18next.t(`network.kinds.${kind}`);
      const box = [...document.querySelectorAll('fieldset label')].find((l) => l.textContent === label)?.querySelector('input');
      if (!box) throw new Error(`no checkbox for ${kind}`);
      const start = performance.now();
      box.click();
      return { ...(await frameAfterRender(start)), status: statusText() };
    },

    sigma: () => renderer,

    async sizeBy(metric) {
      const select = document.querySelector('select')!;
      const start = performance.now();
      // React listens to the change event; the native setter is what a person's choice goes through.
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, metric);
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return frameAfterRender(start);
    },
  };
}
