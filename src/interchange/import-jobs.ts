// Import progress lives in memory while a job runs (the embedded database serves one query at
// a time, so polling it during a long write would wait for the write); the final report is
// also stored in import_jobs.

export interface RowOutcome {
  rowNumber: number;
  outcome: 'imported' | 'updated' | 'unchanged' | 'rejected' | 'skipped';
  id?: string;
  errors?: { field: string; message: string }[];
  /** A contact row that shares an email, phone, address or id with another row or contact. */
  duplicateOf?: { row?: number; contactId?: string; by: 'externalId' | 'email' | 'phone' | 'address'; samePerson: boolean };
}

export interface ImportJob {
  id: string;
  userId: string;
  spaceId: string;
  entity: string;
  status: 'validating' | 'writing' | 'done' | 'rejected' | 'failed';
  total: number;
  processed: number;
  counts: Record<RowOutcome['outcome'], number>;
  rows: RowOutcome[];
  message?: string;
  /** Contact imports: rows that share an email, phone or address with another but are someone else. */
  possibleDuplicates?: number;
  dryRun?: boolean;
}

const jobs = new Map<string, ImportJob>();

export function startJob(job: Omit<ImportJob, 'processed' | 'counts' | 'rows' | 'status'>): ImportJob {
  const full: ImportJob = { ...job, status: 'validating', processed: 0, rows: [], counts: { imported: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 } };
  jobs.set(job.id, full);
  // Forget finished jobs after an hour; their report stays in the database.
  setTimeout(() => jobs.delete(job.id), 3_600_000).unref();
  return full;
}

export function findJob(id: string): ImportJob | undefined {
  return jobs.get(id);
}

// A million-row import keeps its counts, every rejected row up to a limit, and a sample of the rest.
const KEPT_REJECTED = 10_000;
const KEPT_OTHERS = 1_000;

export function record(job: ImportJob, outcome: RowOutcome) {
  const kept = outcome.outcome === 'rejected' || outcome.duplicateOf ? job.rows.length < KEPT_REJECTED : job.counts.imported + job.counts.updated + job.counts.unchanged + job.counts.skipped < KEPT_OTHERS;
  if (kept) job.rows.push(outcome);
  job.counts[outcome.outcome] += 1;
}

/** After a failure: nothing was written, so every row that was not rejected was skipped. */
export function nothingWritten(job: ImportJob) {
  job.counts = { imported: 0, updated: 0, unchanged: 0, rejected: job.counts.rejected, skipped: job.total - job.counts.rejected };
  job.rows = job.rows.map((r) => (r.outcome === 'rejected' ? r : { rowNumber: r.rowNumber, outcome: 'skipped' }));
}
