import type { Db } from '../db/database.ts';

export interface AuditEntry {
  userId: string | null;
  spaceId: string | null;
  action: 'create' | 'update' | 'delete' | 'read_sensitive' | 'grant' | 'revoke' | 'import' | 'export' | 'firewall_refused' | 'email_refused';
  entity: string;
  entityId: string | null;
  // What changed: field → [before, after]. Sensitive fields appear by name only.
  changes?: Record<string, unknown> | null;
}

// Six parameters a row: 1,000 rows a statement stay far below PostgreSQL's 65,535.
const AUDIT_ROWS_PER_INSERT = 1000;

export async function insertAudit(db: Db, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_ROWS_PER_INSERT) {
    await db.insertInto('audit_log').values(entries.slice(i, i + AUDIT_ROWS_PER_INSERT).map((e) => ({
      user_id: e.userId, space_id: e.spaceId, action: e.action, entity: e.entity,
      entity_id: e.entityId, changes: JSON.stringify(e.changes ?? null),
    }))).execute();
  }
}

export async function listAudit(db: Db, spaceId: string, options: { limit: number; before?: string; action?: AuditEntry['action'] }) {
  let query = db.selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id',
      'audit_log.changes', 'users.email as user_email', 'users.display_name as user_name'])
    .where('audit_log.space_id', '=', spaceId)
    .orderBy('audit_log.id', 'desc')
    .limit(options.limit);
  if (options.before) query = query.where('audit_log.id', '<', options.before);
  if (options.action) query = query.where('audit_log.action', '=', options.action);
  return query.execute();
}
