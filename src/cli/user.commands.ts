import type { Command } from 'commander';
import { createUser } from '../accounts/accounts.service.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { loadConfig } from '../shared/config.ts';
import { SPACE_ROLES, type SpaceRole } from '../spaces/roles.ts';
import { findSpace, upsertRole } from '../spaces/spaces.repository.ts';
import { resolveSpace } from './space-option.ts';

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('manage accounts');
  user.command('add <email>')
    .description('create an account; the password comes from CROSSROADS_PASSWORD or --password')
    .requiredOption('-n, --name <name>', 'display name')
    .option('--password <password>', 'password (at least 10 characters); prefer CROSSROADS_PASSWORD')
    .option('--locale <locale>', 'en or es', 'en')
    .option('--admin', 'workspace administrator (edits the shared lists)')
    .option('--space <spaceId>', 'give a role in this space')
    .option('--org <organization>', "or in this organization's own space: its id, name or short name")
    .option('--role <role>', `role in --space: ${SPACE_ROLES.join(', ')}`, 'member')
    .action(async (email: string, o: { name: string; password?: string; locale: string; admin?: boolean; space?: string; org?: string; role: string }) => {
      const password = o.password ?? process.env.CROSSROADS_PASSWORD;
      if (!password) throw new Error('Give a password with CROSSROADS_PASSWORD=... or --password.');
      if (!['en', 'es'].includes(o.locale)) throw new Error('--locale must be en or es');
      if (!SPACE_ROLES.includes(o.role as SpaceRole)) throw new Error(`--role must be one of ${SPACE_ROLES.join(', ')}`);
      const deps = await bootstrap(loadConfig());
      try {
        const space = o.space || o.org ? await resolveSpace(deps.db, o) : undefined;
        if (space && !(await findSpace(deps.db, space))) throw new Error(`No space ${space}.`);
        const created = await createUser(deps.db, { email, displayName: o.name, password, locale: o.locale, isWorkspaceAdmin: o.admin });
        if (space) await upsertRole(deps.db, space, created.id, o.role as SpaceRole);
        console.log(`Added ${created.email}${space ? ` as ${o.role} of space ${space}` : ''}.`);
      } catch (err) {
        throw new Error(err instanceof Error ? err.message : String(err));
      } finally {
        await deps.close();
      }
    });
}
