import { setContactConsent } from '../consent/consent.service.ts';
import { openContact } from '../contacts/contact-sealing.ts';
import { startContactImport, textSource } from '../contacts/contact-import.service.ts';
import { createSegment, freezeSegment } from '../contacts/segment.service.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from '../spaces/access.ts';
import { recompute } from '../ladder/ladder.service.ts';
import { loadDemoDonations } from './demo-donations.ts';
import { createConvening } from '../convenings/convening.service.ts';
import { ConveningInputSchema } from '../convenings/convening.schema.ts';
import { organizationOfSpace } from '../leadership/leadership.repository.ts';
import { CohortInputSchema } from '../leadership/leadership.schema.ts';
import { addMember, createCohort, recordAttendance, updateMember } from '../leadership/leadership.service.ts';
import { EffortInputSchema, SyncSchema } from '../outreach/outreach.schema.ts';
import { assign, createEffort, cutEffortTurfs, packet, sync } from '../outreach/outreach.service.ts';

// Generated contacts for two member organizations (fictional people, example.org addresses and
// 555-01xx phone numbers), imported through the app's own import, with a segment and a list, a
// canvass with a Saturday of results, two trainings and a leadership cohort, and the engagement
// ladder placed from them. Some people are in both bases (the same address), as in a real
// field, where the private overlap finds them.

const FIRST = ['María', 'José', 'Guadalupe', 'Juan', 'Rosa', 'Luis', 'Ana', 'Carlos', 'Lucía', 'Miguel', 'Keisha', 'Darnell', 'Mei', 'Thanh', 'Grace', 'David',
  'Fatima', 'Omar', 'Jasmine', 'Andre', 'Sofía', 'Jesús', 'Ngozi', 'Tomás', 'Leticia', 'Marcus', 'Imani', 'Hoa', 'Rafael', 'Esperanza'];
const LAST = ['García', 'Hernández', 'López', 'Martínez', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Flores', 'Johnson', 'Williams', 'Nguyen',
  'Tran', 'Kim', 'Washington', 'Jackson', 'Ortiz', 'Morales', 'Núñez', 'Castillo', 'Brown', 'Okafor', 'Reyes', 'Cruz', 'Vargas', 'Chen', 'Lee', 'Díaz', 'Jiménez'];
const STREETS = ['Cesar E Chavez Ave', 'Whittier Blvd', 'E 1st St', 'S Soto St', 'Atlantic Ave', 'Pacific Blvd', 'Florence Ave', 'Slauson Ave', 'Vermont Ave', 'Figueroa St'];
const PLACES: [string, string, string][] = [['Los Angeles', '90033', 'Los Angeles'], ['Huntington Park', '90255', 'Los Angeles'], ['South Gate', '90280', 'Los Angeles'],
  ['Long Beach', '90813', 'Los Angeles'], ['Riverside', '92501', 'Riverside'], ['San Bernardino', '92410', 'San Bernardino'], ['Ontario', '91761', 'San Bernardino']];
const TAGS = ['member', 'volunteer', 'door knocked', 'phone bank', 'house meeting', 'leader', 'tenant', 'worker'];

