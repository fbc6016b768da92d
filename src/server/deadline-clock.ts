import { closeVotesPastDeadline, remindVotersBeforeClose } from '../decisions/vote.service.ts';
import { sendDueDigests } from '../discussions/update.service.ts';
import { surveyClockTick } from '../surveys/survey.service.ts';
import type { AppDeps } from './context.ts';

/**
 * The server's clock for deadlines: every minute, closes votes and survey waves whose deadline has
 * passed and reminds those who have not answered (voters a day before, survey invitees two days
 * before) and sends the digests that are due. Returns a function that stops it.
 */
export function startDeadlineClock(deps: Pick<AppDeps, 'db' | 'box' | 'mailer' | 'config'>, everyMs = 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await closeVotesPastDeadline(deps.db);
      await remindVotersBeforeClose(deps);
      await surveyClockTick(deps);
      await sendDueDigests(deps);
    } catch (err) {
      console.error('[crossroads] deadline clock:', err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
