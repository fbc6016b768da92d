import { type Factor, FACTORS, type FactorItem, factorReading, MIN_RATERS, TRUST_ITEMS, VALUE_ITEMS } from './survey-instrument.ts';

// A wave's results from its answers. Pure: the service loads the rows, this computes.
//
// The network is undirected: two organizations are tied when either says it works with the other
// (collaboration 1 or more). Density and Freeman's degree centralization are computed on that
// graph over every invited organization, answered or not. Trust and value are the means of a
// rating's three items; what an organization *receives* is the mean over the organizations that
// rated it, shown only from MIN_RATERS raters. A pair's own ratings are shown only where both
// organizations agreed to it.

export interface Rating {
  raterId: string; rateeId: string; collaboration: number;
  reliability: number | null; mission: number | null; openness: number | null;
  power: number | null; involvement: number | null; resources: number | null;
}

export interface WaveAnswers {
  members: { id: string; name: string }[];
  respondents: { organizationId: string; sharePairs: boolean; contributions: string[] }[];
  ratings: Rating[];
  factorItems: FactorItem[];
  factorAnswers: { organizationId: string; item: number; score: number }[];
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const networkMean = (values: (number | null)[]) => {
  const given = values.filter((v): v is number => v !== null);
  return given.length >= MIN_RATERS ? round(mean(given)) : null;
};
const round = (value: number | null, places = 3) => (value === null ? null : Math.round(value * 10 ** places) / 10 ** places);

/** A rating's trust (or value): the mean of its three items, when the rater works with the ratee and rated them all. */
export function trustOf(r: Rating): number | null {
  if (r.collaboration < 1) return null;
  const items = TRUST_ITEMS.map((k) => r[k]);
  return items.every((v) => v !== null) ? mean(items as number[]) : null;
}
export function valueOf(r: Rating): number | null {
  if (r.collaboration < 1) return null;
  const items = VALUE_ITEMS.map((k) => r[k]);
  return items.every((v) => v !== null) ? mean(items as number[]) : null;
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The ratings between invited organizations only (a rating of someone no longer invited is not part of the wave). */
function ratingsWithin(answers: WaveAnswers) {
  const invited = new Set(answers.members.map((m) => m.id));
  return answers.ratings.filter((r) => invited.has(r.raterId) && invited.has(r.rateeId) && r.raterId !== r.rateeId);
}

/** Each tie's strength: the mean collaboration level of the ratings given in the pair (one or both directions). */
export function tieStrengths(ratings: Rating[]): Map<string, number> {
  const levels = groupBy(ratings, (r) => pairKey(r.raterId, r.rateeId));
  return new Map([...levels].map(([key, rs]) => [key, mean(rs.map((r) => r.collaboration))!]));
}

/**
 * The trust within each pair of organizations that both agreed to show their pair's ratings: the
 * mean of the trust each gave the other (one direction or both); and how many other pairs are
 * tied, counted, never named. The map of the field weights its ties by it; every other pair stays
 * unweighted, whatever it said.
 */
export function sharedPairTrust(answers: WaveAnswers): { pairs: { a: string; b: string; trust: number }[]; notShown: number } {
  const sharing = new Set(answers.respondents.filter((r) => r.sharePairs).map((r) => r.organizationId));
  const within = ratingsWithin(answers);
  const shown = within.filter((r) => sharing.has(r.raterId) && sharing.has(r.rateeId));
  const pairs = [...groupBy(shown, (r) => pairKey(r.raterId, r.rateeId))].flatMap(([key, rs]) => {
    const trust = mean(rs.map(trustOf).filter((t): t is number => t !== null));
    const [a, b] = key.split('|') as [string, string];
    return trust === null ? [] : [{ a, b, trust: round(trust)! }];
  });
  const shownKeys = new Set(pairs.map((p) => pairKey(p.a, p.b)));
  const tied = new Set(within.filter((r) => r.collaboration >= 1).map((r) => pairKey(r.raterId, r.rateeId)));
  return { pairs, notShown: [...tied].filter((k) => !shownKeys.has(k)).length };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item); else groups.set(k, [item]);
  }
  return groups;
}

export function networkShape(memberIds: string[], ratings: Rating[]) {
  const n = memberIds.length;
  const ties = new Set(ratings.filter((r) => r.collaboration >= 1).map((r) => pairKey(r.raterId, r.rateeId)));
  const degree = new Map(memberIds.map((id) => [id, 0]));
  for (const key of ties) for (const id of key.split('|')) degree.set(id, (degree.get(id) ?? 0) + 1);
  const degrees = memberIds.map((id) => degree.get(id)!);
  const maxDegree = Math.max(0, ...degrees);
  const density = n < 2 ? 0 : ties.size / ((n * (n - 1)) / 2);
  // Freeman (1979): how far the network is from a star, 0 (everyone equally tied) to 1 (a star).
  const centralization = n < 3 ? 0 : degrees.reduce((sum, d) => sum + (maxDegree - d), 0) / ((n - 1) * (n - 2));
  return { ties: ties.size, density, centralization, degree };
}

