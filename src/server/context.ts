import type { JobRegistry } from '../jobs/job-registry.ts';
import type { Db } from '../db/database.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Actor } from '../spaces/access.ts';
import type { Config } from '../shared/config.ts';
import type { Mailer } from '../notifications/mailer.ts';
import { Problem } from './problem.ts';
import type { Context } from 'hono';
import type { LoginThrottle } from '../accounts/login-throttle.ts';

export interface AppDeps {
  db: Db;
  box: SealedBox;
  config: Config;
  mailer: Mailer;
}

export interface AppEnv {
  Variables: { actor: Actor | null; deps: AppDeps; throttle: LoginThrottle; jobs: JobRegistry };
}

/** The signed-in caller, or a 401 problem. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new Problem(401, 'Sign in required', 'Sign in to use this.');
  return actor;
}
