import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, type Migration, type MigrationProvider, Migrator, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as directory from './migrations/2026_11_23_0001_directory.ts';
import * as directorySearch from './migrations/2026_11_23_0002_directory_search.ts';
import * as searchText from './migrations/2026_11_23_0003_search_text.ts';
import * as decisions from './migrations/2026_11_23_0004_decisions.ts';
import * as conveningsPlans from './migrations/2026_11_23_0005_convenings_plans.ts';
import * as campaignsCharters from './migrations/2026_11_23_0006_campaigns_charters.ts';
import * as ties from './migrations/2026_11_23_0007_ties.ts';
import * as powerMaps from './migrations/2026_11_23_0008_power_maps.ts';
import * as fieldPriorities from './migrations/2026_11_23_0009_field_priorities.ts';
import * as secretBallotBoxes from './migrations/2026_12_06_0010_secret_ballot_boxes.ts';
import * as calendarFeedTokens from './migrations/2026_12_06_0011_calendar_feed_tokens.ts';
import * as importUndoLog from './migrations/2026_12_06_0012_import_undo_log.ts';
import * as contacts from './migrations/2026_12_06_0013_contacts.ts';
import * as outreach from './migrations/2026_12_07_0014_outreach.ts';
import * as leadership from './migrations/2026_12_07_0015_leadership.ts';
import * as contactAreaIndexes from './migrations/2026_12_07_0016_contact_area_indexes.ts';
import * as attendanceSnapshot from './migrations/2026_12_07_0017_attendance_snapshot.ts';
import * as donations from './migrations/2026_12_07_0018_donations.ts';
import * as donationImports from './migrations/2026_12_07_0019_donation_imports.ts';
import * as donationContactKey from './migrations/2026_12_07_0020_donation_contact_key.ts';
import * as grants from './migrations/2026_12_07_0021_grants.ts';
import * as recurringPledgesDuesMatches from './migrations/2026_12_07_0022_recurring_pledges_dues_matches.ts';
import * as overlapRuns from './migrations/2026_12_07_0023_overlap_runs.ts';
import * as blindIndexScope from './migrations/2026_12_07_0024_blind_index_scope.ts';
import * as contactConsents from './migrations/2026_12_07_0025_contact_consents.ts';
import * as consentLinks from './migrations/2026_12_07_0026_consent_links.ts';
import * as taxFirewall from './migrations/2026_12_07_0027_tax_firewall.ts';
import * as overlapRevealTurf from './migrations/2026_12_07_0028_overlap_reveal_turf.ts';
import * as reachSketches from './migrations/2026_12_07_0029_reach_sketches.ts';
import * as reachFirewall from './migrations/2026_12_07_0030_reach_firewall.ts';
import * as surveys from './migrations/2026_12_07_0031_surveys.ts';
import * as discussions from './migrations/2026_12_07_0032_discussions.ts';
import * as updates from './migrations/2026_12_07_0033_updates.ts';
import * as library from './migrations/2026_12_07_0034_library.ts';
import * as postAttachments from './migrations/2026_12_07_0035_post_attachments.ts';
import * as keyChecks from './migrations/2026_12_07_0036_key_checks.ts';
import * as importMemory from './migrations/2026_12_08_0037_import_memory.ts';
import { ensurePrivateDataDir } from './data-dir.ts';
import type { Database } from './tables.ts';

export type Db = Kysely<Database>;

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one (so a service that writes
 * in a transaction of its own can also be one step of a larger one), or a new one.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * PostgreSQL's COPY FROM STDIN for a database opened on a server: the fastest way in for a big
 * import's rows (`data` in COPY's text format). PGlite has none; callers fall back to INSERT.
 */
const copiers = new WeakMap<object, (statement: string, data: string) => Promise<void>>();
export const copierOf = (db: Db) => copiers.get(db);

