import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { getAlert } from '../alerts/alert.service.ts';
import { getCampaign } from '../campaigns/campaign.service.ts';
import { getCharter } from '../charters/charter.service.ts';
import { conveningCalendar } from '../convenings/calendar.service.ts';
import { listConvenings, listFollowUps } from '../convenings/convening.service.ts';
import { decisionLogCsv, decisionLogPopolo } from '../decisions/decision-export.ts';
import { getDecisionLog } from '../decisions/decision-record.service.ts';
import { getPlan } from '../plans/work-plan.service.ts';
import { asUser } from './as-user.ts';

// The working life of an alliance from the command line: convenings and their
// calendar, follow-ups, work plans, alerts and the decision log — with the web app's permissions.

const print = (value: unknown, json: boolean | undefined, text: () => string) => console.log(json ? JSON.stringify(value, null, 2) : text());
const letters = (checks: { letter: string; ok: boolean }[]) => checks.map((c) => (c.ok ? c.letter : c.letter.toLowerCase())).join('');

export function registerPlansCommands(program: Command) {
  program.command('convenings <organizationId>')
    .description('list an alliance\'s convenings with their attendance')
    .requiredOption('--as <email>', 'the account reading').option('--json', 'print JSON')
    .action(async (organizationId: string, o: { as: string; json?: boolean }) => {
      const list = await asUser(o.as, (deps, actor) => listConvenings(deps.db, actor, organizationId));
      print(list, o.json, () => list.convenings.map((c) => `${c.startsAt} ${c.timeZone}  ${c.title} (${c.kind}, ${c.attendance} came)  ${c.id}`).join('\n'));
    });

  program.command('convening-ics <conveningId>')
    .description('a convening as iCalendar (.ics), in its own time zone')
    .requiredOption('--as <email>', 'the account reading').option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (conveningId: string, o: { as: string; output?: string }) => {
      const ics = await asUser(o.as, (deps, actor) => conveningCalendar(deps, actor, conveningId));
      if (o.output) writeFileSync(o.output, ics); else process.stdout.write(ics);
    });

  program.command('follow-ups <organizationId>')
    .description('follow-ups of an organization\'s convenings')
    .requiredOption('--as <email>', 'the account reading').option('--overdue', 'only those past due and not done').option('--json', 'print JSON')
    .action(async (organizationId: string, o: { as: string; overdue?: boolean; json?: boolean }) => {
      const list = await asUser(o.as, (deps, actor) => listFollowUps(deps.db, actor, organizationId, { overdue: !!o.overdue }));
      print(list, o.json, () => list.map((f) => `${f.dueOn ?? '          '}  ${f.doneAt ? '[x]' : '[ ]'} ${f.text}${f.ownerOrganizationName ?? f.ownerName ? ` — ${f.ownerOrganizationName ?? f.ownerName}` : ''}`).join('\n'));
    });

  program.command('work-plan <workPlanId>')
    .description('a work plan: strategy areas, anchors, goals with their SMARTIE letters (lower case = not met), activities')
    .requiredOption('--as <email>', 'the account reading').option('--json', 'print JSON')
    .action(async (workPlanId: string, o: { as: string; json?: boolean }) => {
      const plan = await asUser(o.as, (deps, actor) => getPlan(deps.db, actor, workPlanId));
      print(plan, o.json, () => [`${plan.title} (${plan.status})`, ...plan.areas.flatMap((a) => [
        `\n${a.name} — anchors: ${a.anchors.map((x) => x.shortName ?? x.name).join(', ') || 'none'}`, a.broadGoal ? `  broad goal: ${a.broadGoal}` : '',
        ...a.goals.map((g) => `  [${letters(g.smartie)}] ${g.statement}`), ...a.activities.map((x) => `  ${x.done ? '[x]' : '[ ]'} ${x.kind}: ${x.text}${x.dueOn ? ` (${x.dueOn})` : ''}`),
      ].filter(Boolean))].join('\n'));
    });

  program.command('alert <alertId>')
    .description('a rapid response alert: commitments against the need')
    .requiredOption('--as <email>', 'the account reading').option('--json', 'print JSON')
    .action(async (alertId: string, o: { as: string; json?: boolean }) => {
      const alert = await asUser(o.as, (deps, actor) => getAlert(deps.db, actor, alertId));
      print(alert, o.json, () => [alert.title, ...alert.progress.map((p) => `  ${p.key}: ${p.committed} of ${p.need}${p.met ? ' (met)' : ` (gap ${p.gap})`}`),
        ...alert.commitments.map((c) => `  ${c.name}: ${c.organizers} organizers, ${c.people} people, $${c.money}, ${c.days} days`)].join('\n'));
    });

  program.command('campaign <campaignId>')
    .description('a campaign: its strategy chart, who takes part and what each brings, what happened')
    .requiredOption('--as <email>', 'the account reading').option('--json', 'print JSON')
    .action(async (campaignId: string, o: { as: string; json?: boolean }) => {
      const c = await asUser(o.as, (deps, actor) => getCampaign(deps.db, actor, campaignId));
      print(c, o.json, () => [`${c.name} (${c.status})`, ...Object.entries(c.chart).filter(([, v]) => (v as string[]).length).map(([k, v]) => `  ${k}: ${(v as string[]).join('; ')}`),
        ...c.participants.map((p) => `  ${p.name} brings ${p.brings.join(', ')}`), ...c.events.map((e) => `  ${e.happenedOn} ${e.kind}: ${e.title}`)].join('\n'));
    });

  program.command('charter <allianceId>')
    .description('an alliance\'s charter versions and its stage of development with the answers that moved it')
    .requiredOption('--as <email>', 'the account reading').option('--json', 'print JSON')
    .action(async (allianceId: string, o: { as: string; json?: boolean }) => {
      const c = await asUser(o.as, (deps, actor) => getCharter(deps.db, actor, allianceId));
      print(c, o.json, () => [`${c.alliance.name}: stage ${c.stage ?? 'unknown'}`, ...c.versions.map((v) => `  v${v.version}${v.ratifiedAt ? ' (ratified)' : ''}`),
        ...c.stageMoves.map((m) => `  ${new Date(m.movedAt).toISOString().slice(0, 10)} ${m.fromStage ?? '-'} -> ${m.toStage}`)].join('\n'));
    });

  program.command('decisions <allianceId>')
    .description('export an alliance\'s decision log')
    .requiredOption('--as <email>', 'the account reading').option('--format <format>', 'csv | popolo', 'csv').option('-o, --output <file>', 'write to a file')
    .action(async (allianceId: string, o: { as: string; format: string; output?: string }) => {
      if (o.format !== 'csv' && o.format !== 'popolo') throw new Error('--format must be csv or popolo');
      const log = await asUser(o.as, (deps, actor) => getDecisionLog(deps.db, actor, allianceId));
      const text = o.format === 'csv' ? decisionLogCsv(log) : `${JSON.stringify(decisionLogPopolo(log), null, 2)}\n`;
      if (o.output) writeFileSync(o.output, text); else process.stdout.write(text);
    });
}
