import type { Db } from '../db/database.ts';
import { conflict } from '../server/problem.ts';
import type { Actor } from '../spaces/access.ts';
import * as repo from './survey.repository.ts';
import { MIN_RATERS } from './survey-instrument.ts';
import { sharedPairTrust, tieChanges, waveScores, type WaveAnswers } from './survey-scores.ts';
import { listAllianceSurveys, surveyIn } from './survey.service.ts';

// A closed wave's results, for anyone with a role in the alliance's space. Results wait for the
// close: read while answers still arrive, each new total minus the last would give away the
// ratings of the organization that just answered.

async function answersOf(db: Db, surveyId: string, factorItems: WaveAnswers['factorItems']) {
  const rows = await repo.waveRows(db, surveyId);
  const answers: WaveAnswers = {
    members: rows.invitations.map((i) => ({ id: i.organizationId, name: i.organizationName })),
    respondents: rows.invitations.filter((i) => i.submittedAt).map((i) => ({ organizationId: i.organizationId, sharePairs: i.sharePairs, contributions: i.contributions })),
    ratings: rows.ratings, factorItems, factorAnswers: rows.factorAnswers,
  };
  return answers;
}

export async function surveyResults(db: Db, actor: Actor, id: string) {
  const survey = await surveyIn(db, actor, id, 'viewer');
  if (survey.status !== 'closed') throw conflict('Results are shown once the wave is closed, so that no one can tell one organization\'s ratings from the change it makes.');
  const waves = (await repo.listSurveys(db, survey.allianceId)).filter((s) => s.status === 'closed' && s.closedAt && s.closedAt <= survey.closedAt!)
    .sort((a, b) => a.closedAt!.getTime() - b.closedAt!.getTime());
  const computed = [];
  for (const wave of waves) {
    const answers = await answersOf(db, wave.id, wave.factorItems);
    computed.push({ wave, answers, scores: waveScores(answers) });
  }
  const current = computed.at(-1)!;
  const previous = computed.at(-2);
  const sharing = (a: WaveAnswers) => new Set(a.respondents.filter((r) => r.sharePairs).map((r) => r.organizationId));
  const names = new Map(current.answers.members.map((m) => [m.id, m.name]));
  return {
    survey: { id: survey.id, title: survey.title, deadline: survey.deadline, closedAt: survey.closedAt, factorItems: survey.factorItems },
    minRaters: MIN_RATERS,
    ...current.scores,
    sinceLastWave: previous ? { previous: { id: previous.wave.id, title: previous.wave.title },
      ...tieChanges({ ratings: previous.answers.ratings, sharing: sharing(previous.answers) }, { ratings: current.answers.ratings, sharing: sharing(current.answers) }, names) } : null,
    overWaves: computed.map(({ wave, scores }) => ({ id: wave.id, title: wave.title, closedAt: wave.closedAt, responseRate: scores.responses.rate,
      density: scores.density, centralization: scores.centralization, trust: scores.trust, value: scores.value })),
  };
}

/**
 * The trust between members from the alliance's latest closed wave, for weighting the ties of its
 * map: only pairs where both organizations agreed to show their ratings, under the same role as
 * the wave's results; the other pairs are counted, never named.
 */
export async function allianceTrustTies(db: Db, actor: Actor, allianceId: string) {
  const { surveys } = await listAllianceSurveys(db, actor, allianceId);
  const latest = surveys.filter((s) => s.status === 'closed' && s.closedAt).sort((a, b) => b.closedAt!.getTime() - a.closedAt!.getTime())[0];
  if (!latest) return { survey: null, pairs: [], pairsNotShown: 0 };
  const { pairs, notShown } = sharedPairTrust(await answersOf(db, latest.id, latest.factorItems));
  return { survey: { id: latest.id, title: latest.title, closedAt: latest.closedAt }, pairs, pairsNotShown: notShown };
}
