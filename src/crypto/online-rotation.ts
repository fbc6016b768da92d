import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import type { Db } from '../db/database.ts';
import * as repo from './key-rotation.repository.ts';
import { type SealedBox, sealedPlace } from './sealed-box.ts';

// Rotating the sealing key while the app runs. 1. A new key becomes the current one and the old
// one a previous one (with a key file: written beside it; with keys in the environment, the
// operator restarts each instance with CROSSROADS_SECRET_KEY=new and the old in
// CROSSROADS_PREVIOUS_SECRET_KEYS). Every process opens values of both keys; each value names its
// key, and a process that meets a key it does not know reads its key ring again (running servers
// also look every few seconds). 2. Every value sealed with another key is opened and sealed again
// with the current one, a page at a time, each written only if the row still holds what was
// opened; passes repeat until one finds nothing (a process that had not yet seen the new key may
// have sealed a value meanwhile). 3. Once nothing is left on them, the previous keys are forgotten.
// Blind indexes and links use the index keys, which this leaves as they are.

const PAGE = 1000;
/** How often running servers read their key ring again. */
export const RELOAD_MS = 5000;

export interface ResealReport { resealed: Record<string, number>; unreadable: number; passes: number }

/** With key files: makes a new sealing key, keeps the old as a previous one, and has the box read the ring again. */
export function installNewSealingKey(dataDir: string, box: SealedBox, indexKeyFromEnvironment = false) {
  const keyFile = path.join(dataDir, 'secret.key');
  const previousFile = path.join(dataDir, 'secret.previous.key');
  if (!indexKeyFromEnvironment && !existsSync(path.join(dataDir, 'index.key'))) throw new Error('index.key is missing: start the app once with this version first (it keeps the index keys apart from the sealing key).');
  const old = readFileSync(keyFile, 'utf8').trim();
  const previous = existsSync(previousFile) ? readFileSync(previousFile, 'utf8').split('\n').filter((l) => l.trim()) : [];
  // The old key is kept before the new one replaces it: a crash between the two loses neither.
  writeFileSync(`${previousFile}.new`, [...previous, old].join('\n') + '\n', { mode: 0o600 });
  renameSync(`${previousFile}.new`, previousFile);
  writeFileSync(`${keyFile}.new`, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  renameSync(`${keyFile}.new`, keyFile);
  box.reload();
}

/** One pass over every sealed column: values not on the current key, sealed again with it. */
async function resealPass(db: Db, box: SealedBox, report: ResealReport) {
  let changed = 0;
  const prefix = box.sealedPrefix();
  for (const c of repo.SEALED_COLUMNS) {
    for (let after = ''; ;) {
      const page = await repo.pageOffKey(db, c, prefix, after, PAGE);
      if (page.length === 0) break;
      after = page.at(-1)!.id;
      const rows = page.flatMap((row) => {
        const place = sealedPlace(c.place.table, c.place.column, row.placeId);
        try { return [{ id: row.id, old: row.sealed, sealed: box.seal(box.open(row.sealed, place), place) }]; } catch { report.unreadable += 1; return []; }
      });
      const written = await repo.setResealed(db, c, rows);
      report.resealed[c.table] = (report.resealed[c.table] ?? 0) + written;
      changed += written;
      // Other requests go on between pages.
      await yieldToOthers();
    }
  }
  return changed;
}

/** Seals again everything not on the current key, pass after pass (waiting `settleMs` for other processes between) until a pass finds nothing. */
export async function resealOffCurrent(db: Db, box: SealedBox, settleMs = 2 * RELOAD_MS): Promise<ResealReport> {
  const report: ResealReport = { resealed: {}, unreadable: 0, passes: 0 };
  for (;;) {
    report.passes += 1;
    // Values that do not open are counted by the last pass only (each pass meets them again).
    report.unreadable = 0;
    const changed = await resealPass(db, box, report);
    if (changed === 0) return report;
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  }
}

/** How many values are still on another key than the current one (unreadable ones aside). */
export async function offCurrentCount(db: Db, box: SealedBox) {
  let n = 0;
  for (const c of repo.SEALED_COLUMNS) n += await repo.countOffKey(db, c, box.sealedPrefix());
  return n;
}

/** With key files: forgets the previous sealing keys, only once no value is left on them. */
export async function forgetPreviousKeys(db: Db, box: SealedBox, dataDir: string) {
  const left = await offCurrentCount(db, box);
  if (left > 0) throw new Error(`${left} values are still sealed with a previous key: seal them again first.`);
  // An import's worker seals with the keys it started with: they stay until it has finished.
  if (await repo.runningImportCount(db)) throw new Error('An import of contacts is running: forget the previous keys once it has finished.');
  rmSync(path.join(dataDir, 'secret.previous.key'), { force: true });
  box.reload();
}
