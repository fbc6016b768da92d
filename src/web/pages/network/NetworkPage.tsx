import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { buttonClass, ErrorBanner, Field, inputClass } from '../../components/Field.tsx';
import { formatDate } from '../../dates.ts';
import { TIE_KINDS } from '../../../ties/tie.schema.ts';
import { pairKey } from '../../../surveys/survey-scores.ts';
import { JobProgress } from './JobProgress.tsx';
import { NetworkGraph } from './NetworkGraph.tsx';
import { TieImport } from './TieImport.tsx';
import { useAnalysisJob } from './useAnalysisJob.ts';


interface NodeView { id: string; name: string; degree: number; weightedDegree: number; betweenness: number; closeness: number | null; pagerank: number; community: number }
interface NetworkView {
  alliance: { id: string; name: string };
  stated: { id: string; a: string; aName: string; b: string; bName: string; kind: string; strength: number; recordedBy: string | null }[];
  derived: { a: string; b: string; kind: string; sources: { id: string; name: string }[] }[];
  analysis: { nodeCount: number; tieCount: number; density: number; betweennessMethod: string; modularity: number; nodes: NodeView[];
    betweennessGuarantee: { epsilon: number; delta: number; samples: number } | null;
    communities: { id: number; members: string[] }[]; eiIndex: { constituencies: { index: number | null }; issues: { index: number | null } } };
}

interface TrustTies { survey: { id: string; title: string; closedAt: string } | null; pairs: { a: string; b: string; trust: number }[]; pairsNotShown: number }

// Lists on the page stop here; the graph, the exports and the CLI have everything.
const LIST_AT_MOST = 200;

const fixed = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));

