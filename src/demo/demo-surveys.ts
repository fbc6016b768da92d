import type { Db } from '../db/database.ts';
import type { AppDeps } from '../server/context.ts';
import { linkToken } from '../shared/signed-link.ts';
import type { Actor } from '../spaces/access.ts';
import { submitAnswer } from '../surveys/survey-answer.service.ts';
import * as surveys from '../surveys/survey.repository.ts';
import { closeSurvey, createSurvey, openSurvey, surveySign } from '../surveys/survey.service.ts';
import type { Contribution, FactorItem } from '../surveys/survey-instrument.ts';

// Relationship surveys of the Inter-Alliance Dialogue's six alliances: two closed waves (after the
// first year, and after the 2010 work plan) and one open now. The ratings are fictional; their
// shape follows the seeds: co-anchors of a strategy area (GGJ and RttC on climate justice, RttC
// and JwJ on the banks, NDLON on immigrant rights with the groups already in Arizona) work most
// closely, and PushBack Network, which joined in July 2009, is still getting to know the others.

const ALLIANCES = ['ggj', 'jwj', 'ndlon', 'ndwa', 'pbn', 'rttc'] as const;
type Key = (typeof ALLIANCES)[number];

// Level of collaboration each alliance gives each other one (0–5), per wave.
const LEVELS: Record<'first' | 'second', Record<Key, Partial<Record<Key, number>>>> = {
  first: {
    ggj: { jwj: 2, ndlon: 2, ndwa: 3, pbn: 0, rttc: 4 },
    jwj: { ggj: 2, ndlon: 3, ndwa: 2, pbn: 1, rttc: 4 },
    ndlon: { ggj: 2, jwj: 3, ndwa: 3, pbn: 1, rttc: 2 },
    ndwa: { ggj: 3, jwj: 2, ndlon: 4, pbn: 0, rttc: 2 },
    pbn: { ggj: 0, jwj: 2, ndlon: 1, ndwa: 0, rttc: 1 },
    rttc: { ggj: 4, jwj: 5, ndlon: 2, ndwa: 2, pbn: 1 },
  },
  second: {
    ggj: { jwj: 3, ndlon: 3, ndwa: 3, pbn: 2, rttc: 5 },
    jwj: { ggj: 3, ndlon: 3, ndwa: 2, pbn: 2, rttc: 5 },
    ndlon: { ggj: 3, jwj: 3, ndwa: 4, pbn: 3, rttc: 2 },
    ndwa: { ggj: 3, jwj: 3, ndlon: 4, pbn: 1, rttc: 2 },
    pbn: { ggj: 2, jwj: 3, ndlon: 1, ndwa: 1, rttc: 2 },
    rttc: { ggj: 5, jwj: 4, ndlon: 3, ndwa: 4, pbn: 2 },
  },
};
// Who agreed that their pairs' own ratings may be shown (the others keep them in aggregates).
const SHARING: Key[] = ['jwj', 'ndlon', 'ndwa', 'rttc'];
const CONTRIBUTIONS: Record<Key, Contribution[]> = {
  ggj: ['community_connections', 'training', 'advocacy'], jwj: ['staff', 'facilitation', 'communications'], ndlon: ['community_connections', 'legal', 'volunteers'],
  ndwa: ['leadership', 'training'], pbn: ['data', 'volunteers'], rttc: ['expertise', 'advocacy', 'facilitation'],
};

