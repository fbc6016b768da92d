// Counts of a space's contacts (a list's total, an OSDI page's total_records) remembered until the
// space's contacts change in this process, and for 30 seconds at most (another process — a
// command-line import — may have changed them meanwhile). Counting a million rows on every page
// would cost more than the page.

const TTL_MS = 30_000;
const versions = new Map<string, number>();
const counts = new Map<string, { value: number; version: number; at: number }>();

/** Called by every write to a space's contacts. */
export function contactsChanged(spaceId: string) {
  versions.set(spaceId, (versions.get(spaceId) ?? 0) + 1);
}

export async function rememberedCount(spaceId: string, filter: string, count: () => Promise<number>): Promise<number> {
  const key = `${spaceId}|${filter}`;
  const version = versions.get(spaceId) ?? 0;
  const hit = counts.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = await count();
  if (counts.size > 10_000) counts.clear();
  counts.set(key, { value, version, at: Date.now() });
  return value;
}
