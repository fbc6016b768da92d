import { Command } from 'commander';
import { registerAnalyzeCommands } from './analyze.commands.ts';
import { registerBackupCommands, registerKeyCommands } from './backup.commands.ts';
import { registerContactCommands } from './contacts.commands.ts';
import { registerDonationCommands } from './donations.commands.ts';
import { registerGrantCommands } from './grants.commands.ts';
import { registerMetricsCommands } from './metrics.commands.ts';
import { registerOverlapCommands } from './overlap.commands.ts';
import { registerInterchangeCommands } from './interchange.commands.ts';
import { registerPlansCommands } from './plans.commands.ts';
import { registerServeCommands } from './serve.commands.ts';
import { registerSpaceCommands } from './space.commands.ts';
import { registerSurveyCommands } from './survey.commands.ts';
import { registerTallyCommands } from './tally.commands.ts';
import { registerUserCommands } from './user.commands.ts';

const program = new Command()
  .name('crossroads')
  .description('Crossroads: the working system for alliances of grassroots organizations')
  .showHelpAfterError();

registerServeCommands(program);
registerUserCommands(program);
registerInterchangeCommands(program);
registerContactCommands(program);
registerDonationCommands(program);
registerGrantCommands(program);
registerMetricsCommands(program);
registerOverlapCommands(program);
registerSpaceCommands(program);
registerPlansCommands(program);
registerAnalyzeCommands(program);
registerTallyCommands(program);
registerBackupCommands(program);
registerKeyCommands(program);
registerSurveyCommands(program);

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
