// What a library file is, read from its first bytes (never from what the uploader claims), and
// how it is served. Pure. Only documents and images are taken: nothing a browser or a desktop
// would run.

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'doc' | 'png' | 'jpeg' | 'gif' | 'webp' | 'text';
export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  doc: 'application/msword',
  png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  text: 'text/plain; charset=utf-8',
};

const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The kind of a file, or null when it is not one the library takes. */
export function fileKind(bytes: Uint8Array, fileName: string): FileKind | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (starts(bytes, [0x52, 0x49, 0x46, 0x46]) && starts(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50])) return 'webp';
  // Office files are zip archives; which one is said by the name, checked to be one of them.
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) return (['docx', 'xlsx', 'pptx', 'odt'] as const).find((k) => k === ext) ?? null;
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ext === 'doc' ? 'doc' : null;
  if ((ext === 'txt' || ext === 'md') && isText(bytes)) return 'text';
  return null;
}

/** Plain text: valid UTF-8 with no control characters other than tabs and line ends. */
function isText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/** A Content-Disposition that always downloads (RFC 6266), with the name in UTF-8 and an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const EXTENSIONS: Record<FileKind, string[]> = { pdf: ['pdf'], docx: ['docx'], xlsx: ['xlsx'], pptx: ['pptx'], odt: ['odt'], doc: ['doc'],
  png: ['png'], jpeg: ['jpg', 'jpeg'], gif: ['gif'], webp: ['webp'], text: ['txt', 'md'] };

/** A file name as stored: no path, no control characters, not empty (cut by characters, never inside one). */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f]/g, '').trim()).slice(0, 200).join('');
  return clean || 'file';
}

/** The name a file downloads under: its own, ending as what it is (a PDF named page.html downloads as page.html.pdf). */
export function nameFor(kind: FileKind, name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  return name.includes('.') && EXTENSIONS[kind].includes(ext) ? name : `${name}.${EXTENSIONS[kind][0]}`;
}
