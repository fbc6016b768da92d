import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import es from './locales/es.json';
import { withManyForms } from './plural-forms.ts';

describe('Spanish plurals of a million and more', () => {
  it('word a count of 1,000,000 with the catalog\'s plural, not the bare key', async () => {
    const t = await i18next.createInstance().init({ lng: 'es', resources: { es: { translation: withManyForms(es) } }, interpolation: { escapeValue: false } });
    expect(new Intl.PluralRules('es').select(1_000_000)).toBe('many');
    expect(t('overlap.shared', { count: 1_000_000, formatted: '1.000.000' })).toBe('1.000.000 personas en común');
    expect(t('overlap.shared', { count: 5, formatted: '5' })).toBe('5 personas en común');
  });
});