/** A small seeded generator, so the demo is the same on every machine. */
function random(seed: number) {
  // mulberry32: 32-bit integer arithmetic only (a product past 2^53 would lose bits and cycle).
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** `alsoIn`: the seed of another organization's list; every sixth row then uses that list's address for the row (the same person in both bases, for the private overlap). */
export function demoContactsCsv(count: number, seed: number, domain: string, alsoIn?: number) {
  const r = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const rows = ['First Name,Last Name,Email,Phone,Address,City,State,County,Zip,Language,Tags,Year of Birth'];
  for (let i = 0; i < count; i++) {
    const [city, zip, county] = pick(PLACES);
    // Leaders are few; the other tags are common.
    const tags = TAGS.filter((tag) => r() < (tag === 'leader' ? 0.03 : 0.25)).join(';');
    const language = r() < 0.55 ? 'Spanish' : r() < 0.8 ? 'English' : pick(['Vietnamese', 'Korean', 'Tagalog', 'Chinese']);
    const email = r() < 0.7 ? `demo${alsoIn !== undefined && i % 6 === 0 ? alsoIn : seed}.${i}@${domain}` : '';
    const phone = r() < 0.6 ? `(213) 555-01${String(i % 100).padStart(2, '0')}` : '';
    rows.push([pick(FIRST), pick(LAST), email, phone, `${100 + Math.floor(r() * 9000)} ${pick(STREETS)}`, city, 'CA', county, zip, language,
      `"${tags}"`, String(1940 + Math.floor(r() * 65))].join(','));
  }
  return `${rows.join('\n')}\n`;
}

export async function loadDemoContacts(db: Db, box: SealedBox, orgs: { actor: Actor; spaceId: string }[]) {
  const firstSeed = 7;
  let seed = firstSeed;
  for (const { actor, spaceId } of orgs) {
    const csv = demoContactsCsv(2500, seed, 'example.org', seed === firstSeed ? undefined : firstSeed);
    seed += 1;
    const { job, done } = await startContactImport(db, box, actor, spaceId, { source: textSource(csv), sourceName: 'demo' });
    await done;
    if (job.status !== 'done') throw new Error(`demo contacts: ${job.message ?? job.status}`);
    const segmentId = await createSegment(db, actor, spaceId, {
      name: 'Spanish speakers in Los Angeles County who volunteer',
      definition: { type: 'and', conditions: [{ type: 'language', language: 'es' }, { type: 'county', county: '06037' }, { type: 'tag', tag: 'volunteer' }] },
    });
    await freezeSegment(db, actor, segmentId, { name: 'Phone bank list', description: 'Frozen from the volunteers segment' });
    await demoCanvass(db, box, actor, spaceId, seed);
    await demoLeadership(db, box, actor, spaceId);
    await loadDemoDonations(db, spaceId, seed);
  }
}

/** The demo's rule for who told their organization it may share them with the other one: about one in four, the same on both sides. */
export function demoSharesWithPartner(email: string) {
  let sum = 0;
  for (const ch of email) sum += ch.charCodeAt(0);
  return sum % 4 === 0;
}

/** Each base's contacts who agreed to be shared with the other base (consent), so the two can see who they share. */
export async function loadDemoSharing(db: Db, box: SealedBox, orgs: { actor: Actor; spaceId: string }[]) {
  for (const [i, { actor, spaceId }] of orgs.entries()) {
    const partner = orgs[1 - i];
    if (!partner) continue;
    const contacts = await db.selectFrom('contacts').select(['id', 'sealed']).where('space_id', '=', spaceId).where('email_hash', 'is not', null).execute();
    for (const c of contacts) {
      const email = openContact(box, c.id, c.sealed).email;
      if (email && demoSharesWithPartner(email)) await setContactConsent(db, actor, c.id, { purpose: 'share_with_partner', partnerSpaceId: partner.spaceId, granted: true });
    }
  }
}

/** Two trainings with their sign-in sheets, and a cohort of emerging leaders with mentors. */
async function demoLeadership(db: Db, box: SealedBox, actor: Actor, spaceId: string) {
  const organization = await organizationOfSpace(db, spaceId);
  if (!organization) return;
  const training = (title: string, day: string) => createConvening(db, actor, organization.id, ConveningInputSchema.parse({
    title, kind: 'training', startsAt: `${day}T10:00`, endsAt: `${day}T13:00`, timeZone: 'America/Los_Angeles', place: 'Union hall' }));
  const first = await training('Training: one-on-one conversations', '2026-11-14');
  const second = await training('Training: power analysis', '2026-11-21');
  const people = await db.selectFrom('contacts').select(['id', 'tags']).where('space_id', '=', spaceId).orderBy('id').limit(40).execute();
  const ids = people.map((p) => p.id);
  await recordAttendance(db, box, actor, spaceId, { conveningId: first.id, contactIds: ids.slice(0, 24), status: 'attended', source: 'sign_in' });
  await recordAttendance(db, box, actor, spaceId, { conveningId: second.id, contactIds: ids.slice(4, 18), status: 'attended', source: 'sign_in' });
  const { id: cohortId } = await createCohort(db, actor, spaceId, CohortInputSchema.parse({
    name: 'Emerging leaders, fall 2026', startsOn: '2026-11-01', endsOn: '2027-01-31', trainingIds: [first.id, second.id] }));
  const mentors = ids.slice(30, 32);
  for (const [i, contactId] of ids.slice(4, 12).entries()) {
    const { id } = await addMember(db, actor, cohortId, { contactId, mentorId: mentors[i % 2] });
    if (i < 2) await updateMember(db, box, actor, id, { status: 'completed', mentorId: mentors[i % 2] });
  }
}

const SCRIPT = {
  questions: [
    { key: 'rent_burden', type: 'yes_no' as const, values: true, prompt: { en: 'Does rent take more than half of what your household earns?', es: '¿La renta se lleva más de la mitad de lo que gana su hogar?' } },
    { key: 'top_issue', type: 'choice' as const, values: true, prompt: { en: 'What would you change first in your neighborhood?', es: '¿Qué cambiaría primero en su barrio?' },
      choices: [{ key: 'housing', label: { en: 'Housing', es: 'Vivienda' } }, { key: 'wages', label: { en: 'Wages', es: 'Salarios' } }, { key: 'immigration', label: { en: 'Immigration', es: 'Inmigración' } }] },
    { key: 'will_attend', type: 'yes_no' as const, values: false, prompt: { en: 'Will you come to the next house meeting?', es: '¿Vendrá a la próxima reunión en casa?' } },
  ],
};

/** A canvass with its turfs and a Saturday of results, and the ladder placed from them. */
async function demoCanvass(db: Db, box: SealedBox, actor: Actor, spaceId: string, seed: number) {
  const effortId = await createEffort(db, actor, spaceId, EffortInputSchema.parse({ name: 'Saturday door knock', kind: 'canvass', script: SCRIPT }));
  const turfs = await cutEffortTurfs(db, actor, effortId, { by: 'zip', size: 60 });
  const r = random(seed * 31);
  const results = ['contacted', 'contacted', 'not_home', 'not_home', 'not_home', 'refused', 'moved', 'contacted'];
  for (const turf of turfs.slice(0, 6)) {
    await assign(db, actor, turf.id, actor.userId);
    const { contacts } = await packet(db, box, actor, turf.id);
    const attempts = contacts.slice(0, 40).map((c, i) => {
      const result = results[Math.floor(r() * results.length)]!;
      const answers = result === 'contacted' ? { rent_burden: r() < 0.6, top_issue: ['housing', 'wages', 'immigration'][Math.floor(r() * 3)]!, will_attend: r() < 0.4 } : {};
      return { id: uuidFrom(r), contactId: c.id, result, answers, madeAt: new Date(Date.UTC(2026, 10, 7, 16, i)).toISOString() };
    });
    await sync(db, box, actor, turf.id, SyncSchema.parse({ attempts }));
  }
  await recompute(db, box, actor, spaceId);
}

/** A version-4 UUID from the seeded generator, so the demo is the same everywhere. */
function uuidFrom(r: () => number) {
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
