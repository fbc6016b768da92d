import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// A chart drawn by ECharts, only the pieces Crossroads uses (Sankey, bars, lines, pie; SVG), loaded with
// the pages that show charts rather than with the app. The chart follows its box's width; its
// title and the table beside it say in words what it shows.

echarts.use([SankeyChart, BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export default function EChart({ option, height, label }: { option: Record<string, unknown>; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, null, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(box.current);
    return () => { resize.disconnect(); chart.dispose(); };
  }, [option]);
  return <div ref={box} role="img" aria-label={label} style={{ height, width: '100%' }} />;
}
