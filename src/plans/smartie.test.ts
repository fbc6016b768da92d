import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSmartie, type SmartieCheck, type SmartieGoal, type SmartieLetter } from './smartie.ts';
import { SMARTIE_KEYS, SMARTIE_REASONS, SMARTIE_REASON_CODES, smartieReasonCatalog, type SmartieReasonCode } from './smartie-reasons.ts';

const HANDOUT_EXAMPLE =
  'Build a volunteer team of 100 door-to-door canvassers by May.....with at least 10 people of color recruited as volunteer leaders first, so that they can help shape the way we run the canvasses.';

// Each row: a goal and, per letter, the reason expected — or just whether it passes, where the
// heuristics' exact route does not matter.
type Expected = Partial<Record<SmartieLetter, SmartieReasonCode | boolean>>;
const cases: { name: string; goal: SmartieGoal; expect: Expected; evidence?: Partial<Record<SmartieLetter, string>> }[] = [
  {
    name: "the hand-out's SMARTIE example",
    goal: { statement: HANDOUT_EXAMPLE },
    expect: { S: 'purpose_in_statement', M: 'number_in_statement', A: 'no_baseline_to_show_stretch', R: 'no_activities', T: 'deadline_in_statement', I: 'shares_power_in_statement', E: 'no_fairness_or_justice_element' },
    evidence: { T: 'by May', I: 'people of color … leaders', M: '100 door-to-door canvassers … 10 people of' },
  },
  {
    name: 'practice priority 1 (vague, "this year")',
    goal: { statement: 'Ensure the steering committee is highly engaged this year.' },
    expect: { S: 'no_link_to_strategy', M: 'vague_quality_only', T: 'vague_timeframe', I: 'does_not_say_who_most_affected_decides', E: 'no_fairness_or_justice_element' },
    evidence: { T: 'this year', M: 'highly … engaged' },
  },
  {
    name: 'practice priority 2 (vague, no date)',
    goal: { statement: 'Build strong relationships with key community stakeholders.' },
    expect: { M: 'vague_quality_only', T: 'no_deadline', I: 'does_not_say_who_most_affected_decides', E: 'no_fairness_or_justice_element' },
  },
  {
    name: 'tokenism: "…and 10 should be people of color"',
    goal: { statement: 'Build a volunteer team of 100 door-to-door canvassers by May, and 10 should be people of color.' },
    expect: { M: true, T: true, I: 'inclusion_without_power' },
    evidence: { I: 'people of color' },
  },
  {
    name: 'tokenism: new hires and spokespeople',
    goal: { statement: 'Hire 3 organizers by June 30, 2026; at least 2 of the new hires and spokespeople should be people of color.' },
    expect: { M: true, T: true, I: 'inclusion_without_power' },
  },
  {
    name: 'NISN: border walk during spring break 2007',
    goal: { statement: "'La gran marcha fronteriza 'flor y canto' - Conduct a Border Walk during spring break 2007, from San Diego, CA. to Brownsville, TX, with a central meeting point in El Paso, TX." },
    expect: { T: 'deadline_in_statement', M: false, I: false },
    evidence: { T: 'spring break 2007' },
  },
  {
    name: 'NISN: a day named at the start',
    goal: { statement: 'September 7, Immigrant Rights Day at Camp Democracy, includes speakers, tents and programs.' },
    expect: { T: 'deadline_in_statement', E: 'fairness_element_in_statement', I: 'inclusion_without_power' },
  },
  {
    name: 'NISN: on October 7th, 2007',
    goal: { statement: "Support and mobilize around the European Social Forum's actions against deportation and detention, on October 7th, 2007" },
    expect: { T: 'deadline_in_statement' },
    evidence: { T: 'on October 7th, 2007' },
  },
  {
    name: 'NISN: youth in leadership positions',
    goal: { statement: 'Visibly incorporate youth into leadership positions in the movement.' },
    expect: { I: 'shares_power_in_statement', M: false, T: 'no_deadline' },
  },
  {
    name: 'NISN: participation is not power',
    goal: { statement: 'Provide opportunities for day laborers to participate in community activities.' },
    expect: { I: 'inclusion_without_power', E: false },
  },
  {
    name: 'NISN: fair labor standards',
    goal: { statement: 'Support fair labor standards here and abroad for all workers.' },
    expect: { E: 'fairness_element_in_statement', M: false, T: false },
    evidence: { E: 'fair' },
  },
  {
    name: 'NISN: patterns of racism',
    goal: { statement: 'Educate on historical patterns of racism' },
    expect: { E: 'fairness_element_in_statement', T: false },
  },
  {
    name: 'NISN: "marches" is not the month of March',
    goal: { statement: 'Organize marches to jails and deportation centers (over 20,000 detained a day).' },
    expect: { T: 'no_deadline' },
  },
  {
    name: 'NISN: a holiday is not a deadline',
    goal: { statement: "Reclaim May Day (May 1st) for workers' movement." },
    expect: { T: 'no_deadline', M: false },
  },
  {
    name: 'NISN: regardless of immigration status',
    goal: { statement: 'Advocate for universal access to health care for all regardless of immigration status' },
    expect: { E: 'fairness_element_in_statement', T: 'no_deadline' },
    evidence: { E: 'regardless of' },
  },
  {
    name: 'IAD: a goal of a strategy area',
    goal: { statement: 'Build social movement front presence and activities on immigration reform.', strategic: { linkedTo: 'Challenging the Right' } },
    expect: { S: 'linked_to_strategy', M: 'no_number_or_defined_quality', T: 'no_deadline' },
  },
  {
    name: 'IAD: "specific number" is not a number',
    goal: { statement: 'Engage in specific number of local/regional cross alliance gatherings to engage in common political education, plan for USSF and discuss strategy', strategic: { linkedTo: 'Building Political Unity' } },
    expect: { S: true, M: false, T: false },
  },
  {
    name: 'IAD: ratification by mid-late February',
    goal: { statement: 'Network ratification by mid-late February' },
    expect: { M: 'defined_quality_in_statement', T: 'deadline_in_statement' },
    evidence: { T: 'by mid-late February', M: 'ratification' },
  },
  {
    name: 'IAD: release the report in April',
    goal: { statement: 'Membership call on the "Mapping the Money" (being developed by GGJ) report in late March. Release the "Mapping the Money" report in April, discuss it at the USSF, and for the IAD to give feedback and engage in the discussion.' },
    expect: { M: 'defined_quality_in_statement', T: 'deadline_in_statement' },
    evidence: { T: 'in late March … in April' },
  },
  {
    name: 'IAD: capacity building with fields',
    goal: { statement: 'Use the IAD as a vehicle for organizing philanthropy to ensure the preservation and growth of the grassroots organizing sector.', strategic: { linkedTo: 'Capacity Building' }, deadline: '2010-12-31' },
    expect: { S: 'linked_to_strategy', T: 'deadline_field', M: false },
  },
  {
    name: 'es: equipo dirigido por los más afectados',
    goal: { language: 'es', statement: 'Formar un equipo de 100 voluntarios para mayo, con al menos 10 líderes de los más afectados que decidan cómo hacemos el trabajo.' },
    expect: { M: 'number_in_statement', T: 'deadline_in_statement', I: 'shares_power_in_statement' },
    evidence: { T: 'para mayo' },
  },
  {
    name: 'es: prioridad de práctica 1',
    goal: { language: 'es', statement: 'Lograr que el comité directivo esté muy comprometido este año.' },
    expect: { M: 'vague_quality_only', T: 'vague_timeframe', I: 'does_not_say_who_most_affected_decides', E: 'no_fairness_or_justice_element' },
    evidence: { T: 'este año' },
  },
  {
    name: 'es: prioridad de práctica 2',
    goal: { language: 'es', statement: 'Construir relaciones fuertes con actores clave de la comunidad.' },
    expect: { M: 'vague_quality_only', T: 'no_deadline', I: false, E: false },
  },
  {
    name: 'es: ordenanza aprobada antes del 31 de diciembre',
    goal: { language: 'es', statement: 'Aprobar una ordenanza de justicia para inquilinos antes del 31 de diciembre de 2026, dirigida por inquilinos de bajos ingresos.' },
    expect: { M: 'defined_quality_in_statement', T: 'deadline_in_statement', I: 'shares_power_in_statement', E: 'fairness_element_in_statement' },
    evidence: { T: 'antes del 31 de diciembre de 2026', E: 'justicia' },
  },
  {
    name: 'es: de 250 a 500',
    goal: { language: 'es', statement: 'Duplicar el número de miembros de 250 a 500 para el 30 de junio de 2026.' },
    expect: { M: true, A: 'stretch_wording', T: 'deadline_in_statement' },
    evidence: { A: 'de 250 a 500' },
  },
  {
    name: 'es: simbolismo',
    goal: { language: 'es', statement: 'Reclutar 50 voluntarios para abril, y 5 deben ser personas de color.' },
    expect: { M: true, T: true, I: 'inclusion_without_power' },
    evidence: { I: 'personas de color' },
  },
  {
    name: 'es: disparidades raciales, 20%, para 2027',
    goal: { language: 'es', statement: 'Reducir las disparidades raciales en el acceso a la vivienda en un 20% para 2027.' },
    expect: { M: 'number_in_statement', T: 'deadline_in_statement', E: 'fairness_element_in_statement' },
    evidence: { T: 'para 2027', M: '20%' },
  },
  {
    name: 'es: dentro de seis meses mediante visitas',
    goal: { language: 'es', statement: 'Registrar 5,000 nuevos votantes en el condado de Fresno dentro de seis meses mediante visitas casa por casa.' },
    expect: { M: true, A: 'stretch_wording', R: 'means_in_statement', T: 'deadline_in_statement' },
  },
  {
    name: 'es: voz y voto para fines de 2026',
    goal: { language: 'es', statement: 'Asegurar que las familias inmigrantes tengan voz y voto en el plan de la ciudad para fines de 2026.' },
    expect: { T: 'deadline_in_statement', I: 'shares_power_in_statement', M: false },
  },
  {
    name: 'a goal that passes every letter from its wording',
    goal: { statement: 'Grow our dues-paying membership from 300 to 450 by December 31, 2026 through monthly house meetings led by tenants most affected by evictions, so that renters win fair housing.' },
    expect: { S: true, M: true, A: 'stretch_wording', R: 'means_in_statement', T: true, I: true, E: true },
  },
  {
    name: 'vague and "soon"',
    goal: { statement: 'Get more people involved soon.' },
    expect: { M: 'vague_quality_only', T: 'vague_timeframe' },
    evidence: { T: 'soon' },
  },
  {
    name: 'a percentage increase in a quarter',
    goal: { statement: 'Increase turnout at membership meetings by 25% in Q3 2026.' },
    expect: { M: true, A: 'stretch_wording', T: 'deadline_in_statement' },
  },
  {
    name: 'a year named is not a deadline nor a count',
    goal: { statement: 'Hold 4 regional meetings before the network ratifies the 2010 work plan.' },
    expect: { T: 'no_deadline', M: 'number_in_statement' },
    evidence: { M: '4 regional meetings' },
  },
  {
    name: '"this year" with a concrete end',
    goal: { statement: 'Train 20 leaders by the end of this year.' },
    expect: { T: 'deadline_in_statement' },
  },
  {
    name: '"lead" the metal is not leadership',
    goal: { statement: 'Reduce lead poisoning among Black children in Flint by 50% by 2027.' },
    expect: { I: 'inclusion_without_power', M: true, T: true },
  },
  {
    name: 'indicator close to its baseline',
    goal: { statement: 'Grow membership', indicators: [{ name: 'dues-paying members', baseline: 300, target: 320 }] },
    expect: { M: 'indicator_with_target', A: 'target_close_to_baseline' },
  },
  {
    name: 'indicator far above its baseline',
    goal: { statement: 'Grow membership', indicators: [{ name: 'dues-paying members', baseline: 300, target: 4000 }] },
    expect: { M: 'indicator_with_target', A: 'target_stretches_baseline', R: 'target_far_above_baseline' },
  },
  {
    name: 'indicator without a target',
    goal: { statement: 'Grow membership', indicators: [{ name: 'dues-paying members', baseline: 300 }] },
    expect: { M: 'indicator_without_target' },
  },
  {
    name: 'the field says the most affected do not decide',
    goal: { statement: HANDOUT_EXAMPLE, decidersFromMostAffected: false },
    expect: { I: 'most_affected_do_not_decide' },
  },
  {
    name: 'the field says the most affected decide',
    goal: { statement: 'Build strong relationships with key community stakeholders.', decidersFromMostAffected: true },
    expect: { I: 'most_affected_decide' },
  },
  {
    name: 'fairness in the equity note',
    goal: { statement: 'Ensure the steering committee is highly engaged this year.', equityNote: 'Monolingual Spanish speakers could be left out; we will interpret every meeting for language justice.' },
    expect: { E: 'fairness_element_in_note' },
    evidence: { E: 'language justice' },
  },
  {
    name: 'a deadline that is not a date',
    goal: { statement: 'Build strong relationships with key community stakeholders.', deadline: '2026-02-30' },
    expect: { T: 'deadline_not_a_date' },
  },
  {
    name: 'activities dated within the deadline',
    goal: { statement: HANDOUT_EXAMPLE, deadline: '2026-05-31', activities: [{ dueOn: '2026-02-01', text: 'Recruit 10 volunteer leaders' }, { dueOn: '2026-03-15', text: 'Leaders plan the canvass' }] },
    expect: { R: 'activities_planned', T: 'deadline_field' },
  },
  {
    name: 'activities dated after the deadline',
    goal: { statement: HANDOUT_EXAMPLE, deadline: '2026-05-31', activities: [{ dueOn: '2026-06-15', text: 'Recruit volunteer leaders' }] },
    expect: { R: 'activities_after_deadline' },
  },
];

