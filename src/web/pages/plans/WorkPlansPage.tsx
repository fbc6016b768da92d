import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass, Tag } from '../../components/Field.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';

interface PlanList { organization: { id: string; name: string }; role: string | null; plans: { id: string; title: string; period: string | null; status: string }[] }

/** An alliance's work plans and their status (draft, being ratified, ratified). */
export function WorkPlansPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<PlanList | null>(null);
  const [form, setForm] = useState({ title: '', period: '' });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<PlanList>(`/organizations/${id}/work-plans`).then(setList, (err: unknown) => setError(errorText(t, err))); }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(list.role, 'member');
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.post<{ id: string }>(`/organizations/${id}/work-plans`, { title: form.title, period: form.period || null });
      void navigate(`/work-plans/${created.id}`);
    } catch (err) { setError(errorText(t, err)); }
  }
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/organizations/${id}/convenings`}>{list.organization.name}</Link></p>
      <h1 className="text-2xl font-bold">{t('plans.workPlans')}</h1>
      {list.plans.length === 0 && <p className="text-stone-600">{t('plans.noPlans')}</p>}
      <ul className="flex flex-col gap-2">
        {list.plans.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-2 rounded border border-stone-200 bg-white p-3">
            <Link className="font-medium text-amber-900 underline-offset-2 hover:underline" to={`/work-plans/${p.id}`}>{p.title}</Link>
            {p.period && <span className="text-sm text-stone-600">{p.period}</span>}
            <Tag>{t(`plans.planStatus.${p.status}`)}</Tag>
          </li>
        ))}
      </ul>
      {canEdit && (
        <form onSubmit={submit} className="grid grid-cols-1 gap-2 rounded border border-stone-200 bg-white p-3 sm:grid-cols-3" aria-labelledby="new-plan">
          <h2 id="new-plan" className="font-semibold sm:col-span-3">{t('plans.newPlan')}</h2>
          <Field label={t('plans.planTitle')}>{(p) => <input {...p} className={inputClass} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
          <Field label={t('plans.period')}>{(p) => <input {...p} className={inputClass} value={form.period} onChange={(e) => setForm({ ...form, period: e.target.value })} />}</Field>
          <div className="self-end"><button type="submit" className={buttonClass}>{t('plans.createPlan')}</button></div>
          <div className="sm:col-span-3"><ErrorBanner message={error} /></div>
        </form>
      )}
    </article>
  );
}
