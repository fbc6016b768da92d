import { type ChangeEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, errorText } from '../api.ts';
import { readCsvFile } from '../csv-file.ts';
import { ErrorBanner, buttonClass, inputClass, Field, secondaryButtonClass } from '../components/Field.tsx';
import { DateOrderQuestion, DefaultsQuestion, DuplicatesQuestion, UnknownValuesQuestion, useFieldLabel } from './import/ImportQuestions.tsx';
import type { Decisions, Entity, Job, Preview } from './import/import-types.ts';

/** Answers as the API takes them: unanswered values and empty defaults left out. */
function sent(decisions: Decisions): Decisions {
  const values = Object.fromEntries(Object.entries(decisions.values ?? {})
    .map(([field, answers]) => [field, Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined))]));
  const defaults = Object.fromEntries(Object.entries(decisions.defaults ?? {}).filter(([, v]) => v));
  return { ...decisions, values, defaults };
}

/**
 * Importing a CSV file as a conversation: the file is checked, the page asks what it cannot take
 * as it is (columns, a value for rows without one, unknown words, the date order, possible
 * duplicates), and the import runs with the answers once a check with them has shown the result.
 */
export function ImportPage() {
  const { id: spaceId } = useParams();
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const [entity, setEntity] = useState<Entity>('organizations');
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [encoding, setEncoding] = useState<'utf-8' | 'windows-1252'>('utf-8');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [decisions, setDecisions] = useState<Decisions>({});
  const [checked, setChecked] = useState('');
  const [fromMemory, setFromMemory] = useState(false);
  const [goodRowsOnly, setGoodRowsOnly] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    const read = await readCsvFile(file);
    setEncoding(read.encoding);
    setCsv(read.text);
    setPreview(null);
    setDecisions({});
    setFromMemory(false);
    setJob(null);
  }

  async function runPreview(nextMapping?: Record<string, string | null>, answers: Decisions = decisions) {
    setError(null);
    try {
      const result = await api.post<Preview>(`/spaces/${spaceId}/imports/preview`, { entity, csv, mapping: nextMapping, decisions: sent(answers) });
      setPreview(result);
      setMapping(result.mapping);
      setChecked(JSON.stringify({ mapping: result.mapping, decisions: answers }));
      // The space's answers to its last file with these columns, and what the file itself suggests,
      // are put forward as answers, visibly, for the person to keep or change before checking again.
      const remembered = Object.keys(answers).length === 0 && result.remembered ? result.remembered.decisions : null;
      setFromMemory(Boolean(result.remembered) && !nextMapping);
      if (remembered) answers = remembered;
      const values = { ...answers.values };
      for (const u of result.unknownValues) if (u.suggestion && values[u.field]?.[u.value] === undefined) values[u.field] = { ...values[u.field], [u.value]: u.suggestion };
      setDecisions({ ...answers, values, dateOrder: answers.dateOrder ?? result.dates.evidence?.order });
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  async function runImport() {
    setError(null);
    try {
      const started = await api.post<{ id: string }>(`/spaces/${spaceId}/imports`, { entity, csv, mapping, decisions: sent(decisions), importGoodRows: goodRowsOnly });
      setJob({ id: started.id, status: 'validating', total: preview?.total ?? 0, processed: 0, counts: {}, rows: [] });
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  // Poll the job while it runs; the server keeps its progress in memory.
  useEffect(() => {
    if (!job || ['done', 'rejected', 'failed'].includes(job.status)) return;
    const handle = setTimeout(() => void api.get<Job>(`/imports/${job.id}`).then(setJob, () => undefined), 400);
    return () => clearTimeout(handle);
  }, [job]);

  const changed = Boolean(preview) && JSON.stringify({ mapping, decisions }) !== checked;
  const blocked = Boolean(preview && preview.errorCount > 0 && !goodRowsOnly);
  const running = Boolean(job && !['done', 'rejected', 'failed'].includes(job.status));
  const columnOrField = (field: string) => (preview?.headers.includes(field) ? field : fieldLabel(field));
  const questions = { decisions, onChange: setDecisions };
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('import.title')}</h1>
      <p className="text-sm text-stone-700">{t('import.help')}</p>
      <div className="grid grid-cols-1 gap-3 rounded border border-stone-200 bg-white p-3 sm:grid-cols-3">
        <Field label={t('import.entity')}>{(p) => (<select {...p} className={inputClass} value={entity} onChange={(e) => { setEntity(e.target.value as Entity); setPreview(null); setDecisions({}); }}>
            {(['organizations', 'memberships', 'people'] as const).map((e) => <option key={e} value={e}>{t(`import.entities.${e}`)}</option>)}
          </select>)}</Field>
        <Field label={t('import.file')}>{(p) => (<input {...p} type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} className="text-sm" />)}</Field>
        <div className="flex items-end"><button type="button" disabled={!csv} className={buttonClass} onClick={() => void runPreview()}>{t('import.preview')}</button></div>
      </div>
      {fileName && <p className="text-sm">{fileName}{encoding === 'windows-1252' && <> · {t('import.readAs1252')}</>}</p>}
      <ErrorBanner message={error} />
      {preview && (
        <>
          <section aria-labelledby="mapping-title" className="rounded border border-stone-200 bg-white p-3">
            <h2 id="mapping-title" className="font-semibold">{t('import.mapping')}</h2>
            {fromMemory && <p className="text-sm text-stone-700">{t('import.remembered')}</p>}
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
              {preview.headers.map((h) => (
                <label key={h} className="flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-2">
                  <span className="break-words sm:w-40 sm:truncate">{h}</span>
                  <select aria-label={h} className={inputClass} value={mapping[h] ?? ''} onChange={(e) => setMapping({ ...mapping, [h]: e.target.value || null })}>
                    <option value="">{t('import.ignore')}</option>
                    {preview.fields.map((f) => <option key={f} value={f}>{fieldLabel(f)}</option>)}
                  </select>
                </label>
              ))}
            </div>
          </section>
          <DefaultsQuestion preview={preview} {...questions} />
          <UnknownValuesQuestion preview={preview} {...questions} />
          <DateOrderQuestion preview={preview} {...questions} />
          <DuplicatesQuestion preview={preview} {...questions} />
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className={changed ? buttonClass : secondaryButtonClass} onClick={() => void runPreview(mapping, decisions)}>{t('import.recheck')}</button>
            {changed && <span role="status" className="text-sm text-amber-800">{t('import.changed')}</span>}
          </div>
          <p role="status">{t('import.summary', { total: preview.total, errors: preview.errorCount })}</p>
          {preview.errorCount > 0 && (
            <>
              {/* Focusable, so that a keyboard can scroll a long list. */}
              <ul tabIndex={0} aria-label={t('import.errorRows')} className="max-h-64 overflow-y-auto rounded border border-red-200 bg-red-50 p-2 text-sm">
                {preview.rows.filter((r) => !r.ok).map((r) => (
                  <li key={r.rowNumber}>{t('import.row', { row: r.rowNumber })}: {r.errors?.map((e) => `${columnOrField(e.field)}: ${e.message}`).join('; ')}</li>
                ))}
              </ul>
              <label className="flex items-center gap-2 text-sm"><input type="checkbox" checked={goodRowsOnly} onChange={(e) => setGoodRowsOnly(e.target.checked)} />{t('import.goodRowsOnly')}</label>
            </>
          )}
          <div><button type="button" disabled={blocked || changed || running} className={buttonClass} onClick={() => void runImport()}>{t('import.run')}</button></div>
        </>
      )}
      {job && (
        <section aria-labelledby="job-title" className="rounded border border-stone-200 bg-white p-3">
          <h2 id="job-title" className="font-semibold">{t(`import.status.${job.status}`)}</h2>
          <progress className="w-full" max={job.total || 1} value={job.processed} aria-label={t('import.progress')} />
          <p role="status" className="text-sm">{t('import.progressText', { processed: job.processed, total: job.total })}</p>
          {['done', 'rejected'].includes(job.status) && (
            <ul className="mt-2 text-sm">
              {Object.entries(job.counts).filter(([, n]) => n > 0).map(([k, n]) => <li key={k}>{t(`import.outcome.${k}`)}: {n}</li>)}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