const byLetter = (checks: SmartieCheck[]) => Object.fromEntries(checks.map((c) => [c.letter, c])) as Record<SmartieLetter, SmartieCheck>;

describe('checkSmartie', () => {
  it.each(cases)('$name', ({ goal, expect: expected, evidence }) => {
    const checks = byLetter(checkSmartie(goal));
    for (const [letter, want] of Object.entries(expected) as [SmartieLetter, SmartieReasonCode | boolean][]) {
      const check = checks[letter];
      if (typeof want === 'boolean') expect(check.ok, `${letter}: ${check.reason}`).toBe(want);
      else expect({ letter, reason: check.reason, ok: check.ok }).toEqual({ letter, reason: want, ok: SMARTIE_REASONS[want].ok });
    }
    for (const [letter, words] of Object.entries(evidence ?? {}) as [SmartieLetter, string][]) {
      expect(checks[letter].evidence, letter).toBe(words);
    }
  });

  it('quotes as evidence only words that are in the statement or the equity note', () => {
    for (const { goal } of cases) {
      const source = `${goal.statement} ${goal.equityNote ?? ''}`.replace(/\s+/g, ' ');
      for (const check of checkSmartie(goal)) {
        for (const part of check.evidence?.split(' … ') ?? []) expect(source, check.reason).toContain(part);
      }
    }
  });
});

