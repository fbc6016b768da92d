import { Command } from 'commander';
import { COMMANDS } from './command-list.ts';

const program = new Command()
  .name('crossroads')
  .description('Crossroads: the working system for alliances of grassroots organizations')
  .showHelpAfterError();

// Only the module of the command being run is loaded ("crossroads help import" loads import's).
// Without one (`crossroads`, `crossroads --help`, a mistyped command), every command is listed
// from its words alone, and commander answers with the help.
const words = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const named = words[0] === 'help' ? words[1] : words[0];
const wanted = COMMANDS.find((c) => c.name === named);
if (wanted) {
  const register = await wanted.load();
  register(program);
} else {
  for (const c of COMMANDS) program.command([c.name, c.args].filter(Boolean).join(' ')).description(c.description);
}

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
