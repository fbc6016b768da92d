import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import archiver from 'archiver';
import { insertAudit } from '../audit/audit.repository.ts';
import { exportContactsCsv } from '../contacts/contact-export.service.ts';
import { contactDetailsPlace } from '../contacts/contact-sealing.ts';
import { type SealedBox, sealedPlace } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { contactPlace } from '../people/person.service.ts';
import { conflict, invalid, Problem } from '../server/problem.ts';
import { type Actor, requireRole } from './access.ts';
import * as repo from './space-exit.repository.ts';

// An organization leaves with its data: one zip of everything its space holds (its contacts as
// the CSV the import reads back, every other record as JSON lines with sealed fields opened and
// blind indexes left out), then, if its owners choose, the purge of its space — every row that
// carries its space id removed in one transaction, checked by a scan of every id column before
// it commits. Its directory entry stays with the alliances it belonged to (their records of
// votes, convenings and campaigns name it), moved into the first one's space.

const BLIND_INDEXES = new Set(['email_hash', 'phone_hash', 'name_address_hash', 'household_key', 'birth_key', 'hash_scope']);
const SEALED: Record<string, { column: string; as: string; place: (id: string) => string }> = {
  contacts: { column: 'sealed', as: 'details', place: contactDetailsPlace },
  people: { column: 'contact_sealed', as: 'contact', place: contactPlace },
  outreach_attempts: { column: 'notes_sealed', as: 'notes', place: (id) => sealedPlace('outreach_attempts', 'notes_sealed', id) },
};

const README = `This archive holds everything an organization's space held in Crossroads.
- contacts.csv: its contacts, in the columns Crossroads (and most tools) import.
- data/<table>.jsonl: every record of the space, one JSON object a line; sealed fields opened.
- manifest.json: what each file holds and when the archive was made.

Este archivo contiene todo lo que el espacio de una organización guardaba en Crossroads.
- contacts.csv: sus contactos, en las columnas que Crossroads (y la mayoría de las herramientas) importan.
- data/<tabla>.jsonl: cada registro del espacio, un objeto JSON por línea; campos sellados abiertos.
- manifest.json: qué contiene cada archivo y cuándo se hizo.
`;

function opened(box: SealedBox, table: string, row: Record<string, unknown>) {
  const out = Object.fromEntries(Object.entries(row).filter(([k]) => !BLIND_INDEXES.has(k)));
  const sealed = SEALED[table];
  if (sealed && typeof row[sealed.column] === 'string') {
    try { out[sealed.as] = box.open(row[sealed.column] as string, sealed.place(String(row.id))); } catch { out[sealed.as] = '(does not open with this key)'; }
    delete out[sealed.column];
  }
  return out;
}

async function ownerOf(db: Db, actor: Actor, spaceId: string) {
  await requireRole(db, actor, spaceId, 'owner', 'space');
  // An alliance's shared space holds its members' common record: it is never purged this way.
  const organization = await repo.organizationOwning(db, spaceId);
  if (!organization) throw invalid([{ field: 'spaceId', message: "not an organization's own space (an alliance's shared space is not removed this way)" }]);
  return organization;
}

/**
 * The zip of everything the space holds, owners only, logged. It is written from one snapshot (a
 * repeatable-read transaction) to a private temporary file, and the transaction ends before the
 * file is sent: a download that stops halfway never holds the database. The file is removed once sent.
 */
