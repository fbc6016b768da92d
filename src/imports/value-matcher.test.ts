import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARIES } from '../vocabularies/vocabulary-defaults.ts';
import { suggestTerm } from './value-matcher.ts';

const terms = DEFAULT_VOCABULARIES.issue.map((t) => ({ key: t.key, names: [t.en, t.es] }));

describe('which term a spreadsheet word probably means', () => {
  it('finds the term by a word of its English or Spanish name', () => {
    expect(suggestTerm('labor', terms)).toBe('workers_rights');
    expect(suggestTerm('immigrant', terms)).toBe('immigrant_rights');
    expect(suggestTerm('tax and fiscal', terms)).toBe('tax_fiscal_reform');
    expect(suggestTerm('Vivienda', terms)).toBe('housing');
    expect(suggestTerm('vivienda publica', terms)).toBe('public_housing');
    expect(suggestTerm('CLIMATE', terms)).toBe('climate_justice');
  });

  it('suggests nothing when no term shares enough words', () => {
    expect(suggestTerm('fracking', terms)).toBeNull();
    expect(suggestTerm('and the', terms)).toBeNull();
    expect(suggestTerm('', terms)).toBeNull();
  });
});