function TrustNote({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation();
  const n = value === null ? '' : new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  return value === null ? null : <strong className="text-amber-800"> · {t('network.trustN', { n })}</strong>;
}

/** The alliance's field as a network: brokers, centrality, silos, and how ties cross lines. */
export function NetworkPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [derived, setDerived] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // Trust from the alliance's latest closed relationship survey, for the pairs that agreed to show it.
  const [trust, setTrust] = useState<TrustTies | null>(null);
  const [byTrust, setByTrust] = useState(false);
  useEffect(() => { void api.get<TrustTies>(`/alliances/${id}/network/trust`).then(setTrust, () => setTrust(null)); }, [id]);
  const analysis = useAnalysisJob<NetworkView>(`/alliances/${id}/network/analyses?derived=${derived}`, (err) => setError(errorText(t, err)));
  const view = analysis.result;
  if (!view) return error ? <ErrorBanner message={error} /> : <JobProgress job={analysis.job} onCancel={analysis.cancel} onRetry={analysis.rerun} />;
  const a = view.analysis;
  // Ties can be recorded between any two organizations already in the alliance's field.
  const inField = a.nodes.map((n) => ({ id: n.id, name: n.name })).sort((x, y) => x.name.localeCompare(y.name));
  const nameOf = new Map(a.nodes.map((n) => [n.id, n.name]));
  const trustOf = new Map(byTrust && trust ? trust.pairs.map((p) => [pairKey(p.a, p.b), p.trust]) : []);
  const pairTrust = (x: string, y: string) => trustOf.get(pairKey(x, y)) ?? null;
  return (
    <article className="flex flex-col gap-4">
      <p className="text-sm"><Link className="underline" to={`/alliances/${id}`}>{view.alliance.name}</Link></p>
      <h1 className="text-2xl font-bold">{t('network.title')}</h1>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1"><input type="checkbox" checked={derived} onChange={(e) => setDerived(e.target.checked)} />{t('network.includeDerived')}</label>
        {trust?.survey && <label className="flex items-center gap-1"><input type="checkbox" checked={byTrust} onChange={(e) => setByTrust(e.target.checked)} />{t('network.byTrust')}</label>}
        <a className="underline" href={`/api/alliances/${id}/network.kumu.json?derived=${derived}`} download>{t('network.exportKumu')}</a>
        <a className="underline" href={`/api/alliances/${id}/ties.csv`} download>{t('network.exportTies')}</a>
      </div>
      {analysis.job?.status === 'running' && <JobProgress job={analysis.job} onCancel={analysis.cancel} onRetry={analysis.rerun} />}
      <p role="status">{t('network.summary', { nodes: a.nodeCount, ties: a.tieCount, density: fixed(a.density), communities: a.communities.length })}</p>
      <p className="text-sm">{t('network.eiLine', { constituencies: fixed(a.eiIndex.constituencies.index), issues: fixed(a.eiIndex.issues.index) })} <span className="text-stone-600">{t('network.eiHelp')}</span></p>
      {byTrust && trust?.survey && <p className="text-sm">{t('network.trustLegend', { title: trust.survey.title, closed: formatDate(trust.survey.closedAt), count: trust.pairs.length, notShown: trust.pairsNotShown })}</p>}
      <NetworkGraph nodes={a.nodes} ties={[...view.stated.map((s) => ({ a: s.a, b: s.b, kind: s.kind, trust: pairTrust(s.a, s.b) })), ...view.derived.map((d) => ({ a: d.a, b: d.b, kind: d.kind, trust: pairTrust(d.a, d.b) }))]} />
      <section aria-labelledby="brokers-title" className="overflow-x-auto rounded border border-stone-200 bg-white p-3">
        <h2 id="brokers-title" className="font-semibold">{t('network.brokers')}</h2>
        <p className="text-sm text-stone-600">{t(`network.method.${a.betweennessMethod}`, { samples: a.betweennessGuarantee?.samples, epsilon: a.betweennessGuarantee?.epsilon, confidence: a.betweennessGuarantee ? 1 - a.betweennessGuarantee.delta : 1 })}</p>
        <table className="text-sm">
          <thead><tr>{['organization', 'betweenness', 'degree', 'weightedDegree', 'closeness', 'pagerank', 'community'].map((k) => <th key={k} className="px-2 text-left">{t(`network.columns.${k}`)}</th>)}</tr></thead>
          <tbody>{a.nodes.slice(0, LIST_AT_MOST).map((n) => (
            <tr key={n.id} className="border-t border-stone-100"><td className="px-2"><Link className="underline" to={`/organizations/${n.id}`}>{n.name}</Link></td>
              <td className="px-2">{fixed(n.betweenness, 3)}</td><td className="px-2">{n.degree}</td><td className="px-2">{n.weightedDegree}</td>
              <td className="px-2">{fixed(n.closeness, 3)}</td><td className="px-2">{fixed(n.pagerank, 3)}</td><td className="px-2">{n.community + 1}</td></tr>
          ))}</tbody>
        </table>
        {a.nodes.length > LIST_AT_MOST && <p className="text-sm text-stone-600">{t('network.firstOf', { shown: LIST_AT_MOST, total: a.nodes.length })}</p>}
      </section>
      <section aria-labelledby="ties-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
        <h2 id="ties-title" className="font-semibold">{t('network.ties')}</h2>
        <ul className="text-sm">
          {view.stated.slice(0, LIST_AT_MOST).map((s) => <li key={s.id}>{s.aName} — {s.bName}: {t(`network.kinds.${s.kind}`)} ({t('network.strengthN', { n: s.strength })}){s.recordedBy ? ` · ${s.recordedBy}` : ''}<TrustNote value={pairTrust(s.a, s.b)} /></li>)}
          {view.derived.slice(0, LIST_AT_MOST).map((d, i) => <li key={`d${i}`} className="text-stone-700">{nameOf.get(d.a)} — {nameOf.get(d.b)}: {t(`network.kinds.${d.kind}`)} ({d.sources.map((s) => s.name).join(', ')})<TrustNote value={pairTrust(d.a, d.b)} /></li>)}
        </ul>
        {view.stated.length + view.derived.length > 2 * LIST_AT_MOST && <p className="text-sm text-stone-600">{t('network.tiesInExport')}</p>}
        <AddTie allianceId={id!} organizations={inField} onAdded={analysis.rerun} />
      </section>
      <TieImport allianceId={id!} onImported={analysis.rerun} />
    </article>
  );
}

function AddTie({ allianceId, organizations, onAdded }: { allianceId: string; organizations: { id: string; name: string }[]; onAdded: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ fromId: '', toId: '', kind: 'formal_partnership', strength: 3 });
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try { await api.post(`/alliances/${allianceId}/ties`, form); setError(null); onAdded(); } catch (err) { setError(errorText(t, err)); }
  }
  const select = (label: string, key: 'fromId' | 'toId') => (
    <Field label={label}>{(p) => <select {...p} className={inputClass} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })}>
      <option value="">—</option>{organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select>}</Field>);
  return (
    <form onSubmit={submit} className="grid grid-cols-1 gap-2 sm:grid-cols-5" aria-label={t('network.recordTie')}>
      {select(t('network.from'), 'fromId')}{select(t('network.to'), 'toId')}
      <Field label={t('network.kind')}>{(p) => <select {...p} className={inputClass} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
        {TIE_KINDS.map((k) => <option key={k} value={k}>{t(`network.kinds.${k}`)}</option>)}</select>}</Field>
      <Field label={t('network.strength')}>{(p) => <input {...p} type="number" min={1} max={5} className={inputClass} value={form.strength} onChange={(e) => setForm({ ...form, strength: Number(e.target.value) })} />}</Field>
      <div className="self-end"><button type="submit" className={buttonClass}>{t('network.recordTie')}</button></div>
      <div className="sm:col-span-5"><ErrorBanner message={error} /></div>
    </form>
  );
}
