import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Tag } from '../../components/Field.tsx';
import type { DecisionLogResult } from './decision-types.ts';
import { OutcomeView } from './OutcomeView.tsx';
import { formatDate, formatDateTime } from '../../dates.ts';

/**
 * Every decision of the alliance: who could vote, who did, by which rule, the result and its
 * arithmetic, and every change to the proposal — for every member organization to read.
 */
export function DecisionLogPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [log, setLog] = useState<DecisionLogResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { api.get<DecisionLogResult>(`/alliances/${id}/decisions`).then(setLog, (err: unknown) => setError(errorText(t, err))); }, [id]);
  if (error) return <ErrorBanner message={error} />;
  if (!log) return <p role="status">{t('common.loading')}</p>;
  const date = (d: string | null) => (d ? formatDate(d) : '');
  return (
    <article className="flex flex-col gap-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="text-sm"><Link className="underline" to={`/alliances/${id}/decisions`}>{log.alliance.name}</Link></p>
          <h1 className="text-2xl font-bold">{t('decisions.log')}</h1>
        </div>
        <div className="flex gap-2">
          <a className="rounded border px-3 py-1.5" href={`/api/alliances/${id}/decisions.csv`} download>{t('decisions.exportCsv')}</a>
          <a className="rounded border px-3 py-1.5" href={`/api/alliances/${id}/decisions.popolo.json`} download>{t('decisions.exportPopolo')}</a>
        </div>
      </header>
      {log.decisions.length === 0 && <p className="text-stone-600">{t('decisions.noDecisions')}</p>}
      {log.decisions.map((d) => (
        <section key={d.id} aria-labelledby={`decision-${d.id}`} className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
          <h2 id={`decision-${d.id}`} className="text-lg font-semibold"><Link className="underline-offset-2 hover:underline" to={`/proposals/${d.id}`}>{d.title}</Link></h2>
          <div className="flex flex-wrap gap-2"><Tag>{t(`decisions.status.${d.status}`)}</Tag><Tag>{t('decisions.versionN', { version: d.version })}</Tag>{d.decidedAt && <Tag>{date(d.decidedAt)}</Tag>}</div>
          {d.outcomeStatement && <p className="italic">{d.outcomeStatement}</p>}
          {d.steps.map((s) => (
            <div key={s.id} className="border-l-2 border-stone-200 pl-3 text-sm">
              <p className="font-medium">{s.title} · {t(`decisions.stepStatus.${s.status}`)}</p>
              {s.kind === 'consultation' && <p>{t('decisions.tookPart', { count: s.entries.length })}{s.entries.length ? `: ${[...new Set(s.entries.map((e) => e.organizationName ?? e.participant))].join(', ')}` : ''}</p>}
              {s.vote && (
                <>
                  <p>{t(`decisions.methods.${s.vote.method}`)} · {t(`decisions.electorates.${s.vote.electorate.kind}`)}{s.vote.secret ? ` · ${t('decisions.secret')}` : ''}</p>
                  <p>{t('decisions.couldVote')}: {s.vote.electors.map((e) => e.label).join(', ')}</p>
                  <p>{t('decisions.didVote')}: {s.vote.electors.filter((e) => e.voted).map((e) => e.label).join(', ') || '—'}</p>
                  <OutcomeView vote={s.vote} />
                </>
              )}
            </div>
          ))}
          <details><summary className="cursor-pointer text-sm">{t('decisions.changes', { count: d.changes.length })}</summary>
            <ul className="text-sm">{d.changes.map((c, i) => <li key={i}>{formatDateTime(c.at)} · {c.by ?? ''} · {Object.keys(c.changes ?? {}).map((k) => t(`decisions.changeFields.${k}`, { defaultValue: k })).join(', ')}</li>)}</ul>
          </details>
        </section>
      ))}
    </article>
  );
}
