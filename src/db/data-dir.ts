import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

// The embedded database's files hold every organization's records: only the account running
// Crossroads may read them. The data directory is 0700 (nobody else can even reach a file in it)
// and its files 0600. PGlite creates its files 0666 whatever the umask, so this runs when the
// database opens and again when it closes.

export function ensurePrivateDataDir(dir: string) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  lockDown(dir);
}

function lockDown(dir: string) {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) lockDown(full);
    else if (entry.isFile()) chmodSync(full, 0o600);
  }
}
