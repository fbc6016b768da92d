// The hand-out's success sheet: "My goals between <start> and <end> are to:", then for each
// outcome a Strategic, Ambitious Outcome, how to make it Measurable, and the dated activities that
// make it Realistic ("By <date>: <activity>"); then the two disparate-impact questions. Pure types,
// a validator that answers with field paths and codes, and the bridge to the SMARTIE checks.
import { isIsoDate, type SmartieGoal } from './smartie.ts';

export interface SuccessSheetActivity {
  /** ISO date (YYYY-MM-DD). */
  dueOn: string;
  text: string;
}

export interface SuccessSheetOutcome {
  /** Strategic, Ambitious Outcome. */
  outcome: string;
  /** How I will know success when I see it. */
  measure: string;
  activities: SuccessSheetActivity[];
}

export interface SuccessSheet {
  /** ISO dates: the time-bound period the goals cover. */
  periodStart: string;
  periodEnd: string;
  outcomes: SuccessSheetOutcome[];
  /** Answers to the disparate-impact questions, keyed by question code. */
  reflection?: Partial<Record<DisparateImpactQuestionCode, string | null>> | null;
}

// The hand-out's two questions, asked after the goals are written. The codes are the keys of
// `impactReflection` in goal.schema.ts.
export const DISPARATE_IMPACT_QUESTIONS = {
  disparateImpact: {
    en: 'Can you imagine there being any unintentional disparate impact along lines of race, gender, class, ability, access, or power?',
    es: '¿Puede imaginar algún impacto desigual no intencional por motivos de raza, género, clase, capacidad, acceso o poder?',
  },
  mitigation: {
    en: 'How might you change the goals to either mitigate that disparate impact or to make equity and inclusion an intentional feature?',
    es: '¿Cómo podría cambiar las metas para mitigar ese impacto desigual o para que la equidad y la inclusión sean una parte intencional de ellas?',
  },
} as const;
export type DisparateImpactQuestionCode = keyof typeof DISPARATE_IMPACT_QUESTIONS;
export const DISPARATE_IMPACT_QUESTION_CODES = Object.keys(DISPARATE_IMPACT_QUESTIONS) as DisparateImpactQuestionCode[];

export const SUCCESS_SHEET_LIMITS = {
  /** The hand-out leaves room for two outcomes; a third is the most that stays focused. */
  maxOutcomes: 3,
  maxActivitiesPerOutcome: 10,
  maxTextLength: 2000,
} as const;
export type SuccessSheetLimits = { [K in keyof typeof SUCCESS_SHEET_LIMITS]: number };

export const SUCCESS_SHEET_ISSUES = {
  required: { en: 'Required', es: 'Obligatorio' },
  too_long: { en: 'Too long', es: 'Demasiado largo' },
  not_a_date: { en: 'Not a date (use YYYY-MM-DD)', es: 'No es una fecha (use AAAA-MM-DD)' },
  end_before_start: { en: 'The period ends before it starts', es: 'El período termina antes de empezar' },
  no_outcomes: { en: 'Write at least one outcome', es: 'Escriba al menos un resultado' },
  too_many_outcomes: { en: 'Too many outcomes for one period', es: 'Demasiados resultados para un período' },
  no_activities: { en: 'List the activities that make it realistic', es: 'Indique las actividades que la hacen realista' },
  too_many_activities: { en: 'Too many activities for one outcome', es: 'Demasiadas actividades para un resultado' },
  outside_period: { en: 'Dated outside the period', es: 'Con fecha fuera del período' },
} as const;
export type SuccessSheetIssueCode = keyof typeof SUCCESS_SHEET_ISSUES;

export interface SuccessSheetIssue {
  /** Path as the API names fields: outcomes[0].activities[1].dueOn */
  field: string;
  code: SuccessSheetIssueCode;
}

