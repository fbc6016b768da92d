import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Tag } from '../../components/Field.tsx';
import { roleAtLeast } from '../../../spaces/roles.ts';
import { formatDate } from '../../dates.ts';

interface ProposalList {
  alliance: { id: string; name: string }; role: string | null;
  proposals: { id: string; status: string; title: string; version: number; createdAt: string; decidedAt: string | null; committeeName: string | null }[];
}

/** An alliance's proposals, newest first, with the way to the decision log and committees. */
export function ProposalsPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [list, setList] = useState<ProposalList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<ProposalList>(`/alliances/${id}/proposals`).then(setList, (err: unknown) => setError(errorText(t, err))); }, [id]);
  if (error) return <ErrorBanner message={error} />;
  if (!list) return <p role="status">{t('common.loading')}</p>;
  const canPropose = roleAtLeast(list.role, 'member');
  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-sm"><Link className="underline" to={`/alliances/${list.alliance.id}`}>{list.alliance.name}</Link></p>
          <h1 className="text-2xl font-bold">{t('decisions.proposals')}</h1>
        </div>
        <nav className="flex flex-wrap gap-2" aria-label={t('decisions.proposals')}>
          <Link className="rounded border px-3 py-1.5" to={`/alliances/${id}/decision-log`}>{t('decisions.log')}</Link>
          <Link className="rounded border px-3 py-1.5" to={`/alliances/${id}/committees`}>{t('decisions.committees')}</Link>
          {canPropose && <Link className="rounded bg-amber-700 px-3 py-1.5 font-medium text-white" to={`/alliances/${id}/proposals/new`}>{t('decisions.newProposal')}</Link>}
        </nav>
      </header>
      {list.proposals.length === 0 ? <p className="text-stone-600">{t('decisions.noProposals')}</p> : (
        <ul className="flex flex-col gap-2">
          {list.proposals.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2 rounded border border-stone-200 bg-white p-3">
              <Link className="font-medium text-amber-900 underline-offset-2 hover:underline" to={`/proposals/${p.id}`}>{p.title}</Link>
              <Tag>{t(`decisions.status.${p.status}`)}</Tag>
              {p.version > 1 && <Tag>{t('decisions.versionN', { version: p.version })}</Tag>}
              {p.committeeName && <Tag>{p.committeeName}</Tag>}
              <span className="ml-auto text-sm text-stone-600">{formatDate(p.decidedAt ?? p.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
