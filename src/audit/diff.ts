/** Field-by-field differences between two flat records, for the audit log. */
export function diffRecords(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  sensitive: readonly string[] = [],
): Record<string, unknown> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, unknown> = {};
  for (const key of keys) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    // Never write sensitive values into the log, even as "before".
    changes[key] = sensitive.includes(key) ? '(changed)' : [a, b];
  }
  return changes;
}
