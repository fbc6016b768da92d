import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Command } from 'commander';
import { databaseDigest, restoreBackup, writeBackup } from '../backup/backup.service.ts';
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