export function waveScores(answers: WaveAnswers) {
  const ratings = ratingsWithin(answers);
  const memberIds = answers.members.map((m) => m.id);
  const n = memberIds.length;
  const responded = new Set(answers.respondents.map((r) => r.organizationId));
  const sharing = new Set(answers.respondents.filter((r) => r.sharePairs).map((r) => r.organizationId));
  const shape = networkShape(memberIds, ratings);

  const incomingOf = groupBy(ratings, (r) => r.rateeId);
  const organizations = answers.members.map((m) => {
    const incoming = incomingOf.get(m.id) ?? [];
    const trusts = incoming.map(trustOf).filter((v): v is number => v !== null);
    const values = incoming.map(valueOf).filter((v): v is number => v !== null);
    const raters = Math.max(trusts.length, values.length);
    const shown = raters >= MIN_RATERS;
    return {
      id: m.id, name: m.name, responded: responded.has(m.id), degree: shape.degree.get(m.id) ?? 0,
      connectivity: round(n < 2 ? 0 : (shape.degree.get(m.id) ?? 0) / (n - 1)),
      // How many rated a hidden organization is hidden too: with the network's mean it would give the ratings away.
      raters: shown ? raters : null, suppressed: !shown,
      trustReceived: shown ? round(mean(trusts)) : null,
      valueReceived: shown ? round(mean(values)) : null,
    };
  });

  const shownIds = new Set(organizations.filter((o) => !o.suppressed).map((o) => o.id));
  const shownRatings = ratings.filter((r) => shownIds.has(r.rateeId));
  const names = new Map(answers.members.map((m) => [m.id, m.name]));
  const byPair = groupBy(ratings, (r) => pairKey(r.raterId, r.rateeId));
  const pairs = [...byPair].map(([key, rs]) => {
    const [a, b] = key.split('|') as [string, string];
    const aToB = rs.find((r) => r.raterId === a)?.collaboration ?? null;
    const bToA = rs.find((r) => r.raterId === b)?.collaboration ?? null;
    return { a, b, aToB, bToA, asymmetric: aToB !== null && bToA !== null && Math.abs(aToB - bToA) >= 2, disclosed: sharing.has(a) && sharing.has(b) };
  });
  const shownPair = (p: (typeof pairs)[number]) => ({ a: { id: p.a, name: names.get(p.a)! }, b: { id: p.b, name: names.get(p.b)! }, aToB: p.aToB, bToA: p.bToA });

  const factorScores = factorMeans(answers.factorItems, answers.factorAnswers);
  const contributions = new Map<string, string[]>();
  for (const r of answers.respondents) for (const c of r.contributions) contributions.set(c, [...(contributions.get(c) ?? []), names.get(r.organizationId) ?? '']);
  const shownPairs = pairs.filter((p) => p.disclosed);

  return {
    responses: { invited: n, responded: responded.size, rate: n ? round(responded.size / n) : 0 },
    ties: shape.ties, density: round(shape.density), centralization: round(shape.centralization),
    // The network's trust and value are means of the ratings of organizations shown: a mean that
    // also held a hidden one's ratings would give them away, by subtraction.
    trust: networkMean(shownRatings.map(trustOf)),
    value: networkMean(shownRatings.map(valueOf)),
    organizations,
    asymmetric: { count: pairs.filter((p) => p.asymmetric).length, shown: pairs.filter((p) => p.asymmetric && p.disclosed).map(shownPair) },
    disclosedPairs: shownPairs.map(shownPair),
    factors: factorScores,
    contributions: [...contributions].map(([contribution, organizationNames]) => ({ contribution, organizations: organizationNames.sort() }))
      .sort((x, y) => y.organizations.length - x.organizations.length || x.contribution.localeCompare(y.contribution)),
  };
}

/** Each factor's mean over every answer to its items (from three answers on), with its reading; factors the alliance asked nothing about are left out. */
export function factorMeans(items: FactorItem[], factorAnswers: { item: number; score: number }[]) {
  const byFactor = new Map<Factor, number[]>();
  for (const a of factorAnswers) {
    const item = items[a.item];
    if (item) byFactor.set(item.factor, [...(byFactor.get(item.factor) ?? []), a.score]);
  }
  return FACTORS.filter(([, key]) => items.some((i) => i.factor === key)).map(([category, factor]) => {
    const scores = byFactor.get(factor) ?? [];
    // Under three answers a mean is one organization's answer: not shown.
    const m = scores.length >= MIN_RATERS ? round(mean(scores), 2) : null;
    return { category, factor, answers: scores.length, mean: m, reading: m === null ? null : factorReading(m) };
  });
}

/**
 * How ties changed from one wave to the next: a tie strengthened or weakened when its strength
 * moved by a whole level or more. Counts are always shown; which pairs only where both
 * organizations agreed in both waves.
 */
export function tieChanges(previous: { ratings: Rating[]; sharing: Set<string> }, current: { ratings: Rating[]; sharing: Set<string> }, names: Map<string, string>) {
  const before = tieStrengths(previous.ratings);
  const after = tieStrengths(current.ratings);
  let strengthened = 0, weakened = 0, steady = 0;
  const shown: { a: { id: string; name: string }; b: { id: string; name: string }; before: number; after: number; change: 'strengthened' | 'weakened' }[] = [];
  for (const [key, now] of after) {
    const then = before.get(key);
    if (then === undefined) continue;
    const change = now - then >= 1 ? 'strengthened' : then - now >= 1 ? 'weakened' : null;
    if (!change) { steady++; continue; }
    if (change === 'strengthened') strengthened++; else weakened++;
    const [a, b] = key.split('|') as [string, string];
    if ([a, b].every((id) => previous.sharing.has(id) && current.sharing.has(id) && names.has(id))) {
      shown.push({ a: { id: a, name: names.get(a)! }, b: { id: b, name: names.get(b)! }, before: then, after: now, change });
    }
  }
  return { strengthened, weakened, steady, shown };
}
