// Cutting an effort's universe into turfs or call lists, pure. A household is never split (its
// doors are knocked together); by ZIP or county, each place is a turf, split further when it
// holds more than `size` contacts; by size, consecutive chunks in street order.

export interface UniverseContact { id: string; zip: string | null; countyFips: string | null; householdKey: string | null; lastName: string }
export interface Turf { name: string; contactIds: string[] }

function chunk(name: string, contacts: UniverseContact[], size: number): Turf[] {
  const households = new Map<string, UniverseContact[]>();
  for (const c of contacts) {
    const key = c.householdKey ?? `single:${c.id}`;
    households.set(key, [...(households.get(key) ?? []), c]);
  }
  const turfs: Turf[] = [];
  let current: string[] = [];
  for (const members of households.values()) {
    if (current.length && current.length + members.length > size) { turfs.push({ name, contactIds: current }); current = []; }
    current.push(...members.map((m) => m.id));
  }
  if (current.length) turfs.push({ name, contactIds: current });
  if (name === '#') return turfs.map((t, i) => ({ ...t, name: `#${i + 1}` }));
  return turfs.length > 1 ? turfs.map((t, i) => ({ ...t, name: `${name} (${i + 1})` })) : turfs;
}

export function cutTurfs(universe: UniverseContact[], by: 'zip' | 'county' | 'size', size: number, label: (place: string | null) => string): Turf[] {
  const sorted = [...universe].sort((a, b) => (a.zip ?? '').localeCompare(b.zip ?? '') || (a.householdKey ?? '').localeCompare(b.householdKey ?? '') || a.lastName.localeCompare(b.lastName));
  if (by === 'size') return chunk(label(null), sorted, size);
  const places = new Map<string | null, UniverseContact[]>();
  for (const c of sorted) {
    const place = by === 'zip' ? c.zip : c.countyFips;
    places.set(place, [...(places.get(place) ?? []), c]);
  }
  return [...places.entries()].flatMap(([place, contacts]) => chunk(label(place), contacts, size));
}
