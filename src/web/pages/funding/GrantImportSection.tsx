import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorText } from '../../api.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';

interface ImportReport { format: string; encoding: string | null; grants: number; created: number; updated: number; unchanged: number;
  repeats: { identifier: string; count: number }[]; ignoredColumns: string[]; review: { unsure: number; none: number }; dryRun: boolean }

async function base64Of(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A 360Giving file (JSON, CSV or XLSX): checked first, what it would do shown, then imported. */
export function GrantImportSection({ spaceId, onImported }: { spaceId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [dateOrder, setDateOrder] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  async function send(dryRun: boolean) {
    if (!file) return;
    try {
      const body = { fileBase64: await base64Of(file), dryRun, ...(dateOrder ? { dateOrder } : {}) };
      setReport(await api.post<ImportReport>(`/spaces/${spaceId}/funding-grant-imports`, body));
      setProblems([]);
      setError(null);
      if (!dryRun) onImported();
    } catch (err) {
      setReport(null);
      if (err instanceof ApiError && err.status === 422) { setProblems(err.errors); setError(err.detail ?? null); } else setError(errorText(t, err));
    }
  }
  return (
    <section aria-labelledby="grant-import-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="grant-import-title" className="text-lg font-semibold">{t('funding.importTitle')}</h2>
      <p className="text-sm text-stone-700">{t('funding.importHelp')}</p>
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t('funding.file')}>{(p) => <input {...p} type="file" accept=".json,.csv,.xlsx" className={inputClass}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); setProblems([]); }} />}</Field>
        <Field label={t('funding.dateOrder')}>{(p) => (
          <select {...p} className={`${inputClass} w-auto`} value={dateOrder} onChange={(e) => setDateOrder(e.target.value)}>
            <option value="">{t('funding.dateOrderAuto')}</option><option value="dmy">{t('funding.dmy')}</option><option value="mdy">{t('funding.mdy')}</option>
          </select>)}</Field>
        <button type="button" className={secondaryButtonClass} disabled={!file} onClick={() => void send(true)}>{t('funding.check')}</button>
        <button type="button" className={buttonClass} disabled={!file || !report?.dryRun} onClick={() => void send(false)}>{t('funding.import')}</button>
      </div>
      <ErrorBanner message={error} />
      {problems.length > 0 && (
        <ul className="max-h-64 overflow-auto text-sm text-red-800">{problems.map((p, i) => <li key={i}><strong>{p.field}</strong>: {p.message}</li>)}</ul>
      )}
      {report && (
        <div className="text-sm">
          <p>{t(report.dryRun ? 'funding.wouldImport' : 'funding.imported', { grants: report.grants, created: report.created, updated: report.updated, unchanged: report.unchanged })}</p>
          {report.repeats.map((r) => <p key={r.identifier}>{t('funding.repeat', { identifier: r.identifier, count: r.count })}</p>)}
          {report.ignoredColumns.length > 0 && <p className="text-stone-600">{t('funding.ignored', { columns: report.ignoredColumns.join(', ') })}</p>}
          {(report.review.unsure > 0 || report.review.none > 0) && <p>{t('funding.toReview', { unsure: report.review.unsure, none: report.review.none })}</p>}
        </div>
      )}
    </section>
  );
}
