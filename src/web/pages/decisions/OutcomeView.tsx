import { useTranslation } from 'react-i18next';
import { type Fraction, fractionText, type VoteView } from './decision-types.ts';

// A closed vote's outcome with its whole arithmetic, worded in the reader's language.

type Row = Record<string, unknown>;
const asFraction = (v: unknown) => (typeof v === 'object' && v !== null && 'numerator' in v ? fractionText(v as Fraction) : String(v ?? ''));

export function OutcomeView({ vote }: { vote: VoteView }) {
  const { t } = useTranslation();
  const outcome = vote.outcome;
  if (!outcome) return null;
  const label = (electorId: string) => vote.electors.find((e) => e.electorId === electorId)?.label ?? electorId;
  const option = (id: string) => vote.options.find((o) => o.id === id)?.label ?? id;
  const r = (outcome.result ?? {}) as Row;
  const verdict = outcome.error ? t('decisions.outcome.notCounted')
    : outcome.quorumMet === false ? t('decisions.outcome.noQuorum')
    : outcome.passed === true ? t('decisions.outcome.passed') : outcome.passed === false ? t('decisions.outcome.failed') : t('decisions.outcome.decided');
  return (
    <section aria-labelledby={`outcome-${vote.id}`} className="flex flex-col gap-2 rounded border border-emerald-300 bg-emerald-50 p-3">
      <h3 id={`outcome-${vote.id}`} className="font-semibold">{t('decisions.outcome.title')}: {verdict}</h3>
      {outcome.quorum && vote.quorum && (
        <p className="text-sm">{t('decisions.outcome.quorumLine', { participated: outcome.quorum.participated, electorate: outcome.quorum.electorateSize, required: outcome.quorum.required })}</p>
      )}
      {r.method === 'majority' && <MajorityTable r={r} />}
      {(r.method === 'consent' || r.method === 'consensus' || r.method === 'advice') && (
        <ul className="text-sm">
          {r.method === 'consensus' && <li>{t('decisions.outcome.agreeCount', { count: (r.agree as string[]).length })}</li>}
          {r.method === 'consent' && <li>{t('decisions.outcome.consentCount', { count: Number(r.consents ?? 0) })}</li>}
          {((r.standAside as Row[] | undefined) ?? []).map((s, i) => <li key={i}>{s.voterId == null ? t('decisions.outcome.anonymousStandAside') : t('decisions.outcome.standAside', { name: label(String(s.voterId)) })}{s.reason ? `: ${String(s.reason)}` : ''}</li>)}
          {((r.blocks as Row[] | undefined) ?? []).map((s, i) => <li key={i}>{s.voterId == null ? t('decisions.outcome.anonymousBlock') : t('decisions.outcome.block', { name: label(String(s.voterId)) })}: {String(s.reason)}</li>)}
          {((r.objections as Row[] | undefined) ?? []).map((s, i) => <li key={i}>{s.voterId == null ? t('decisions.outcome.anonymousObjection') : t('decisions.outcome.objection', { name: label(String(s.voterId)) })}: {String(s.reason)}</li>)}
          {((r.reasons as Row[] | undefined) ?? []).map((s, i) => <li key={i}>{s.voterId == null ? t('decisions.outcome.anonymousReason') : label(String(s.voterId))}{s.position ? ` (${t(`decisions.positions.${String(s.position)}`)})` : ''}{s.reason ? `: ${String(s.reason)}` : ''}</li>)}
        </ul>
      )}
      {(r.method === 'approval' || r.method === 'score') && (
        <table className="text-sm">
          <thead><tr><th className="text-left">{t('decisions.option')}</th><th className="text-right">{t('decisions.outcome.unweighted')}</th><th className="text-right">{t('decisions.outcome.weighted')}</th></tr></thead>
          <tbody>
            {((r.counts ?? r.totals) as Row[]).map((c) => (
              <tr key={String(c.option)}><td>{option(String(c.option))}</td><td className="text-right">{asFraction(c.unweighted ?? c.sum)}</td><td className="text-right">{asFraction(c.weighted ?? c.weightedSum)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {(r.method === 'irv' || r.method === 'stv') && <RoundsTable r={r} option={option} />}
      {Array.isArray(r.winners) && r.winners.length > 0 && <p className="font-medium">{t('decisions.outcome.winners')}: {(r.winners as string[]).map(option).join(', ')}</p>}
    </section>
  );
}

function MajorityTable({ r }: { r: Row }) {
  const { t } = useTranslation();
  const unweighted = r.unweighted as Row;
  const weighted = r.weighted as Row | null;
  const rows = ['yes', 'no', 'abstain', 'base', 'required'];
  return (
    <table className="text-sm">
      <caption className="text-left">{t('decisions.outcome.rule', { share: asFraction({ numerator: String((r.threshold as Row).numerator), denominator: String((r.threshold as Row).denominator) }), comparison: t(`decisions.comparisons.${String(r.comparison)}`) })}</caption>
      <thead><tr><th />{<th className="text-right">{t('decisions.outcome.unweighted')}</th>}{weighted && <th className="text-right">{t('decisions.outcome.weighted')}</th>}</tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row}><th className="text-left font-normal">{t(`decisions.tallyRows.${row}`)}</th><td className="text-right">{asFraction(unweighted[row])}</td>
            {weighted && <td className="text-right">{asFraction(weighted[row])}</td>}</tr>
        ))}
      </tbody>
      <tfoot><tr><td colSpan={3} className="pt-1">{t(`decisions.outcome.decidedBy_${String(r.decidedBy)}`)}</td></tr></tfoot>
    </table>
  );
}

function RoundsTable({ r, option }: { r: Row; option: (id: string) => string }) {
  const { t } = useTranslation();
  const rounds = (r.rounds as Row[]) ?? [];
  const candidates = [...new Set(rounds.flatMap((round) => Object.keys((round.tally as Row) ?? {})))];
  return (
    <div className="overflow-x-auto">
      <table className="text-sm">
        <thead><tr><th className="text-left">{t('decisions.option')}</th>{rounds.map((round, i) => <th key={i} className="px-2 text-right">{t('decisions.outcome.round', { n: i + 1 })}</th>)}</tr></thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c}><td>{option(c)}</td>{rounds.map((round, i) => <td key={i} className="px-2 text-right">{String(((round.tally as Row) ?? {})[c] ?? '')}</td>)}</tr>
          ))}
          <tr><td>{t('decisions.outcome.exhausted')}</td>{rounds.map((round, i) => <td key={i} className="px-2 text-right">{String(round.exhausted ?? '')}</td>)}</tr>
          <tr><td>{t('decisions.outcome.threshold')}</td>{rounds.map((round, i) => <td key={i} className="px-2 text-right">{String(round.threshold ?? '')}</td>)}</tr>
        </tbody>
      </table>
      <ul className="text-sm">
        {rounds.map((round, i) => (
          <li key={i}>{t('decisions.outcome.round', { n: i + 1 })}: {((round.elected as string[]) ?? []).map((c) => t('decisions.outcome.electedName', { name: option(c) })).join(', ')}
            {' '}{((round.eliminated as string[]) ?? []).map((c) => t('decisions.outcome.eliminatedName', { name: option(c) })).join(', ')}</li>
        ))}
      </ul>
    </div>
  );
}
