import { findSession } from '../convenings/convening.repository.ts';
import type { Db } from '../db/database.ts';
import { findArea } from '../plans/work-plan.repository.ts';

// Parts of a record edited on their own (a convening's session, a work plan's strategy area, one
// vocabulary) have no page of their own: their version is their parent's, the page their editor
// read them from. A PUT of the part sends the parent's ETag in If-Match.

export async function versionedParent(db: Db, path: string): Promise<string | null> {
  const session = /^\/api\/sessions\/([0-9a-f-]{36})$/i.exec(path);
  if (session) {
    const found = await findSession(db, session[1]!);
    return found ? `/api/convenings/${found.conveningId}` : null;
  }
  const area = /^\/api\/areas\/([0-9a-f-]{36})$/i.exec(path);
  if (area) {
    const found = await findArea(db, area[1]!);
    return found ? `/api/work-plans/${found.workPlanId}` : null;
  }
  if (/^\/api\/vocabularies\/[a-z_]+$/.test(path)) return '/api/vocabularies';
  return null;
}
