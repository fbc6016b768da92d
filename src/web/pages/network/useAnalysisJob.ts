import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';

// Starts an analysis job and follows it until it is done: small networks come back finished
// from the first request; large ones are polled for progress. Leaving the page stops the polling
// (the job itself finishes or is cancelled on the server).

export interface AnalysisJob<T> {
  id: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  phase: string | null;
  result: T | null;
  error: string | null;
}

const POLL_MS = 400;

export function useAnalysisJob<T>(startPath: string | null, onError: (err: unknown) => void) {
  const [job, setJob] = useState<AnalysisJob<T> | null>(null);
  // The last finished result stays on screen while a rerun computes, so the page does not blank.
  const [result, setResult] = useState<T | null>(null);
  const [round, setRound] = useState(0);
  const current = useRef<string | null>(null);

  useEffect(() => {
    if (!startPath) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (j: AnalysisJob<T>) => {
      if (stopped) return;
      current.current = j.id;
      setJob(j);
      if (j.status === 'done') setResult(j.result);
      if (j.status === 'running') timer = setTimeout(() => api.get<AnalysisJob<T>>(`/jobs/${j.id}`).then(follow, onError), POLL_MS);
    };
    api.post<AnalysisJob<T>>(startPath).then(follow, onError);
    return () => { stopped = true; clearTimeout(timer); };
  }, [startPath, round]);
  // A different analysis (another alliance, other options) does not show the previous one's result.
  useEffect(() => { setResult(null); setJob(null); }, [startPath]);

  return {
    job,
    result,
    /** Runs the analysis again, e.g. after a tie was recorded. */
    rerun: () => setRound((r) => r + 1),
    cancel: () => { if (current.current) api.delete<AnalysisJob<T>>(`/jobs/${current.current}`).then(setJob, onError); },
  };
}
