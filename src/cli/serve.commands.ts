import { RELOAD_MS } from '../crypto/online-rotation.ts';
import type { Command } from 'commander';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoWorkspace } from '../demo/load-demo.ts';
import { startDeadlineClock } from '../server/deadline-clock.ts';
import { startInboundMail } from '../discussions/inbound-mail.ts';
import { recoverInterruptedImports } from '../interchange/import-undo.service.ts';
import { createApp } from '../server/app.ts';
import { bootstrap } from '../server/bootstrap.ts';
import { serveHttp } from '../server/http-server.ts';
import { loadConfig } from '../shared/config.ts';

export function registerServeCommands(program: Command) {
  program.command('serve')
    .description('start the web app and API (embedded database in ./data unless DATABASE_URL is set)')
    .option('--demo', 'load the demo workspace on first run')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .action(async (options: { demo?: boolean; port?: string }) => {
      const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
      const deps = await bootstrap(config);
      if (options.demo) {
        const loaded = await loadDemoWorkspace(deps);
        if (loaded) console.log(`Loaded the demo workspace (${loaded.organizations} organizations, ${loaded.people} people).`);
      }
      const app = createApp(deps);
      const stopClock = startDeadlineClock(deps);
      // Replies by email, when the app takes mail.
      const inbound = config.inboundPort !== undefined ? await startInboundMail(deps, { port: config.inboundPort, host: config.host }) : null;
      if (inbound) console.log(`Taking replies by email on port ${inbound.port} (addresses @${config.inboundDomain}).`);
      // Imports whose process stopped (this server's last run, or a CLI import) are taken back.
      await recoverInterruptedImports(deps.db);
      const recovery = setInterval(() => void recoverInterruptedImports(deps.db), 60_000);
      recovery.unref();
      // A sealing key rotated by another process (the CLI, another instance) is taken up within seconds.
      const keys = setInterval(() => {
        try { deps.box.reload(); } catch (err) { console.error(`[crossroads] the key ring could not be read again: ${(err as Error).message}`); }
      }, RELOAD_MS);
      keys.unref();
      const server = serveHttp(app.fetch, { port: config.port, hostname: config.host }, (info) => {
        console.log(`Crossroads is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/ (database: ${deps.engine})`);
        if (options.demo) console.log(`Sign in as ${DEMO_USERS.coordinator.email} with password "${DEMO_PASSWORD}".`);
      });
      const stop = () => { stopClock(); clearInterval(recovery); clearInterval(keys); void inbound?.close(); server.close(() => void deps.mailer.idle().then(() => deps.close()).then(() => process.exit(0))); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });

  program.command('demo')
    .description('load the demo workspace (organizations and alliances from the source documents, fictional people)')
    .action(async () => {
      const deps = await bootstrap(loadConfig());
      try {
        const loaded = await loadDemoWorkspace(deps);
        console.log(loaded ? `Loaded ${loaded.organizations} organizations, ${loaded.memberships} memberships, ${loaded.people} people.` : 'The demo workspace is already loaded.');
        console.log(`Sign in as ${DEMO_USERS.coordinator.email} with password "${DEMO_PASSWORD}".`);
      } finally {
        await deps.close();
      }
    });
}
