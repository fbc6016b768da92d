import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { ErrorBanner, Field, inputClass, secondaryButtonClass, Tag } from '../../components/Field.tsx';
import { BallotForm } from './BallotForm.tsx';
import { fractionText, type VoteView } from './decision-types.ts';
import { OutcomeView } from './OutcomeView.tsx';
import { formatDateTime } from '../../dates.ts';

// A vote as its electorate and coordinator see it: the rule, who can vote and who has, the
// ballot form for the reader's organization, closing and reopening by the named rules, the outcome.

export function VotePanel({ vote, isCoordinator, onChange }: { vote: VoteView; isCoordinator: boolean; onChange: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = (path: string, body: unknown) => api.post(path, body).then(() => { setReason(''); onChange(); }, (err: unknown) => setError(errorText(t, err)));
  const weighted = vote.weighting !== null;
  const date = (d: string | null) => (d ? formatDateTime(d) : '');
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <div><dt className="inline font-medium">{t('decisions.method')}: </dt><dd className="inline">{t(`decisions.methods.${vote.method}`)}</dd></div>
        <div><dt className="inline font-medium">{t('decisions.electorate')}: </dt><dd className="inline">{t(`decisions.electorates.${vote.electorate.kind}`)}</dd></div>
        {vote.quorum && <div><dt className="inline font-medium">{t('decisions.quorum')}: </dt><dd className="inline">{Math.round((vote.quorum.numerator / vote.quorum.denominator) * 100)}%</dd></div>}
        <div><dt className="inline font-medium">{t('decisions.closesAt')}: </dt><dd className="inline">{vote.closesAt ? date(vote.closesAt) : t('decisions.noDeadline')}</dd></div>
        <div><dt className="inline font-medium">{t('decisions.earlyClose')}: </dt><dd className="inline">{t(`decisions.earlyCloseRules.${vote.earlyClose}`)}</dd></div>
        {vote.secret && <div><Tag>{t('decisions.secret')}</Tag></div>}
        {weighted && (
          <div className="sm:col-span-2"><dt className="inline font-medium">{t('decisions.weighting')}: </dt>
            <dd className="inline">{t('decisions.weightingLine', { equal: Math.round(vote.weighting!.equalShare * 100), inputs: vote.weighting!.inputs.map((i) => `${i.key} ${Math.round(i.share * 100)}%`).join(', ') })}</dd></div>
        )}
      </dl>
      <p className="text-sm font-medium" role="status">{t('decisions.participation', { voted: vote.participation.voted, electorate: vote.participation.electorate })}</p>
      <div className="overflow-x-auto">
      <table className="text-sm">
        <caption className="sr-only">{t('decisions.electorate')}</caption>
        <thead><tr><th className="text-left">{t('decisions.elector')}</th>{weighted && <th className="text-left">{t('decisions.weight')}</th>}<th className="text-left">{t('decisions.voted')}</th><th className="text-left">{t('decisions.ballot')}</th></tr></thead>
        <tbody>
          {vote.electors.map((e) => (
            <tr key={e.electorId} className="border-t border-stone-100">
              <td>{e.label}</td>
              {weighted && <td>{fractionText(e.weight)}{e.weightInputs?.declared && Object.keys(e.weightInputs.declared).length > 0 && <span className="text-stone-600"> ({Object.entries(e.weightInputs.declared).map(([k, v]) => `${k}: ${v}`).join(', ')})</span>}</td>}
              <td>{e.voted ? t('decisions.votedAs', { as: t(`decisions.castAs.${e.castAs}`), version: e.version }) : '—'}</td>
              <td>{e.ballot ? describeBallot(e.ballot, vote, t) : e.voted ? <em>{t('decisions.secretBallot')}</em> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {vote.status === 'open' && vote.mine.map((m) => (
        vote.secret && vote.electors.find((e) => e.electorId === m.electorId)?.voted
          ? <p key={m.electorId} role="status" className="text-sm text-emerald-800">{t('decisions.secretCast')}</p>
          : <BallotForm key={m.electorId} vote={vote} electorId={m.electorId} current={m.ballot} onCast={onChange}
            electorLabel={vote.electors.find((e) => e.electorId === m.electorId)?.label ?? ''} />
      ))}
      {vote.status === 'open' && vote.mine.length === 0 && <p className="text-sm text-stone-600">{t('decisions.notInElectorate')}</p>}
      {isCoordinator && vote.status !== 'scheduled' && (
        <div className="flex flex-col gap-2 rounded border border-stone-200 p-2">
          <Field label={t('decisions.closeReason')}>{(p) => <input {...p} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
          <div className="flex flex-wrap gap-2">
            {vote.status === 'open' && <button type="button" className={secondaryButtonClass} onClick={() => void act(`/votes/${vote.id}/close`, { rule: 'when_all_voted', reason: reason || null })}>{t('decisions.closeAllVoted')}</button>}
            {vote.status === 'open' && <button type="button" className={secondaryButtonClass} onClick={() => void act(`/votes/${vote.id}/close`, { rule: 'by_coordinator', reason: reason || null })}>{t('decisions.closeNow')}</button>}
            {vote.status === 'closed' && <button type="button" className={secondaryButtonClass} onClick={() => void act(`/votes/${vote.id}/reopen`, { reason })}>{t('decisions.reopen')}</button>}
          </div>
        </div>
      )}
      <ErrorBanner message={error} />
      <OutcomeView vote={vote} />
      {vote.events.length > 0 && (
        <details><summary className="cursor-pointer text-sm">{t('decisions.voteHistory')}</summary>
          <ul className="text-sm">
            {vote.events.map((e, i) => <li key={i}>{date(e.at)} — {t(`decisions.events.${e.action}`)}{e.rule ? ` (${t(`decisions.closeRules.${e.rule}`)})` : ''}{e.by ? ` · ${e.by}` : ''}{e.reason ? `: ${e.reason}` : ''}</li>)}
            {vote.history.filter((h) => h.supersededAt).map((h, i) => <li key={`h${i}`}>{t('decisions.replacedBallot', { label: vote.electors.find((e) => e.electorId === h.electorId)?.label ?? '', as: t(`decisions.castAs.${h.castAs}`) })}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
}

function describeBallot(ballot: Record<string, unknown>, vote: VoteView, t: (k: string) => string): string {
  const option = (id: string) => vote.options.find((o) => o.id === id)?.label ?? id;
  if (typeof ballot.position === 'string') return t(`decisions.positions.${ballot.position}`) + (ballot.reason ? ` — ${String(ballot.reason)}` : '');
  if (Array.isArray(ballot.approved)) return (ballot.approved as string[]).map(option).join(', ');
  if (Array.isArray(ballot.ranking)) return (ballot.ranking as string[]).map(option).join(' > ');
  if (ballot.scores) return Object.entries(ballot.scores as Record<string, number>).map(([k, v]) => `${option(k)}: ${v}`).join(', ');
  return '';
}
