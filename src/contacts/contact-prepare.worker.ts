import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { createSealedBox } from '../crypto/sealed-box.ts';
import { csvBatches } from '../imports/csv-stream.ts';
import { prepareBatch, type PrepareContext } from './contact-prepare.ts';

// A big contacts file read and prepared on a thread of its own (see contact-prepare.ts), a few
// batches ahead of the import writing them: the import's thread asks for each next batch, so
// the worker never runs further ahead than that and memory stays flat.

export interface PrepareWorkerInput {
  file?: string; text?: string; batchSize: number; keys: { sealing: Uint8Array; previous: Uint8Array[]; index?: Uint8Array };
  context: Omit<PrepareContext, 'columns'> & { columns: [string, string[]][] };
}
export type FromImport = { type: 'next'; writing: boolean } | { type: 'stop' };
export type FromWorker = { type: 'batch'; batch: ReturnType<typeof prepareBatch> } | { type: 'end' } | { type: 'error'; message: string };

const input = (workerData as { input: PrepareWorkerInput }).input;
const port = parentPort!;
const box = createSealedBox({ sealing: Buffer.from(input.keys.sealing), previous: input.keys.previous.map((k) => Buffer.from(k)),
  index: input.keys.index ? Buffer.from(input.keys.index) : undefined });
const context: PrepareContext = { ...input.context, columns: new Map(input.context.columns) };
const source = input.file ? createReadStream(input.file) : Readable.from([Buffer.from(input.text ?? '', 'utf8')]);
const batches = csvBatches(source, input.batchSize)[Symbol.asyncIterator]();

port.on('message', (message: FromImport) => {
  if (message.type === 'stop') { process.exit(0); }
  batches.next().then(
    (next) => port.postMessage(next.done ? { type: 'end' } : { type: 'batch', batch: prepareBatch(box, context, next.value, message.writing) } satisfies FromWorker),
    (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
  );
});