describe('SMARTIE reason catalog', () => {
  it('words every reason in English and Spanish, each under its letter', () => {
    const { en, es } = smartieReasonCatalog();
    expect(Object.keys(en).sort()).toEqual([...SMARTIE_REASON_CODES].sort());
    expect(Object.keys(es).sort()).toEqual([...SMARTIE_REASON_CODES].sort());
    for (const code of SMARTIE_REASON_CODES) {
      expect(en[code]).toMatch(/^[A-Z][\w-]+: \S/);
      expect(es[code]).toMatch(/^[A-ZÁÉÍÓÚ][\p{L} -]+: \S/u);
      expect(es[code]).not.toBe(en[code]);
    }
    expect(en.no_deadline).toBe('Time-bound: no deadline');
    expect(es.no_deadline).toBe('Con plazo: no tiene fecha límite');
    expect(en.does_not_say_who_most_affected_decides).toBe('Inclusive: does not say who most affected takes part in deciding');
  });

  it('offers a passing and a failing reason for every letter', () => {
    for (const key of SMARTIE_KEYS) {
      const reasons = Object.values(SMARTIE_REASONS).filter((r) => r.key === key);
      expect(reasons.some((r) => r.ok) && reasons.some((r) => !r.ok), key).toBe(true);
    }
  });

  it('serializes as JSON, as the web catalogs are', () => {
    const catalog = smartieReasonCatalog();
    expect(JSON.parse(JSON.stringify(catalog))).toEqual(catalog);
  });
});

