import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allianceWithMembers, type AllianceFixture } from '../../test/alliance-fixture.ts';
import { startSmtp } from '../../test/smtp-capture.ts';
import { Client, ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { addMember, addRepresentative } from '../memberships/membership.service.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import { createPerson } from '../people/person.service.ts';
import { linkToken } from '../shared/signed-link.ts';
import { surveyClockTick } from './survey.service.ts';

// A wave from start to finish through the API: written, opened (a real SMTP server receives each
// organization's personal link), answered through the links without an account, closed, read —
// with the confidentiality rules and every refusal an attacker would try.

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const items = (r: number) => ({ reliability: r, mission: r, openness: r, power: r, involvement: r, resources: r });

describe.each(ENGINES)('relationship surveys on %s', (engine) => {
  let t: TestApp;
  let f: AllianceFixture;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let W: { id: string };
  const c = (name: string) => f.clients[name]!;
  const person = () => new Client(t.app);
  const tokens: Record<string, string> = {};
  let surveyId = '';

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await testApp(engine, { smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    f = await allianceWithMembers(t, 's');
    await t.db.updateTable('users').set({ locale: 'es' }).where('id', '=', c('repY').userId).execute();
    // A fourth member whose representative has no account: the invitation goes to their sealed address.
    const w = await createOrganization(t.db, f.actor, null, { name: 'Member W s', kind: 'base_building', sectors: [], issues: [], constituencies: [], capacities: [], location: {} }, { ownSpace: true });
    const membership = await addMember(t.db, f.actor, f.alliance.id, { memberId: w.id, role: 'member', status: 'active' });
    const personId = await createPerson(t.db, t.deps.box, f.actor, w.ownSpaceId!, { name: 'Wanda Rep', languages: ['es'], contact: { email: 'wanda@w.example' }, affiliations: [] });
    await addRepresentative(t.db, f.actor, membership.id, { personId, seat: 'staff' });
    W = w;
  });
  afterAll(async () => { await t?.close(); await smtp?.close(); });

  it('lets only the alliance\'s administrators write a wave, and checks it', async () => {
    const body = { title: 'Relationships 2026', deadline: inAWeek(), includeAllies: true, factorItems: [{ factor: 'shared_vision', en: 'We agree on what we are building.', es: 'Estamos de acuerdo en lo que construimos.' }] };
    expect((await c('repX').post(`/api/alliances/${f.alliance.id}/surveys`, body)).status).toBe(403);
    expect((await c('outsider').post(`/api/alliances/${f.alliance.id}/surveys`, body)).status).toBe(404);
    const past = await c('coordinator').post(`/api/alliances/${f.alliance.id}/surveys`, { ...body, deadline: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    expect(past.json.errors[0].field).toBe('deadline');
    const badItem = await c('coordinator').post(`/api/alliances/${f.alliance.id}/surveys`, { ...body, factorItems: [{ factor: 'partner_score', en: 'x', es: '' }] });
    expect(badItem.json.errors[0].field).toBe('factorItems[0].factor');
    const created = await c('coordinator').post(`/api/alliances/${f.alliance.id}/surveys`, body);
    expect(created.status).toBe(201);
    surveyId = created.json.id;
    expect((await c('funder').get(`/api/alliances/${f.alliance.id}/surveys`)).json.surveys.map((s: { title: string }) => s.title)).toEqual(['Relationships 2026']);
  });

  it('invites each current member by email with its own link, in its language', async () => {
    expect((await c('repX').post(`/api/surveys/${surveyId}/open`)).status).toBe(403);
    const opened = await c('coordinator').post(`/api/surveys/${surveyId}/open`);
    expect(opened.json).toEqual({ invited: 4, emailed: 4 });
    await t.deps.mailer.idle();
    const mail = smtp.received.splice(0);
    expect(mail.flatMap((m) => m.to).sort()).toEqual(['repX-s@example.org', 'repY-s@example.org', 'repZ-s@example.org', 'wanda@w.example']);
    for (const m of mail) {
      const token = /\/survey\/(\S+)/.exec(m.text)![1]!;
      tokens[m.to[0]!.split('-')[0]!.replace('wanda@w.example', 'W')] = token;
      expect(m.text).toContain('http://crossroads.test/survey/');
    }
    expect(mail.find((m) => m.to[0] === 'repY-s@example.org')!.subject).toBe('Encuesta de relaciones de Alliance s');
    expect(mail.find((m) => m.to[0] === 'repX-s@example.org')!.text).toContain('shown only as an average of at least three raters');
    // Opening the sealed address of a person with no account is a logged read.
    const reads = await t.db.selectFrom('audit_log').select('entity').where('action', '=', 'read_sensitive').where('entity', '=', 'person').execute();
    expect(reads.length).toBe(1);
    const survey = (await c('funder').get(`/api/surveys/${surveyId}`)).json;
    expect(survey.invitations.every((i: { emailedAt: string | null }) => i.emailedAt)).toBe(true);
    expect(survey.canManage).toBe(false);
  });

  it('opens the form through the link alone, and refuses forged or foreign links', async () => {
    const form = await person().get(`/api/survey-answers/${tokens.repX}`);
    expect(form.status).toBe(200);
    expect(form.json.organization.name).toBe('Member X s');
    expect(form.json.others.map((o: { name: string }) => o.name)).toEqual(['Member W s', 'Member Y s', 'Member Z s']);
    expect(form.headers.get('cache-control')).toBe('no-store');
    const [payload, signature] = tokens.repX!.split('.');
    expect((await person().get(`/api/survey-answers/${payload}.${signature!.slice(0, -2)}xx`)).status).toBe(404);
    // A token signed as another kind of link (a consent link's signature) opens no survey.
    const invitationId = Buffer.from(payload!, 'base64url').toString().split('.')[0]!;
    expect((await person().get(`/api/survey-answers/${linkToken(invitationId, Math.floor(Date.now() / 1000) + 3600, t.deps.box.sign)}`)).status).toBe(404);
  });

  it('checks an answer whole, naming the field, and writes nothing of a refused one', async () => {
    const ids = Object.fromEntries(Object.entries(f.members).map(([k, m]) => [k, m.id]));
    const self = await person().put(`/api/survey-answers/${tokens.repX}`, { ratings: [{ organizationId: ids.X, collaboration: 3, ...items(3) }] });
    expect(self.status).toBe(422);
    expect(self.json.errors[0].field).toBe('ratings[0].organizationId');
    const missing = await person().put(`/api/survey-answers/${tokens.repX}`, { ratings: [{ organizationId: ids.Y, collaboration: 0 }, { organizationId: ids.Z, collaboration: 2, reliability: 3 }] });
    expect(missing.json.errors.map((e: { field: string }) => e.field)).toEqual(['ratings[1].mission', 'ratings[1].openness', 'ratings[1].power', 'ratings[1].involvement', 'ratings[1].resources']);
    const foreign = await person().put(`/api/survey-answers/${tokens.repX}`, { ratings: [{ organizationId: f.alliance.id, collaboration: 1, ...items(2) }] });
    expect(foreign.json.errors[0]).toEqual({ field: 'ratings[0].organizationId', message: 'not an organization invited to this wave' });
    const badItem = await person().put(`/api/survey-answers/${tokens.repX}`, { ratings: [], factorScores: [{ item: 3, score: 4 }] });
    expect(badItem.json.errors[0].field).toBe('factorScores[0].item');
    expect(await t.db.selectFrom('survey_ratings').selectAll().execute()).toEqual([]);
  });

  it('takes the answers, and shows results only once closed', async () => {
    const { X, Y, Z } = f.members;
    // X, Y and W each rate Z; Z rates X. X and Y agree to show their pair's ratings; Z does not.
    expect((await person().put(`/api/survey-answers/${tokens.repX}`, { ratings: [{ organizationId: Y!.id, collaboration: 5, ...items(4) }, { organizationId: Z!.id, collaboration: 2, ...items(2) }, { organizationId: W.id, collaboration: 0, ...items(1) }],
      contributions: ['staff', 'data'], factorScores: [{ item: 0, score: 5 }], sharePairs: true })).status).toBe(200);
    await person().put(`/api/survey-answers/${tokens.repY}`, { ratings: [{ organizationId: X!.id, collaboration: 2, ...items(3) }, { organizationId: Z!.id, collaboration: 3, ...items(3) }], factorScores: [{ item: 0, score: 3 }], sharePairs: true });
    await person().put(`/api/survey-answers/${tokens.repZ}`, { ratings: [{ organizationId: X!.id, collaboration: 4, ...items(1) }], contributions: ['staff'] });
    await person().put(`/api/survey-answers/${tokens.W}`, { ratings: [{ organizationId: Z!.id, collaboration: 1, ...items(4) }] });
    // The answer the link shows when X comes back.
    const again = (await person().get(`/api/survey-answers/${tokens.repX}`)).json.answer;
    expect(again.ratings).toHaveLength(3);
    expect(again.sharePairs).toBe(true);
    // W's "no interaction" keeps no items.
    expect(await t.db.selectFrom('survey_ratings').select('reliability').where('ratee_id', '=', W.id).execute()).toEqual([{ reliability: null }]);

    const early = await c('coordinator').get(`/api/surveys/${surveyId}/results`);
    expect(early.status).toBe(409);
    // Nor does the map weight its ties by a wave still open.
    const trustPath = `/api/alliances/${f.alliance.id}/network/trust`;
    expect((await c('funder').get(trustPath)).json).toEqual({ survey: null, pairs: [], pairsNotShown: 0 });
    expect((await c('funder').get(`/api/surveys/${surveyId}`)).json.invitations.filter((i: { answered: boolean }) => i.answered)).toHaveLength(4);
    expect((await c('repX').post(`/api/surveys/${surveyId}/close`)).status).toBe(403);
    expect((await c('coordinator').post(`/api/surveys/${surveyId}/close`)).status).toBe(200);
    expect((await person().put(`/api/survey-answers/${tokens.repY}`, { ratings: [] })).status).toBe(409);

    const results = (await c('funder').get(`/api/surveys/${surveyId}/results`)).json;
    expect(results.responses).toEqual({ invited: 4, responded: 4, rate: 1 });
    // Ties: X–Y, X–Z, Y–Z, W–Z (X rated W "no interaction"): 4 of 6.
    expect(results.ties).toBe(4);
    expect(results.density).toBe(0.667);
    const z = results.organizations.find((o: { id: string }) => o.id === Z!.id);
    // Z was rated by X (2), Y (3) and W (4): three raters, shown.
    expect(z).toMatchObject({ raters: 3, suppressed: false, trustReceived: 3, valueReceived: 3 });
    // X was rated by Y and Z only: hidden.
    expect(results.organizations.find((o: { id: string }) => o.id === X!.id)).toMatchObject({ raters: null, suppressed: true, trustReceived: null });
    // The network's trust holds only Z's ratings (the one organization shown): 2, 3 and 4 → 3.
    expect(results.trust).toBe(3);
    // X–Z differ by two levels (2 and 4): flagged, but not named, since Z did not agree.
    expect(results.asymmetric.count).toBe(2);
    expect(results.asymmetric.shown.map((p: { a: { name: string }; b: { name: string } }) => [p.a.name, p.b.name].sort().join(' – '))).toEqual(['Member X s – Member Y s']);
    expect(results.disclosedPairs).toHaveLength(1);
    // The map weights X–Y by their trust (4 and 3: 3.5); the three other ties are counted, never named.
    const trust = (await c('funder').get(trustPath)).json;
    expect(trust).toMatchObject({ survey: { id: surveyId }, pairs: [{ trust: 3.5 }], pairsNotShown: 3 });
    expect([trust.pairs[0].a, trust.pairs[0].b].sort()).toEqual([X!.id, Y!.id].sort());
    // Two answers to the factor: under three, its mean would be someone's answer.
    expect(results.factors).toEqual([{ category: 'purpose', factor: 'shared_vision', answers: 2, mean: null, reading: null }]);
    expect(results.contributions[0]).toEqual({ contribution: 'staff', organizations: ['Member X s', 'Member Z s'] });
    expect(results.sinceLastWave).toBeNull();
    // The audit log records that an organization answered, never what.
    const logged = await t.db.selectFrom('audit_log').select('changes').where('entity', '=', 'survey_answer').execute();
    expect(logged).toHaveLength(4);
    expect(JSON.stringify(logged)).not.toMatch(/collaboration|reliability|"5"|staff/);
  });

  it('reads nothing of a wave from outside the alliance, even with a role in a member\'s space', async () => {
    const other = await signedIn(t, 'other-coordinator-s@example.org');
    for (const path of [`/api/surveys/${surveyId}`, `/api/surveys/${surveyId}/results`, `/api/alliances/${f.alliance.id}/surveys`, `/api/alliances/${f.alliance.id}/network/trust`]) {
      expect((await other.get(path)).status).toBe(404);
      expect((await c('outsider').get(path)).status).toBe(404);
    }
    expect((await other.post(`/api/surveys/${surveyId}/my-link`)).status).toBe(404);
    expect((await c('repX').post(`/api/surveys/${surveyId}/my-link`)).status).toBe(200);
  });

  it('reminds only those who have not answered, closes at the deadline, and compares waves', async () => {
    const second = (await c('coordinator').post(`/api/alliances/${f.alliance.id}/surveys`, { title: 'Relationships 2027', deadline: inAWeek(), includeAllies: true })).json.id;
    await c('coordinator').post(`/api/surveys/${second}/open`);
    await t.deps.mailer.idle();
    smtp.received.splice(0);
    const { X, Y, Z } = f.members;
    const link = (await c('repX').post(`/api/surveys/${second}/my-link`)).json.token;
    await person().put(`/api/survey-answers/${link}`, { ratings: [{ organizationId: Y!.id, collaboration: 2, ...items(3) }, { organizationId: Z!.id, collaboration: 2, ...items(2) }], sharePairs: true });
    const linkY = (await c('repY').post(`/api/surveys/${second}/my-link`)).json.token;
    await person().put(`/api/survey-answers/${linkY}`, { ratings: [{ organizationId: X!.id, collaboration: 2, ...items(3) }], sharePairs: true });
    expect((await c('coordinator').post(`/api/surveys/${second}/remind`)).json.emailed).toBe(2);
    await t.deps.mailer.idle();
    expect(smtp.received.splice(0).flatMap((m) => m.to).sort()).toEqual(['repZ-s@example.org', 'wanda@w.example']);
    // The clock closes a wave whose deadline has passed.
    await t.db.updateTable('surveys').set({ deadline: new Date(Date.now() - 1000) }).where('id', '=', second).execute();
    await surveyClockTick(t.deps);
    const results = (await c('repY').get(`/api/surveys/${second}/results`)).json;
    expect(results.responses.responded).toBe(2);
    // X–Y went from 3.5 to 2 (weakened) and both agreed both times; X–Z from 3 to 2 (weakened), Z never agreed.
    expect(results.sinceLastWave).toMatchObject({ strengthened: 0, weakened: 2, steady: 0 });
    expect(results.sinceLastWave.shown).toEqual([expect.objectContaining({ before: 3.5, after: 2, change: 'weakened' })]);
    expect(results.overWaves.map((w: { title: string }) => w.title)).toEqual(['Relationships 2026', 'Relationships 2027']);
  });
});
