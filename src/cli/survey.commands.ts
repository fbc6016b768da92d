import type { Command } from 'commander';
import { findOwnSpacesByReference } from '../orgs/organization.repository.ts';
import { surveyResults } from '../surveys/survey-results.service.ts';
import { listAllianceSurveys } from '../surveys/survey.service.ts';
import { asUser } from './as-user.ts';

// `crossroads survey results`: a closed wave's results as the account may read them (a role in
// the alliance's space), with the same suppression as the screen.

const num = (value: number | null, places = 2) => (value === null ? '—' : value.toFixed(places));
const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10} %`);

export function registerSurveyCommands(program: Command) {
  const survey = program.command('survey').description('relationship surveys between an alliance\'s member organizations');
  survey.command('list <alliance>').description("an alliance's survey waves (its id, name or short name), newest first")
    .requiredOption('--as <email>', 'the account reading them (a role in the alliance\'s space)')
    .action(async (alliance: string, o: { as: string }) => {
      await asUser(o.as, async (deps, actor) => {
        const found = await findOwnSpacesByReference(deps.db, alliance);
        if (found.length !== 1) throw new Error(found.length ? `"${alliance}" names ${found.length} organizations; use the id.` : `No alliance "${alliance}".`);
        const { surveys } = await listAllianceSurveys(deps.db, actor, found[0]!.id);
        for (const s of surveys) console.log(`${s.id}  ${s.status.padEnd(6)}  ${String(s.responded).padStart(3)}/${String(s.invited).padEnd(3)}  ${s.title}`);
      });
    });
  survey.command('results <surveyId>').description("a closed wave's results: responses, the network's shape, trust and value received, factors")
    .requiredOption('--as <email>', 'the account reading them (a role in the alliance\'s space)')
    .option('--json', 'print the results as JSON')
    .action(async (surveyId: string, o: { as: string; json?: boolean }) => {
      if (!/^[0-9a-f-]{36}$/i.test(surveyId)) throw new Error('surveyId: the id of a wave (shown on its page)');
      await asUser(o.as, async (deps, actor) => {
        const r = await surveyResults(deps.db, actor, surveyId);
        if (o.json) { console.log(JSON.stringify(r)); return; }
        console.log(`${r.survey.title}: ${r.responses.responded} of ${r.responses.invited} organizations answered (${pct(r.responses.rate)})`);
        console.log(`  ties ${r.ties}, density ${pct(r.density)}, degree centralization ${pct(r.centralization)}`);
        console.log(`  trust ${num(r.trust)} / 4, value ${num(r.value)} / 4 (means of every rating given)`);
        console.log(`\n  ${'organization'.padEnd(40)} ${'ties'.padStart(5)} ${'connect.'.padStart(9)} ${'trust rec.'.padStart(11)} ${'value rec.'.padStart(11)}`);
        for (const org of r.organizations) {
          const hidden = org.suppressed ? `  (fewer than ${r.minRaters} raters: hidden)` : '';
          console.log(`  ${org.name.slice(0, 40).padEnd(40)} ${String(org.degree).padStart(5)} ${pct(org.connectivity).padStart(9)} ${num(org.trustReceived).padStart(11)} ${num(org.valueReceived).padStart(11)}${hidden}`);
        }
        console.log(`\n  pairs two levels apart: ${r.asymmetric.count} (named where both agreed: ${r.asymmetric.shown.map((p) => `${p.a.name} – ${p.b.name}`).join('; ') || 'none'})`);
        if (r.sinceLastWave) console.log(`  since ${r.sinceLastWave.previous.title}: ${r.sinceLastWave.strengthened} ties strengthened, ${r.sinceLastWave.weakened} weakened, ${r.sinceLastWave.steady} steady`);
        for (const f of r.factors) console.log(`  factor ${f.factor.replaceAll('_', ' ')}: ${num(f.mean)} / 5 (${f.reading ?? '—'}, ${f.answers} answers)`);
      });
    });
}
