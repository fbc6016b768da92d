// Pure: commitments against the need, resource by resource.

export type Resources = { organizers: number; people: number; money: number; days: number };
const KEYS = ['organizers', 'people', 'money', 'days'] as const;

export function alertProgress(need: Resources, commitments: Resources[]) {
  return KEYS.filter((k) => need[k] > 0 || commitments.some((c) => c[k] > 0)).map((key) => {
    const committed = commitments.reduce((sum, c) => sum + c[key], 0);
    return { key, need: need[key], committed, gap: Math.max(0, need[key] - committed), met: committed >= need[key] };
  });
}
