import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeChunks, decodeText } from './text-encoding.ts';

describe('decodeText', () => {
  it('reads UTF-8 and drops its byte order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFPeña,€', 'utf8'))).toEqual({ text: 'Peña,€', encoding: 'utf-8' });
  });
  it('reads Windows-1252 when the bytes are not UTF-8, high punctuation included', () => {
    expect(decodeText(Uint8Array.from([0x50, 0x65, 0xf1, 0x61, 0x20, 0x80, 0x93, 0x94, 0x96]))).toEqual({ text: 'Peña €“”–', encoding: 'windows-1252' });
  });
});

const join = async (chunks: (Uint8Array | string)[]) => {
  let out = '';
  for await (const text of decodeChunks((async function* () { yield* chunks; })())) out += text;
  return out;
};
/** The bytes cut at the given places. */
const cut = (bytes: Uint8Array, at: number[]) => [0, ...at, bytes.length].slice(1).map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1]!, end));
const win1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c === '’' ? 0x92 : c.charCodeAt(0))));

describe('decodeChunks', () => {
  it('reads a file whose first accent, in Windows-1252, comes far down the file', async () => {
    const csv = `name,city\n${'Ana,Oakland\n'.repeat(10_000)}José Peña,San José\nLuz,“€”\n`.replace('“€”', '€');
    const bytes = win1252(csv);
    expect(await join(cut(bytes, [65_536, 131_072]))).toBe(csv);
  });

  it('property: cut anywhere, UTF-8 reads back the same text, and Windows-1252 too or a clear refusal', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.constantFrom('a', 'Z', ',', '\n', 'é', 'ñ', 'Ü', '€', '’', ' '), { minLength: 1, maxLength: 60 }),
      fc.array(fc.nat(), { maxLength: 5 }), fc.boolean(),
      async (letters, cuts, utf8) => {
        const text = letters.join('');
        const bytes = utf8 ? new TextEncoder().encode(text) : win1252(text);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
        const read = join(cut(bytes, at));
        if (utf8) { expect(await read).toBe(text); return; }
        // Windows-1252 bytes that are valid UTF-8 as a whole ("é’€" is U+9480) cannot be told apart, here or in decodeText.
        if (decodeText(bytes).encoding === 'utf-8') return;
        // Read right, or, when an accent and two curly marks first look like UTF-8, refused by name: never silently wrong.
        await read.then((got) => expect(got).toBe(text), (err: Error) => expect(err.message).toMatch(/save it again as UTF-8/));
      }), { seed: 7, numRuns: 500 });
  });

  it('refuses a file that is UTF-8 with accents and then is not, naming the byte', async () => {
    await expect(join([new TextEncoder().encode('name\nPeña\n'), Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9, 0x0a])])).rejects.toThrow(/UTF-8 up to byte 11/);
  });
});
