import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { FileKind } from './file-kind.ts';

// The words of a file, for search: PDF through pdf.js (unpdf), Word through mammoth, the text
// runs of spreadsheets, slides and OpenDocument text read from their XML parts, plain text as it
// is. Images and old binary Word files are found by their title, description and tags. A file
// that cannot be read still goes in; its text is just empty. Runs on a worker thread
// (text-extract.worker.ts, started by the library service), so a long PDF or a zip bomb never
// holds the server's event loop or its memory.

export const MAX_TEXT = 2_000_000;
const MAX_PART_BYTES = 50 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

type ZipEntry = { _data?: { uncompressedSize?: number } };
const declaredSize = (entry: unknown) => (entry as ZipEntry)._data?.uncompressedSize ?? Infinity;

/** True when no part of the zip says it unpacks past the limits (checked before anything is inflated). */
async function smallWhenUnpacked(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const sizes = Object.values(zip.files).map(declaredSize);
  return sizes.every((size) => size <= MAX_PART_BYTES) && sizes.reduce((a, b) => a + b, 0) <= MAX_UNPACKED_BYTES;
}

/** Text the database takes: no NUL characters, no halves of characters. */
export const storable = (text: string) => text.replace(/\u0000/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

export async function textOf(kind: FileKind, bytes: Uint8Array): Promise<string> {
  return storable(await rawTextOf(kind, bytes));
}

async function rawTextOf(kind: FileKind, bytes: Uint8Array): Promise<string> {
  try {
    if (kind === 'text') return new TextDecoder().decode(bytes).slice(0, MAX_TEXT);
    if (kind === 'pdf') {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: true });
      return text.slice(0, MAX_TEXT);
    }
    if (kind === 'docx') return (await smallWhenUnpacked(bytes)) ? (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.slice(0, MAX_TEXT) : '';
    if (kind === 'xlsx' || kind === 'pptx' || kind === 'odt') return (await xmlPartsText(bytes, kind)).slice(0, MAX_TEXT);
  } catch {
    return '';
  }
  return '';
}

// Where each zipped format keeps its words, and the elements that hold them.
const PARTS = {
  xlsx: { files: /^xl\/sharedStrings\.xml$|^xl\/worksheets\/sheet\d+\.xml$/, runs: /<(?:t|is)\b[^>]*>([^<]*)<\/(?:t|is)>/g },
  pptx: { files: /^ppt\/slides\/slide\d+\.xml$|^ppt\/notesSlides\/notesSlide\d+\.xml$/, runs: /<a:t\b[^>]*>([^<]*)<\/a:t>/g },
  odt: { files: /^content\.xml$/, runs: />([^<]+)</g },
} as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) => text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e] ?? whole);

async function xmlPartsText(bytes: Uint8Array, kind: keyof typeof PARTS): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const { files, runs } = PARTS[kind];
  const words: string[] = [];
  let total = 0;
  for (const name of Object.keys(zip.files).filter((n) => files.test(n)).sort()) {
    // A part that would unpack past the limit (a zip bomb, or a sheet of millions of cells) is skipped, never inflated.
    if (declaredSize(zip.files[name]) > MAX_PART_BYTES) continue;
    const xml = await zip.files[name]!.async('string');
    for (const m of xml.matchAll(runs)) {
      const text = unescapeXml(m[1]!).trim();
      if (!text) continue;
      words.push(text);
      total += text.length + 1;
      if (total > MAX_TEXT) return words.join(' ');
    }
  }
  return words.join(' ');
}
