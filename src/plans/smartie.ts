// SMARTIE checks for a goal: one explainable check per letter (Strategic, Measurable, Ambitious,
// Realistic, Time-bound, Inclusive, Equitable), after The Management Center's definitions in the
// training hand-out. Every rule is a word list or a regular expression over English AND Spanish
// (goals mix both, e.g. "La gran marcha fronteriza — Conduct a Border Walk…"), so a person can see
// why a check passed: `evidence` quotes the words the decision rests on. Structured fields, when
// given, take precedence over the wording. Results are reason codes (smartie-reasons.ts), never
// sentences.
import { SMARTIE_KEYS, type SmartieKey, type SmartieReasonCode } from './smartie-reasons.ts';

export type SmartieLetter = 'S' | 'M' | 'A' | 'R' | 'T' | 'I' | 'E';

export const SMARTIE_LETTERS: Readonly<Record<SmartieKey, SmartieLetter>> = {
  strategic: 'S', measurable: 'M', ambitious: 'A', realistic: 'R',
  time_bound: 'T', inclusive: 'I', equitable: 'E',
};

export interface GoalIndicator {
  name: string;
  baseline?: number | null;
  target?: number | null;
  unit?: string | null;
}

/** Same shape as a goal's activities in goal.schema.ts. */
export interface GoalActivity {
  /** ISO date (YYYY-MM-DD) the activity is due by. */
  dueOn?: string | null;
  text: string;
}

export interface SmartieGoal {
  statement: string;
  /** ISO date (YYYY-MM-DD). A valid one makes the goal time-bound whatever the wording. */
  deadline?: string | null;
  indicators?: readonly GoalIndicator[] | null;
  /** What the goal serves: a strategy area or a parent goal id. */
  strategic?: { linkedTo?: string | null } | null;
  /** The activities or tactics planned to reach it (as on a success sheet). */
  activities?: readonly GoalActivity[] | null;
  /** true: people most affected take part in deciding; false overrides the wording. */
  decidersFromMostAffected?: boolean | null;
  /** The disparate-impact reflection; read for fairness wording when the statement has none. */
  equityNote?: string | null;
  /** The statement's language, for the caller. The checks read both languages regardless. */
  language?: 'en' | 'es';
}

export interface SmartieCheck {
  letter: SmartieLetter;
  key: SmartieKey;
  ok: boolean;
  reason: SmartieReasonCode;
  /** The words (of the statement, or of the equity note) the result rests on. */
  evidence?: string;
}

/** A target is a stretch when it moves at least this share away from its baseline. */
export const AMBITION_MIN_CHANGE = 0.1;
/** A target above this multiple of its baseline suggests no thought about resources. */
export const REALISM_MAX_GROWTH = 10;
/** Power words count only with at most this many words between them and the people they are about. */
export const INCLUSION_MAX_GAP = 5;

// --- vocabulary -------------------------------------------------------------------------------

// \b is ASCII-only in JavaScript; these boundaries know accented letters.
const pattern = (alternatives: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');

const MONTH_EN = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_ABBR = 'jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
const MONTH_ES = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}';
const PREP_EN = 'by|before|until|till|through|on|in|during|no later than|ahead of';
const PREP_ES = 'para|por|antes de|antes del|hasta|a más tardar|el|en|durante|(?:a|para) (?:fines|finales|mediados|principios) de';
const PART_EN = '(?:(?:the )?(?:end|middle|beginning) of |(?:early|mid|late|mid-late)[- ])';
const PART_ES = '(?:(?:fines|finales|mediados|principios) de )';
const COUNT = '\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|thirty|sixty|ninety|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce';
const NUM = '\\d+(?:[.,]\\d+)*';

