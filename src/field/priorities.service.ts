import { findState } from '../areas/us-areas.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { Db } from '../db/database.ts';
import { allianceSpace } from '../memberships/membership.service.ts';
import { invalid } from '../server/problem.ts';
import { type Actor, requireAccess } from '../spaces/access.ts';
import { getVocabularies } from '../vocabularies/vocabulary.service.ts';
import { listPriorities, savePriorities } from './field.repository.ts';

// An alliance's priorities — the constituencies and places it has chosen to build toward —
// read by every member, set by the alliance's admins.

export interface Priorities { constituencies: string[]; stateFips: string[] }

export async function getPriorities(db: Db, actor: Actor, allianceId: string): Promise<Priorities & { updatedAt: string | null }> {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireAccess(db, actor, spaceId, 'viewer');
  const [row] = await listPriorities(db, [allianceId]);
  return { constituencies: row?.constituencies ?? [], stateFips: row?.stateFips ?? [], updatedAt: row ? new Date(row.updatedAt).toISOString() : null };
}

export async function setPriorities(db: Db, actor: Actor, allianceId: string, input: Priorities) {
  const { spaceId } = await allianceSpace(db, actor, allianceId);
  await requireAccess(db, actor, spaceId, 'admin');
  const known = new Set((await getVocabularies(db)).constituency.map((t) => t.key));
  const errors = [
    ...input.constituencies.filter((c) => !known.has(c)).map((c) => ({ field: 'constituencies', message: `"${c}" is not a constituency in this workspace` })),
    ...input.stateFips.filter((s) => findState(s)?.fips !== s).map((s) => ({ field: 'stateFips', message: `"${s}" is not a state FIPS code` })),
  ];
  if (errors.length) throw invalid(errors);
  const before = await getPriorities(db, actor, allianceId);
  const clean = { constituencies: [...new Set(input.constituencies)], stateFips: [...new Set(input.stateFips)].sort() };
  await db.transaction().execute(async (trx) => {
    await savePriorities(trx, allianceId, clean, actor.userId);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'update', entity: 'field_priorities', entityId: allianceId,
      changes: { constituencies: [before.constituencies, clean.constituencies], stateFips: [before.stateFips, clean.stateFips] } }]);
  });
  return getPriorities(db, actor, allianceId);
}
