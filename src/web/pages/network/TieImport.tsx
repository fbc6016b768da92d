import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../api.ts';
import { readCsvFile } from '../../csv-file.ts';
import { buttonClass, ErrorBanner } from '../../components/Field.tsx';

interface ImportRow { rowNumber: number; status: 'new' | 'updated' | 'unchanged' | 'duplicate' | 'rejected'; from: string; to: string; kind: string | null; errors: { field: string; message: string }[] }
interface ImportReport { committed: boolean; rows: ImportRow[]; counts: Record<ImportRow['status'], number> }

/** Ties from a CSV file (ours, Kumu's, or a spreadsheet): preview each row, then import. */
export function TieImport({ allianceId, onImported }: { allianceId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<'utf-8' | 'windows-1252'>('utf-8');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (text: string, commit: boolean, importGoodRows = false) => {
    try {
      const r = await api.post<ImportReport>(`/alliances/${allianceId}/ties/import`, { csv: text, commit, importGoodRows });
      setReport(r);
      setError(null);
      if (r.committed) onImported();
    } catch (err) { setError(errorText(t, err)); }
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    const { text, encoding } = await readCsvFile(file);
    setEncoding(encoding);
    setCsv(text);
    await send(text, false);
  };
  return (
    <section aria-labelledby="tie-import-title" className="flex flex-col gap-2 rounded border border-stone-200 bg-white p-3">
      <h2 id="tie-import-title" className="font-semibold">{t('network.import.title')}</h2>
      <p className="text-sm text-stone-600">{t('network.import.help')}</p>
      <label className="flex flex-col gap-1 text-sm">{t('network.import.file')}
        <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} /></label>
      {encoding === 'windows-1252' && <p className="text-sm">{t('import.readAs1252')}</p>}
      <ErrorBanner message={error} />
      {report && (
        <>
          <p role="status">{report.committed ? t('network.import.done', report.counts) : t('network.import.preview', report.counts)}</p>
          <table className="text-sm" aria-label={t('network.import.rows')}>
            <thead><tr>{['row', 'from', 'to', 'kind', 'status'].map((k) => <th key={k} className="px-2 text-left">{t(`network.import.columns.${k}`)}</th>)}</tr></thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.rowNumber} className={r.status === 'rejected' ? 'bg-red-50' : ''}>
                  <td className="px-2">{r.rowNumber}</td><td className="px-2">{r.from}</td><td className="px-2">{r.to}</td>
                  <td className="px-2">{r.kind ? t(`network.kinds.${r.kind}`) : ''}</td>
                  <td className="px-2">{t(`network.import.status.${r.status}`)}{r.errors.map((e) => ` — ${e.field}: ${e.message}`).join('')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!report.committed && csv && (
            <div className="flex gap-2">
              {report.counts.rejected === 0
                ? <button type="button" className={buttonClass} onClick={() => void send(csv, true)}>{t('network.import.commit')}</button>
                : <button type="button" className={buttonClass} onClick={() => void send(csv, true, true)}>{t('network.import.commitGood', { count: report.counts.new + report.counts.updated })}</button>}
            </div>
          )}
        </>
      )}
    </section>
  );
}