// --- properties ---------------------------------------------------------------------------------

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const vocabulary = ['by May', 'para mayo', 'this year', 'people of color', 'decide', 'led by', 'más afectados', 'justicia',
  'fair', '100', '10%', 'from 5 to 50', 'de 5 a 50', 'through', 'mediante', 'so that', 'lead', 'March', 'marzo', '2026', '…',
  'Ñandú', '🙂', '\u0301', 'by', 'de', '\n', '(', '*+?', '\\'];
const words = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 30 });
const indicator = fc.record({
  name: fc.string({ maxLength: 20 }),
  baseline: fc.option(fc.double({ noNaN: false }), { nil: null }),
  target: fc.option(fc.double({ noNaN: false }), { nil: undefined }),
});
const goal: fc.Arbitrary<SmartieGoal> = fc.record({
  statement: words.map((w) => w.join(' ')),
  deadline: fc.option(fc.oneof(isoDate, fc.string({ maxLength: 12 })), { nil: undefined }),
  indicators: fc.option(fc.array(indicator, { maxLength: 3 }), { nil: null }),
  strategic: fc.option(fc.record({ linkedTo: fc.option(fc.string({ maxLength: 10 }), { nil: null }) }), { nil: undefined }),
  activities: fc.option(fc.array(fc.record({ dueOn: fc.option(isoDate, { nil: null }), text: fc.string({ maxLength: 10 }) }), { maxLength: 3 }), { nil: undefined }),
  decidersFromMostAffected: fc.option(fc.boolean(), { nil: null }),
  equityNote: fc.option(words.map((w) => w.join(' ')), { nil: null }),
}, { requiredKeys: ['statement'] });

