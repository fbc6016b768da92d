import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSmartie } from './smartie.ts';
import {
  DISPARATE_IMPACT_QUESTIONS,
  DISPARATE_IMPACT_QUESTION_CODES,
  SUCCESS_SHEET_ISSUES,
  formatActivityLine,
  outcomeAsGoal,
  parseActivityLine,
  validateSuccessSheet,
  type SuccessSheet,
} from './success-sheet.ts';

// The hand-out's example goal, written out on its success sheet.
const canvassSheet = (): SuccessSheet => ({
  periodStart: '2026-01-01',
  periodEnd: '2026-05-31',
  outcomes: [
    {
      outcome: 'A volunteer team of 100 door-to-door canvassers, with at least 10 people of color recruited as volunteer leaders first, so that they can help shape the way we run the canvasses',
      measure: '100 canvassers who knocked at least once; 10 volunteer leaders who sit on the canvass planning team',
      activities: [
        { dueOn: '2026-01-31', text: 'Recruit 10 volunteer leaders through one-on-ones' },
        { dueOn: '2026-02-28', text: 'Leaders design the canvass script and turf' },
        { dueOn: '2026-04-30', text: 'Hold 6 house meetings to recruit canvassers' },
      ],
    },
  ],
  reflection: {
    disparateImpact: 'Canvass shifts on weekday evenings leave out parents and shift workers.',
    mitigation: 'Offer weekend shifts with childcare so the canvass is fair to working parents.',
  },
});

