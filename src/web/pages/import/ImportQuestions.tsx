import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyKind } from '../../../orgs/organization.vocab.ts';
import { ENUM_GROUP, VOCABULARY_OF } from '../../field-words.ts';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, inputClass, secondaryButtonClass } from '../../components/Field.tsx';
import { useSession } from '../../session.tsx';
import type { Choice, Decisions, DuplicateDecision, DuplicateQuestion, Preview, UnknownValue } from './import-types.ts';

// The questions an import's preview asks, each answered where it is asked: a value for rows
// without one, what the file's own words mean, which way its dates go, and what to do with rows
// that may be organizations seen before. Answers are sent back with the file; nothing is guessed.

export function useChoiceLabel() {
  const { t, i18n } = useTranslation();
  return (field: string, choice: Choice) => {
    const group = ENUM_GROUP[field];
    const own = i18n.language.startsWith('es') ? choice.es : choice.en;
    return group ? t(`enum.${group}.${choice.key}`, { defaultValue: own }) : own;
  };
}

/** The field's name as the person reads it. */
export function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string) => t(`import.fields.${field}`, { defaultValue: field });
}

interface Props { preview: Preview; decisions: Decisions; onChange: (next: Decisions) => void }

export function DefaultsQuestion({ preview, decisions, onChange }: Props) {
  const { t } = useTranslation();
  const label = useChoiceLabel();
  const fieldLabel = useFieldLabel();
  const fields = preview.missing.filter((f) => preview.choices[f]);
  if (fields.length === 0 && !decisions.defaults?.kind) return null;
  return (
    <fieldset className="rounded border border-stone-200 bg-white p-3">
      <legend className="font-semibold">{t('import.defaults.title')}</legend>
      <p className="text-sm text-stone-700">{t('import.defaults.help')}</p>
      {[...new Set([...fields, ...Object.keys(decisions.defaults ?? {})])].map((field) => (
        <label key={field} className="mt-2 flex flex-col gap-1 text-sm sm:flex-row sm:items-center">
          <span className="sm:w-48">{fieldLabel(field)}</span>
          <select className={inputClass} value={decisions.defaults?.[field] ?? ''}
            onChange={(e) => onChange({ ...decisions, defaults: { ...decisions.defaults, [field]: e.target.value } })}>
            <option value="">{t('import.defaults.none')}</option>
            {(preview.choices[field] ?? []).map((c) => <option key={c.key} value={c.key}>{label(field, c)}</option>)}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

export function UnknownValuesQuestion({ preview, decisions, onChange }: Props) {
  const { t } = useTranslation();
  const label = useChoiceLabel();
  const fieldLabel = useFieldLabel();
  if (preview.unknownValues.length === 0) return null;
  const chosen = (u: UnknownValue) => {
    const value = decisions.values?.[u.field]?.[u.value];
    return value === null ? '-' : value ?? '';
  };
  // undefined: no answer yet (dropped when sent); null: leave the value out.
  const choose = (u: UnknownValue, key: string | null | undefined) =>
    onChange({ ...decisions, values: { ...decisions.values, [u.field]: { ...decisions.values?.[u.field], [u.value]: key } } });
  return (
    <fieldset className="rounded border border-stone-200 bg-white p-3">
      <legend className="font-semibold">{t('import.values.title')}</legend>
      <p className="text-sm text-stone-700">{t('import.values.help')}</p>
      <ul className="mt-2 flex flex-col gap-3">
        {preview.unknownValues.map((u) => (
          <li key={`${u.field}:${u.value}`} className="flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-3">
            <span className="sm:w-64">
              <strong>“{u.value}”</strong> · {fieldLabel(u.field)} · {t('import.values.rows', { count: u.count })}
            </span>
            <select aria-label={t('import.values.meaning', { value: u.value })} className={`${inputClass} sm:max-w-xs`} value={chosen(u)}
              onChange={(e) => choose(u, e.target.value === '-' ? null : e.target.value || undefined)}>
              <option value="">{t('import.values.undecided')}</option>
              {u.suggestion && <option value={u.suggestion}>{t('import.values.suggested', { term: label(u.field, preview.choices[u.field]!.find((c) => c.key === u.suggestion)!) })}</option>}
              {(preview.choices[u.field] ?? []).filter((c) => c.key !== u.suggestion).map((c) => <option key={c.key} value={c.key}>{label(u.field, c)}</option>)}
              <option value="-">{t('import.values.leaveOut')}</option>
            </select>
            {VOCABULARY_OF[u.field] && <AddTerm kind={VOCABULARY_OF[u.field]!} value={u.value} onAdded={(key) => choose(u, key)} />}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A workspace administrator adds a file's word to the shared vocabulary, in both languages. */
function AddTerm({ kind, value, onAdded }: { kind: VocabularyKind; value: string; onAdded: (key: string) => void }) {
  const { t } = useTranslation();
  const { me, vocab, refresh } = useSession();
  const [open, setOpen] = useState(false);
  const [en, setEn] = useState(value);
  const [es, setEs] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (!me?.isWorkspaceAdmin) return null;
  if (!open) return <button type="button" className={`${secondaryButtonClass} text-sm`} onClick={() => setOpen(true)}>{t('import.values.add')}</button>;
  const key = en.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 60);
  async function add() {
    setError(null);
    try {
      await api.put(`/vocabularies/${kind}`, { terms: [...(vocab?.[kind] ?? []), { key, en, es }] });
      await refresh();
      onAdded(key);
      setOpen(false);
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  return (
    <span className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col text-xs">{t('import.values.english')}<input className={inputClass} value={en} onChange={(e) => setEn(e.target.value)} /></label>
      <label className="flex flex-col text-xs">{t('import.values.spanish')}<input className={inputClass} value={es} onChange={(e) => setEs(e.target.value)} /></label>
      <button type="button" className={`${secondaryButtonClass} text-sm`} disabled={!key || !en.trim() || !es.trim()} onClick={() => void add()}>{t('import.values.addConfirm')}</button>
      <ErrorBanner message={error} />
    </span>
  );
}

export function DateOrderQuestion({ preview, decisions, onChange }: Props) {
  const { t } = useTranslation();
  const { dates } = preview;
  if (dates.ambiguous === 0 && !decisions.dateOrder) return null;
  const example = dates.examples[0] ?? '03/04/2019';
  return (
    <fieldset className="rounded border border-stone-200 bg-white p-3">
      <legend className="font-semibold">{t('import.dates.title')}</legend>
      <p className="text-sm text-stone-700">
        {t('import.dates.help', { count: dates.ambiguous, example })}
        {dates.evidence && <> {t(`import.dates.evidence.${dates.evidence.order}`, { value: dates.evidence.value })}</>}
      </p>
      {(['mdy', 'dmy'] as const).map((order) => (
        <label key={order} className="mt-1 flex items-center gap-2 text-sm">
          <input type="radio" name="date-order" checked={decisions.dateOrder === order} onChange={() => onChange({ ...decisions, dateOrder: order })} />
          {t(`import.dates.${order}`, { example })}
        </label>
      ))}
    </fieldset>
  );
}

export function DuplicatesQuestion({ preview, decisions, onChange }: Props) {
  const { t } = useTranslation();
  if (preview.duplicates.length === 0) return null;
  const decide = (q: DuplicateQuestion, decision: DuplicateDecision) => onChange({ ...decisions, duplicates: { ...decisions.duplicates, [q.rowNumber]: decision } });
  const decideAll = (decision: DuplicateDecision) => onChange({ ...decisions, duplicates: Object.fromEntries(preview.duplicates.map((q) => [q.rowNumber,
    (decision === 'merge' && !q.mergeInto) || (decision === 'keepBoth' && q.sameId) ? (decisions.duplicates?.[q.rowNumber] ?? 'skip') : decision])) });
  const like = (q: DuplicateQuestion) => q.matches.map((m) => (m.kind === 'row'
    ? t('import.duplicates.row', { row: m.rowNumber, name: m.name })
    : t(m.sameSpace ? 'import.duplicates.here' : 'import.duplicates.elsewhere', { name: m.name, space: m.spaceName }))).join('; ');
  return (
    <fieldset className="rounded border border-stone-200 bg-white p-3">
      <legend className="font-semibold">{t('import.duplicates.title', { count: preview.duplicateCount })}</legend>
      <p className="text-sm text-stone-700">{t('import.duplicates.help')}</p>
      <div className="mt-2 flex flex-wrap gap-2 text-sm">
        {(['merge', 'keepBoth', 'skip'] as const).map((d) => (
          <button key={d} type="button" className={`${secondaryButtonClass} text-sm`} onClick={() => decideAll(d)}>{t(`import.duplicates.all.${d}`)}</button>
        ))}
      </div>
      <ul className="mt-2 flex flex-col gap-3">
        {preview.duplicates.map((q) => (
          <li key={q.rowNumber} className="text-sm">
            <p>{t('import.duplicates.question', { row: q.rowNumber, name: q.name, like: like(q) })}</p>
            <div role="radiogroup" aria-label={t('import.duplicates.decision', { row: q.rowNumber })} className="mt-1 flex flex-wrap gap-3">
              {(['merge', 'keepBoth', 'skip'] as const).map((d) => (
                <label key={d} className="flex items-center gap-1">
                  <input type="radio" name={`dup-${q.rowNumber}`} disabled={(d === 'merge' && !q.mergeInto) || (d === 'keepBoth' && q.sameId)}
                    checked={decisions.duplicates?.[q.rowNumber] === d} onChange={() => decide(q, d)} />
                  {t(`import.duplicates.${d}`)}
                </label>
              ))}
            </div>
            {!q.mergeInto && <p className="text-xs text-stone-600">{t('import.duplicates.noMerge')}</p>}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
