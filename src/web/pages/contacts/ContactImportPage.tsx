import { type ChangeEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, errorText } from '../../api.ts';
import { readCsvFile } from '../../csv-file.ts';
import { ErrorBanner, Field, buttonClass, inputClass, secondaryButtonClass } from '../../components/Field.tsx';

interface Columns { headers: string[]; mapping: Record<string, string | null>; fields: string[] }
interface RowReport {
  rowNumber: number; outcome: string; id?: string; errors?: { field: string; message: string }[];
  duplicateOf?: { row?: number; contactId?: string; by: string; samePerson: boolean };
}
interface Job { id: string; status: string; total: number; processed: number; message?: string; counts: Record<string, number>; rows: RowReport[]; possibleDuplicates?: number; dryRun?: boolean }

/**
 * Importing contacts as a conversation: the columns the file has and the field each feeds (changeable),
 * a trial run that says what would happen (new, already there, repeated, possible duplicates,
 * errors by row and column), then the import itself with its progress.
 */
export function ContactImportPage() {
  const { id: spaceId } = useParams();
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [encoding, setEncoding] = useState<'utf-8' | 'windows-1252'>('utf-8');
  const [columns, setColumns] = useState<Columns | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [goodRows, setGoodRows] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    const { text, encoding } = await readCsvFile(file);
    setEncoding(encoding);
    setCsv(text);
    setJob(null);
    setError(null);
    try {
      const found = await api.post<Columns>(`/spaces/${spaceId}/contact-imports/columns`, { csv: text });
      setColumns(found);
      setMapping(found.mapping);
    } catch (err) { setError(errorText(t, err)); }
  }
  async function start(dryRun: boolean) {
    setError(null);
    try {
      const { id } = await api.post<{ id: string }>(`/spaces/${spaceId}/contact-imports`, { csv, mapping, goodRows, dryRun });
      setJob({ id, status: 'validating', total: 0, processed: 0, counts: {}, rows: [] });
    } catch (err) { setError(errorText(t, err)); }
  }
  useEffect(() => {
    if (!job || ['done', 'rejected', 'failed'].includes(job.status)) return;
    const h = setTimeout(() => void api.get<Job>(`/imports/${job.id}`).then(setJob, () => undefined), 400);
    return () => clearTimeout(h);
  }, [job]);
  const running = Boolean(job && !['done', 'rejected', 'failed'].includes(job.status));
  const [merged, setMerged] = useState<Set<number>>(new Set());
  // A possible duplicate the person recognizes as the same person: merged into the other contact, history kept.
  async function merge(r: RowReport) {
    try {
      await api.post(`/contacts/${r.duplicateOf!.contactId}/merge`, { duplicateId: r.id });
      setMerged(new Set([...merged, r.rowNumber]));
    } catch (err) { setError(errorText(t, err)); }
  }
  const describe = (r: RowReport) => {
    if (r.errors) return r.errors.map((e) => t('contacts.import.cellError', { column: e.field, message: e.message })).join('; ');
    const d = r.duplicateOf;
    if (!d) return '';
    const by = t(`contacts.import.by.${d.by}`);
    const other = d.row ? t('contacts.import.otherRow', { row: d.row }) : t('contacts.import.existing');
    return d.samePerson ? t('contacts.import.samePerson', { other, by }) : t('contacts.import.possible', { other, by });
  };

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('contacts.import.title')}</h1>
      <p className="text-sm text-stone-700">{t('contacts.import.help')}</p>
      <p className="text-sm"><Link className="underline" to={`/spaces/${spaceId}/contacts`}>{t('contacts.back')}</Link></p>
      <Field label={t('import.file')}>{(p) => <input {...p} type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} className="text-sm" />}</Field>
      {encoding === 'windows-1252' && <p className="text-sm">{t('import.readAs1252')}</p>}
      <ErrorBanner message={error} />
      {columns && (
        <section aria-labelledby="columns-title" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="columns-title" className="font-semibold">{t('import.mapping')}</h2>
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
            {columns.headers.map((h) => (
              <label key={h} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="w-40 truncate font-mono">{h}</span>
                <select aria-label={h} className={`${inputClass} sm:w-auto`} value={mapping[h] ?? ''} onChange={(e) => setMapping({ ...mapping, [h]: e.target.value || null })}>
                  <option value="">{t('import.ignore')}</option>
                  {columns.fields.map((f) => <option key={f} value={f}>{t(`contacts.fields.${f}`)}</option>)}
                </select>
              </label>
            ))}
          </div>
          <label className="mt-2 flex items-center gap-2 text-sm"><input type="checkbox" checked={goodRows} onChange={(e) => setGoodRows(e.target.checked)} />{t('import.goodRowsOnly')}</label>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={secondaryButtonClass} disabled={running} onClick={() => void start(true)}>{t('contacts.import.trial')}</button>
            <button type="button" className={buttonClass} disabled={running} onClick={() => void start(false)}>{t('import.run')}</button>
          </div>
        </section>
      )}
      {job && (
        <section aria-labelledby="job-title" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="job-title" className="font-semibold">{job.dryRun && job.status === 'done' ? t('contacts.import.trialDone') : t(`import.status.${job.status}`)}</h2>
          <progress className="w-full" max={job.total || 1} value={job.status === 'validating' ? 0 : job.processed} aria-label={t('import.progress')} />
          <p role="status" className="text-sm">{job.status === 'validating' ? t('contacts.import.checking', { count: job.processed }) : t('import.progressText', { processed: job.processed, total: job.total })}</p>
          {['done', 'rejected'].includes(job.status) && (
            <>
              <ul className="mt-2 text-sm">
                {(['imported', 'unchanged', 'skipped', 'rejected'] as const).map((k) => <li key={k}>{t(`contacts.import.outcome.${k}`)}: {job.counts[k] ?? 0}</li>)}
                <li>{t('contacts.import.possibleCount')}: {job.possibleDuplicates ?? 0}</li>
              </ul>
              <ul className="mt-2 max-h-72 overflow-y-auto text-sm">
                {job.rows.filter((r) => r.errors || r.duplicateOf).map((r) => (
                  <li key={r.rowNumber} className={r.errors ? 'text-red-800' : ''}>{t('import.row', { row: r.rowNumber })}: {describe(r)}
                    {!job.dryRun && r.duplicateOf && !r.duplicateOf.samePerson && r.duplicateOf.contactId && r.id && (merged.has(r.rowNumber)
                      ? <span className="ml-2 font-medium">{t('contacts.import.mergedDone')}</span>
                      : <button type="button" className={`${secondaryButtonClass} ml-2`} onClick={() => void merge(r)}>{t('contacts.import.merge')}</button>)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </section>
  );
}