const CONCRETE_TIME = pattern([
  `(?:${PREP_EN})\\s+${PART_EN}?(?:(?:${MONTH_EN})(?:\\s+${DAY})?|(?:${MONTH_ABBR})\\.?\\s+${DAY})(?:,?\\s+${YEAR})?`,
  `(?:early|mid|late|mid-late)[- ](?:${MONTH_EN})`,
  `(?:${MONTH_EN}|(?:${MONTH_ABBR})\\.?)\\s+(?:${DAY},?\\s+)?${YEAR}`,
  `${DAY}\\s+(?:of\\s+)?(?:${MONTH_EN}),?\\s+${YEAR}`,
  `^[\\s"'“‘(]*(?:${MONTH_EN}|(?:${MONTH_ABBR})\\.?)\\s+${DAY}`,
  `(?:spring|summer|fall|autumn|winter)(?:\\s+break)?,?\\s+(?:of\\s+)?${YEAR}`,
  `(?:q[1-4]|(?:first|second|third|fourth) quarter(?: of)?)\\s+${YEAR}`,
  `(?:first|second) half of (?:${YEAR}|(?:this|next|the) year)`,
  `(?:${PREP_EN})\\s+(?:the end of\\s+)?${YEAR}`,
  `${YEAR}-\\d{2}-\\d{2}`,
  `\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})`,
  `(?:within|in)\\s+(?:the\\s+next\\s+)?(?:${COUNT})\\s+(?:days?|weeks?|months?|years?)`,
  `(?:by|before|until|at)\\s+the\\s+end\\s+of\\s+(?:this|the|next)\\s+(?:year|month|quarter|week|semester|session)`,
  `by\\s+year[- ]end`,
  `(?:${PREP_ES})\\s+(?:el\\s+)?(?:(?:\\d{1,2}|primero)\\s+de\\s+)?${PART_ES}?(?:${MONTH_ES})(?:\\s+(?:de|del)\\s+${YEAR})?`,
  `(?:\\d{1,2}|primero)\\s+de\\s+(?:${MONTH_ES})\\s+(?:de|del)\\s+${YEAR}`,
  `(?:${MONTH_ES})\\s+(?:de|del)\\s+${YEAR}`,
  `^[\\s"'“‘(]*(?:\\d{1,2}|primero)\\s+de\\s+(?:${MONTH_ES})`,
  `(?:primavera|verano|otoño|invierno)\\s+(?:de|del)\\s+${YEAR}`,
  `(?:primer|segundo|tercer|cuarto)\\s+trimestre\\s+(?:de|del)\\s+${YEAR}`,
  `(?:primera|segunda)\\s+mitad\\s+(?:de|del)\\s+(?:${YEAR}|(?:este\\s+|próximo\\s+)?año)`,
  `(?:${PREP_ES})\\s+(?:(?:el\\s+)?año\\s+)?${YEAR}`,
  `(?:dentro de|en)\\s+(?:los\\s+próximos\\s+)?(?:${COUNT})\\s+(?:días?|semanas?|mes(?:es)?|años?)`,
  `(?:para|antes de|a)\\s+(?:el\\s+)?(?:fin|fines|finales|final)\\s+(?:de|del)\\s+(?:este\\s+|próximo\\s+)?(?:año|mes|trimestre|semestre)`,
  `antes de que (?:termine|acabe) (?:el|este) (?:año|mes)`,
]);
// "the 2010 work plan": a year named, not a count and not a deadline.
const YEAR_MENTION = pattern([`(?:the|in|of|since|from|de|del|el|en|desde)\\s+${YEAR}`]);
const VAGUE_TIME = pattern([
  '(?:this|next) (?:year|month|quarter|season|spring|summer|fall|winter)', 'soon', 'eventually',
  'ongoing', 'over time', 'in the (?:near |long |distant )?future', 'long(?:er)?[- ]term',
  'throughout the year', 'someday', 'in the coming (?:weeks|months|years)',
  'este (?:año|mes|trimestre)', '(?:el )?próximo (?:año|mes)', 'pronto', 'eventualmente',
  'a (?:largo|mediano) plazo', 'en el futuro', 'con el tiempo', 'durante (?:todo )?el año',
  'algún día', 'en los próximos (?:meses|años)',
]);

