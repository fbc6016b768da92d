import { serveTask } from '../jobs/worker-task.ts';
import type { NetworkOptions } from './analyze-network.ts';
import { computeNetwork, type NetworkInput } from './network-compute.ts';

// Worker thread entry: one large network analysis, off the server's event loop.
serveTask(({ input, options }: { input: NetworkInput; options: NetworkOptions }, report) => computeNetwork(input, options, report));
