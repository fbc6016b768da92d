import { forgetPreviousKeys, installNewSealingKey, resealOffCurrent } from '../crypto/online-rotation.ts';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Command } from 'commander';
import { databaseDigest, restoreBackup, writeBackup } from '../backup/backup.service.ts';
import { createSealedBox, indexKeysOf } from '../crypto/sealed-box.ts';
import { rotateKey } from '../crypto/key-rotation.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { loadConfig } from '../shared/config.ts';

// Backup and restore of the whole workspace, on either database (see README "Backups").
export function registerBackupCommands(program: Command) {
  program.command('backup <file>')
    .description('write a consistent backup of the whole workspace to <file> (gzipped JSON lines; the secret key is not in it)')
    .action(async (file: string) => {
      const deps = await bootstrap(loadConfig());
      try {
        const gzip = createGzip();
        const written = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
        const totals = await writeBackup(deps.db, gzip);
        await written;
        console.log(`Backed up ${totals.rows} rows of ${totals.tables} tables to ${file}.`);
      } finally {
        await deps.close();
      }
    });
  program.command('restore <file>')
    .description('restore a backup into an empty data directory or database (one with no accounts yet)')
    .action(async (file: string) => {
      const deps = await bootstrap(loadConfig());
      try {
        const input = createReadStream(file).pipe(createGunzip());
        const counts = await restoreBackup(deps.db, input);
        console.log(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows into ${Object.keys(counts).length} tables.`);
      } finally {
        await deps.close();
      }
    });
  program.command('digest')
    .description('print a digest of every table (compare before a backup and after its restore)')
    .action(async () => {
      const deps = await bootstrap(loadConfig());
      try {
        console.log(JSON.stringify(await databaseDigest(deps.db), null, 2));
      } finally {
        await deps.close();
      }
    });
}

/**
 * `crossroads rotate-key`: re-seals everything sealed (people's details, contacts and their blind indexes, attempt notes) with a new key (CROSSROADS_NEW_SECRET_KEY, or a
 * fresh one), then puts the new key where the old one was read from. See docs/security.md.
 */
export function registerKeyCommands(program: Command) {
  program.command('index-key')
    .description('print the index keys (blind indexes, signed links) as CROSSROADS_INDEX_KEY wants them: set it before rotating a key kept in the environment')
    .action(async () => {
      const deps = await bootstrap(loadConfig());
      try { console.log(deps.box.keysForWorker().index!.toString('base64')); } finally { await deps.close(); }
    });

  program.command('rotate-key')
    .description('re-seal every contact detail with a new secret key (CROSSROADS_NEW_SECRET_KEY, or a new random one) and make the blind indexes again; stop the app first (or --online)')
    .option('--online', 'while the app runs (PostgreSQL; with the embedded database use POST /api/key-rotation): a new sealing key, then everything sealed again with it; blind indexes stay')
    .option('--forget-previous', 'after --online: forget the previous sealing keys, once nothing is sealed with them')
    .action(async (o: { online?: boolean; forgetPrevious?: boolean }) => {
      const config = loadConfig();
      const deps = await bootstrap(config);
      try {
        if (o.forgetPrevious) {
          if (config.secretKey) throw new Error('The keys come from the environment: remove the old key from CROSSROADS_PREVIOUS_SECRET_KEYS and restart each instance.');
          await forgetPreviousKeys(deps.db, deps.box, config.dataDir);
          console.log('No value is sealed with a previous key any more; the previous keys are forgotten.');
          return;
        }
        if (o.online) {
          if (config.secretKey && !config.indexKey) throw new Error('The key comes from the environment: set CROSSROADS_INDEX_KEY first to what `crossroads index-key` prints, so that blind indexes stay when the sealing key changes.');
          // With keys in the environment the operator has already restarted each instance with the new key and the old as a previous one.
          if (!config.secretKey) installNewSealingKey(config.dataDir, deps.box, Boolean(config.indexKey));
          const report = await resealOffCurrent(deps.db, deps.box);
          const counts = Object.entries(report.resealed).map(([table, n]) => `${n} in ${table}`).join(', ') || 'nothing';
          console.log(`Sealed again with the current key: ${counts}, in ${report.passes} passes${report.unreadable ? `; ${report.unreadable} values opened with no key held and were left as they were` : ''}. Keep the old key as long as backups taken before need it; then: crossroads rotate-key --forget-previous.`);
          return;
        }
        // A key kept in the environment is replaced by one the operator made and has kept: never
        // by a random one that would exist only in this command's output.
        if (config.secretKey && !process.env.CROSSROADS_NEW_SECRET_KEY) {
          throw new Error('CROSSROADS_SECRET_KEY is set: make the new key first (openssl rand -base64 32), keep it, and pass it as CROSSROADS_NEW_SECRET_KEY.');
        }
        const next = process.env.CROSSROADS_NEW_SECRET_KEY ? Buffer.from(process.env.CROSSROADS_NEW_SECRET_KEY, 'base64') : randomBytes(32);
        if (next.length !== 32) throw new Error('CROSSROADS_NEW_SECRET_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
        const keyFile = path.join(config.dataDir, 'secret.key');
        const indexFile = path.join(config.dataDir, 'index.key');
        // The new keys are on disk before the database moves to them, so a crash between the two loses neither.
        if (!config.secretKey) {
          writeFileSync(`${keyFile}.new`, `${next.toString('base64')}\n`, { mode: 0o600 });
          writeFileSync(`${indexFile}.new`, `${indexKeysOf(next).toString('base64')}\n`, { mode: 0o600 });
        }
        // Everything, blind indexes included, moves to keys that all come from the new secret.
        const report = await rotateKey(deps.db, deps.box, createSealedBox({ sealing: next, previous: [], index: indexKeysOf(next) }));
        const rotated = `${report.people} people's details, ${report.contacts} contacts and ${report.notes} attempt notes${report.unreadable ? ` (${report.unreadable} that did not open with the old key either were left as they were)` : ''}`;
        // The index keys moved too: where they come from the environment, it must say so.
        const index = config.indexKey ? ` Set CROSSROADS_INDEX_KEY to ${indexKeysOf(next).toString('base64')} before starting the app again.` : '';
        if (config.secretKey) {
          console.log(`Re-sealed ${rotated}. Set CROSSROADS_SECRET_KEY to the new key (CROSSROADS_NEW_SECRET_KEY) before starting the app again.${index}`);
        } else {
          renameSync(`${indexFile}.new`, indexFile);
          renameSync(`${keyFile}.new`, keyFile);
          if (index) console.log(index.trim());
          console.log(`Re-sealed ${rotated} with a new key, now in ${keyFile}. Back it up; backups taken before need the old key.`);
        }
      } finally {
        await deps.close();
      }
    });
}
