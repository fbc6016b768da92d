// `npm run bench:threads`: full-text search over BENCH_POSTS posts (default 1,000,000) in English
// and Spanish, through the same query the app runs (discussion.repository.ts searchPosts: both
// stemmings, GIN index, ranked, kept to the reader's spaces), p50 and p99 over 200 searches,
// beside the same words found by a plain substring scan (no index: the floor a naive message
// board pays); then a relationship survey's results for an alliance of 300 members with 20,000
// ratings (target: under 1 s). Prints the table; asserts nothing. On PostgreSQL with DATABASE_URL.
import { sql } from 'kysely';
import { createUser } from '../src/accounts/accounts.service.ts';
import { searchPosts } from '../src/discussions/discussion.repository.ts';
import { startThread } from '../src/discussions/discussion.service.ts';
import { addMember } from '../src/memberships/membership.service.ts';
import { createOrganization } from '../src/orgs/organization.service.ts';
import { surveyResults } from '../src/surveys/survey-results.service.ts';
import { closeSurvey, createSurvey, openSurvey } from '../src/surveys/survey.service.ts';
import { openBenchDatabase } from './bench-support.ts';

const POSTS = Number(process.env.BENCH_POSTS ?? 1_000_000);
const MEMBERS = 300;
const RATINGS = 20_000;
const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
const EN = ['organizers', 'meeting', 'budget', 'campaign', 'housing', 'workers', 'wages', 'tenants', 'eviction', 'council', 'march', 'rally', 'training', 'leaders',
  'members', 'strategy', 'climate', 'justice', 'immigration', 'detention', 'banks', 'foreclosure', 'school', 'transit', 'health', 'ballot', 'canvass', 'phone', 'volunteers', 'funders'];
const ES = ['reuniones', 'organizadoras', 'presupuesto', 'campaña', 'vivienda', 'trabajadores', 'salarios', 'inquilinos', 'desalojo', 'concejo', 'marcha', 'capacitación',
  'líderes', 'miembros', 'estrategia', 'clima', 'justicia', 'inmigración', 'detención', 'bancos', 'escuela', 'transporte', 'salud', 'boleta', 'voluntarias', 'comunidad'];
const FILLER = ['the', 'and', 'for', 'with', 'next', 'week', 'our', 'we', 'will', 'need', 'la', 'el', 'de', 'para', 'con', 'semana', 'nuestra', 'vamos'];
const ms = (n: number) => `${n.toFixed(1)} ms`;
const percentile = (values: number[], p: number) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };
const words = (list: string[]) => `array[${list.map((w) => `'${w}'`).join(',')}]`;

