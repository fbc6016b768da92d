// The page the network view bench loads: the real NetworkGraph, with the app's styles and
// translations, inside a memory router. bench/network-view.bench.ts drives it through
// `window.networkBench` (probes.ts).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import type Sigma from 'sigma';
import '../../src/web/i18n.ts';
import './harness.css';
import { type GraphNode, type GraphTie, NetworkGraph } from '../../src/web/pages/network/NetworkGraph.tsx';
import { installProbes } from './probes.ts';

const root = createRoot(document.getElementById('root')!);

installProbes((data: { nodes: GraphNode[]; ties: GraphTie[] }, onRenderer: (renderer: Sigma | null) => void) => {
  root.render(
    <StrictMode>
      <MemoryRouter>
        <main className="p-4">
          <NetworkGraph nodes={data.nodes} ties={data.ties} onRenderer={onRenderer} />
        </main>
      </MemoryRouter>
    </StrictMode>,
  );
});
