import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass } from '../../components/Field.tsx';
import type { VoteView } from './decision-types.ts';

// The ballot of one elector, shaped by the vote's method. A ballot can be changed until the
// vote closes; the representative's ballot replaces the alternate's.

const POSITIONS: Record<string, string[]> = {
  advice: ['support', 'concern', 'neutral'], consent: ['consent', 'object'], consensus: ['agree', 'stand_aside', 'block'], majority: ['yes', 'no', 'abstain'],
};
const WITH_REASON = new Set(['advice', 'consent', 'consensus']);

export function BallotForm({ vote, electorId, electorLabel, current, onCast }: {
  vote: VoteView; electorId: string; electorLabel: string; current: Record<string, unknown> | null; onCast: () => void;
}) {
  const { t } = useTranslation();
  const [position, setPosition] = useState(String(current?.position ?? ''));
  const [reason, setReason] = useState(String(current?.reason ?? ''));
  const [approved, setApproved] = useState<string[]>((current?.approved as string[]) ?? []);
  const [scores, setScores] = useState<Record<string, number>>((current?.scores as Record<string, number>) ?? {});
  const [ranking, setRanking] = useState<string[]>((current?.ranking as string[]) ?? []);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const ranked = vote.method === 'irv' || vote.method === 'stv';

  function ballot(): Record<string, unknown> {
    if (POSITIONS[vote.method]) return { position, ...(WITH_REASON.has(vote.method) && reason.trim() ? { reason } : {}) };
    if (vote.method === 'approval') return { approved };
    if (vote.method === 'score') return { scores };
    return { ranking: ranking.filter(Boolean) };
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.post(`/votes/${vote.id}/ballots`, { ballot: ballot(), electorId });
      setSaved(true);
      onCast();
    } catch (err) {
      setError(errorText(t, err));
    }
  }
  const maxScore = Number((vote.rule as { max?: number }).max ?? 5);
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3" aria-label={t('decisions.ballotFor', { name: electorLabel })}>
      <h3 className="font-semibold">{t('decisions.ballotFor', { name: electorLabel })}</h3>
      {vote.secret && <p className="text-sm">{t('decisions.secretFinal')}</p>}
      {POSITIONS[vote.method] && (
        <fieldset className="flex flex-wrap gap-3">
          <legend className="sr-only">{t('decisions.yourPosition')}</legend>
          {POSITIONS[vote.method]!.map((p) => (
            <label key={p} className="flex items-center gap-1"><input type="radio" name={`position-${vote.id}`} value={p} checked={position === p} onChange={() => setPosition(p)} />{t(`decisions.positions.${p}`)}</label>
          ))}
        </fieldset>
      )}
      {WITH_REASON.has(vote.method) && (
        <Field label={t('decisions.reason')} hint={t(`decisions.reasonHelp.${vote.method}`)}>{(p) => <textarea {...p} rows={2} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      )}
      {vote.method === 'approval' && vote.options.map((o) => (
        <label key={o.id} className="flex items-center gap-2"><input type="checkbox" checked={approved.includes(o.id)}
          onChange={(e) => setApproved(e.target.checked ? [...approved, o.id] : approved.filter((x) => x !== o.id))} />{o.label}</label>
      ))}
      {vote.method === 'score' && vote.options.map((o) => (
        <Field key={o.id} label={o.label}>{(p) => <input {...p} type="number" min={0} max={maxScore} className={`${inputClass} max-w-24`} value={scores[o.id] ?? ''}
          onChange={(e) => setScores({ ...scores, [o.id]: Number(e.target.value) })} />}</Field>
      ))}
      {ranked && vote.options.map((_, i) => (
        <Field key={i} label={t('decisions.choiceN', { n: i + 1 })}>{(p) => (
          <select {...p} className={inputClass} value={ranking[i] ?? ''} onChange={(e) => { const next = [...ranking]; next[i] = e.target.value; setRanking(next); }}>
            <option value="">{t('decisions.noChoice')}</option>
            {vote.options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
          </select>)}</Field>
      ))}
      <ErrorBanner message={error} />
      {saved && <p role="status" className="text-sm text-emerald-800">{t('decisions.ballotSaved')}</p>}
      <div><button type="submit" className={buttonClass}>{current ? t('decisions.changeBallot') : t('decisions.castBallot')}</button></div>
    </form>
  );
}
