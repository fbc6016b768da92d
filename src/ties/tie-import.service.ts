import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { parseCsv } from '../imports/csv-file.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { organizationMatcher } from '../orgs/organization-matcher.ts';
import { invalid, Problem } from '../server/problem.ts';
import { type Actor, requireRole } from '../spaces/access.ts';
import { listReadableSpaceIds } from '../spaces/spaces.repository.ts';
import * as repo from './tie.repository.ts';
import { mapTieRows, type TieRow } from './tie-rows.ts';

// Importing stated ties from a CSV file into an alliance's space: a preview first, with a
// verdict per row; a file with bad rows imports nothing unless the importer chooses to import
// the good ones; importing the same file again changes nothing (a tie is the same tie when it
// joins the same two organizations, with the same kind, from the same start).

export type TieRowStatus = 'new' | 'updated' | 'unchanged' | 'duplicate' | 'rejected';
export interface TieImportRow { rowNumber: number; status: TieRowStatus; from: string; to: string; kind: string | null; errors: { field: string; message: string }[] }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pairKey = (a: string, b: string, kind: string, startedOn: string | null) => `${[a, b].sort().join(' ')} ${kind} ${startedOn ?? ''}`;

/** Names (and short names, and ids) of the organizations the importer can tie: members and anything they can see. */
async function nameResolver(db: Db, actor: Actor, allianceId: string, spaceId: string) {
  const readable = await listReadableSpaceIds(db, actor.userId, 'profile');
  const memberIds = (await repo.listMembershipGroups(db, [spaceId])).filter((m) => m.groupId === allianceId).map((m) => m.memberId);
  const match = organizationMatcher([...(await repo.listNodesInSpaces(db, readable)), ...(await repo.listNodes(db, memberIds))]);
  return (text: string): { id: string; name: string } | { error: string } => {
    const found = match(text);
    if (found.length === 1) return { id: found[0]!.id, name: found[0]!.name };
    if (UUID.test(text)) return { error: `no organization with id ${text} that you can see` };
    return { error: found.length ? `${found.length} organizations are called "${text}"; use the organization's id` : `no organization called "${text}" that you can see` };
  };
}

export async function importTies(db: Db, actor: Actor, allianceId: string, csv: string, options: { commit: boolean; importGoodRows: boolean }) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireRole(db, actor, spaceId, 'member');
  let parsed;
  try { parsed = parseCsv(csv); } catch (err) { throw invalid([{ field: 'csv', message: (err as Error).message }]); }
  const { columns, results, missing } = mapTieRows(parsed.headers, parsed.rows);
  if (missing.length) throw invalid(missing.map((m) => ({ field: 'csv', message: `no "${m}" column (found: ${parsed.headers.join(', ')})` })));
  if (results.length === 0) throw invalid([{ field: 'csv', message: 'the file has no rows below its header' }]);

  const resolve = await nameResolver(db, actor, allianceId, spaceId);
  const existing = new Map((await repo.listTies(db, [spaceId])).map((t) => [pairKey(t.a, t.b, t.kind, t.startedOn), t]));
  const seen = new Map<string, number>();
  const writes: { row: TieRow; fromId: string; toId: string; existingId: string | null }[] = [];
  const report: TieImportRow[] = results.map((r) => {
    if (!r.ok) return { rowNumber: r.rowNumber, status: 'rejected', from: '', to: '', kind: null, errors: r.errors };
    const v = r.value;
    const from = resolve(v.fromName);
    const to = resolve(v.toName);
    const errors = [...('error' in from ? [{ field: columns.fromName!, message: from.error }] : []), ...('error' in to ? [{ field: columns.toName!, message: to.error }] : [])];
    if ('error' in from || 'error' in to) return { rowNumber: r.rowNumber, status: 'rejected', from: v.fromName, to: v.toName, kind: v.kind, errors };
    const base = { rowNumber: r.rowNumber, from: from.name, to: to.name, kind: v.kind };
    if (from.id === to.id) return { ...base, status: 'rejected', errors: [{ field: columns.toName!, message: 'a tie joins two different organizations' }] };
    const key = pairKey(from.id, to.id, v.kind, v.startedOn);
    if (seen.has(key)) return { ...base, status: 'duplicate', errors: [{ field: columns.fromName!, message: `the same tie as row ${seen.get(key)}` }] };
    seen.set(key, r.rowNumber);
    const before = existing.get(key);
    if (before && before.strength === v.strength && (before.endedOn ?? null) === v.endedOn && (before.note ?? null) === v.note) return { ...base, status: 'unchanged', errors: [] };
    writes.push({ row: v, fromId: from.id, toId: to.id, existingId: before?.id ?? null });
    return { ...base, status: before ? 'updated' : 'new', errors: [] };
  });

  const count = (s: TieRowStatus) => report.filter((r) => r.status === s).length;
  const summary = { columns, rows: report, counts: { new: count('new'), updated: count('updated'), unchanged: count('unchanged'), duplicate: count('duplicate'), rejected: count('rejected') } };
  if (!options.commit) return { ...summary, committed: false };
  if (summary.counts.rejected > 0 && !options.importGoodRows) {
    throw new Problem(422, 'Rows rejected', `${summary.counts.rejected} rows cannot be imported; nothing was imported. Fix them, or choose to import the good rows.`,
      report.filter((r) => r.status === 'rejected').flatMap((r) => r.errors.map((e) => ({ field: `row ${r.rowNumber}: ${e.field}`, message: e.message }))));
  }
  await db.transaction().execute(async (trx) => {
    for (const w of writes) {
      const t = { strength: w.row.strength, endedOn: w.row.endedOn, note: w.row.note };
      if (w.existingId) await repo.updateTie(trx, w.existingId, t);
      const id = w.existingId ?? (await repo.insertTie(trx, { fromId: w.fromId, toId: w.toId, kind: w.row.kind, startedOn: w.row.startedOn, ...t, spaceId, recordedBy: actor.userId })).id;
      await insertAudit(trx, [{ userId: actor.userId, spaceId, action: w.existingId ? 'update' : 'create', entity: 'tie', entityId: id, changes: { kind: [null, w.row.kind], strength: [null, w.row.strength], source: [null, 'csv import'] } }]);
    }
  });
  return { ...summary, committed: true };
}
