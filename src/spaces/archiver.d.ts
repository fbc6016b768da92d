// The part of archiver 5 (a streaming zip writer; it ships no types) the space archive uses.
declare module 'archiver' {
  import type { Readable } from 'node:stream';
  interface Archive extends Readable {
    append(source: Readable | Buffer | string, data: { name: string }): Archive;
    finalize(): Promise<void>;
    on(event: 'error' | 'warning', listener: (error: Error) => void): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
  export default function archiver(format: 'zip', options?: { zlib?: { level?: number } }): Archive;
}