/** Every problem with a sheet, in reading order; an empty list means it is complete. */
export function validateSuccessSheet(
  sheet: SuccessSheet,
  limits: SuccessSheetLimits = SUCCESS_SHEET_LIMITS,
): SuccessSheetIssue[] {
  const issues: SuccessSheetIssue[] = [];
  const add = (field: string, code: SuccessSheetIssueCode) => issues.push({ field, code });
  const text = (field: string, value: string) => {
    if (value.trim() === '') add(field, 'required');
    else if (value.length > limits.maxTextLength) add(field, 'too_long');
  };

  const startOk = isIsoDate(sheet.periodStart);
  const endOk = isIsoDate(sheet.periodEnd);
  if (!startOk) add('periodStart', 'not_a_date');
  if (!endOk) add('periodEnd', 'not_a_date');
  const periodOk = startOk && endOk && sheet.periodStart <= sheet.periodEnd;
  if (startOk && endOk && !periodOk) add('periodEnd', 'end_before_start');

  if (sheet.outcomes.length === 0) add('outcomes', 'no_outcomes');
  if (sheet.outcomes.length > limits.maxOutcomes) add('outcomes', 'too_many_outcomes');
  sheet.outcomes.forEach((o, i) => {
    const at = `outcomes[${i}]`;
    text(`${at}.outcome`, o.outcome);
    text(`${at}.measure`, o.measure);
    if (o.activities.length === 0) add(`${at}.activities`, 'no_activities');
    if (o.activities.length > limits.maxActivitiesPerOutcome) add(`${at}.activities`, 'too_many_activities');
    o.activities.forEach((a, j) => {
      const field = `${at}.activities[${j}]`;
      if (!isIsoDate(a.dueOn)) add(`${field}.dueOn`, 'not_a_date');
      else if (periodOk && (a.dueOn < sheet.periodStart || a.dueOn > sheet.periodEnd)) add(`${field}.dueOn`, 'outside_period');
      text(`${field}.text`, a.text);
    });
  });
  for (const code of DISPARATE_IMPACT_QUESTION_CODES) {
    const answer = sheet.reflection?.[code];
    if (answer && answer.length > limits.maxTextLength) add(`reflection.${code}`, 'too_long');
  }
  return issues;
}

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const pad = (n: number) => String(n).padStart(2, '0');
/** 1-based month of an English name or its abbreviation ("Sept."), 0 when none. */
const monthEn = (name: string) => MONTHS_EN.findIndex((m) => m === name || (name.length >= 3 && m.startsWith(name))) + 1;

function isoFrom(year: string, month: number, day: string): string | null {
  const iso = `${year}-${pad(month)}-${pad(Number(day))}`;
  return month >= 1 && isIsoDate(iso) ? iso : null;
}

/** The date of "2026-03-01", "March 1, 2026", "1 March 2026" or "1 de marzo de 2026". */
function parseWrittenDate(written: string): string | null {
  const s = written.trim().toLowerCase().replace(/\s+/g, ' ');
  if (isIsoDate(s)) return s;
  let m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (m) return isoFrom(m[3]!, monthEn(m[1]!), m[2]!);
  m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+),? (\d{4})$/.exec(s);
  if (m) return isoFrom(m[3]!, monthEn(m[2]!), m[1]!);
  m = /^(\d{1,2}|primero) de ([a-z]+) de(?:l)? (\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS_ES.indexOf(m[2] === 'setiembre' ? 'septiembre' : m[2]!) + 1;
    return isoFrom(m[3]!, month, m[1] === 'primero' ? '1' : m[1]!);
  }
  return null;
}

/**
 * Reads a success-sheet line "By <date>: <activity>" (or "Para el <fecha>: <actividad>",
 * "Antes del <fecha>: …"), with the date written as on the sheet. Null when it is not one.
 */
export function parseActivityLine(line: string): SuccessSheetActivity | null {
  const m = /^\s*[-•*]?\s*(?:by|para el|para|antes del|antes de)\s+([^:]+?)\s*:\s*(.+?)\s*$/iu.exec(line.normalize('NFC'));
  if (!m) return null;
  const dueOn = parseWrittenDate(m[1]!);
  return dueOn ? { dueOn, text: m[2]! } : null;
}

/** Writes an activity as a success-sheet line, the date in ISO form so it reads back the same. */
export function formatActivityLine(activity: SuccessSheetActivity, language: 'en' | 'es' = 'en'): string {
  return `${language === 'es' ? 'Para el' : 'By'} ${activity.dueOn}: ${activity.text}`;
}

/**
 * One outcome of the sheet as a goal for the SMARTIE checks: the outcome and its measure are the
 * statement, the end of the period is the deadline, its activities are the tactics, and the
 * reflection is the equity note.
 */
export function outcomeAsGoal(sheet: SuccessSheet, index: number, language: 'en' | 'es' = 'en'): SmartieGoal {
  const outcome = sheet.outcomes[index];
  if (!outcome) throw new RangeError(`outcomes[${index}] does not exist`);
  const equityNote = DISPARATE_IMPACT_QUESTION_CODES.map((c) => sheet.reflection?.[c] ?? '').filter(Boolean).join('\n');
  return {
    statement: [outcome.outcome.trim(), outcome.measure.trim()].filter(Boolean).join(' — '),
    deadline: sheet.periodEnd,
    activities: outcome.activities,
    equityNote: equityNote || null,
    language,
  };
}
