import { createHash } from 'node:crypto';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { notFound, Problem } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { cleanFileName, CONTENT_TYPES, fileKind, MAX_FILE_BYTES, nameFor } from './file-kind.ts';
import type { LibraryItemInput } from './library.schema.ts';
import * as repo from './library.repository.ts';
import { textOf } from './text-extract.ts';

// A space's resource library, under the space's rules: its viewers read and download, its members
// add resources and new versions, its administrators remove them.

async function itemIn(db: Db, actor: Actor, id: string, role: 'viewer' | 'member' | 'admin') {
  const item = await repo.findItem(db, id);
  if (!item) throw notFound('resource');
  const held = await requireRole(db, actor, item.spaceId, role, 'resource');
  return { item, role: held };
}

export async function listLibrary(db: Db, actor: Actor, spaceId: string, q?: string) {
  const role = await requireRole(db, actor, spaceId, 'viewer', 'space');
  return { canAdd: roleAtLeast(role, 'member'), items: await repo.listItems(db, spaceId, q || undefined) };
}

export async function addItem(db: Db, actor: Actor, spaceId: string, input: LibraryItemInput) {
  await requireRole(db, actor, spaceId, 'member', 'space');
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

/** A new version of the resource's file: its kind read from its bytes, its words read for search. */
export async function uploadFile(db: Db, actor: Actor, id: string, name: string, bytes: Uint8Array) {
  const { item } = await itemIn(db, actor, id, 'member');
  if (bytes.length === 0) throw new Problem(422, 'Invalid input', 'The file is empty.', [{ field: 'file', message: 'the file is empty' }]);
  if (bytes.length > MAX_FILE_BYTES) throw new Problem(413, 'File too large', `Files in the library are at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`, [{ field: 'file', message: `at most ${MAX_FILE_BYTES / 1024 / 1024} MB` }]);
  const given = cleanFileName(name);
  const kind = fileKind(bytes, given);
  if (!kind) throw new Problem(415, 'Unsupported file', 'The library takes PDF, Word, Excel, PowerPoint, OpenDocument text, images (PNG, JPEG, GIF, WebP) and plain text.',
    [{ field: 'file', message: 'not a PDF, Office document, image or plain text file' }]);
  const fileName = nameFor(kind, given);
  const text = await textOf(kind, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db.transaction().execute(async (trx) => {
    const version = await repo.insertFile(trx, { itemId: id, spaceId: item.spaceId, fileName, contentType: CONTENT_TYPES[kind], bytes, sha256, text, userId: actor.userId });
    await insertAudit(trx, [{ userId: actor.userId, spaceId: item.spaceId, action: 'update', entity: 'library_file', entityId: id,
      changes: { version: [version - 1 || null, version], file: [null, fileName], sha256: [null, sha256] } }]);
    return { version, contentType: CONTENT_TYPES[kind], size: bytes.length, sha256, textLength: text.length };
  });
}

export async function downloadFile(db: Db, actor: Actor, id: string, version: number) {
  await itemIn(db, actor, id, 'viewer');
  const file = await repo.fileBytes(db, id, version);
  if (!file) throw notFound('version');
  return file;
}
