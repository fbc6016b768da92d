// The bench's printed table and verdict. Thresholds are fixed here, before any run, so a result
// is judged against what "smooth" meant and not against what was measured.
import type { CameraRun, Timing } from './probes.ts';

export const THRESHOLDS = { medianFps: 30, p95FrameMs: 50, firstFrameMs: 2000, controlChangeMs: 200 };

export interface Results {
  firstFrame: Timing;
  moves: CameraRun;
  movesWithEdges: CameraRun;
  movesDrawingNothing: CameraRun;
  toggles: Timing[];
  sizeBys: Timing[];
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (value: number) => `${value.toFixed(value >= 100 ? 0 : 1)} ms`;

function cameraRow(label: string, run: CameraRun): string[] {
  const intervals = run.frameIntervals;
  return [label, `${(1000 / percentile(intervals, 50)).toFixed(1)} fps`, ms(percentile(intervals, 95)), ms(percentile(intervals, 99)),
    `${intervals.filter((x) => x > 50).length} of ${intervals.length}`, ms(percentile(run.renderTimes, 50))];
}

function oneOffRow(label: string, runs: Timing[]): string[] {
  const totals = runs.map((run) => run.ms);
  return [label, ms(percentile(totals, 50)), ms(Math.max(...totals)), ms(percentile(runs.map((run) => run.mainThreadMs), 50)), String(runs.length)];
}

function printRows(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}

export function printReport(results: Results) {
  const { moves } = results;
  console.log('\nCamera moving (zoom and pan, camera.animate):');
  printRows([
    ['run', 'median', 'p95 frame', 'p99 frame', 'frames > 50 ms', 'sigma render() median'],
    cameraRow('as people get it', moves),
    cameraRow('every tie drawn while moving (diagnostic)', results.movesWithEdges),
    cameraRow('all hidden: the cost before any pixel (diagnostic)', results.movesDrawingNothing),
  ]);
  console.log('\nOne-off costs (until sigma drew, the GPU finished and the next frame came):');
  printRows([
    ['what', 'median', 'max', 'of which main thread (median)', 'runs'],
    oneOffRow('data to first frame', [results.firstFrame]),
    oneOffRow('tie kind filter toggled', results.toggles),
    oneOffRow('"Size by" changed', results.sizeBys),
  ]);
  const fps = 1000 / percentile(moves.frameIntervals, 50);
  const p95 = percentile(moves.frameIntervals, 95);
  const smooth = fps >= THRESHOLDS.medianFps && p95 <= THRESHOLDS.p95FrameMs;
  const firstMs = results.firstFrame.ms;
  const quick = firstMs <= THRESHOLDS.firstFrameMs;
  const responsive = Math.max(...[...results.toggles, ...results.sizeBys].map((run) => run.ms)) <= THRESHOLDS.controlChangeMs;
  console.log(`\nThresholds: smooth = median ≥ ${THRESHOLDS.medianFps} fps and p95 ≤ ${THRESHOLDS.p95FrameMs} ms while the camera moves;`
    + ` first frame ≤ ${THRESHOLDS.firstFrameMs} ms; every filter or "Size by" change ≤ ${THRESHOLDS.controlChangeMs} ms.`);
  console.log('This is headless Chromium drawing WebGL in software (SwiftShader) on a shared machine: a pessimistic'
    + ' environment; a laptop GPU draws faster (but at twice the pixels on a high-density screen).');
  console.log(`Verdict: camera ${smooth ? 'SMOOTH' : 'NOT SMOOTH'} (${fps.toFixed(1)} fps median, p95 ${ms(p95)}),`
    + ` first frame ${quick ? 'OK' : 'SLOW'} (${ms(firstMs)}), controls ${responsive ? 'OK' : 'SLOW'}.`);
}
