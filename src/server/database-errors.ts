import { invalid, Problem } from './problem.ts';

// A database refusal caused by the request's input (a duplicate, a reference to nothing, a
// value out of range) is the caller's 4xx, naming the field, not a server error. The field comes
// from the constraint's column names; the values PostgreSQL quotes in its detail are never
// passed on (they can be someone's contact details).

const camel = (column: string) => column.trim().replace(/_([a-z])/g, (_m, ch: string) => ch.toUpperCase());

/** The field a unique or foreign key violation is about: the columns in its detail, less the tenant key. */
function fieldOf(err: { detail?: string; column?: string; constraint?: string }): string {
  const columns = /Key \(([^)]+)\)=/.exec(err.detail ?? '')?.[1]?.split(',').map((c) => c.trim()).filter((c) => c !== 'space_id');
  if (columns?.length) return columns.map(camel).join(',').replace(/^lower\(|\)$/g, '');
  if (err.column) return camel(err.column);
  return '(body)';
}

export function databaseInputProblem(err: unknown): Problem | null {
  const e = (err ?? {}) as { code?: unknown; detail?: string; column?: string; constraint?: string };
  if (typeof e.code !== 'string') return null;
  switch (e.code) {
    case '23505': return new Problem(409, 'Conflict', 'A record with this value already exists.', [{ field: fieldOf(e), message: 'already used by another record' }]);
    case '23503': return invalid([{ field: fieldOf(e), message: 'refers to a record that does not exist' }]);
    case '22001': case '22003': case '22007': case '22008': case '22P02': case '22021': case '22P05': case '23514': case '2201W': case '2201X':
      return invalid([{ field: fieldOf(e), message: 'not a value this field can hold' }]);
    default: return null;
  }
}