describe('validateSuccessSheet', () => {
  it('accepts a complete sheet', () => {
    expect(validateSuccessSheet(canvassSheet())).toEqual([]);
  });

  it('names each field at fault with a code', () => {
    const sheet = canvassSheet();
    sheet.periodEnd = '2026-13-01';
    sheet.outcomes[0]!.measure = '   ';
    sheet.outcomes[0]!.activities[1] = { dueOn: 'soon', text: '' };
    expect(validateSuccessSheet(sheet)).toEqual([
      { field: 'periodEnd', code: 'not_a_date' },
      { field: 'outcomes[0].measure', code: 'required' },
      { field: 'outcomes[0].activities[1].dueOn', code: 'not_a_date' },
      { field: 'outcomes[0].activities[1].text', code: 'required' },
    ]);
  });

  it('keeps the period in order and the activities within it', () => {
    const reversed = { ...canvassSheet(), periodStart: '2026-06-01' };
    expect(validateSuccessSheet(reversed)).toEqual([{ field: 'periodEnd', code: 'end_before_start' }]);
    const late = canvassSheet();
    late.outcomes[0]!.activities.push({ dueOn: '2026-06-01', text: 'Thank-you party' });
    expect(validateSuccessSheet(late)).toEqual([{ field: 'outcomes[0].activities[3].dueOn', code: 'outside_period' }]);
  });

  it('wants at least one outcome, each with activities, and no more than the limit', () => {
    expect(validateSuccessSheet({ ...canvassSheet(), outcomes: [] })).toEqual([{ field: 'outcomes', code: 'no_outcomes' }]);
    const bare = canvassSheet();
    bare.outcomes[0]!.activities = [];
    expect(validateSuccessSheet(bare)).toEqual([{ field: 'outcomes[0].activities', code: 'no_activities' }]);
    const many = canvassSheet();
    many.outcomes = [1, 2, 3, 4].map(() => canvassSheet().outcomes[0]!);
    expect(validateSuccessSheet(many)).toEqual([{ field: 'outcomes', code: 'too_many_outcomes' }]);
    expect(validateSuccessSheet(many, { maxOutcomes: 4, maxActivitiesPerOutcome: 2, maxTextLength: 2000 })).toEqual(
      [0, 1, 2, 3].map((i) => ({ field: `outcomes[${i}].activities`, code: 'too_many_activities' })),
    );
  });

  it('bounds the length of answers', () => {
    const long = canvassSheet();
    long.reflection = { mitigation: 'x'.repeat(2001) };
    expect(validateSuccessSheet(long)).toEqual([{ field: 'reflection.mitigation', code: 'too_long' }]);
  });

  it('words every issue code in English and Spanish', () => {
    for (const [code, text] of Object.entries(SUCCESS_SHEET_ISSUES)) {
      expect(text.en, code).not.toBe('');
      expect(text.es, code).not.toBe(text.en);
    }
  });

  it('never throws and only names real fields, whatever the sheet', () => {
    const text = fc.string({ maxLength: 30 });
    const date = fc.oneof(text, fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2030-12-31') }).map((d) => d.toISOString().slice(0, 10)));
    const sheet = fc.record({
      periodStart: date,
      periodEnd: date,
      outcomes: fc.array(fc.record({ outcome: text, measure: text, activities: fc.array(fc.record({ dueOn: date, text }), { maxLength: 12 }) }), { maxLength: 5 }),
    });
    fc.assert(fc.property(sheet, (s) => {
      for (const issue of validateSuccessSheet(s)) {
        expect(issue.field).toMatch(/^(periodStart|periodEnd|outcomes(\[\d+\]\.(outcome|measure|activities(\[\d+\]\.(dueOn|text))?))?)$/);
        expect(Object.keys(SUCCESS_SHEET_ISSUES)).toContain(issue.code);
      }
    }));
  });
});

describe('activity lines', () => {
  it.each([
    ['By 2026-03-01: Hold 6 house meetings', { dueOn: '2026-03-01', text: 'Hold 6 house meetings' }],
    ['- By March 1, 2026: Hold 6 house meetings', { dueOn: '2026-03-01', text: 'Hold 6 house meetings' }],
    ['By Sept. 30, 2026: Release the report', { dueOn: '2026-09-30', text: 'Release the report' }],
    ['by 15 May 2026 : Train leaders', { dueOn: '2026-05-15', text: 'Train leaders' }],
    ['Para el 1 de marzo de 2026: Realizar 6 reuniones en casa', { dueOn: '2026-03-01', text: 'Realizar 6 reuniones en casa' }],
    ['Antes del primero de julio de 2026: Capacitar a líderes', { dueOn: '2026-07-01', text: 'Capacitar a líderes' }],
  ])('reads %j', (line, activity) => {
    expect(parseActivityLine(line)).toEqual(activity);
  });

  it.each(['By _____ (date): _____', 'By May: canvass', 'By 2026-02-30: canvass', 'Recruit leaders', 'By 2026-03-01:'])(
    'refuses %j', (line) => expect(parseActivityLine(line)).toBeNull(),
  );

  it('writes lines that read back the same, in both languages', () => {
    const activity = fc.record({
      dueOn: fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2099-12-31') }).map((d) => d.toISOString().slice(0, 10)),
      text: fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() === t && t !== '' && !/\s/.test(t[0]!)),
    });
    fc.assert(fc.property(activity, fc.constantFrom('en' as const, 'es' as const), (a, language) => {
      expect(parseActivityLine(formatActivityLine(a, language))).toEqual(a);
    }));
  });
});

describe('disparate-impact questions', () => {
  it("asks the hand-out's two questions in English and Spanish", () => {
    expect(DISPARATE_IMPACT_QUESTION_CODES).toEqual(['disparateImpact', 'mitigation']);
    expect(DISPARATE_IMPACT_QUESTIONS.disparateImpact.en).toBe(
      'Can you imagine there being any unintentional disparate impact along lines of race, gender, class, ability, access, or power?',
    );
    expect(DISPARATE_IMPACT_QUESTIONS.mitigation.es).toMatch(/^¿Cómo .*equidad y la inclusión.*\?$/);
  });
});

describe('outcomeAsGoal', () => {
  it('checks an outcome with the period end as deadline, its activities and the reflection', () => {
    const checks = checkSmartie(outcomeAsGoal(canvassSheet(), 0));
    expect(checks.map((c) => [c.letter, c.reason])).toEqual([
      ['S', 'purpose_in_statement'],
      ['M', 'number_in_statement'],
      ['A', 'no_baseline_to_show_stretch'],
      ['R', 'activities_planned'],
      ['T', 'deadline_field'],
      ['I', 'shares_power_in_statement'],
      ['E', 'fairness_element_in_note'],
    ]);
  });

  it('refuses an outcome the sheet does not have', () => {
    expect(() => outcomeAsGoal(canvassSheet(), 1)).toThrow(RangeError);
  });
});
