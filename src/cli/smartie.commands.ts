import type { Command } from 'commander';
import { checkSmartie } from '../plans/smartie.ts';
import { SMARTIE_REASONS } from '../plans/smartie-reasons.ts';

// A goal checked letter by letter (SMARTIE), on its own: it reads no database, so it loads
// nothing else and answers at once.

export function registerSmartieCommand(program: Command) {
  program.command('smartie <statement>')
    .description('check a goal letter by letter (Strategic, Measurable, Ambitious, Realistic, Time-bound, Inclusive, Equitable)')
    .option('--deadline <date>', 'YYYY-MM-DD')
    .option('--most-affected-decide', 'people most affected take part in deciding')
    .option('--lang <lang>', 'en | es', 'en')
    .option('--json', 'print JSON')
    .action((statement: string, o: { deadline?: string; mostAffectedDecide?: boolean; lang?: string; json?: boolean }) => {
      if (o.lang && o.lang !== 'en' && o.lang !== 'es') throw new Error('--lang must be en or es');
      const language = (o.lang ?? 'en') as 'en' | 'es';
      const checks = checkSmartie({ statement, deadline: o.deadline ?? null, decidersFromMostAffected: o.mostAffectedDecide ? true : null });
      console.log(o.json ? JSON.stringify(checks, null, 2) : checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.letter}  ${SMARTIE_REASONS[c.reason][language]}`).join('\n'));
      if (checks.some((c) => !c.ok)) process.exitCode = 3;
    });
}
