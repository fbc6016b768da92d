import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './command-list.ts';

// `crossroads --help` lists the commands from command-list.ts without loading their modules; what
// it says must be what the modules register, and every command a module registers must be listed.
describe('the list of commands', () => {
  it('says of each command what its module registers, and misses none', { timeout: 120_000 }, async () => {
    const registered = new Map<string, { args: string; description: string }>();
    for (const load of new Set(COMMANDS.map((c) => c.load.toString()))) {
      const entry = COMMANDS.find((c) => c.load.toString() === load)!;
      const program = new Command();
      (await entry.load())(program);
      for (const c of program.commands) {
        const args = c.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`)).join(' ');
        registered.set(c.name(), { args, description: c.description() });
      }
    }
    expect(Object.fromEntries(COMMANDS.map((c) => [c.name, { args: c.args, description: c.description }]))).toEqual(Object.fromEntries(registered));
  });
});
