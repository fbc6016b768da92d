import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { ErrorBanner } from '../../components/Field.tsx';
import { termLabel, useSession } from '../../session.tsx';
import { PrioritiesEditor } from './PrioritiesEditor.tsx';

type Reason = { kind: 'fills_capacity' | 'in_missing_state' | 'reaches_priority_constituency' | 'shares_issue'; key: string; points: number } | { kind: 'reachable'; hops: number; points: number };
interface AllyView { alliance: { id: string; name: string }; allies: { id: string; name: string; score: number; reasons: Reason[]; introductionPath: { id: string; name: string }[] | null }[] }

/** Potential allies ranked by fit (gaps filled, issues shared, reach through trusted ties), each with its reasons. */
export function AlliesPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { vocab, states } = useSession();
  const [round, setRound] = useState(0);
  const [view, setView] = useState<AllyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<AllyView>(`/alliances/${id}/allies`).then(setView, (err: unknown) => setError(errorText(t, err)));
  }, [id, round]);
  const reason = (r: Reason) => {
    if (r.kind === 'reachable') return t('allies.reachable', { count: r.hops });
    const label = r.kind === 'in_missing_state' ? states.find((s) => s.fips === r.key)?.name ?? r.key
      : termLabel(vocab, r.kind === 'fills_capacity' ? 'capacity' : r.kind === 'shares_issue' ? 'issue' : 'constituency', r.key, i18n.language);
    return t(`allies.reasons.${r.kind}`, { label });
  };
  if (!view) return error ? <ErrorBanner message={error} /> : <p role="status">{t('common.loading')}</p>;
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}`}>{view.alliance.name}</Link></p>
      <h1 className="text-2xl font-bold">{t('allies.title')}</h1>
      <p className="text-sm text-stone-600">{t('allies.help')}</p>
      <PrioritiesEditor allianceId={id!} onSaved={() => setRound((r) => r + 1)} />
      <ol className="flex flex-col gap-2" aria-label={t('allies.title')}>
        {view.allies.map((a) => (
          <li key={a.id} className="rounded border border-stone-200 bg-white p-3">
            <p className="font-medium"><Link className="underline" to={`/organizations/${a.id}`}>{a.name}</Link> · {t('allies.score', { score: a.score })}</p>
            <ul className="list-disc pl-5 text-sm">{a.reasons.map((r, i) => <li key={i}>{reason(r)} (+{r.points})</li>)}</ul>
            {a.introductionPath && <p className="text-sm">{t('allies.introduction')}: {a.introductionPath.map((p) => p.name).join(' → ')}</p>}
          </li>
        ))}
      </ol>
    </article>
  );
}
