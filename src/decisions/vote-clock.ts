import type { AppDeps } from '../server/context.ts';
import { closeVotesPastDeadline, remindVotersBeforeClose } from './vote.service.ts';

/**
 * The server's clock for votes: every minute, closes votes whose deadline has passed and reminds
 * those who have not voted a day before the deadline. Returns a function that stops it.
 */
export function startVoteClock(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'>, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await closeVotesPastDeadline(deps.db);
      await remindVotersBeforeClose(deps);
    } catch (err) {
      console.error('[crossroads] vote clock:', err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
