// Worker threads start here: teach this thread TypeScript (as tsx does for the app), then load
// the task module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