export async function spaceArchive(db: Db, box: SealedBox, actor: Actor, spaceId: string) {
  const organization = await ownerOf(db, actor, spaceId);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'crossroads-archive-'));
  const file = path.join(dir, 'archive.zip');
  try {
    await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const archive = archiver('zip', { zlib: { level: 6 } });
      const written = pipeline(archive, createWriteStream(file, { mode: 0o600 }));
      const counts: Record<string, number> = {};
      archive.append(README, { name: 'README.txt' });
      archive.append(Readable.from(exportContactsCsv(trx, box, actor, spaceId)), { name: 'contacts.csv' });
      for (const table of (await repo.spaceTablesChildrenFirst(trx)).reverse()) {
        archive.append(Readable.from((async function* lines() {
          let count = 0;
          for await (const rows of repo.spaceRows(trx, table.name, spaceId)) {
            count += rows.length;
            yield rows.map((row) => `${JSON.stringify(opened(box, table.name, row))}\n`).join('');
          }
          counts[table.name] = count;
        })()), { name: `data/${table.name}.jsonl` });
      }
      for (const table of await repo.childTables(trx)) {
        archive.append(Readable.from((async function* lines() {
          let count = 0;
          for await (const rows of repo.childRows(trx, table, spaceId)) {
            count += rows.length;
            yield rows.map((row) => `${JSON.stringify(opened(box, table.name, row))}\n`).join('');
          }
          counts[table.name] = count;
        })()), { name: `data/${table.name}.jsonl` });
      }
      const runs = await repo.overlapRunsOf(trx, spaceId);
      counts.overlap_runs = runs.length;
      archive.append(runs.map((r) => `${JSON.stringify(r)}\n`).join(''), { name: 'data/overlap_runs.jsonl' });
      archive.append(Readable.from((async function* manifest() {
        yield JSON.stringify({ organization: organization.name, spaceId, exportedAt: new Date().toISOString(), rows: counts }, null, 2);
      })()), { name: 'manifest.json' });
      await Promise.all([archive.finalize(), written]);
    });
    await insertAudit(db, [{ userId: actor.userId, spaceId, action: 'export', entity: 'space_archive', entityId: spaceId, changes: null }]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stream = createReadStream(file);
  stream.on('close', () => void rm(dir, { recursive: true, force: true }));
  return { fileName: `${organization.name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}-archive.zip`, stream };
}

/**
 * Removes everything the space holds. The owner types the organization's name to confirm; the
 * report says how many rows each table lost. If any id column still names the space at the end,
 * nothing is removed and the error says where.
 */
export async function purgeSpace(db: Db, actor: Actor, spaceId: string, confirmName: string) {
  const organization = await ownerOf(db, actor, spaceId);
  if (confirmName.trim() !== organization.name) throw invalid([{ field: 'confirm', message: "type the organization's name exactly" }]);
  // A running import would go on writing into the space as it goes, or fail half-way against it.
  if (await repo.runningImports(db, spaceId)) throw conflict('An import into this space is running: purge it once the import has finished.');
  return db.transaction().execute(async (trx) => {
    const alliance = await repo.firstAllianceOf(trx, organization.id);
    if (alliance) await repo.moveOrganization(trx, organization.id, alliance.spaceId);
    // Directory entries the space added that another space's records name (a membership, a tie,
    // a campaign's participant) move to that space, so purging one organization never removes
    // another's records; the rest go with the space.
    for (const entry of await repo.directoryEntriesOf(trx, spaceId)) {
      if (entry.id !== organization.id && entry.namedIn) await repo.moveOrganization(trx, entry.id, entry.namedIn);
    }
    await repo.forgetPartnerInOthersHistory(trx, spaceId);
    const removed: Record<string, number> = {};
    for (const table of await repo.spaceTablesChildrenFirst(trx)) {
      const n = await repo.deleteSpaceRows(trx, table.name, spaceId);
      if (n) removed[table.name] = n;
    }
    await repo.deleteSpaceRow(trx, spaceId);
    const left = await repo.leftovers(trx, spaceId);
    if (left.length) throw new Problem(500, 'Purge stopped', `Rows still name the space (${left.map((l) => `${l.table}.${l.column}: ${l.rows}`).join(', ')}); nothing was removed.`);
    // Kept outside the space (which no longer exists), in words and counts only.
    await insertAudit(trx, [{ userId: actor.userId, spaceId: null, action: 'delete', entity: 'space_purge', entityId: null,
      changes: { removed, directoryEntry: alliance ? `kept in ${alliance.name}` : 'removed' } }]);
    return { removed, directoryEntry: alliance ? { keptIn: alliance.name } : null };
  });
}
