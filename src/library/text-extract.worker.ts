import { serveTask } from '../jobs/worker-task.ts';
import type { FileKind } from './file-kind.ts';
import { textOf } from './text-extract.ts';

// Worker thread entry: the words of one uploaded file, off the server's event loop.
serveTask(({ kind, bytes }: { kind: FileKind; bytes: Uint8Array }) => textOf(kind, bytes));