async function main() {
  const database = await openBenchDatabase();
  try {
    const { db } = database.deps;
    const user = await createUser(db, { email: 'threads-bench@example.org', displayName: 'bench', password: 'a-long-bench-password', isWorkspaceAdmin: true });
    const actor = { userId: user.id, isWorkspaceAdmin: true };
    const alliance = await createOrganization(db, actor, null, { ...BLANK, name: 'Bench Alliance', kind: 'alliance' });
    const thread = await startThread(db, actor, 'alliance', alliance.id, { title: 'Bench thread', body: 'First post.' });
    const spaceId = alliance.ownSpaceId!;
    // Posts of 12–20 words, English and Spanish mixed as they are in a bilingual alliance, in batches.
    const t0 = Date.now();
    const batch = 100_000;
    for (let done = 0; done < POSTS; done += batch) {
      const n = Math.min(batch, POSTS - done);
      await sql`insert into posts (thread_id, space_id, author_id, body, html, created_at)
        select ${thread.id}, ${spaceId}, ${user.id}, b.body, '', now() - (g || ' seconds')::interval
        from generate_series(1, ${n}) g,
        lateral (select string_agg(case when random() < 0.35 then (${sql.raw(words(EN))})[1 + floor(random() * ${EN.length})::int]
                                        when random() < 0.6 then (${sql.raw(words(ES))})[1 + floor(random() * ${ES.length})::int]
                                        else (${sql.raw(words(FILLER))})[1 + floor(random() * ${FILLER.length})::int] end, ' ') || ' ' || substr(md5(g::text), 1, 6) as body
                 from generate_series(1, 12 + (g % 9)) w where g > 0) b`.execute(db);
      process.stdout.write(`\r  ${(done + n).toLocaleString('en-US')} posts written`);
    }
    await sql`analyze posts`.execute(db);
    console.log(`\n  ${POSTS.toLocaleString('en-US')} posts written and indexed in ${((Date.now() - t0) / 1000).toFixed(0)} s (${database.engine})`);

    const queries = Array.from({ length: 200 }, (_, i) => {
      const pool = i % 2 ? ES : EN;
      return i % 5 === 0 ? `${pool[i % pool.length]} ${pool[(i * 7) % pool.length]}` : pool[(i * 3) % pool.length]!;
    });
    // Each query stems the other language too: "organizing" finds "organizers", "reunión" finds "reuniones".
    for (const q of queries.slice(0, 5)) await searchPosts(db, user.id, q, 50);
    const times: number[] = [];
    for (const q of queries) {
      const s = performance.now();
      await searchPosts(db, user.id, q, 50);
      times.push(performance.now() - s);
    }
    const scans: number[] = [];
    for (const q of queries.slice(0, 5)) {
      const s = performance.now();
      await sql`select id from posts where body ilike ${`%${q.split(' ')[0]}%`} and space_id = ${spaceId} order by created_at desc limit 50`.execute(db);
      scans.push(performance.now() - s);
    }

    // A survey of 300 member organizations with 20,000 ratings, closed, its results read.
    const members = [];
    for (let i = 0; i < MEMBERS; i++) {
      const org = await createOrganization(db, actor, spaceId, { ...BLANK, name: `Bench Member ${i}`, kind: 'union' });
      await addMember(db, actor, alliance.id, { memberId: org.id, role: 'member', status: 'active' });
      members.push(org.id);
    }
    const { id: surveyId } = await createSurvey(db, actor, alliance.id, { title: 'Bench wave', deadline: new Date(Date.now() + 86_400_000).toISOString(), factorItems: [], includeAllies: false });
    await openSurvey({ ...database.deps }, actor, surveyId);
    const pairs = new Set<string>();
    const rows = [];
    while (rows.length < RATINGS) {
      const a = Math.floor(Math.random() * MEMBERS), b = Math.floor(Math.random() * MEMBERS);
      if (a === b || pairs.has(`${a}>${b}`)) continue;
      pairs.add(`${a}>${b}`);
      const r = () => 1 + Math.floor(Math.random() * 4);
      rows.push({ survey_id: surveyId, space_id: spaceId, rater_id: members[a]!, ratee_id: members[b]!, collaboration: 1 + Math.floor(Math.random() * 5),
        reliability: r(), mission: r(), openness: r(), power: r(), involvement: r(), resources: r() });
    }
    for (let i = 0; i < rows.length; i += 2000) await db.insertInto('survey_ratings').values(rows.slice(i, i + 2000)).execute();
    await db.updateTable('survey_invitations').set({ submitted_at: new Date(), share_pairs: true }).where('survey_id', '=', surveyId).execute();
    await closeSurvey(db, actor, surveyId);
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await surveyResults(db, actor, surveyId);
      runs.push(performance.now() - s);
    }

    console.log(`\n  measure (${database.engine})                                  result      target     ratio to target`);
    console.log(`  search, ${POSTS.toLocaleString('en-US')} posts, p50                  ${ms(percentile(times, 50)).padStart(10)}`);
    console.log(`  search, ${POSTS.toLocaleString('en-US')} posts, p99                  ${ms(percentile(times, 99)).padStart(10)}   100 ms      ${(percentile(times, 99) / 100).toFixed(2)}`);
    console.log(`  substring scan, no index, newest first, median ${ms(percentile(scans, 50)).padStart(10)}   (search ÷ scan: ${(percentile(times, 50) / percentile(scans, 50)).toFixed(1)})`);
    console.log(`  survey results, ${MEMBERS} members, ${RATINGS.toLocaleString('en-US')} ratings, median ${ms(percentile(runs, 50)).padStart(10)}   1000 ms     ${(percentile(runs, 50) / 1000).toFixed(2)}`);
  } finally {
    await database.close();
  }
}

await main();