export interface DatabaseHandle {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// Append-only: add a new timestamped module, never edit one that has shipped.
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_23_0001_directory': directory,
  '2026_11_23_0002_directory_search': directorySearch,
  '2026_11_23_0003_search_text': searchText,
  '2026_11_23_0004_decisions': decisions,
  '2026_11_23_0005_convenings_plans': conveningsPlans,
  '2026_11_23_0006_campaigns_charters': campaignsCharters,
  '2026_11_23_0007_ties': ties,
  '2026_11_23_0008_power_maps': powerMaps,
  '2026_11_23_0009_field_priorities': fieldPriorities,
  '2026_12_06_0010_secret_ballot_boxes': secretBallotBoxes,
  '2026_12_06_0011_calendar_feed_tokens': calendarFeedTokens,
  '2026_12_06_0012_import_undo_log': importUndoLog,
  '2026_12_06_0013_contacts': contacts,
  '2026_12_07_0014_outreach': outreach,
  '2026_12_07_0015_leadership': leadership,
  '2026_12_07_0016_contact_area_indexes': contactAreaIndexes,
  '2026_12_07_0017_attendance_snapshot': attendanceSnapshot,
  '2026_12_07_0018_donations': donations,
  '2026_12_07_0019_donation_imports': donationImports,
  '2026_12_07_0020_donation_contact_key': donationContactKey,
  '2026_12_07_0021_grants': grants,
  '2026_12_07_0022_recurring_pledges_dues_matches': recurringPledgesDuesMatches,
  '2026_12_07_0023_overlap_runs': overlapRuns,
  '2026_12_07_0024_blind_index_scope': blindIndexScope,
  '2026_12_07_0025_contact_consents': contactConsents,
  '2026_12_07_0026_consent_links': consentLinks,
  '2026_12_07_0027_tax_firewall': taxFirewall,
  '2026_12_07_0028_overlap_reveal_turf': overlapRevealTurf,
  '2026_12_07_0029_reach_sketches': reachSketches,
  '2026_12_07_0030_reach_firewall': reachFirewall,
  '2026_12_07_0031_surveys': surveys,
  '2026_12_07_0032_discussions': discussions,
  '2026_12_07_0033_updates': updates,
  '2026_12_07_0034_library': library,
  '2026_12_07_0035_post_attachments': postAttachments,
  '2026_12_07_0036_key_checks': keyChecks,
  '2026_12_08_0037_import_memory': importMemory,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

// Both drivers return int8/numeric as strings; dates stay Date objects.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Opens PostgreSQL: a server when `url` is given, otherwise embedded PGlite in `dataDir`
 * (or in memory when dataDir is 'memory://'). Runs pending migrations before returning.
 */
export async function openDatabase(options: { url?: string; dataDir: string }): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
    // An idle connection the server closes (a restart, an administrator) is dropped from the
    // pool and logged; unhandled, it would end the process.
    pool.on('error', (err: Error & { code?: string }) => console.error(`[crossroads] a database connection was closed: ${err.code ?? err.name}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    copiers.set(db, async (statement, data) => {
      const client = await pool.connect();
      try {
        await pipeline(Readable.from([data]), client.query(copyFrom(statement)));
      } finally {
        client.release();
      }
    });
    handle = { db, engine: 'postgres', close: () => db.destroy() };
  } else {
    const extensions = { pg_trgm };
    const onDisk = options.dataDir !== 'memory://';
    if (onDisk) ensurePrivateDataDir(options.dataDir);
    const pglite = onDisk ? new PGlite(options.dataDir, { extensions }) : new PGlite({ extensions });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    handle = {
      db,
      engine: 'pglite',
      close: async () => {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
        if (onDisk) ensurePrivateDataDir(options.dataDir);
      },
    };
  }
  await migrate(handle.db);
  // Files made by the migrations, locked down too.
  if (!options.url && options.dataDir !== 'memory://') ensurePrivateDataDir(options.dataDir);
  return handle;
}

export async function migrate(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