// The IAD's own items (its wording, not the inventory's), one or two per factor it chose to ask about.
const ITEMS: FactorItem[] = [
  { factor: 'shared_vision', en: 'Our alliances agree on what we are building together.', es: 'Nuestras alianzas coinciden en lo que construimos juntas.' },
  { factor: 'mutual_respect', en: 'The other alliances respect the way my alliance works.', es: 'Las demás alianzas respetan la manera de trabajar de mi alianza.' },
  { factor: 'open_communication', en: "I hear about the other alliances' work in time to act on it.", es: 'Me entero del trabajo de las demás alianzas a tiempo para actuar.' },
  { factor: 'concrete_goals', en: 'The 2010 work plan has goals we can reach.', es: 'El plan de trabajo 2010 tiene metas alcanzables.' },
  { factor: 'sufficient_resources', en: 'The IAD has the staff time and money its work plan needs.', es: 'El IAD tiene el tiempo de personal y el dinero que su plan necesita.' },
  { factor: 'skilled_leadership', en: "The IAD's committees lead its work well.", es: 'Los comités del IAD conducen bien su trabajo.' },
];
const FACTOR_SCORES = { first: [4, 4, 3, 3, 2, 3], second: [5, 4, 4, 4, 2, 4] };

/** A fictional but steady rating: closer work, more trust and value, with small differences per pair. */
function ratingFor(from: Key, to: Key, level: number, wave: 'first' | 'second') {
  const lean = (ALLIANCES.indexOf(from) + 2 * ALLIANCES.indexOf(to) + (wave === 'second' ? 1 : 0)) % 3 - 1;
  const item = (base: number) => Math.min(4, Math.max(1, Math.round(base + lean * 0.5)));
  const trust = 1.5 + level * 0.45;
  const value = 1.2 + level * 0.5;
  return { collaboration: level, reliability: item(trust), mission: item(trust + 0.4), openness: item(trust - 0.2), power: item(value), involvement: item(value + 0.3), resources: item(value - 0.4) };
}

export async function loadDemoSurveys(deps: Pick<AppDeps, 'db' | 'box' | 'mailer' | 'config'>, ctx: { coordinator: Actor; iadId: string; orgIds: Map<string, string> }) {
  const { db, box } = deps;
  const waves = [
    { key: 'first' as const, title: 'Relationships after our first year', opened: '2009-11-02T15:00:00Z', closed: '2009-11-30T23:00:00Z' },
    { key: 'second' as const, title: 'Relationships, spring 2010', opened: '2010-05-03T15:00:00Z', closed: '2010-05-31T23:00:00Z' },
  ];
  for (const wave of waves) {
    const { id } = await createSurvey(db, ctx.coordinator, ctx.iadId, { title: wave.title, deadline: new Date(Date.now() + 86_400_000).toISOString(), factorItems: ITEMS, includeAllies: false });
    await openSurvey(deps, ctx.coordinator, id);
    for (const invitation of await surveys.listInvitations(db, id)) {
      const from = ALLIANCES.find((k) => ctx.orgIds.get(k) === invitation.organizationId);
      if (!from) continue;
      const token = linkToken(invitation.id, Math.floor(Date.now() / 1000) + 3600, surveySign(box));
      await submitAnswer({ db, box }, token, {
        ratings: Object.entries(LEVELS[wave.key][from]).map(([to, level]) => ({ organizationId: ctx.orgIds.get(to)!, ...ratingFor(from, to as Key, level!, wave.key) })),
        contributions: CONTRIBUTIONS[from], sharePairs: SHARING.includes(from),
        factorScores: FACTOR_SCORES[wave.key].map((score, item) => ({ item, score: Math.max(1, Math.min(5, score + ((ALLIANCES.indexOf(from) + item) % 3 === 0 ? -1 : 0))) })),
      });
    }
    await closeSurvey(db, ctx.coordinator, id);
    await backdate(db, id, wave.opened, wave.closed);
  }
  // The wave running now: no one has answered yet; the representatives answer from the app.
  const { id } = await createSurvey(db, ctx.coordinator, ctx.iadId, { title: 'Relationships, winter 2010', deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(), factorItems: ITEMS, includeAllies: false });
  await openSurvey(deps, ctx.coordinator, id);
}

async function backdate(db: Db, id: string, opened: string, closed: string) {
  await surveys.backdateSurvey(db, id, { createdAt: new Date(opened), openedAt: new Date(opened), deadline: new Date(closed), closedAt: new Date(closed) });
}
