import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), 'crossroads-cli-'));
const env = { ...process.env, CROSSROADS_DATA_DIR: dataDir, DATABASE_URL: '', CROSSROADS_PASSWORD: 'a long cli password' };

/** Runs `npx crossroads …` as a person would, on an embedded database of its own. */
async function crossroads(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/crossroads.js', ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each case runs a dozen commands, each starting the app (and the first loads the whole demo):
// minutes on a busy two-core machine, hence the long budgets.
describe('the crossroads command', () => {
  it('adds a user, loads the demo, imports and exports', { timeout: 420_000 }, async () => {
    const added = await crossroads('user', 'add', 'ana@example.org', '--name', 'Ana', '--admin');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Added ana@example.org');
    const again = await crossroads('user', 'add', 'ana@example.org', '--name', 'Ana');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');

    const demo = await crossroads('demo');
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Loaded \d+ organizations/);
    expect((await crossroads('demo')).stdout).toContain('already loaded');

    // The coordinator's first alliance space, read through the API's own rules via the CLI export.
    const { openDatabase } = await import('../db/database.ts');
    const handle = await openDatabase({ dataDir });
    const space = await handle.db.selectFrom('organizations').select('own_space_id').where('name', '=', 'Inter-Alliance Dialogue').executeTakeFirstOrThrow();
    await handle.close();

    const file = path.join(dataDir, 'orgs.csv');
    writeFileSync(file, 'Organization,Type,State\nNew Day Workers Center,Base-building group,TX\nBad Row,not a kind,TX\n');
    const refused = await crossroads('import', file, '--entity', 'organizations', '--space', space.own_space_id!, '--as', 'coordinator@example.org');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('row 3: Type');
    expect(refused.stdout).toContain('nothing was imported');
    const imported = await crossroads('import', file, '--entity', 'organizations', '--space', space.own_space_id!, '--as', 'coordinator@example.org', '--good-rows');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('1 imported');

    const out = path.join(dataDir, 'popolo.json');
    const exported = await crossroads('export', '--space', space.own_space_id!, '--format', 'popolo', '--as', 'coordinator@example.org', '-o', out);
    expect(exported.code, exported.stderr).toBe(0);
    const popolo = JSON.parse(readFileSync(out, 'utf8'));
    expect(popolo.organizations.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Inter-Alliance Dialogue', 'New Day Workers Center']));

    // Grants: a 360Giving file into the IAD's space, all or nothing, and back out as a package.
    const grantFile = path.join(dataDir, 'grants.json');
    const grant = (id: string, amountAwarded: unknown) => ({ id, title: 'Movement building', currency: 'USD', amountAwarded, awardDate: '2010-03-01',
      recipientOrganization: [{ id: 'US-EIN-000000001', name: 'Inter-Alliance Dialogue' }], fundingOrganization: [{ id: 'US-EIN-000000002', name: 'Ford Foundation' }] });
    writeFileSync(grantFile, JSON.stringify({ grants: [grant('360G-cli-1', 250000), grant('360G-cli-2', 'a lot')] }));
    const refusedGrants = await crossroads('grants', 'import', grantFile, '--space', space.own_space_id!, '--as', 'coordinator@example.org');
    expect(refusedGrants.code).toBe(1);
    expect(refusedGrants.stdout).toContain('360G-cli-2 › amountAwarded: must be a number');
    writeFileSync(grantFile, JSON.stringify({ grants: [grant('360G-cli-1', 250000)] }));
    const importedGrants = await crossroads('grants', 'import', grantFile, '--space', space.own_space_id!, '--as', 'coordinator@example.org');
    expect(importedGrants.code, importedGrants.stderr).toBe(0);
    expect(importedGrants.stdout).toContain('1 grants (json, utf-8): 1 new');
    const grantsOut = path.join(dataDir, 'grants-out.json');
    const exportedGrants = await crossroads('grants', 'export', '--space', space.own_space_id!, '--as', 'coordinator@example.org', '--format', '360giving', '-o', grantsOut);
    expect(exportedGrants.code, exportedGrants.stderr).toBe(0);
    expect(JSON.parse(readFileSync(grantsOut, 'utf8')).grants).toEqual(expect.arrayContaining([expect.objectContaining({ id: '360G-cli-1', amountAwarded: 250000 })]));
    // The IAD's movement metrics over 2009–2011, as JSON and as a table; an account with no role reads none.
    const metrics = await crossroads('metrics', 'IAD', '--as', 'funder@example.org', '--from', '2009-01-01', '--to', '2011-12-31', '--json');
    expect(metrics.code, metrics.stderr).toBe(0);
    const parsed = JSON.parse(metrics.stdout) as { alliance: { name: string }; metrics: { key: string; value: number | null }[] };
    expect(parsed.alliance.name).toBe('Inter-Alliance Dialogue');
    expect(parsed.metrics.find((m) => m.key === 'money_largest_share')!.value).toBeCloseTo(0.32, 12);
    const table = await crossroads('metrics', 'Inter-Alliance Dialogue', '--as', 'coordinator@example.org', '--from', '2009-01-01', '--to', '2011-12-31');
    expect(table.stdout).toMatch(/Largest share of money\s+32 %/);
    expect((await crossroads('metrics', 'IAD', '--as', 'ana@example.org', '--from', '2009-01-01', '--to', '2011-12-31')).code).toBe(1);
    // The IAD's relationship survey: its waves, and the spring 2010 results as the funder (a viewer) reads them.
    const waves = await crossroads('survey', 'list', 'IAD', '--as', 'funder@example.org');
    expect(waves.code, waves.stderr).toBe(0);
    const spring = waves.stdout.split('\n').find((l) => l.includes('Relationships, spring 2010'))!.split(/\s+/)[0]!;
    const results = await crossroads('survey', 'results', spring, '--as', 'funder@example.org', '--json');
    expect(results.code, results.stderr).toBe(0);
    const wave = JSON.parse(results.stdout) as { responses: { responded: number; invited: number }; organizations: { trustReceived: number | null }[]; sinceLastWave: { strengthened: number } | null };
    expect(wave.responses).toMatchObject({ responded: 6, invited: 6 });
    expect(wave.organizations.every((o) => o.trustReceived !== null)).toBe(true);
    expect(wave.sinceLastWave!.strengthened).toBeGreaterThan(0);
    expect((await crossroads('survey', 'results', spring, '--as', 'coordinator@example.org')).stdout).toMatch(/6 of 6 organizations answered/);
    expect((await crossroads('survey', 'results', spring, '--as', 'ana@example.org')).code).toBe(1);
    const stranger = await crossroads('export', '--space', space.own_space_id!, '--as', 'ana@example.org');
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/No record here/);
  });

  it('asks what an organizations file leaves open, and imports it as answered', { timeout: 420_000 }, async () => {
    const { openDatabase } = await import('../db/database.ts');
    const handle = await openDatabase({ dataDir });
    const space = await handle.db.selectFrom('organizations').select('own_space_id').where('name', '=', 'Inter-Alliance Dialogue').executeTakeFirstOrThrow();
    await handle.close();
    const file = path.join(dataDir, 'members.csv');
    writeFileSync(file, 'Name,Founded\nMigrant Justice Collective,15/06/2001\nnew day workers center,03/04/2002\n');
    const args = ['import', file, '--entity', 'organizations', '--space', space.own_space_id!, '--as', 'coordinator@example.org'];
    const asked = await crossroads(...args, '--dry-run');
    expect(asked.code, asked.stderr).toBe(0);
    expect(asked.stdout).toContain('No column for: kind');
    expect(asked.stdout).toContain('1 dates such as 03/04/2002 could be read day or month first (15/06/2001 in the file is dmy): give --date-order');
    expect(asked.stdout).toContain('row 3 "new day workers center" may be "New Day Workers Center" in Inter-Alliance Dialogue');
    const imported = await crossroads(...args, '--default', 'kind=Union', '--date-order', 'dmy', '--duplicates', 'skip');
    expect(imported.code, imported.stdout + imported.stderr).toBe(0);
    expect(imported.stdout).toContain('done: 1 imported, 0 updated, 0 unchanged, 0 rejected, 1 skipped');
  });

  it('lists spaces, imports and exports contacts by the organization\'s name, makes an OSDI token', { timeout: 420_000 }, async () => {
    const spaces = await crossroads('spaces', '--as', 'organizer@example.org');
    expect(spaces.code, spaces.stderr).toBe(0);
    const own = spaces.stdout.split('\n').find((l) => /organization\s+owner/.test(l))!;
    const orgName = own.split(/\s{2,}/).pop()!.trim();
    const file = path.join(dataDir, 'contacts.csv');
    writeFileSync(file, '\uFEFFVANID,FirstName,LastName,PreferredEmail,CellPhone,Zip5\n901,Lupe,Ramírez,lupe@example.org,213-555-0142,90033\n902,Beto,Nuñez,not-an-email,,90033\n');
    const refused = await crossroads('contacts', 'import', file, '--org', orgName, '--as', 'organizer@example.org');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('row 3: PreferredEmail: not an email address');
    const imported = await crossroads('contacts', 'import', file, '--org', orgName, '--as', 'organizer@example.org', '--good-rows');
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('1 new');
    const out = path.join(dataDir, 'contacts-out.csv');
    const exported = await crossroads('contacts', 'export', '--org', orgName, '--as', 'organizer@example.org', '-o', out);
    expect(exported.code, exported.stderr).toBe(0);
    const csv = readFileSync(out, 'utf8');
    // A phone starts with +: the cell is kept from running as a formula, and imports back as it was.
    expect(csv).toContain("901,Lupe,,Ramírez,lupe@example.org,'+12135550142,,,,,90033");
    // The demo's generated base came in too.
    expect(csv.split('\n').length).toBeGreaterThan(2500);
    const token = await crossroads('osdi', 'token', '--org', orgName, '--as', 'organizer@example.org');
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^osdi_[\w-]{32}$/);
    const gifts = path.join(dataDir, 'gifts.csv');
    writeFileSync(gifts, 'Receipt ID,Date,Amount,Donor First Name,Donor Last Name,Donor Email\nCLI-1,2025-03-01,$40.00,Lupe,Ramírez,LUPE@example.org\nCLI-2,2025-13-01,40,Beto,Nuñez,\n');
    const refusedGifts = await crossroads('donations', 'import', gifts, '--org', orgName, '--as', 'organizer@example.org', '--source', 'actblue');
    expect(refusedGifts.code).toBe(1);
    expect(refusedGifts.stdout).toContain('row 3: Date: not a date');
    const importedGifts = await crossroads('donations', 'import', gifts, '--org', orgName, '--as', 'organizer@example.org', '--source', 'actblue', '--good-rows');
    expect(importedGifts.code, importedGifts.stderr).toBe(0);
    expect(importedGifts.stdout).toContain('1 new gifts');
    const report = await crossroads('donors', 'report', '--org', orgName, '--as', 'organizer@example.org', '--year', '2025', '--json');
    expect(report.code, report.stderr).toBe(0);
    const numbers = JSON.parse(report.stdout) as Record<string, number>;
    expect(Object.keys(numbers)).toEqual(expect.arrayContaining(['donors', 'lybunt', 'sybunt', 'retentionRate', 'totalAmount']));
    expect(numbers.donors).toBeGreaterThan(50);
    expect(numbers.retentionRate).toBeGreaterThan(0);
    expect(numbers.retentionRate).toBeLessThan(1);
    expect((await crossroads('donors', 'report', '--org', orgName, '--as', 'funder@example.org', '--year', '2025')).code).toBe(1);
    const stranger = await crossroads('contacts', 'export', '--org', orgName, '--as', 'funder@example.org');
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toMatch(/No organization .* you hold a role in/);
  });

  it('checks a goal, lists convenings, prints a work plan and a convening\'s .ics, in the web app\'s permissions', { timeout: 420_000 }, async () => {
    const smartie = await crossroads('smartie', 'Ensure the steering committee is highly engaged this year.', '--lang', 'es');
    expect(smartie.code).toBe(3);
    expect(smartie.stdout).toContain('✗ T  Con plazo');

    if (!(await crossroads('demo')).stdout.includes('already loaded')) await crossroads('demo');
    const { openDatabase } = await import('../db/database.ts');
    const handle = await openDatabase({ dataDir });
    const calls = (await handle.db.selectFrom('organizations').select('id').where('name', '=', 'California Calls').executeTakeFirstOrThrow()).id;
    const plan = await handle.db.selectFrom('work_plans').select('id').executeTakeFirstOrThrow();
    await handle.close();

    const convenings = await crossroads('convenings', calls, '--as', 'coordinator@example.org', '--json');
    expect(convenings.code, convenings.stderr).toBe(0);
    const session = JSON.parse(convenings.stdout).convenings[0];
    expect(session.title).toContain('collaborative strategy session');
    const ics = await crossroads('convening-ics', session.id, '--as', 'coordinator@example.org');
    expect(ics.stdout).toContain('DTSTART;TZID=America/Los_Angeles:20110127T093000');
    const workPlan = await crossroads('work-plan', plan.id, '--as', 'coordinator@example.org');
    expect(workPlan.stdout).toMatch(/Challenging the Right — anchors: .*NDLON/);
    const stranger = await crossroads('work-plan', plan.id, '--as', 'ana@example.org');
    expect(stranger.code).toBe(1);
  });

  it('maps the field: the network and its brokers, anatomies side by side, allies, priorities and ties in', { timeout: 420_000 }, async () => {
    const network = await crossroads('analyze', 'network', 'Inter-Alliance Dialogue', '--as', 'coordinator@example.org');
    expect(network.code, network.stderr).toBe(0);
    expect(network.stdout).toMatch(/^\d+ organizations, \d+ ties, density/);
    expect(network.stdout).toContain('betweenness: exact');

    const anatomy = await crossroads('analyze', 'anatomy', 'Inter-Alliance Dialogue', 'Right to the City Alliance', '--as', 'coordinator@example.org', '--json');
    expect(anatomy.code, anatomy.stderr).toBe(0);
    const [iad] = JSON.parse(anatomy.stdout);
    expect(iad.priorities).toEqual({ constituencies: ['youth', 'women', 'lgbt'], states: ['01', '13', '22', '28', '45'] });

    const allies = await crossroads('analyze', 'allies', 'PWF', '--as', 'coordinator@example.org', '--limit', '3');
    expect(allies.code, allies.stderr).toBe(0);
    expect(allies.stdout).toMatch(/^\s+\d+ {2}\S/);

    const file = path.join(dataDir, 'ties.csv');
    writeFileSync(file, 'From,To,Type\nRTTC,NDWA,Campaigned together\nRTTC,Nobody Known,Funds\n');
    const preview = await crossroads('analyze', 'ties-import', 'Inter-Alliance Dialogue', file, '--as', 'coordinator@example.org');
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('row 3: rejected');
    expect(preview.stdout).toContain('preview (nothing written; add --commit): 1 new');
    const unknown = await crossroads('analyze', 'allies', 'No Such Alliance', '--as', 'coordinator@example.org');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no organization "No Such Alliance" that you can see');
  });

  it('counts privately the people two member organizations share, each side with its own account', { timeout: 420_000 }, async () => {
    const ownSpace = async (email: string) => (await crossroads('spaces', '--as', email)).stdout.split('\n').find((l) => /organization\s+owner/.test(l))!.split(/\s+/)[0]!;
    const [scope, cause] = [await ownSpace('organizer@example.org'), await ownSpace('staff.cause@example.org')];
    // The truth, from the demo's own generated lists: the addresses both hold.
    const { demoContactsCsv } = await import('../demo/demo-contacts.ts');
    const emails = (csv: string) => new Set(csv.split('\n').slice(1).map((row) => row.split(',')[2]).filter(Boolean));
    const [first, second] = [emails(demoContactsCsv(2500, 7, 'example.org')), emails(demoContactsCsv(2500, 8, 'example.org', 7))];
    const truth = [...first].filter((e) => second.has(e)).length;
    expect(truth).toBeGreaterThan(100);
    const ran = await crossroads('overlap', '--space', scope, '--with', cause, '--as', 'organizer@example.org', '--partner-as', 'staff.cause@example.org', '--json');
    expect(ran.code, ran.stderr).toBe(0);
    const run = JSON.parse(ran.stdout);
    expect(run).toMatchObject({ status: 'done', sharedCount: truth, partnerSize: second.size });
    // SCOPE's list is the demo's plus what the tests above imported into it (none of it in CAUSE's).
    expect(run.requesterSize).toBeGreaterThanOrEqual(first.size);
    const high = await crossroads('overlap', '--space', scope, '--with', cause, '--as', 'organizer@example.org', '--partner-as', 'staff.cause@example.org', '--min-count', String(truth + 1));
    expect(high.stdout).toContain(`fewer than ${truth + 1} shared`);
    // The other side's account must be one of its administrators.
    const refused = await crossroads('overlap', '--space', scope, '--with', cause, '--as', 'organizer@example.org', '--partner-as', 'coordinator@example.org');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/No overlap run here|not allow/);
    // Revealing: SCOPE's side lists the addresses both hold and both may share (the demo's consents).
    const { demoSharesWithPartner } = await import('../demo/demo-contacts.ts');
    const revealable = [...first].filter((e) => second.has(e) && demoSharesWithPartner(e!)).sort();
    expect(revealable.length).toBeGreaterThan(10);
    const revealed = await crossroads('overlap', '--space', scope, '--with', cause, '--as', 'organizer@example.org', '--partner-as', 'staff.cause@example.org', '--reveal', '--json');
    expect(revealed.code, revealed.stderr).toBe(0);
    expect(JSON.parse(revealed.stdout)).toMatchObject({ sharedCount: truth, reveal: true, revealedCount: revealable.length, revealed: revealable });
  });
});
