import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { FACTORS } from '../../../surveys/survey-instrument.ts';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { formatDateTime } from '../../dates.ts';

interface Wave { id: string; title: string; status: 'draft' | 'open' | 'closed'; deadline: string; closedAt: string | null; invited: number; responded: number }
interface ItemDraft { factor: string; en: string; es: string }

/** The items an alliance asks about the collaboration factors, in its own words, in both languages. */
export function FactorItemsEditor({ items, onChange }: { items: ItemDraft[]; onChange: (items: ItemDraft[]) => void }) {
  const { t } = useTranslation();
  const change = (i: number, patch: Partial<ItemDraft>) => onChange(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">{t('survey.itemsLegend')}</legend>
      <p className="text-xs text-stone-600">{t('survey.itemsHint')}</p>
      {items.map((item, i) => (
        <div key={i} className="grid grid-cols-1 gap-2 rounded border border-stone-200 p-2 sm:grid-cols-[1fr_2fr_2fr_auto]">
          <Field label={t('survey.factorLabel')}>{(p) => (
            <select {...p} className={inputClass} value={item.factor} onChange={(e) => change(i, { factor: e.target.value })}>
              {FACTORS.map(([category, key]) => <option key={key} value={key}>{`${t(`survey.category.${category}`)} · ${t(`survey.factor.${key}`)}`}</option>)}
            </select>)}</Field>
          <Field label={t('survey.itemEn')}>{(p) => <input {...p} lang="en" className={inputClass} value={item.en} onChange={(e) => change(i, { en: e.target.value })} />}</Field>
          <Field label={t('survey.itemEs')}>{(p) => <input {...p} lang="es" className={inputClass} value={item.es} onChange={(e) => change(i, { es: e.target.value })} />}</Field>
          <button type="button" className={`${secondaryButtonClass} self-end`} onClick={() => onChange(items.filter((_, j) => j !== i))}>{t('common.remove')}</button>
        </div>
      ))}
      <div><button type="button" className={secondaryButtonClass} onClick={() => onChange([...items, { factor: FACTORS[0][1], en: '', es: '' }])}>{t('survey.addItem')}</button></div>
    </fieldset>
  );
}

/** An alliance's relationship survey waves, and a new one for its administrators. */
export function SurveysPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<{ canManage: boolean; surveys: Wave[] } | null>(null);
  const [alliance, setAlliance] = useState<{ name: string } | null>(null);
  const [form, setForm] = useState({ title: '', deadline: '', includeAllies: false, factorItems: [] as ItemDraft[] });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.get<{ canManage: boolean; surveys: Wave[] }>(`/alliances/${id}/surveys`).then(setList, (err: unknown) => setError(errorText(t, err)));
    void api.get<{ name: string }>(`/organizations/${id}`).then(setAlliance, () => undefined);
  }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.post<{ id: string }>(`/alliances/${id}/surveys`, { ...form, deadline: form.deadline ? new Date(form.deadline).toISOString() : '' });
      navigate(`/surveys/${created.id}`);
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}`}>{alliance?.name ?? t('survey.backToAlliance')}</Link></p>
      <h1 className="text-2xl font-bold">{t('survey.title')}</h1>
      <p className="text-stone-700">{t('survey.intro')}</p>
      {list.surveys.length === 0 && <p className="text-stone-600">{t('survey.none')}</p>}
      <ul className="flex flex-col gap-2">
        {list.surveys.map((s) => (
          <li key={s.id} className="rounded border border-stone-200 bg-white p-3">
            <Link className="font-semibold underline" to={`/surveys/${s.id}`}>{s.title}</Link> <Tag>{t(`survey.status.${s.status}`)}</Tag>
            <p className="text-sm text-stone-700">{t('survey.answeredOf', { responded: s.responded, invited: s.invited })} · {t('survey.deadlineOn', { when: formatDateTime(s.closedAt ?? s.deadline) })}</p>
          </li>
        ))}
      </ul>
      {list.canManage && (
        <form onSubmit={submit} className="flex flex-col gap-3 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-wave">
          <h2 id="new-wave" className="font-semibold">{t('survey.new')}</h2>
          <Field label={t('survey.waveTitle')}>{(p) => <input {...p} className={inputClass} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
          <Field label={t('survey.deadline')}>{(p) => <input {...p} type="datetime-local" className={inputClass} value={form.deadline} onChange={(e) => setForm({ ...form, deadline: e.target.value })} />}</Field>
          <label className="flex items-start gap-2 text-sm"><input type="checkbox" className="mt-1" checked={form.includeAllies} onChange={(e) => setForm({ ...form, includeAllies: e.target.checked })} />{t('survey.includeAllies')}</label>
          <FactorItemsEditor items={form.factorItems} onChange={(factorItems) => setForm({ ...form, factorItems })} />
          <ErrorBanner message={error} />
          <div><button type="submit" className={buttonClass}>{t('survey.create')}</button></div>
        </form>
      )}
    </article>
  );
}
