import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../api.ts';
import { ErrorBanner, Field, inputClass, secondaryButtonClass } from '../components/Field.tsx';

/** For an organization's owners: take everything its space holds, then remove it for good. */
export function LeaveSection({ spaceId, name, onPurged }: { spaceId: string; name: string; onPurged: () => void }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<{ removed: Record<string, number>; directoryEntry: { keptIn: string } | null } | null>(null);
  async function purge() {
    try {
      setReport(await api.post(`/spaces/${spaceId}/purge`, { confirm }));
      setError(null);
    } catch (e) { setError(errorText(t, e)); }
  }
  if (report) {
    const rows = Object.values(report.removed).reduce((a, b) => a + b, 0);
    return (
      <section aria-labelledby="leave-title" className="rounded border border-stone-200 bg-white p-3">
        <h2 id="leave-title" className="text-lg font-semibold">{t('leave.done')}</h2>
        <p>{t('leave.removed', { count: rows })} {report.directoryEntry ? t('leave.keptIn', { alliance: report.directoryEntry.keptIn }) : t('leave.entryRemoved')}</p>
        <button type="button" className={secondaryButtonClass} onClick={onPurged}>{t('leave.continue')}</button>
      </section>
    );
  }
  return (
    <section aria-labelledby="leave-title" className="flex flex-col gap-2 rounded border border-red-200 bg-white p-3">
      <h2 id="leave-title" className="text-lg font-semibold">{t('leave.title')}</h2>
      <p className="text-sm">{t('leave.help')}</p>
      <p><a className={secondaryButtonClass} href={`/api/spaces/${spaceId}/archive`} download>{t('leave.archive')}</a></p>
      <ErrorBanner message={error} />
      <Field label={t('leave.confirm', { name })}>{(p) => <input {...p} className={inputClass} value={confirm} onChange={(e) => setConfirm(e.target.value)} />}</Field>
      <p><button type="button" className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-50" disabled={confirm.trim() !== name}
        onClick={() => void purge()}>{t('leave.purge')}</button></p>
    </section>
  );
}
