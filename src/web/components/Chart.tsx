import { lazy, Suspense } from 'react';

// Charts load with the first page that shows one, not with the app.
const EChart = lazy(() => import('./EChart.tsx'));

export function Chart(props: { option: Record<string, unknown>; height: number; label: string }) {
  return <Suspense fallback={<div style={{ height: props.height }} />}><EChart {...props} /></Suspense>;
}
