// Import progress lives in memory while a job runs (the embedded database serves one query at
// a time, so polling it during a long write would wait for the write); the final report is
// also stored in import_jobs.

export interface RowOutcome {
  rowNumber: number;
  outcome: 'imported' | 'updated' | 'unchanged' | 'rejected' | 'skipped';
  id?: string;
  errors?: { field: string; message: string }[];
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

export function record(job: ImportJob, outcome: RowOutcome) {
  job.rows.push(outcome);
  job.counts[outcome.outcome] += 1;
}
