import { createHash } from 'node:crypto';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { invalid, notFound, Problem } from '../server/problem.ts';
import { getVocabularies, unknownTerms } from '../vocabularies/vocabulary.service.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { cleanFileName, CONTENT_TYPES, type FileKind, fileKind, MAX_FILE_BYTES, nameFor } from './file-kind.ts';
import type { LibraryItemInput } from './library.schema.ts';
import * as repo from './library.repository.ts';
import { runInWorker } from '../jobs/worker-task.ts';
import { textOf } from './text-extract.ts';

// A space's resource library, under the space's rules: its viewers read and download, its members
// add resources and new versions, its administrators remove them.

async function itemIn(db: Db, actor: Actor, id: string, role: 'viewer' | 'member' | 'admin') {
  const item = await repo.findItem(db, id);
  if (!item) throw notFound('resource');
  const held = await requireRole(db, actor, item.spaceId, role, 'resource');
  return { item, role: held };
}

/** A resource's issues and constituencies are the workspace's vocabulary, as an organization's are. */
async function checkTerms(db: Db, input: LibraryItemInput) {
  const errors = unknownTerms({ issues: input.issues, constituencies: input.constituencies, sectors: [], capacities: [] }, await getVocabularies(db));
  if (errors.length) throw invalid(errors);
}

export async function listLibrary(db: Db, actor: Actor, spaceId: string, q?: string) {
  const role = await requireRole(db, actor, spaceId, 'viewer', 'space');
  return { canAdd: roleAtLeast(role, 'member'), items: await repo.listItems(db, spaceId, q || undefined) };
}

export async function addItem(db: Db, actor: Actor, spaceId: string, input: LibraryItemInput) {
  await requireRole(db, actor, spaceId, 'member', 'space');
  await checkTerms(db, input);
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertItem(trx, spaceId, actor.userId, input);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'library_item', entityId: row.id, changes: { title: [null, input.title] } }]);
    return row;
  });
}

export async function getItem(db: Db, actor: Actor, id: string) {
  const { item, role } = await itemIn(db, actor, id, 'viewer');
  return { ...item, canEdit: roleAtLeast(role, 'member'), canRemove: roleAtLeast(role, 'admin'), versions: await repo.listVersions(db, id), maxBytes: MAX_FILE_BYTES };
}

export async function updateItem(db: Db, actor: Actor, id: string, input: LibraryItemInput) {
  const { item } = await itemIn(db, actor, id, 'member');
  await checkTerms(db, input);
  await db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, id, input);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: item.spaceId, action: 'update', entity: 'library_item', entityId: id, changes: { title: [item.title, input.title] } }]);
  });
}

export async function removeItem(db: Db, actor: Actor, id: string) {
  const { item } = await itemIn(db, actor, id, 'admin');
  await db.transaction().execute(async (trx) => {
    await repo.deleteItem(trx, id);
    await insertAudit(trx, [{ userId: actor.userId, spaceId: item.spaceId, action: 'delete', entity: 'library_item', entityId: id, changes: { title: [item.title, null] } }]);
  });
}

const TEXT_WORKER = new URL('./text-extract.worker.ts', import.meta.url);
// The kinds whose words are unpacked or parsed (the others are decoded, or have none).
const PARSED: ReadonlySet<FileKind> = new Set(['pdf', 'docx', 'xlsx', 'pptx', 'odt']);
const TEXT_SECONDS = 60;

/**
 * A file's words for search, read on a worker thread with bounded memory and time (past either,
 * the file goes in without them): plain text is only decoded, here.
 */
async function wordsOf(kind: FileKind, bytes: Uint8Array) {
  if (!PARSED.has(kind)) return textOf(kind, bytes);
  try {
    return await runInWorker<{ kind: FileKind; bytes: Uint8Array }, string>(TEXT_WORKER, { kind, bytes },
      { signal: AbortSignal.timeout(TEXT_SECONDS * 1000), report: () => {} }, { resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 } });
  } catch {
    return '';
  }
}

export type FileRefusal = 'empty' | 'too_large' | 'unsupported';
export type ReadFile = { fileName: string; contentType: string; bytes: Uint8Array; sha256: string; text: string };

/** A file as the library takes it: its kind read from its bytes, its name ending as that kind, its words read for search, its hash. */
export async function readFile(name: string, bytes: Uint8Array): Promise<ReadFile | { refused: FileRefusal }> {
  if (bytes.length === 0) return { refused: 'empty' };
  if (bytes.length > MAX_FILE_BYTES) return { refused: 'too_large' };
  const given = cleanFileName(name);
  const kind = fileKind(bytes, given);
  if (!kind) return { refused: 'unsupported' };
  return { fileName: nameFor(kind, given), contentType: CONTENT_TYPES[kind], bytes, sha256: createHash('sha256').update(bytes).digest('hex'), text: await wordsOf(kind, bytes) };
}

const REFUSED: Record<FileRefusal, () => Problem> = {
  empty: () => new Problem(422, 'Invalid input', 'The file is empty.', [{ field: 'file', message: 'the file is empty' }]),
  too_large: () => new Problem(413, 'File too large', `Files in the library are at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`, [{ field: 'file', message: `at most ${MAX_FILE_BYTES / 1024 / 1024} MB` }]),
  unsupported: () => new Problem(415, 'Unsupported file', 'The library takes PDF, Word, Excel, PowerPoint, OpenDocument text, images (PNG, JPEG, GIF, WebP) and plain text.',
    [{ field: 'file', message: 'not a PDF, Office document, image or plain text file' }]),
};

async function storeFile(trx: Db, userId: string, item: { id: string; spaceId: string }, file: ReadFile) {
  const version = await repo.insertFile(trx, { itemId: item.id, spaceId: item.spaceId, userId, ...file });
  await insertAudit(trx, [{ userId, spaceId: item.spaceId, action: 'update', entity: 'library_file', entityId: item.id,
    changes: { version: [version - 1 || null, version], file: [null, file.fileName], sha256: [null, file.sha256] } }]);
  return version;
}

/** A new version of the resource's file. */
export async function uploadFile(db: Db, actor: Actor, id: string, name: string, bytes: Uint8Array) {
  const { item } = await itemIn(db, actor, id, 'member');
  const file = await readFile(name, bytes);
  if ('refused' in file) throw REFUSED[file.refused]();
  const version = await db.transaction().execute((trx) => storeFile(trx, actor.userId, item, file));
  return { version, contentType: file.contentType, size: bytes.length, sha256: file.sha256, textLength: file.text.length };
}

/**
 * Files someone sent (a reply by email) as new resources of the space's library, each titled by
 * its name: part of the caller's transaction, which has checked that they may add to it.
 */
export async function addSentFiles(trx: Db, from: { userId: string; spaceId: string; language: 'en' | 'es' }, files: ReadFile[], description: string) {
  const { userId, spaceId } = from;
  const ids = [];
  for (const file of files) {
    const title = file.fileName.replace(/\.[a-z0-9]+$/i, '') || file.fileName;
    const row = await repo.insertItem(trx, spaceId, userId, { title, description, language: from.language, tags: [], issues: [], constituencies: [] });
    await insertAudit(trx, [{ userId, spaceId, action: 'create', entity: 'library_item', entityId: row.id, changes: { title: [null, title] } }]);
    await storeFile(trx, userId, { id: row.id, spaceId }, file);
    ids.push(row.id);
  }
  return ids;
}

export async function downloadFile(db: Db, actor: Actor, id: string, version: number) {
  await itemIn(db, actor, id, 'viewer');
  const file = await repo.fileBytes(db, id, version);
  if (!file) throw notFound('version');
  return file;
}