describe('checkSmartie properties', () => {
  it('always answers the seven letters in order, each with a reason of its own letter', () => {
    fc.assert(fc.property(goal, (g) => {
      const checks = checkSmartie(g);
      expect(checks.map((c) => c.letter).join('')).toBe('SMARTIE');
      expect(checks.map((c) => c.key)).toEqual([...SMARTIE_KEYS]);
      for (const c of checks) {
        expect(SMARTIE_REASONS[c.reason].key).toBe(c.key);
        expect(SMARTIE_REASONS[c.reason].ok).toBe(c.ok);
      }
    }), { numRuns: 300 });
  });

  it('passes T whenever a valid deadline is given, whatever the wording', () => {
    fc.assert(fc.property(goal, isoDate, (g, deadline) => {
      const after = checkSmartie({ ...g, deadline })[4]!;
      expect(after).toEqual({ letter: 'T', key: 'time_bound', ok: true, reason: 'deadline_field' });
    }), { numRuns: 300 });
  });

  it('never throws when words are added anywhere in a real goal', () => {
    const statements = cases.map((c) => c.goal.statement);
    fc.assert(fc.property(fc.constantFrom(...statements), words, fc.nat(), (statement, extra, at) => {
      const tokens = statement.split(' ');
      const i = at % (tokens.length + 1);
      const longer = [...tokens.slice(0, i), ...extra, ...tokens.slice(i)].join(' ');
      expect(checkSmartie({ statement: longer })).toHaveLength(7);
    }), { numRuns: 300 });
  });
});
