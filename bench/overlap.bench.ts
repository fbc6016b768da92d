// `npm run bench:overlap`: the private overlap of two member organizations holding
// BENCH_OVERLAP_SIZE contacts each (default 1,000,000; BENCH_OVERLAP_SHARED of them in both,
// default 30 %), through the app's services as the two sides' clients would call them — each
// side's identifiers opened from its sealed contacts, hashed and blinded with its own secret on
// this machine's cores, relayed through the database, blinded again, compared by the server —
// beside a plain hash join of the same two lists in PostgreSQL (the no-privacy floor). Both sides
// run on this one machine, one after the other. Prints the phases, the ratio and the bytes each
// side sends; asserts nothing.
import { sql } from 'kysely';
import os from 'node:os';
import { createUser } from '../src/accounts/accounts.service.ts';
import { contactKeys, sealContact } from '../src/contacts/contact-sealing.ts';
import { addMember } from '../src/memberships/membership.service.ts';
import { createOrganization } from '../src/orgs/organization.service.ts';
import * as overlap from '../src/overlap/overlap.service.ts';
import { blindAgain, hashAndBlind } from '../src/overlap/psi-parallel.ts';
import { newSecret } from '../src/overlap/psi.ts';
import { openBenchDatabase } from './bench-support.ts';

const SIZE = Number(process.env.BENCH_OVERLAP_SIZE ?? 1_000_000);
const SHARED = Math.round(SIZE * Number(process.env.BENCH_OVERLAP_SHARED ?? 0.3));
const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
const BATCH = 5_000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const database = await openBenchDatabase();
  try {
    const { db, box } = database.deps;
    const user = await createUser(db, { email: 'overlap-bench@example.org', displayName: 'bench', password: 'a-long-bench-password', isWorkspaceAdmin: true });
    const actor = { userId: user.id, isWorkspaceAdmin: true };
    const [a, b] = await Promise.all(['Bench Side A', 'Bench Side B'].map((name) => createOrganization(db, actor, null, { ...BLANK, name, kind: 'base_building' }, { ownSpace: true })));
    const alliance = await createOrganization(db, actor, null, { ...BLANK, name: 'Bench Alliance', kind: 'alliance' });
    for (const m of [a!, b!]) await addMember(db, actor, alliance.id, { memberId: m.id, role: 'member', status: 'active' });
    // A holds people 0 … SIZE−1, B holds SIZE−SHARED … 2·SIZE−SHARED−1: SHARED in both.
    const emailOf = (i: number) => `person${i}@example.org`;
    const t0 = Date.now();
    for (const [spaceId, first] of [[a!.ownSpaceId!, 0], [b!.ownSpaceId!, SIZE - SHARED]] as const) {
      for (let from = 0; from < SIZE; from += BATCH) {
        const rows = Array.from({ length: Math.min(BATCH, SIZE - from) }, (_, k) => {
          const id = crypto.randomUUID();
          const email = emailOf(first + from + k);
          return { id, space_id: spaceId, first_name: 'P', last_name: String(first + from + k), source: 'bench', tags: [], languages: [], custom_fields: '{}', ...sealContact(box, id, { email }),
            email_hash: contactKeys(box, spaceId, { email, firstName: 'P', lastName: '' }).emailHash };
        });
        await db.insertInto('contacts').values(rows).execute();
      }
    }
    console.log(`${(2 * SIZE).toLocaleString('en')} contacts (${SHARED.toLocaleString('en')} in both) loaded in ${seconds(Date.now() - t0)} (${database.engine}, ${os.cpus().length} CPUs)`);

    // The protocol, phase by phase.
    const phases: [string, number][] = [];
    const phase = async <T>(name: string, f: () => Promise<T>) => { const t = performance.now(); const out = await f(); phases.push([name, performance.now() - t]); return out; };
    const start = performance.now();
    const { id } = await overlap.requestRun(db, actor, a!.ownSpaceId!, { partnerSpaceId: b!.ownSpaceId!, allianceId: alliance.id, kind: 'email' });
    await overlap.answerRun(db, actor, id, 'accept');
    const secrets = { requester: newSecret(), partner: newSecret() };
    const sent = { requester: 0, partner: 0 };
    for (const side of ['requester', 'partner'] as const) {
      const { values } = await phase(`${side}: its identifiers opened`, () => overlap.sideIdentifiers(db, box, actor, id, side));
      const blinded = await phase(`${side}: hashed and blinded`, () => hashAndBlind('email', values, secrets[side]));
      await phase(`${side}: blinded values stored`, () => overlap.sendBlinded(db, actor, id, side, blinded));
      sent[side] += blinded.length;
    }
    for (const side of ['requester', 'partner'] as const) {
      const theirs = await phase(`${side}: the other's values read`, () => overlap.theirBlinded(db, actor, id, side));
      const again = await phase(`${side}: blinded again`, () => blindAgain(theirs, secrets[side]));
      await phase(`${side}: sent back${side === 'partner' ? ' and compared' : ''}`, () => overlap.sendReblinded(db, actor, id, side, again));
      sent[side] += again.length;
    }
    const total = performance.now() - start;
    const run = await overlap.getRun(db, actor, id);

    // The floor: both plain lists in PostgreSQL, joined.
    await sql`create temporary table list_a (email text)`.execute(db);
    await sql`create temporary table list_b (email text)`.execute(db);
    const tLoad = performance.now();
    await sql`insert into list_a select 'person' || i || '@example.org' from generate_series(0, ${SIZE - 1}::int) i`.execute(db);
    await sql`insert into list_b select 'person' || i || '@example.org' from generate_series(${SIZE - SHARED}::int, ${2 * SIZE - SHARED - 1}::int) i`.execute(db);
    await sql`analyze list_a`.execute(db);
    await sql`analyze list_b`.execute(db);
    const load = performance.now() - tLoad;
    const tJoin = performance.now();
    const floor = await sql<{ n: number }>`select count(*)::int as n from list_a join list_b using (email)`.execute(db);
    const join = performance.now() - tJoin;

    console.log(`\n| phase | time |\n|---|---|`);
    for (const [name, ms] of phases) console.log(`| ${name} | ${seconds(ms)} |`);
    console.log(`\n| ${SIZE.toLocaleString('en')} × ${SIZE.toLocaleString('en')} identifiers | |\n|---|---|`);
    console.log(`| private overlap, whole protocol | ${seconds(total)} (target < 60 s) |`);
    console.log(`| plain hash join in PostgreSQL (floor): join / load + join | ${seconds(join)} / ${seconds(load + join)} |`);
    console.log(`| ratio to the floor's join / load + join | ${(total / join).toFixed(0)}× / ${(total / (load + join)).toFixed(1)}× |`);
    console.log(`| bytes each side sends (its blinded list, the other's blinded again) | ${megabytes(sent.requester)} / ${megabytes(sent.partner)} |`);
    console.log(`| bytes each side receives (its identifiers, the other's blinded list) | ${megabytes(SIZE * 30 + SIZE * 32)} each, about |`);
    console.log(`| shared: protocol / floor | ${run.sharedCount} / ${floor.rows[0]!.n} (${run.sharedCount === floor.rows[0]!.n ? 'same' : 'DIFFERENT'}) |`);
  } finally {
    await database.close();
  }
}

await main();
