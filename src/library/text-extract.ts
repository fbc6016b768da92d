import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { FileKind } from './file-kind.ts';

// The words of a file, for search: PDF through pdf.js (unpdf), Word through mammoth, plain text
// as it is. Other kinds (spreadsheets, slides, images) are found by their title, description and
// tags. A file that cannot be read still goes in; its text is just empty.

export const MAX_TEXT = 2_000_000;

export async function textOf(kind: FileKind, bytes: Uint8Array): Promise<string> {
  try {
    if (kind === 'text') return new TextDecoder().decode(bytes).slice(0, MAX_TEXT);
    if (kind === 'pdf') {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: true });
      return text.slice(0, MAX_TEXT);
    }
    if (kind === 'docx') return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.slice(0, MAX_TEXT);
  } catch {
    return '';
  }
  return '';
}
