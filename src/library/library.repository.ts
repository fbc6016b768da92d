import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { LibraryItemInput } from './library.schema.ts';

// Library items and their files. SQL only. The bytes are read only when a file is downloaded.

const itemColumns = ['i.id', 'i.space_id as spaceId', 'i.title', 'i.description', 'i.language', 'i.tags', 'i.issues', 'i.constituencies', 'i.created_at as createdAt', 'i.updated_at as updatedAt'] as const;
const latest = sql<{ version: number; fileName: string; contentType: string; size: number; uploadedAt: string } | null>`(select json_build_object('version', f.version, 'fileName', f.file_name,
  'contentType', f.content_type, 'size', f.size, 'uploadedAt', f.uploaded_at) from library_files f where f.item_id = i.id order by f.version desc limit 1)`;

export async function insertItem(db: Db, spaceId: string, userId: string, item: LibraryItemInput) {
  return db.insertInto('library_items').values({ space_id: spaceId, created_by: userId, title: item.title, description: item.description, language: item.language,
    tags: item.tags, issues: item.issues, constituencies: item.constituencies }).returning('id').executeTakeFirstOrThrow();
}

export async function updateItem(db: Db, id: string, item: LibraryItemInput) {
  await db.updateTable('library_items').set({ title: item.title, description: item.description, language: item.language, tags: item.tags, issues: item.issues,
    constituencies: item.constituencies, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function deleteItem(db: Db, id: string) {
  await db.deleteFrom('library_items').where('id', '=', id).execute();
}

export async function findItem(db: Db, id: string) {
  return db.selectFrom('library_items as i').select([...itemColumns, latest.as('latest')]).where('i.id', '=', id).executeTakeFirst();
}

export async function listVersions(db: Db, itemId: string) {
  return db.selectFrom('library_files as f').leftJoin('users as u', 'u.id', 'f.uploaded_by')
    .select(['f.version', 'f.file_name as fileName', 'f.content_type as contentType', 'f.size', 'f.sha256', 'f.uploaded_at as uploadedAt', 'u.display_name as uploadedBy'])
    .where('f.item_id', '=', itemId).orderBy('f.version', 'desc').execute();
}

/**
 * A space's items, newest first; with words, those whose title, description, tags or latest
 * file's text match in English or Spanish.
 */
export async function listItems(db: Db, spaceId: string, q: string | undefined) {
  let query = db.selectFrom('library_items as i').select([...itemColumns, latest.as('latest')]).where('i.space_id', '=', spaceId);
  if (q) {
    const tsq = sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('spanish', ${q}))`;
    const itemText = sql`to_tsvector('english', i.title || ' ' || i.description || ' ' || array_to_string(i.tags, ' ')) || to_tsvector('spanish', i.title || ' ' || i.description || ' ' || array_to_string(i.tags, ' '))`;
    query = query.where(sql<boolean>`(${itemText} @@ ${tsq} or exists (select 1 from library_files f where f.item_id = i.id
      and f.version = (select max(version) from library_files g where g.item_id = i.id) and f.search @@ ${tsq}))`);
  }
  return query.orderBy('i.updated_at', 'desc').limit(200).execute();
}

/** The next version of an item's file, written under the item's row lock. */
export async function insertFile(db: Db, f: { itemId: string; spaceId: string; fileName: string; contentType: string; bytes: Uint8Array; sha256: string; text: string; userId: string }) {
  await db.selectFrom('library_items').select('id').where('id', '=', f.itemId).forUpdate().executeTakeFirst();
  const row = await db.selectFrom('library_files').select((eb) => eb.fn.max('version').as('v')).where('item_id', '=', f.itemId).executeTakeFirst();
  const version = Number(row?.v ?? 0) + 1;
  await db.insertInto('library_files').values({ item_id: f.itemId, space_id: f.spaceId, version, file_name: f.fileName, content_type: f.contentType,
    size: f.bytes.length, sha256: f.sha256, bytes: f.bytes, text: f.text, uploaded_by: f.userId }).execute();
  await db.updateTable('library_items').set({ updated_at: new Date() }).where('id', '=', f.itemId).execute();
  return version;
}

export async function fileBytes(db: Db, itemId: string, version: number) {
  return db.selectFrom('library_files').select(['file_name as fileName', 'content_type as contentType', 'sha256', 'bytes']).where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst();
}
