import * as echarts from 'echarts/core';
import { BarChart, SankeyChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// The funder report's charts, drawn on the server as SVG by ECharts (only the pieces used are
// loaded), so the page prints and turns into a PDF with no script running.

echarts.use([SankeyChart, BarChart, GridComponent, SVGRenderer]);

function svgOf(width: number, height: number, option: Record<string, unknown>) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Funders → alliance → members, widths by amount. */
export function moneySankey(nodes: { key: string; name: string }[], flows: { from: string; to: string; amountMinor: number }[], width = 720, height = 190) {
  const used = new Set(flows.flatMap((f) => [f.from, f.to]));
  return svgOf(width, height, { series: [{
    type: 'sankey', left: 8, right: 210, top: 8, bottom: 8, nodeGap: 6, draggable: false, label: { fontSize: 10 },
    data: nodes.filter((n) => used.has(n.key)).map((n) => ({ name: n.key, label: { formatter: n.name.length > 40 ? `${n.name.slice(0, 39)}…` : n.name } })),
    links: flows.map((f) => ({ source: f.from, target: f.to, value: f.amountMinor })),
    lineStyle: { color: 'gradient', opacity: 0.35 },
  }] });
}

/** Horizontal bars, one per label. */
export function bars(items: { label: string; value: number }[], width = 360, height = 150) {
  return svgOf(width, height, {
    grid: { left: 150, right: 24, top: 8, bottom: 20 },
    xAxis: { type: 'value', axisLabel: { fontSize: 9 } },
    yAxis: { type: 'category', data: items.map((i) => i.label).reverse(), axisLabel: { fontSize: 9 } },
    series: [{ type: 'bar', data: items.map((i) => i.value).reverse(), itemStyle: { color: '#0f766e' }, label: { show: true, position: 'right', fontSize: 9 } }],
  });
}
