import { useTranslation } from 'react-i18next';
import { Field, inputClass, secondaryButtonClass } from '../../components/Field.tsx';

export interface QuestionDraft { type: 'yes_no' | 'choice' | 'scale' | 'text'; en: string; es: string; choices: string; values: boolean }

const keyOf = (text: string, i: number) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 30) || `q${i + 1}`;

/** The script as the API takes it: each choice is a line "English / Español". */
export function toScript(questions: QuestionDraft[]) {
  return {
    questions: questions.map((q, i) => ({
      key: `${keyOf(q.en, i)}`.slice(0, 40), type: q.type, prompt: { en: q.en, es: q.es }, values: q.values,
      ...(q.type === 'choice' ? { choices: q.choices.split('\n').map((l) => l.trim()).filter(Boolean).map((l, k) => {
        const [en, es] = l.split('/').map((x) => x.trim());
        return { key: keyOf(en ?? '', k), label: { en: en ?? '', es: es || en || '' } };
      }) } : {}),
      ...(q.type === 'scale' ? { min: 1, max: 5 } : {}),
    })),
  };
}

/** The questions a volunteer asks, each in English and Spanish. */
export function ScriptEditor({ questions, onChange }: { questions: QuestionDraft[]; onChange: (q: QuestionDraft[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<QuestionDraft>) => onChange(questions.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-stone-200 p-2">
      <legend className="px-1 font-medium">{t('efforts.script')}</legend>
      {questions.map((q, i) => (
        <div key={i} className="flex flex-col gap-1 border-b border-stone-100 pb-2">
          <Field label={t('efforts.questionType')}>{(p) => (
            <select {...p} className={inputClass} value={q.type} onChange={(e) => set(i, { type: e.target.value as QuestionDraft['type'] })}>
              {(['yes_no', 'choice', 'scale', 'text'] as const).map((k) => <option key={k} value={k}>{t(`efforts.types.${k}`)}</option>)}
            </select>)}</Field>
          <Field label={t('efforts.promptEn')}>{(p) => <input {...p} className={inputClass} value={q.en} onChange={(e) => set(i, { en: e.target.value })} />}</Field>
          <Field label={t('efforts.promptEs')}>{(p) => <input {...p} className={inputClass} value={q.es} onChange={(e) => set(i, { es: e.target.value })} />}</Field>
          {q.type === 'choice' && <Field label={t('efforts.choices')}>{(p) => <textarea {...p} className={inputClass} rows={3} value={q.choices} onChange={(e) => set(i, { choices: e.target.value })} />}</Field>}
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={q.values} onChange={(e) => set(i, { values: e.target.checked })} />{t('efforts.valuesQuestion')}</label>
          <div><button type="button" className={secondaryButtonClass} onClick={() => onChange(questions.filter((_, k) => k !== i))}>{t('contacts.segment.remove')}</button></div>
        </div>
      ))}
      <div><button type="button" className={secondaryButtonClass} onClick={() => onChange([...questions, { type: 'yes_no', en: '', es: '', choices: '', values: false }])}>{t('efforts.addQuestion')}</button></div>
    </fieldset>
  );
}
