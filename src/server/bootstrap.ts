import { scopeLegacyBlindIndexes } from '../crypto/blind-index-scope.ts';
import { checkIndexKey } from '../crypto/key-check.ts';
import { createSealedBox } from '../crypto/sealed-box.ts';
import { loadKeyRing } from '../crypto/secret-key.ts';
import { openDatabase } from '../db/database.ts';
import { createMailer } from '../notifications/mailer.ts';
import { resealLegacyContacts } from '../people/person.service.ts';
import type { Config } from '../shared/config.ts';
import { ensureDefaultVocabularies } from '../vocabularies/vocabulary.service.ts';
import type { AppDeps } from './context.ts';

/** Opens the database (migrated, with default vocabularies) and the sealing key. */
export async function bootstrap(config: Config): Promise<AppDeps & { close(): Promise<void>; engine: string }> {
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await ensureDefaultVocabularies(handle.db);
  const ring = () => loadKeyRing(config, config.dataDir);
  const box = createSealedBox(ring(), ring);
  await checkIndexKey(handle.db, box).catch(async (err: unknown) => { await handle.close(); throw err; });
  await resealLegacyContacts(handle.db, box);
  await scopeLegacyBlindIndexes(handle.db, box);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  return { db: handle.db, box, config, mailer, engine: handle.engine, close: handle.close };
}
