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
