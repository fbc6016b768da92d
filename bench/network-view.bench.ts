// npm run bench:network-view [-- --communities=40 --per-community=250 --seconds=5 --screenshot=view.png]
//
// The network view (src/web/pages/network/NetworkGraph.tsx, sigma + graphology) with 10,000
// organizations and ~50,000 ties, in headless Chromium: time from data to the first frame, frame
// times while the camera zooms and pans, and the time to redraw after a tie kind is filtered out
// or "Size by" changes. A benchmark: it prints and exits 0 whatever it measures.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildHarness, serveFolder } from './network-view/build-and-serve.ts';
import { generateField, TEN_THOUSAND } from './network-view/field.ts';
import type { CameraRun, NetworkBench, Timing } from './network-view/probes.ts';
import { printReport } from './network-view/report.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const option = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const shape = { ...TEN_THOUSAND, communities: option('communities', TEN_THOUSAND.communities), perCommunity: option('per-community', TEN_THOUSAND.perCommunity) };
const scale = (shape.communities * shape.perCommunity) / (TEN_THOUSAND.communities * TEN_THOUSAND.perCommunity);
shape.tiesInside = Math.round(TEN_THOUSAND.tiesInside * scale);
shape.tiesAcross = Math.round(TEN_THOUSAND.tiesAcross * scale);
const seconds = option('seconds', 5);

const generated = performance.now();
const field = generateField(shape);
console.log(`Field: ${field.nodes.length} organizations in ${shape.communities} communities, ${field.ties.length} ties`
  + ` (generated in ${((performance.now() - generated) / 1000).toFixed(1)} s). Machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}.`);

const folder = mkdtempSync(join(tmpdir(), 'network-view-bench-'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  // The flags of e2e/harness.ts: WebGL still works there, drawn by SwiftShader in software.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  await buildHarness(folder);
  const site = await serveFolder(folder, field);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(site.url);
  await page.waitForFunction("'networkBench' in window");
  // Expressions, not functions: tsx's transform can wrap functions in helpers the page lacks.
  const call = <T>(expression: string) => page.evaluate(`window.networkBench.${expression}`) as Promise<T>;

  const loaded = await call<Awaited<ReturnType<NetworkBench['load']>>>('load()');
  const renderer = await page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
    return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL';
  })()`);
  console.log(`Page: ${loaded.nodes} nodes and ${loaded.ties} ties parsed in ${loaded.parseMs.toFixed(0)} ms; WebGL: ${renderer}.`);
  const firstFrame = await call<Timing>('mount()');
  const box = await page.getByTestId('network-canvas').boundingBox();
  console.log(`Canvas: ${box?.width.toFixed(0)} × ${box?.height.toFixed(0)} px at device pixel ratio 1.`);
  const screenshot = process.argv.find((a) => a.startsWith('--screenshot='))?.split('=')[1];
  if (screenshot) await page.getByTestId('network-canvas').screenshot({ path: screenshot });
  const moves = await call<CameraRun>(`moveCamera(${seconds * 1000})`);
  const movesWithEdges = await call<CameraRun>(`moveCamera(${seconds * 1000}, 'edges')`);
  const movesDrawingNothing = await call<CameraRun>(`moveCamera(${seconds * 1000}, 'nothing')`);

  // Leaving out a kind and bringing it back, three times; then each size metric in turn.
  const toggles: Timing[] = [];
  for (let i = 0; i < 6; i++) {
    const toggled = await call<Timing & { status: string }>("toggleKind('co_attendance')");
    toggles.push(toggled);
    if (i < 2) console.log(`  filter ${i % 2 === 0 ? 'off' : 'on'}: ${toggled.status.split('.')[0]}`);
  }
  const sizeBys: Timing[] = [];
  for (const metric of ['degree', 'pagerank', 'betweenness', 'degree', 'pagerank', 'betweenness']) {
    sizeBys.push(await call<Timing>(`sizeBy('${metric}')`));
  }
  printReport({ firstFrame, moves, movesWithEdges, movesDrawingNothing, toggles, sizeBys });
  await site.close();
} finally {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
}
