import { findUserByEmail } from '../accounts/accounts.repository.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { Problem } from '../server/problem.ts';
import { loadConfig } from '../shared/config.ts';

/** Runs `fn` as the account `email`, with the same permission checks as the web app. */
export async function asUser<T>(email: string, fn: (deps: Awaited<ReturnType<typeof bootstrap>>, actor: { userId: string; isWorkspaceAdmin: boolean }) => Promise<T>) {
  const deps = await bootstrap(loadConfig());
  try {
    const user = await findUserByEmail(deps.db, email);
    if (!user) throw new Error(`No account ${email}.`);
    return await fn(deps, { userId: user.id, isWorkspaceAdmin: user.is_workspace_admin });
  } catch (err) {
    if (err instanceof Problem) throw new Error([err.detail ?? err.title, ...err.errors.map((e) => `  ${e.field}: ${e.message}`)].join('\n'));
    throw err;
  } finally {
    await deps.mailer.idle();
    await deps.close();
  }
}
