import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signedIn, type TestApp, testApp } from '../../test/test-app.ts';
import { createOrganization } from '../orgs/organization.service.ts';
import type { Actor } from '../spaces/access.ts';
import { startContactImport, textSource } from './contact-import.service.ts';
import type { Condition } from './segment.ts';
import { countDefinition, createList, createSegment, freezeSegment, getList } from './segment.service.ts';

// Segments are sets: whatever the conditions, a segment and its negation split the contacts in
// two (nobody in both, nobody in neither, missing values included), and "and" / "or" behave as
// intersection and union. Checked on generated definitions over a base with gaps in every field.

const BLANK = { sectors: [], issues: [], constituencies: [], capacities: [], location: {} };
const TAGS = ['member', 'volunteer', 'leader'];

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...TAGS).map((tag) => ({ type: 'tag' as const, tag })),
  fc.constantFrom('es', 'en', 'vi').map((language) => ({ type: 'language' as const, language })),
  fc.constantFrom('06037', '06065').map((county) => ({ type: 'county' as const, county })),
  fc.constantFrom('90033', '900', '9250').map((zip) => ({ type: 'zip' as const, zip })),
  fc.constantFrom('06', '48').map((state) => ({ type: 'state' as const, state })),
  fc.record({ min: fc.option(fc.integer({ min: 1940, max: 2000 }), { nil: null }), max: fc.option(fc.integer({ min: 1950, max: 2005 }), { nil: null }) })
    .map((r) => ({ type: 'birthYear' as const, ...r })),
  fc.constantFrom('hasEmail', 'hasPhone', 'emailOptIn', 'doNotContact').map((flag) => ({ type: 'flag' as const, flag: flag as 'hasEmail' })),
  fc.constant({ type: 'custom' as const, key: 'Shift', value: 'night' }),
);
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((conditions) => ({ type: 'and' as const, conditions })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((conditions) => ({ type: 'or' as const, conditions })),
    tie('c').map((c) => ({ type: 'not' as const, condition: c }))),
})).c;

describe.each(ENGINES)('segments on %s', (engine) => {
  let t: TestApp;
  let actor: Actor;
  let spaceId: string;
  beforeAll(async () => {
    t = await testApp(engine);
    const owner = await signedIn(t, 'segments@example.org', { admin: true });
    actor = { userId: owner.userId, isWorkspaceAdmin: true };
    spaceId = (await createOrganization(t.db, actor, null, { ...BLANK, name: 'Segment Org', kind: 'base_building' }, { ownSpace: true })).ownSpaceId!;
    // Every field is sometimes missing: no ZIP, no county, no birth year, no opt-in answer.
    const rows = Array.from({ length: 120 }, (_, i) => [
      `P${i}`, `Seg${i}`, i % 3 ? `s${i}@example.org` : '', i % 4 ? '' : `(213) 555-01${String(i % 100).padStart(2, '0')}`,
      i % 5 === 0 ? '' : i % 2 ? '90033' : '92501', i % 5 === 0 ? '' : 'CA', i % 5 === 0 ? '' : i % 2 ? 'Los Angeles' : 'Riverside',
      ['es', 'en', 'es;en', ''][i % 4], `"${TAGS.filter((_, k) => (i >> k) & 1).join(';')}"`, i % 6 ? String(1940 + (i % 60)) : '',
      ['yes', 'no', ''][i % 3], i % 11 ? '' : 'yes', i % 2 ? 'night' : '',
    ].join(','));
    const csv = ['first,last,email,phone,zip,state,county,language,tags,yob,email opt in,do not contact,Shift', ...rows].join('\n');
    const { job, done } = await startContactImport(t.db, t.deps.box, actor, spaceId,
      { source: textSource(csv), mapping: { first: 'firstName', last: 'lastName', email: 'email', phone: 'phone', zip: 'zip', state: 'state', county: 'county',
        language: 'languages', tags: 'tags', yob: 'birthYear', 'email opt in': 'emailOptIn', 'do not contact': 'doNotContact', Shift: 'custom' } });
    await done;
    expect(job.counts.imported).toBe(120);
  });
  afterAll(async () => t?.close());

  const count = async (definition: Condition | null) => (await countDefinition(t.db, actor, spaceId, definition)).count;

  it('splits the base in two with any definition and its negation', async () => {
    await fc.assert(fc.asyncProperty(condition, async (c) => {
      expect((await count(c)) + (await count({ type: 'not', condition: c }))).toBe(120);
    }), { numRuns: 60, seed: 20261206 });
  });

  it('counts "and" and "or" as intersection and union', async () => {
    await fc.assert(fc.asyncProperty(condition, condition, async (a, b) => {
      const [both, either, onlyA, onlyB] = await Promise.all([
        count({ type: 'and', conditions: [a, b] }), count({ type: 'or', conditions: [a, b] }),
        count(a), count(b),
      ]);
      expect(either).toBe(onlyA + onlyB - both);
    }), { numRuns: 40, seed: 20261207 });
  });

  it('counts a segment of three conditions as the data says, and freezes it', async () => {
    const definition: Condition = { type: 'and', conditions: [{ type: 'language', language: 'es' }, { type: 'county', county: '06065' }, { type: 'not', condition: { type: 'tag', tag: 'leader' } }] };
    // Rows with Spanish (i % 4 in 0, 2), in Riverside County (i even, not i % 5 === 0), without the leader tag (bit 2 clear).
    const expected = Array.from({ length: 120 }, (_, i) => i).filter((i) => [0, 2].includes(i % 4) && i % 2 === 0 && i % 5 !== 0 && !((i >> 2) & 1)).length;
    expect(expected).toBeGreaterThan(10);
    expect(await count(definition)).toBe(expected);
    const segmentId = await createSegment(t.db, actor, spaceId, { name: 'Spanish speakers in LA', definition });
    const frozen = await freezeSegment(t.db, actor, segmentId, { name: 'Frozen' });
    expect(frozen.size).toBe(expected);
    const listed = await count({ type: 'list', listId: frozen.id });
    expect(listed).toBe(expected);
    const listId = await createList(t.db, actor, spaceId, { name: 'Picked', contactIds: [] });
    expect((await getList(t.db, actor, listId)).size).toBe(0);
  });
});
