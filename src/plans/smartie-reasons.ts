// The reasons a SMARTIE check gives, as codes with their English and Spanish wording. The checker
// (smartie.ts) only ever returns codes; the web app words them from here (its catalogs are JSON,
// hence smartieReasonCatalog()).

export const SMARTIE_KEYS = [
  'strategic',
  'measurable',
  'ambitious',
  'realistic',
  'time_bound',
  'inclusive',
  'equitable',
] as const;
export type SmartieKey = (typeof SMARTIE_KEYS)[number];

interface ReasonEntry {
  readonly key: SmartieKey;
  /** Whether this reason explains a check that passed. */
  readonly ok: boolean;
  readonly en: string;
  readonly es: string;
}

export const SMARTIE_REASONS = {
  // S — strategic
  linked_to_strategy: {
    key: 'strategic', ok: true,
    en: 'Strategic: linked to a strategy area or a broader goal',
    es: 'Estratégica: vinculada a un área estratégica o a una meta más amplia',
  },
  purpose_in_statement: {
    key: 'strategic', ok: true,
    en: 'Strategic: says what it is for ("so that…")',
    es: 'Estratégica: dice para qué sirve («para que…»)',
  },
  no_link_to_strategy: {
    key: 'strategic', ok: false,
    en: 'Strategic: not linked to a strategy area or a broader goal',
    es: 'Estratégica: no está vinculada a un área estratégica ni a una meta más amplia',
  },
  // M — measurable
  indicator_with_target: {
    key: 'measurable', ok: true,
    en: 'Measurable: has an indicator with a target',
    es: 'Medible: tiene un indicador con una meta numérica',
  },
  number_in_statement: {
    key: 'measurable', ok: true,
    en: 'Measurable: names a number',
    es: 'Medible: indica una cifra',
  },
  defined_quality_in_statement: {
    key: 'measurable', ok: true,
    en: 'Measurable: names an outcome anyone can verify (ratified, passed, published…)',
    es: 'Medible: indica un resultado que cualquiera puede verificar (ratificado, aprobado, publicado…)',
  },
  indicator_without_target: {
    key: 'measurable', ok: false,
    en: 'Measurable: its indicators have no target',
    es: 'Medible: sus indicadores no tienen meta',
  },
  vague_quality_only: {
    key: 'measurable', ok: false,
    en: 'Measurable: only vague words ("strong", "highly engaged"…); say what success looks like',
    es: 'Medible: solo palabras vagas («fuerte», «muy comprometido»…); diga cómo se ve el éxito',
  },
  no_number_or_defined_quality: {
    key: 'measurable', ok: false,
    en: 'Measurable: no number or defined quality to tell whether it was met',
    es: 'Medible: no hay una cifra ni una cualidad definida para saber si se cumplió',
  },
  // A — ambitious
  target_stretches_baseline: {
    key: 'ambitious', ok: true,
    en: 'Ambitious: the target moves well beyond the baseline',
    es: 'Ambiciosa: la meta va bastante más allá de la línea de base',
  },
  stretch_wording: {
    key: 'ambitious', ok: true,
    en: 'Ambitious: says how far it stretches (double, from… to…, every…, first…)',
    es: 'Ambiciosa: dice cuánto se esfuerza (duplicar, de… a…, cada…, por primera vez…)',
  },
  target_close_to_baseline: {
    key: 'ambitious', ok: false,
    en: 'Ambitious: the target is within 10% of the baseline',
    es: 'Ambiciosa: la meta está a menos del 10% de la línea de base',
  },
  no_baseline_to_show_stretch: {
    key: 'ambitious', ok: false,
    en: 'Ambitious: has a number but no baseline to show the stretch',
    es: 'Ambiciosa: tiene una cifra pero no una línea de base que muestre el esfuerzo',
  },
  no_stretch: {
    key: 'ambitious', ok: false,
    en: 'Ambitious: does not show a stretch for the organization',
    es: 'Ambiciosa: no muestra un esfuerzo adicional para la organización',
  },
  // R — realistic
  activities_planned: {
    key: 'realistic', ok: true,
    en: 'Realistic: has dated activities to reach it',
    es: 'Realista: tiene actividades con fecha para lograrla',
  },
  means_in_statement: {
    key: 'realistic', ok: true,
    en: 'Realistic: says how it will be reached ("through…", "by holding…")',
    es: 'Realista: dice cómo se logrará («mediante…», «a través de…»)',
  },
  target_far_above_baseline: {
    key: 'realistic', ok: false,
    en: 'Realistic: the target is more than ten times the baseline',
    es: 'Realista: la meta es más de diez veces la línea de base',
  },
  activities_after_deadline: {
    key: 'realistic', ok: false,
    en: 'Realistic: some activities are dated after the deadline',
    es: 'Realista: algunas actividades tienen fecha posterior a la fecha límite',
  },
  no_activities: {
    key: 'realistic', ok: false,
    en: 'Realistic: no activities or tactics to reach it',
    es: 'Realista: no hay actividades ni tácticas para lograrla',
  },
  // T — time-bound
  deadline_field: {
    key: 'time_bound', ok: true,
    en: 'Time-bound: has a deadline',
    es: 'Con plazo: tiene fecha límite',
  },
  deadline_in_statement: {
    key: 'time_bound', ok: true,
    en: 'Time-bound: the statement names a deadline',
    es: 'Con plazo: el enunciado indica una fecha límite',
  },
  vague_timeframe: {
    key: 'time_bound', ok: false,
    en: 'Time-bound: the time frame has no concrete end ("this year", "soon")',
    es: 'Con plazo: el plazo no tiene un final concreto («este año», «pronto»)',
  },
  deadline_not_a_date: {
    key: 'time_bound', ok: false,
    en: 'Time-bound: the deadline is not a valid date',
    es: 'Con plazo: la fecha límite no es una fecha válida',
  },
  no_deadline: {
    key: 'time_bound', ok: false,
    en: 'Time-bound: no deadline',
    es: 'Con plazo: no tiene fecha límite',
  },
  // I — inclusive
  most_affected_decide: {
    key: 'inclusive', ok: true,
    en: 'Inclusive: people most affected take part in deciding',
    es: 'Inclusiva: las personas más afectadas participan en las decisiones',
  },
  shares_power_in_statement: {
    key: 'inclusive', ok: true,
    en: 'Inclusive: says who most affected will lead, shape or decide',
    es: 'Inclusiva: dice qué personas más afectadas van a dirigir, dar forma o decidir',
  },
  most_affected_do_not_decide: {
    key: 'inclusive', ok: false,
    en: 'Inclusive: people most affected do not take part in deciding',
    es: 'Inclusiva: las personas más afectadas no participan en las decisiones',
  },
  inclusion_without_power: {
    key: 'inclusive', ok: false,
    en: 'Inclusive: names who takes part but not the power they hold (risk of tokenism)',
    es: 'Inclusiva: dice quién participa pero no el poder que tiene (riesgo de simbolismo)',
  },
  does_not_say_who_most_affected_decides: {
    key: 'inclusive', ok: false,
    en: 'Inclusive: does not say who most affected takes part in deciding',
    es: 'Inclusiva: no dice qué personas más afectadas participan en las decisiones',
  },
  // E — equitable
  fairness_element_in_statement: {
    key: 'equitable', ok: true,
    en: 'Equitable: includes an element of fairness or justice',
    es: 'Equitativa: incluye un elemento de equidad o justicia',
  },
  fairness_element_in_note: {
    key: 'equitable', ok: true,
    en: 'Equitable: its equity note names an element of fairness or justice',
    es: 'Equitativa: su nota de equidad indica un elemento de equidad o justicia',
  },
  no_fairness_or_justice_element: {
    key: 'equitable', ok: false,
    en: 'Equitable: no element of fairness or justice that addresses inequity',
    es: 'Equitativa: no hay un elemento de equidad o justicia que enfrente la desigualdad',
  },
} as const satisfies Record<string, ReasonEntry>;

export type SmartieReasonCode = keyof typeof SMARTIE_REASONS;

export const SMARTIE_REASON_CODES = Object.keys(SMARTIE_REASONS) as SmartieReasonCode[];

/** The reasons as message catalogs, one per language, keyed by reason code. */
export function smartieReasonCatalog(): {
  en: Record<SmartieReasonCode, string>;
  es: Record<SmartieReasonCode, string>;
} {
  const en = {} as Record<SmartieReasonCode, string>;
  const es = {} as Record<SmartieReasonCode, string>;
  for (const code of SMARTIE_REASON_CODES) {
    en[code] = SMARTIE_REASONS[code].en;
    es[code] = SMARTIE_REASONS[code].es;
  }
  return { en, es };
}
