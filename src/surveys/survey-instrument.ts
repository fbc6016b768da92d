// What a relationship survey asks. Pure: names and scales, no SQL, no HTTP.
//
// The dimensions follow the literature on interorganizational networks, cited rather than copied:
// - level of collaboration: Frey, Lohmeier, Lee & Tollefson (2006), "Measuring collaboration among
//   grant partners", American Journal of Evaluation 27(3) — 0 no interaction … 5 collaboration;
// - trust (reliability, support of mission, openness to discussion) and value (power/influence,
//   level of involvement, resource contribution), each 1–4, as in Varda et al.'s studies of
//   public-health networks. The numbers are our own means of those ratings, not any tool's score;
// - the collaboration factors are the 22 of Mattessich & Johnson, "Collaboration: What Makes It
//   Work" (Wilder Research, 3rd ed., 2018). The inventory's wording is theirs: the app ships the
//   factor names only, and each alliance writes (or adapts, with permission) the items it asks.

export const COLLABORATION_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export const TRUST_ITEMS = ['reliability', 'mission', 'openness'] as const;
export const VALUE_ITEMS = ['power', 'involvement', 'resources'] as const;
export type TrustItem = (typeof TRUST_ITEMS)[number];
export type ValueItem = (typeof VALUE_ITEMS)[number];

/** What an organization says it brings to the alliance. */
export const CONTRIBUTIONS = ['funding', 'staff', 'volunteers', 'data', 'expertise', 'community_connections', 'advocacy', 'facilitation',
  'leadership', 'in_kind', 'meeting_space', 'communications', 'legal', 'training'] as const;
export type Contribution = (typeof CONTRIBUTIONS)[number];

export const FACTOR_CATEGORIES = ['environment', 'membership', 'process', 'communication', 'purpose', 'resources'] as const;

/** The 22 collaboration factors, by category. Labels live in the web app's locales (survey.factor.<key>). */
export const FACTORS = [
  ['environment', 'history_of_collaboration'], ['environment', 'legitimate_leader'], ['environment', 'favorable_climate'],
  ['membership', 'mutual_respect'], ['membership', 'cross_section'], ['membership', 'self_interest'], ['membership', 'ability_to_compromise'],
  ['process', 'shared_stake'], ['process', 'multiple_layers'], ['process', 'flexibility'], ['process', 'clear_roles'],
  ['process', 'adaptability'], ['process', 'appropriate_pace'], ['process', 'evaluation_learning'],
  ['communication', 'open_communication'], ['communication', 'informal_relationships'],
  ['purpose', 'concrete_goals'], ['purpose', 'shared_vision'], ['purpose', 'unique_purpose'],
  ['resources', 'sufficient_resources'], ['resources', 'skilled_leadership'], ['resources', 'engaged_stakeholders'],
] as const;
export type Factor = (typeof FACTORS)[number][1];
export const FACTOR_KEYS = FACTORS.map(([, key]) => key) as readonly Factor[];

/** An item the alliance asks about one factor, in both languages (one may be left to the other). */
export interface FactorItem { factor: Factor; en: string; es: string }

/**
 * Reading a factor's mean, as the inventory's authors suggest: 4.0 and above a strength, 3.0–3.9
 * borderline (worth discussing), below 3.0 a concern to address.
 */
export function factorReading(mean: number): 'strength' | 'borderline' | 'concern' {
  if (mean >= 4) return 'strength';
  return mean >= 3 ? 'borderline' : 'concern';
}

/** Fewer raters than this and a received rating is not shown: one or two ratings would name their givers. */
export const MIN_RATERS = 3;
