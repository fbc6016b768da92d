// The text of a file people made in a spreadsheet or another tool: UTF-8 (its byte order mark
// dropped) when the bytes are valid UTF-8, otherwise Windows-1252 — what Excel on Windows saves
// as "CSV" — so "Peña" and "€" arrive as written instead of as replacement characters. Pure.

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Bytes 0x80–0x9F in Windows-1252 (Node's TextDecoder reads that label as Latin-1, where they
// are control characters): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. Five are unassigned and kept as they are.
const HIGH = [0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : b)));
  }
  return out;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * The chunks of a file as text, for files read a piece at a time: UTF-8 while the bytes are
 * UTF-8; Windows-1252 from the first byte that is not, as long as everything before it was
 * plain ASCII (the same in both: a spreadsheet's accents can first appear far down the file).
 * A file that was UTF-8 with accents and then is not is refused, naming the byte.
 */
export async function* decodeChunks(chunks: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let mode: 'utf-8' | 'windows-1252' = 'utf-8';
  let onlyAscii = true;
  let offset = 0;
  // Bytes of a character the last chunk ended in the middle of (the decoder holds them).
  let pending: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (typeof chunk === 'string') { yield chunk; continue; }
    if (mode === 'utf-8') {
      try {
        const text = decoder.decode(chunk, { stream: true });
        if (onlyAscii && /[^\x00-\x7f]/.test(text)) onlyAscii = false;
        pending = trailingNonAscii(chunk, pending);
        offset += chunk.length;
        yield text;
        continue;
      } catch {
        if (!onlyAscii) throw new Error(`The file is UTF-8 up to byte ${offset} and not after it: save it again as UTF-8 (or as Windows-1252 throughout).`);
        mode = 'windows-1252';
        const held = new Uint8Array(pending.length + chunk.length);
        held.set(pending);
        held.set(chunk, pending.length);
        yield decodeWindows1252(held);
        offset += chunk.length;
        continue;
      }
    }
    yield decodeWindows1252(chunk);
    offset += chunk.length;
  }
  if (mode === 'utf-8') {
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch {
      // The file ends inside a character: in a file of plain ASCII until then, a Windows-1252 letter.
      if (!onlyAscii) throw new Error('The file ends in the middle of a UTF-8 character: save it again as UTF-8.');
      yield decodeWindows1252(pending);
    }
  }
}

/** While all before was ASCII: the bytes at the end of `chunk` (after `held`) not yet decoded, at most three. */
function trailingNonAscii(chunk: Uint8Array, held: Uint8Array): Uint8Array {
  let start = chunk.length;
  while (start > 0 && chunk[start - 1]! >= 0x80 && chunk.length - start < 3) start -= 1;
  const tail = chunk.subarray(start);
  return start === 0 ? Uint8Array.from([...held, ...tail]).slice(-3) : tail;
}
