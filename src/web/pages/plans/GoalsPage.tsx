import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass } from '../../components/Field.tsx';
import { SmartieChecks, type SmartieCheckView } from './SmartieChecks.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';

interface GoalList {
  organization: { id: string; name: string }; role: string | null;
  goals: { id: string; parentId: string | null; level: string; statement: string; deadline: string | null; smartie: SmartieCheckView[] }[];
}

/** An organization's goals as a tree (goal → objectives → strategies), each with its SMARTIE letters. */
export function GoalsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [list, setList] = useState<GoalList | null>(null);
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<GoalList>(`/organizations/${id}/goals`).then(setList, (err: unknown) => setError(errorText(t, err))); }, [id]);
  if (!list) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  const canEdit = roleAtLeast(list.role, 'member');
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const created = await api.post<{ id: string }>(`/organizations/${id}/goals`, { statement, level: 'goal' });
      void navigate(`/goals/${created.id}`);
    } catch (err) { setError(errorText(t, err)); }
  }
  const children = (parentId: string | null) => list.goals.filter((g) => g.parentId === parentId);
  const tree = (parentId: string | null, depth = 0): React.ReactNode => {
    const items = children(parentId);
    if (items.length === 0) return null;
    return (
      <ul className={`flex flex-col gap-2 ${depth ? 'mt-2 border-l-2 border-stone-200 pl-3' : ''}`}>
        {items.map((g) => (
          <li key={g.id} className="rounded border border-stone-200 bg-white p-2">
            <div className="flex flex-wrap items-center gap-2">
              <Link className="text-amber-900 underline-offset-2 hover:underline" to={`/goals/${g.id}`}>{g.statement}</Link>
              <SmartieChecks checks={g.smartie} compact />
            </div>
            {tree(g.id, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/organizations/${id}/convenings`}>{list.organization.name}</Link></p>
      <h1 className="text-2xl font-bold">{t('plans.goals')}</h1>
      {list.goals.length === 0 ? <p className="text-stone-600">{t('plans.noGoals')}</p> : tree(null)}
      {canEdit && (
        <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3" aria-labelledby="new-goal">
          <h2 id="new-goal" className="font-semibold">{t('plans.newGoal')}</h2>
          <Field label={t('plans.statement')}>{(p) => <textarea {...p} rows={2} className={inputClass} value={statement} onChange={(e) => setStatement(e.target.value)} />}</Field>
          <ErrorBanner message={error} />
          <div><button type="submit" className={buttonClass}>{t('plans.createGoal')}</button></div>
        </form>
      )}
    </article>
  );
}
