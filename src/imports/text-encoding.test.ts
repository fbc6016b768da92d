import { describe, expect, it } from 'vitest';
import { decodeText } from './text-encoding.ts';

describe('decodeText', () => {
  it('reads UTF-8 and drops its byte order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFPeña,€', 'utf8'))).toEqual({ text: 'Peña,€', encoding: 'utf-8' });
  });
  it('reads Windows-1252 when the bytes are not UTF-8, high punctuation included', () => {
    expect(decodeText(Uint8Array.from([0x50, 0x65, 0xf1, 0x61, 0x20, 0x80, 0x93, 0x94, 0x96]))).toEqual({ text: 'Peña €“”–', encoding: 'windows-1252' });
  });
});
