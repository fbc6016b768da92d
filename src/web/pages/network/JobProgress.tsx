import { useTranslation } from 'react-i18next';
import type { AnalysisJob } from './useAnalysisJob.ts';

/** A running analysis: how far along, which measure, and a way to stop it. */
export function JobProgress({ job, onCancel, onRetry }: { job: AnalysisJob<unknown> | null; onCancel: () => void; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!job) return <p role="status">{t('common.loading')}</p>;
  if (job.status === 'cancelled' || job.status === 'failed') {
    return (
      <div role="status" className="flex items-center gap-3">
        <span>{job.status === 'failed' ? t('jobs.failed', { error: job.error ?? '' }) : t('jobs.cancelled')}</span>
        <button type="button" className="rounded border px-3 py-1" onClick={onRetry}>{t('jobs.retry')}</button>
      </div>
    );
  }
  if (job.status !== 'running') return null;
  const percent = Math.round(job.progress * 100);
  return (
    <div className="flex flex-col gap-1" role="status" aria-live="polite">
      <label className="flex items-center gap-3">
        <span>{t('jobs.running', { phase: t(`jobs.phases.${job.phase ?? 'loading'}`) })}</span>
        <progress max={100} value={percent} className="h-2 w-48">{percent}%</progress>
        <span>{percent}%</span>
      </label>
      <div><button type="button" className="rounded border px-3 py-1" onClick={onCancel}>{t('jobs.cancel')}</button></div>
    </div>
  );
}