const NUMBER = pattern([
  `${NUM}(?:\\s*%|\\s+(?:percent|per cent|por ciento))?`,
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty',
  'sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|double|doubling|triple|tripling|half',
  'dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|cincuenta',
  'cien|cientos|mil|miles|millón|millones|docenas?|doble|duplicar|triplicar|mitad',
]);
const DEFINED_QUALITY = pattern([
  'ratif(?:y|ied|ies|ication)', 'adopt(?:s|ed|ion)?', 'enact(?:s|ed|ment)?', 'approv(?:ed|al)', 'signed',
  'publish(?:es|ed)?', 'defeat(?:s|ed)?',
  'pass(?:es|ed|age)?\\s+(?:of\\s+)?(?:an?\\s+|the\\s+|our\\s+)?(?:[\\p{L}-]+\\s+){0,2}(?:law|bill|ordinance|resolution|policy|measure|budget|act)',
  'releas(?:e|es|ed)\\s+(?:an?\\s+|the\\s+|our\\s+)?(?:[\\p{L}"“”\'’-]+\\s+){0,4}(?:report|study|platform|guide)',
  'ratific\\p{L}*', 'adopt(?:ar|ado|ada|ción)', 'aprob\\p{L}*', 'promulg\\p{L}*',
  'public(?:ar|ado|ada|ación)', 'firm(?:ar|ado|ada)', 'derrot(?:ar|ado|ada)',
]);
const VAGUE_QUALITY = pattern([
  'highly', 'strong(?:er)?', 'strengthen\\p{L}*', 'key', 'better', 'improv\\p{L}*', 'more', 'greater',
  'increas\\p{L}*', 'engag\\p{L}*', 'deep(?:en|er)\\p{L}*', 'awareness', 'significant\\p{L}*',
  'meaningful\\p{L}*', 'robust', 'effective\\p{L}*', 'successful\\p{L}*', 'as many as possible',
  'muy', 'altamente', 'fuertes?', 'fortalec\\p{L}*', 'clave', 'mejor(?:es|ar)?', 'más', 'mayor(?:es)?',
  'aument\\p{L}*', 'comprometid\\p{L}*', 'profundiz\\p{L}*', 'conciencia', 'significativ\\p{L}*',
  'efectiv\\p{L}*', 'exitos\\p{L}*', 'sólid\\p{L}*',
]);
const STRETCH = pattern([
  'doubl\\p{L}*', 'tripl\\p{L}*', 'quadrupl\\p{L}*', 'every', 'all', 'new', 'first[- ]ever',
  'for the first time', 'statewide', 'nationwide', 'record', `more than\\s+${NUM}`,
  `(?:increas|grow|expand|rais|boost)\\p{L}*\\s+(?:\\p{L}+\\s+){0,4}by\\s+${NUM}\\s*(?:%|percent)`,
  'duplic\\p{L}*', 'triplic\\p{L}*', 'todos', 'todas', 'nuev[oa]s?', 'por primera vez', 'récord',
  `más de\\s+${NUM}`, `(?:aument|crec|ampli|expand)\\p{L}*\\s+(?:\\p{L}+\\s+){0,4}en\\s+(?:un\\s+)?${NUM}\\s*(?:%|por ciento)`,
]);
const FROM_TO = new RegExp(`(?<![\\p{L}])(?:from|de)\\s+(${NUM})\\s+(?:\\p{L}+\\s+){0,3}?(?:to|a)\\s+(${NUM})`, 'giu');
const MEANS = pattern([
  'through', 'by\\s+(?!spring|morning|evening|nothing)\\p{L}+ing', 'using', 'via',
  'with the (?:help|support) of', 'in (?:partnership|coalition) with',
  'mediante', 'a través de', 'por medio de', 'usando', 'utilizando', 'con el apoyo de',
  'en (?:alianza|coalición) con',
]);
const PURPOSE = pattern([
  'so that', 'so (?:we|they|our|the)\\s+(?:can|will|could)', 'in order to',
  'as part of (?:our|the|its)\\s+(?:\\p{L}+\\s+){0,3}?(?:strategy|campaign|plan)',
  'toward(?:s)? (?:our|the)\\s+(?:\\p{L}+\\s+){0,3}?(?:goal|vision|strategy)',
  'para que', 'con el fin de', 'a fin de', 'de (?:modo|manera) que', 'para lograr',
  'como parte de (?:la|nuestra|su)\\s+(?:\\p{L}+\\s+){0,3}?(?:estrategia|campaña|plan)',
]);
// Who: traditionally marginalized people, particularly those most affected.
const MOST_AFFECTED = pattern([
  '(?:those |people |communities )?(?:most|directly) (?:affected|impacted)', 'people of colou?r',
  'communities of colou?r', 'poc', 'bipoc', 'black', 'latin[oax]s?', 'latine', 'hispanics?',
  'indigenous', 'native', 'asian(?: americans?)?', 'pacific islanders?', 'arab', 'muslims?',
  'immigrants?', 'undocumented', 'refugees?', 'migrants?', 'women', 'girls', 'lgbt\\p{L}*', 'queer',
  'trans(?:gender)?', 'youth', 'young people', 'students?', 'elders', '(?:people|those) with disabilities',
  'disabled', 'low-income', 'working[- ]class', 'workers?', 'day laborers?', 'domestic workers?',
  'farm ?workers?', 'tenants?', 'renters', 'residents?', 'neighbors', 'community (?:leaders|members|residents)',
  'members', 'grassroots', 'our base', 'marginali[sz]ed', 'frontline', 'families', 'monolingual',
  'spanish[- ]speak\\p{L}*', '(?:formerly )?incarcerated', 'survivors',
  '(?:l[oa]s )?más afectad[oa]s', 'directamente afectad[oa]s', '(?:personas|gente|comunidades) de color',
  'negr[oa]s', 'afro\\p{L}*', 'latin[oa]s', 'hispan\\p{L}*', 'indígenas?', 'inmigrantes?', 'migrantes?',
  'indocumentad[oa]s', 'refugiad[oa]s', 'mujeres', 'niñas', 'jóvenes', 'juventud', 'estudiantes',
  'personas con discapacidad', 'bajos ingresos', 'clase trabajadora', 'trabajador(?:es|as)',
  'jornaleros?', 'trabajadoras del hogar', 'campesin[oa]s', 'inquilin[oa]s', 'vecin[oa]s',
  'residentes', 'miembros', 'líderes comunitari[oa]s', 'la base', 'marginad[oa]s', 'primera línea',
  'familias', 'monolingües', 'hispanohablantes', 'sobrevivientes',
]);
// Power: deciding, leading, shaping — without it, inclusion is tokenism.
const POWER = pattern([
  'shap(?:e|es|ed|ing)', 'decid(?:e|es|ed|ing)', 'decisions?', 'decision[- ]making',
  'lead(?:s|ing)?(?!\\s+(?:poison|paint|pipe|contamina))', 'led\\s+by', 'leaders?(?:hip)?',
  'govern(?:s|ing|ance)?', 'co-?design\\p{L}*', 'co-?creat\\p{L}*', 'set(?:s|ting)?\\s+the\\s+agenda',
  'vot(?:e|es|ed|ing)', 'veto', '(?:co-?)?chair(?:s|ed)?', 'seats?\\s+(?:on|at)', 'in\\s+charge',
  'steer(?:s|ing)?\\s+(?:the|our)\\s+(?!committee)', 'shar(?:e|es|ing)\\s+power', 'power[- ]sharing',
  'hold(?:s|ing)?\\s+power', 'define(?:s|d)?\\s+(?:the|our)',
  'decid\\p{L}*', 'decisi(?:ón|ones)', 'toma de decisiones', 'dirig\\p{L}*', 'lider\\p{L}*',
  'líder(?:es)?', 'dar(?:le)?\\s+forma', 'den\\s+forma', 'defin(?:an|ir)', 'co-?diseñ\\p{L}*',
  'diseñ(?:en|ar)', 'vot(?:ar|en|an|o|os|ación|aciones)', 'asientos?\\s+en', 'encabez\\p{L}*',
  'gobiern(?:en|an)', 'conduzcan', 'poder\\s+de\\s+decisión', 'voz\\s+y\\s+voto',
  'compart\\p{L}*\\s+el\\s+poder', 'a\\s+cargo',
]);
// Fairness or justice that addresses systemic injustice, inequity or oppression.
const FAIRNESS = pattern([
  'justice', 'injustices?', 'unjust', 'fair(?:ly|ness)?', 'unfair\\p{L}*', 'equit\\p{L}*',
  'inequit\\p{L}*', 'equal(?:ity|ly)?', 'inequalit\\p{L}*', 'disparit\\p{L}*', 'disproportionat\\p{L}*',
  'racial\\p{L}*', 'racis\\p{L}*', 'anti-?racis\\p{L}*', 'discriminat\\p{L}*', 'oppress\\p{L}*',
  'anti-?oppression', 'systemic', 'structural', 'dignity', 'rights', 'reparations?', 'anti-?bias',
  'profiling', 'language (?:access|justice)', 'regardless of', 'close (?:the|our) (?:\\p{L}+\\s+)?gaps?',
  'living wage', 'wage theft', 'xenophob\\p{L}*', 'homophob\\p{L}*', 'transphob\\p{L}*', 'sexis\\p{L}*',
  'excluded', 'justicia', 'injustici\\p{L}*', 'injust[oa]s?', 'just[oa]s?', 'equidad',
  'equitativ\\p{L}*', 'inequidad\\p{L}*', 'igualdad', 'desigualdad\\p{L}*', 'disparidad\\p{L}*',
  'desproporcionad\\p{L}*', 'raciales', 'racismo', 'racista', 'antirracis\\p{L}*', 'discrimina\\p{L}*',
  'opresi\\p{L}*', 'sistémic\\p{L}*', 'estructurales', 'dignidad', 'derechos', 'reparaci(?:ón|ones)',
  'acceso lingüístico', 'justicia lingüística', 'sin importar', 'cerrar la brecha', 'salario digno',
  'xenof\\p{L}*', 'excluid[oa]s',
]);

