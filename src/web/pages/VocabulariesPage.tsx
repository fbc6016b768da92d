import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOCABULARY_KINDS, type VocabularyKind } from '../../orgs/organization.vocab.ts';
import { api, ApiError, errorText } from '../api.ts';
import { ErrorBanner, buttonClass, inputClass, secondaryButtonClass } from '../components/Field.tsx';
import { type Term, useSession } from '../session.tsx';

/** The shared lists (issues, constituencies, sectors, capacities): read by all, edited by workspace administrators. */
export function VocabulariesPage() {
  const { t } = useTranslation();
  const { me, vocab, refresh } = useSession();
  const [kind, setKind] = useState<VocabularyKind>('issue');
  const [terms, setTerms] = useState<Term[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const editable = Boolean(me?.isWorkspaceAdmin);
  useEffect(() => { setTerms(vocab?.[kind] ?? []); setError(null); setSaved(false); }, [kind, vocab]);

  const update = (i: number, patch: Partial<Term>) => setTerms(terms.map((term, j) => (j === i ? { ...term, ...patch } : term)));
  const fieldError = (i: number, field: keyof Term) => error?.errors.find((e) => e.field === `terms[${i}].${field}`)?.message;

  async function save() {
    setError(null);
    setSaved(false);
    try {
      await api.put(`/vocabularies/${kind}`, { terms });
      await refresh();
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, String(err), undefined, []));
    }
  }

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('vocab.title')}</h1>
      <p className="text-sm text-stone-700">{t(editable ? 'vocab.helpAdmin' : 'vocab.help')}</p>
      <div role="tablist" aria-label={t('vocab.title')} className="flex flex-wrap gap-1">
        {VOCABULARY_KINDS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={kind === k} onClick={() => setKind(k)}
            className={`rounded px-3 py-1 ${kind === k ? 'bg-amber-700 text-white' : 'border border-stone-300 bg-white'}`}>{t(`vocab.kind.${k}`)}</button>
        ))}
      </div>
      {error && <ErrorBanner message={error.errors.some((e) => e.field.startsWith('terms[')) ? t('form.fixErrors') : errorText(t, error)} />}
      <div className="overflow-x-auto rounded border border-stone-200 bg-white p-2">
        <table className="w-full text-sm">
          <thead><tr className="text-left"><th className="p-1">{t('vocab.key')}</th><th className="p-1">{t('language.en')}</th><th className="p-1">{t('language.es')}</th>{editable && <th />}</tr></thead>
          <tbody>
            {terms.map((term, i) => (
              <tr key={i} className="border-t">
                {(['key', 'en', 'es'] as const).map((field) => (
                  <td key={field} className="p-1 align-top">
                    {editable ? (
                      <>
                        <input aria-label={`${t(field === 'key' ? 'vocab.key' : `language.${field}`)} ${i + 1}`} aria-invalid={Boolean(fieldError(i, field))}
                          className={inputClass} value={term[field]} onChange={(e) => update(i, { [field]: e.target.value })} />
                        {fieldError(i, field) && <p role="alert" className="text-xs text-red-700">{fieldError(i, field)}</p>}
                      </>
                    ) : term[field]}
                  </td>
                ))}
                {editable && <td className="p-1"><button type="button" className={secondaryButtonClass} onClick={() => setTerms(terms.filter((_, j) => j !== i))}>{t('vocab.remove')}</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setTerms([...terms, { key: '', en: '', es: '' }])}>{t('vocab.add')}</button>
          <button type="button" className={buttonClass} onClick={() => void save()}>{t('common.save')}</button>
          {saved && <span role="status" className="text-sm text-green-800">{t('people.saved')}</span>}
        </div>
      )}
    </section>
  );
}
