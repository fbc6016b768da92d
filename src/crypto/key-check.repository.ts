import type { Db } from '../db/database.ts';

// The keys' check values. SQL only.

/** The check value stored for `name`, written as `value` first if there is none. */
export async function storedCheck(db: Db, name: string, value: string): Promise<string> {
  await db.insertInto('key_checks').values({ name, value }).onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await db.selectFrom('key_checks').select('value').where('name', '=', name).executeTakeFirstOrThrow()).value;
}