// --- matching -----------------------------------------------------------------------------------

interface Hit { text: string; start: number; end: number }

function hits(re: RegExp, text: string): Hit[] {
  return [...text.matchAll(re)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

const firstHit = (re: RegExp, text: string) => hits(re, text)[0];
const quote = (found: readonly (Hit | string)[]) =>
  [...new Set(found.map((h) => (typeof h === 'string' ? h : h.text).trim()))].join(' … ');
const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
const toNumber = (s: string) => Number(s.replace(/[.,](?=\d{3}(?!\d))/g, '').replace(',', '.'));

/** Blanks out matched spans, so that "by May 2026" is not read as the count 2026. */
function blank(text: string, spans: readonly Hit[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}

const wordsBefore = (text: string, at: number) => (text.slice(0, at).match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** How many words stand between two matches (0 when they touch or overlap). */
function wordGap(text: string, a: Hit, b: Hit): number {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  return Math.max(0, wordsBefore(text, second.start) - wordsBefore(text, first.end));
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function stretches(baseline: number, target: number): boolean {
  if (baseline === 0) return target !== 0;
  return Math.abs(target - baseline) >= AMBITION_MIN_CHANGE * Math.abs(baseline);
}

// --- the checks ---------------------------------------------------------------------------------

type Result = Omit<SmartieCheck, 'letter' | 'key'>;
const pass = (reason: SmartieReasonCode, evidence?: string): Result =>
  evidence ? { ok: true, reason, evidence } : { ok: true, reason };
const fail = (reason: SmartieReasonCode, evidence?: string): Result =>
  evidence ? { ok: false, reason, evidence } : { ok: false, reason };

export function checkSmartie(goal: SmartieGoal): SmartieCheck[] {
  const text = goal.statement.normalize('NFC').replace(/\s+/g, ' ');
  const indicators = goal.indicators ?? [];
  const activities = (goal.activities ?? []).filter((a) => a.text.trim() !== '');
  const deadline = goal.deadline?.trim() || null;
  const deadlineOk = deadline !== null && isIsoDate(deadline);

  const times = hits(CONCRETE_TIME, text);
  const undated = blank(text, [...times, ...hits(YEAR_MENTION, text)]);
  const numbers = hits(NUMBER, undated);
  const baselined = indicators.filter((i) => finite(i.baseline) && finite(i.target));

  const strategic = (): Result => {
    if (goal.strategic?.linkedTo?.trim()) return pass('linked_to_strategy');
    const purpose = firstHit(PURPOSE, text);
    return purpose ? pass('purpose_in_statement', purpose.text) : fail('no_link_to_strategy');
  };

  const measurable = (): Result => {
    if (indicators.some((i) => finite(i.target))) return pass('indicator_with_target');
    if (numbers.length > 0) {
      // The count with the words after it: "100 door-to-door canvassers".
      const counted = numbers.map((n) => n.text + (/^(?: [\p{L}'’-]+){0,2}/u.exec(undated.slice(n.end))?.[0] ?? ''));
      return pass('number_in_statement', quote(counted));
    }
    const quality = firstHit(DEFINED_QUALITY, text);
    if (quality) return pass('defined_quality_in_statement', quality.text);
    if (indicators.length > 0) return fail('indicator_without_target');
    const vague = hits(VAGUE_QUALITY, text);
    return vague.length > 0 ? fail('vague_quality_only', quote(vague)) : fail('no_number_or_defined_quality');
  };

  const ambitious = (): Result => {
    if (baselined.length > 0) {
      return baselined.some((i) => stretches(i.baseline!, i.target!))
        ? pass('target_stretches_baseline')
        : fail('target_close_to_baseline');
    }
    const fromTo = [...undated.matchAll(FROM_TO)].find((m) => stretches(toNumber(m[1]!), toNumber(m[2]!)));
    if (fromTo) return pass('stretch_wording', fromTo[0]);
    const stretch = firstHit(STRETCH, undated);
    if (stretch) return pass('stretch_wording', stretch.text);
    const counted = numbers.length > 0 || indicators.some((i) => finite(i.target));
    return counted ? fail('no_baseline_to_show_stretch') : fail('no_stretch');
  };

  const realistic = (): Result => {
    if (baselined.some((i) => i.baseline! > 0 && i.target! > REALISM_MAX_GROWTH * i.baseline!)) {
      return fail('target_far_above_baseline');
    }
    if (activities.length > 0) {
      const late = deadlineOk && activities.some((a) => !!a.dueOn && isIsoDate(a.dueOn) && a.dueOn > deadline!);
      return late ? fail('activities_after_deadline') : pass('activities_planned');
    }
    const means = firstHit(MEANS, undated);
    return means ? pass('means_in_statement', means.text) : fail('no_activities');
  };

  const timeBound = (): Result => {
    if (deadlineOk) return pass('deadline_field');
    if (times.length > 0) return pass('deadline_in_statement', quote(times));
    if (deadline !== null) return fail('deadline_not_a_date');
    const vague = hits(VAGUE_TIME, text);
    return vague.length > 0 ? fail('vague_timeframe', quote(vague)) : fail('no_deadline');
  };

  const inclusive = (): Result => {
    if (goal.decidersFromMostAffected === true) return pass('most_affected_decide');
    if (goal.decidersFromMostAffected === false) return fail('most_affected_do_not_decide');
    const who = hits(MOST_AFFECTED, text);
    const power = hits(POWER, text);
    for (const w of who) {
      const near = power.find((p) => wordGap(text, w, p) <= INCLUSION_MAX_GAP);
      if (near) return pass('shares_power_in_statement', quote([w, near].sort((a, b) => a.start - b.start)));
    }
    return who.length > 0 ? fail('inclusion_without_power', quote(who)) : fail('does_not_say_who_most_affected_decides');
  };

  const equitable = (): Result => {
    const inStatement = hits(FAIRNESS, text);
    if (inStatement.length > 0) return pass('fairness_element_in_statement', quote(inStatement));
    const inNote = hits(FAIRNESS, (goal.equityNote ?? '').normalize('NFC'));
    return inNote.length > 0 ? pass('fairness_element_in_note', quote(inNote)) : fail('no_fairness_or_justice_element');
  };

  const checks: Record<SmartieKey, () => Result> = {
    strategic, measurable, ambitious, realistic, time_bound: timeBound, inclusive, equitable,
  };
  return SMARTIE_KEYS.map((key) => ({ letter: SMARTIE_LETTERS[key], key, ...checks[key]() }));
}
