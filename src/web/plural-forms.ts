/**
 * Spanish has a plural form for a million and more ("un millón de personas"), which the
 * catalog words as its other plural: each `_other` key lends itself to a missing `_many`, or a
 * count of 1,000,000 would show the bare key.
 */
export function withManyForms<T>(catalog: T): T {
  if (typeof catalog !== 'object' || catalog === null || Array.isArray(catalog)) return catalog;
  const entries = Object.entries(catalog as Record<string, unknown>).map(([k, v]) => [k, withManyForms(v)] as const);
  const out = Object.fromEntries(entries);
  for (const [k, v] of entries) if (k.endsWith('_other') && !(`${k.slice(0, -6)}_many` in out)) out[`${k.slice(0, -6)}_many`] = v;
  return out as T;
}
