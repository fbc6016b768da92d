import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api.ts';
import { ErrorBanner } from '../../components/Field.tsx';
import { JobProgress } from '../network/JobProgress.tsx';
import { type GraphNode, NetworkGraph } from '../network/NetworkGraph.tsx';
import { useAnalysisJob } from '../network/useAnalysisJob.ts';

interface FieldNetwork {
  stated: { a: string; b: string; kind: string }[];
  derived: { a: string; b: string; kind: string }[];
  analysis: { nodeCount: number; tieCount: number; nodes: GraphNode[] };
}

/** Every organization the reader can see, as one network; analysed on demand, as a job when large. */
export function WholeFieldNetwork() {
  const { t } = useTranslation();
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const analysis = useAnalysisJob<FieldNetwork>(asked ? '/field/network/analyses' : null, (err) => setError(errorText(t, err)));
  if (!asked) return <div><button type="button" className="rounded border px-3 py-1.5" onClick={() => setAsked(true)}>{t('field.wholeNetwork')}</button></div>;
  const n = analysis.result;
  if (!n) return error ? <ErrorBanner message={error} /> : <JobProgress job={analysis.job} onCancel={analysis.cancel} onRetry={analysis.rerun} />;
  return (
    <section aria-label={t('field.wholeNetwork')} className="flex flex-col gap-2">
      <p role="status">{t('field.wholeSummary', { nodes: n.analysis.nodeCount, ties: n.analysis.tieCount })}</p>
      <NetworkGraph nodes={n.analysis.nodes} ties={[...n.stated, ...n.derived].map((x) => ({ a: x.a, b: x.b, kind: x.kind }))} />
    </section>
  );
}
