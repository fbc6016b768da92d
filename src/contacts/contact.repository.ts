import { sql } from 'kysely';
import { copierOf, type Db } from '../db/database.ts';

// SQL for contacts. Contacts created by an import still running are hidden (`hiddenJobs`), and
// merged contacts are out of every list; both stay in the table for the undo and the history.

export interface ContactRow {
  id: string;
  spaceId: string;
  externalId: string | null;
  firstName: string;
  lastName: string;
  languages: string[];
  sealed: string | null;
  emailHash: string | null;
  phoneHash: string | null;
  nameAddressHash: string | null;
  householdKey: string | null;
  city: string | null;
  stateFips: string | null;
  countyFips: string | null;
  zip: string | null;
  birthYear: number | null;
  birthKey: string | null;
  tags: string[];
  customFields: Record<string, string>;
  emailOptIn: boolean | null;
  smsOptIn: boolean | null;
  doNotContact: boolean;
  workFor: 'c3' | 'c4' | null;
  source: string;
  importJobId: string | null;
  importRow: number | null;
  ladderStep: string | null;
  mergedInto: string | null;
  personId: string | null;
  recruitedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewContact = Omit<ContactRow, 'createdAt' | 'updatedAt' | 'mergedInto' | 'ladderStep' | 'personId' | 'recruitedBy' | 'workFor'>;

const columns = [
  'id', 'space_id as spaceId', 'external_id as externalId', 'first_name as firstName', 'last_name as lastName', 'languages', 'sealed',
  'email_hash as emailHash', 'phone_hash as phoneHash', 'name_address_hash as nameAddressHash', 'household_key as householdKey',
  'city', 'state_fips as stateFips', 'county_fips as countyFips', 'zip', 'birth_year as birthYear', 'birth_key as birthKey', 'tags', 'custom_fields as customFields',
  'email_opt_in as emailOptIn', 'sms_opt_in as smsOptIn', 'do_not_contact as doNotContact', 'work_for as workFor', 'source', 'import_job_id as importJobId',
  'import_row as importRow', 'ladder_step as ladderStep', 'merged_into as mergedInto', 'person_id as personId', 'recruited_by as recruitedBy', 'created_at as createdAt', 'updated_at as updatedAt',
] as const;

// A unit separator cannot be typed into a spreadsheet cell: lists travel as one joined string.
const SEP = '\u001f';
const joinList = (values: string[]) => values.map((v) => v.replaceAll(SEP, ' ')).join(SEP);

/**
 * Inserts many contacts in one statement: each column travels as one array parameter, so a
 * batch of thousands costs as many parameters as there are columns.
 */
export async function insertContacts(db: Db, rows: NewContact[]) {
  if (rows.length === 0) return;
  const copy = copierOf(db);
  if (copy && rows.length >= 200) return copy(COPY_CONTACTS, rows.map(copyLine).join(''));
  const col = <T>(f: (r: NewContact) => T) => rows.map(f);
  await sql`
    insert into contacts (id, space_id, external_id, first_name, last_name, languages, sealed, email_hash, phone_hash, name_address_hash,
      household_key, city, state_fips, county_fips, zip, birth_year, birth_key, tags, custom_fields, email_opt_in, sms_opt_in, do_not_contact,
      source, import_job_id, import_row)
    select id, space_id, external_id, first_name, last_name, string_to_array(languages, ${SEP}), sealed, email_hash, phone_hash, name_address_hash,
      household_key, city, state_fips, county_fips, zip, birth_year, birth_key, string_to_array(tags, ${SEP}), custom_fields::jsonb, email_opt_in, sms_opt_in,
      do_not_contact, source, import_job_id, import_row
    from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.spaceId)}::uuid[], ${col((r) => r.externalId)}::text[], ${col((r) => r.firstName)}::text[],
      ${col((r) => r.lastName)}::text[], ${col((r) => joinList(r.languages))}::text[], ${col((r) => r.sealed)}::text[], ${col((r) => r.emailHash)}::text[],
      ${col((r) => r.phoneHash)}::text[], ${col((r) => r.nameAddressHash)}::text[], ${col((r) => r.householdKey)}::text[], ${col((r) => r.city)}::text[],
      ${col((r) => r.stateFips)}::text[], ${col((r) => r.countyFips)}::text[], ${col((r) => r.zip)}::text[], ${col((r) => r.birthYear)}::int[], ${col((r) => r.birthKey)}::text[],
      ${col((r) => joinList(r.tags))}::text[], ${col((r) => JSON.stringify(r.customFields))}::text[], ${col((r) => r.emailOptIn)}::bool[],
      ${col((r) => r.smsOptIn)}::bool[], ${col((r) => r.doNotContact)}::bool[], ${col((r) => r.source)}::text[], ${col((r) => r.importJobId)}::uuid[],
      ${col((r) => r.importRow)}::int[])
      as t(id, space_id, external_id, first_name, last_name, languages, sealed, email_hash, phone_hash, name_address_hash, household_key, city,
        state_fips, county_fips, zip, birth_year, birth_key, tags, custom_fields, email_opt_in, sms_opt_in, do_not_contact, source, import_job_id, import_row)
  `.execute(db);
}

// COPY's text format: tab-separated, \N for null, backslash escapes; arrays as {"a","b"} literals.
const COPY_CONTACTS = `copy contacts (id, space_id, external_id, first_name, last_name, languages, sealed, email_hash, phone_hash, name_address_hash,
  household_key, city, state_fips, county_fips, zip, birth_year, birth_key, tags, custom_fields, email_opt_in, sms_opt_in, do_not_contact, source,
  import_job_id, import_row) from stdin`;
const copyText = (v: string) => (!/[\\\t\n\r]/.test(v) ? v : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
const copyValue = (v: string | number | boolean | null) => (v === null ? '\\N' : copyText(String(v)));
const copyArray = (values: string[]) => copyText(`{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`);

function copyLine(r: NewContact): string {
  return [
    copyValue(r.id), copyValue(r.spaceId), copyValue(r.externalId), copyValue(r.firstName), copyValue(r.lastName), copyArray(r.languages),
    copyValue(r.sealed), copyValue(r.emailHash), copyValue(r.phoneHash), copyValue(r.nameAddressHash), copyValue(r.householdKey), copyValue(r.city),
    copyValue(r.stateFips), copyValue(r.countyFips), copyValue(r.zip), copyValue(r.birthYear), copyValue(r.birthKey), copyArray(r.tags),
    copyValue(JSON.stringify(r.customFields)), copyValue(r.emailOptIn), copyValue(r.smsOptIn), copyValue(r.doNotContact), copyValue(r.source),
    copyValue(r.importJobId), copyValue(r.importRow),
  ].join('\t') + '\n';
}

export interface MatchCandidate {
  id: string; externalId: string | null; firstName: string; lastName: string; birthYear: number | null; birthKey: string | null;
  emailHash: string | null; phoneHash: string | null; nameAddressHash: string | null; importJobId: string | null; importRow: number | null;
}

/** Contacts of a space (merged ones left out) sharing any of these keys: candidates for "the same person". */
export async function findMatchCandidates(db: Db, spaceId: string, keys: { emailHashes: string[]; phoneHashes: string[]; nameAddressHashes: string[]; externalIds: string[] },
  otherImports: string[] = []) {
  const any = (values: string[]) => (values.length ? values : ['']);
  // Contacts of another import still running (or a trial run) may yet be taken back: not matched.
  const notPending = otherImports.length ? sql`and (import_job_id is null or import_job_id <> all(${otherImports}::uuid[]))` : sql``;
  const { rows } = await sql<MatchCandidate>`
    select id, external_id as "externalId", first_name as "firstName", last_name as "lastName", birth_year as "birthYear", birth_key as "birthKey", email_hash as "emailHash",
      phone_hash as "phoneHash", name_address_hash as "nameAddressHash", import_job_id as "importJobId", import_row as "importRow"
    from contacts where space_id = ${spaceId} and merged_into is null ${notPending} and (
      email_hash = any(${any(keys.emailHashes)}::text[]) or phone_hash = any(${any(keys.phoneHashes)}::text[])
      or name_address_hash = any(${any(keys.nameAddressHashes)}::text[]) or external_id = any(${any(keys.externalIds)}::text[]))
  `.execute(db);
  return rows;
}

export async function findContact(db: Db, id: string) {
  return db.selectFrom('contacts').select(columns).where('id', '=', id).executeTakeFirst() as Promise<ContactRow | undefined>;
}

export interface ContactListOptions { q?: string; hiddenJobs: string[]; limit: number; offset: number; ids?: string[]; modifiedFilters?: { op: '>' | '<' | '='; at: Date }[]; tag?: string; listId?: string }

function visible(db: Db, spaceId: string, options: Pick<ContactListOptions, 'q' | 'hiddenJobs' | 'ids' | 'modifiedFilters' | 'tag' | 'listId'>) {
  let query = db.selectFrom('contacts').where('space_id', '=', spaceId).where('merged_into', 'is', null);
  if (options.hiddenJobs.length) query = query.where((eb) => eb.or([eb('import_job_id', 'is', null), eb('import_job_id', 'not in', options.hiddenJobs)]));
  if (options.ids) query = options.ids.length ? query.where('id', 'in', options.ids) : query.where(sql<boolean>`false`);
  // OSDI dates have whole seconds: "eq" means within that second; the index on updated_at serves all three.
  for (const { op, at } of options.modifiedFilters ?? []) {
    const next = new Date(at.getTime() + 1000);
    query = op === '=' ? query.where(sql<boolean>`updated_at >= ${at} and updated_at < ${next}`)
      : op === '>' ? query.where(sql<boolean>`updated_at >= ${next}`) : query.where(sql<boolean>`updated_at < ${at}`);
  }
  if (options.tag) query = query.where(sql<boolean>`tags @> array[${options.tag}]::text[]`);
  if (options.listId) query = query.where(sql<boolean>`exists (select 1 from contact_list_items i where i.list_id = ${options.listId} and i.contact_id = contacts.id)`);
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) => eb.or([eb('first_name', 'ilike', like), eb('last_name', 'ilike', like), eb(sql<string>`first_name || ' ' || last_name`, 'ilike', like)]));
  }
  return query;
}

export async function countContacts(db: Db, spaceId: string, options: Pick<ContactListOptions, 'q' | 'hiddenJobs' | 'ids' | 'modifiedFilters' | 'tag' | 'listId'>) {
  const row = await visible(db, spaceId, options).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listContacts(db: Db, spaceId: string, options: ContactListOptions) {
  return visible(db, spaceId, options).select(columns).orderBy(sql`lower(last_name)`).orderBy(sql`lower(first_name)`).orderBy('id')
    .limit(options.limit).offset(options.offset).execute() as Promise<ContactRow[]>;
}

/** Visible contacts in id order after `afterId`: an export walks them a page at a time. */
export async function pageContacts(db: Db, spaceId: string, afterId: string, limit: number, hiddenJobs: string[], ids?: string[]) {
  let query = visible(db, spaceId, { hiddenJobs }).select(columns).where('id', '>', afterId);
  if (ids) query = query.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
  return query.orderBy('id').limit(limit).execute() as Promise<ContactRow[]>;
}

export type ContactChanges = Partial<Pick<NewContact, 'externalId' | 'firstName' | 'lastName' | 'languages' | 'sealed' | 'emailHash' | 'phoneHash'
  | 'nameAddressHash' | 'householdKey' | 'city' | 'stateFips' | 'countyFips' | 'zip' | 'birthYear' | 'birthKey' | 'tags' | 'customFields' | 'emailOptIn' | 'smsOptIn' | 'doNotContact'>>;

const columnOf: Record<keyof ContactChanges, string> = {
  externalId: 'external_id', firstName: 'first_name', lastName: 'last_name', languages: 'languages', sealed: 'sealed', emailHash: 'email_hash',
  phoneHash: 'phone_hash', nameAddressHash: 'name_address_hash', householdKey: 'household_key', city: 'city', stateFips: 'state_fips',
  countyFips: 'county_fips', zip: 'zip', birthYear: 'birth_year', birthKey: 'birth_key', tags: 'tags', customFields: 'custom_fields', emailOptIn: 'email_opt_in',
  smsOptIn: 'sms_opt_in', doNotContact: 'do_not_contact',
};

export async function updateContact(db: Db, id: string, changes: ContactChanges) {
  const set: Record<string, unknown> = { updated_at: new Date() };
  for (const [key, value] of Object.entries(changes)) {
    set[columnOf[key as keyof ContactChanges]] = key === 'customFields' ? JSON.stringify(value) : value;
  }
  await db.updateTable('contacts').set(set).where('id', '=', id).execute();
}

/**
 * A merged contact's outreach attempts, gifts, list places, attendance, cohorts, recruits and links go
 * with it to the contact it joined. Where both have a record of one thing, the kept contact's
 * stands, except that "came" wins over "registered"; no one is left their own mentor or recruiter.
 */
export async function moveRecordsOf(db: Db, from: string, to: string) {
  await db.updateTable('outreach_attempts').set({ contact_id: to }).where('contact_id', '=', from).execute();
  await db.updateTable('donations').set({ contact_id: to }).where('contact_id', '=', from).execute();
  await db.updateTable('donations').set({ soft_credit_contact_id: to }).where('soft_credit_contact_id', '=', from).execute();
  // Commitments go with the gifts that pay them; a dues invoice the kept contact already has for the period stays with the other.
  await db.updateTable('recurring_gifts').set({ contact_id: to }).where('contact_id', '=', from).execute();
  await db.updateTable('pledges').set({ contact_id: to }).where('contact_id', '=', from).execute();
  await sql`update dues_invoices i set contact_id = ${to} where i.contact_id = ${from}
    and not exists (select 1 from dues_invoices k where k.contact_id = ${to} and k.space_id = i.space_id and k.period = i.period)`.execute(db);
  await sql`insert into contact_list_items (list_id, contact_id) select list_id, ${to} from contact_list_items where contact_id = ${from} on conflict do nothing`.execute(db);
  await db.deleteFrom('contact_list_items').where('contact_id', '=', from).execute();
  await sql`update contact_attendance k set status = 'attended', updated_at = now() from contact_attendance d
    where k.contact_id = ${to} and d.contact_id = ${from} and d.convening_id = k.convening_id and d.status = 'attended'`.execute(db);
  await sql`update contact_attendance a set contact_id = ${to} where a.contact_id = ${from}
    and not exists (select 1 from contact_attendance b where b.contact_id = ${to} and b.convening_id = a.convening_id)`.execute(db);
  await db.deleteFrom('contact_attendance').where('contact_id', '=', from).execute();
  await sql`update cohort_members m set contact_id = ${to} where m.contact_id = ${from}
    and not exists (select 1 from cohort_members n where n.contact_id = ${to} and n.cohort_id = m.cohort_id)`.execute(db);
  await db.deleteFrom('cohort_members').where('contact_id', '=', from).execute();
  await db.updateTable('cohort_members').set({ mentor_id: to }).where('mentor_id', '=', from).execute();
  await sql`update cohort_members set mentor_id = null where contact_id = ${to} and mentor_id = ${to}`.execute(db);
  await db.updateTable('contacts').set({ recruited_by: to }).where('recruited_by', '=', from).where('id', '<>', to).execute();
  // The kept contact takes the other's links where it has none, and drops a recruiter that would close a circle.
  await sql`update contacts k set person_id = coalesce(k.person_id, d.person_id), recruited_by = coalesce(k.recruited_by, d.recruited_by)
    from contacts d where k.id = ${to} and d.id = ${from}`.execute(db);
  await sql`update contacts set recruited_by = null where id = ${to} and (recruited_by = ${to} or recruited_by = ${from} or recruited_by in (
    with recursive down(id, depth) as (select id, 1 from contacts where recruited_by = ${to}
      union all select c.id, d.depth + 1 from contacts c join down d on c.recruited_by = d.id where d.depth < 1000)
    select id from down))`.execute(db);
}

/** Whether the contact has gifts, recurring gifts, pledges or dues invoices: the organization's financial record. */
export async function hasFinancialRecord(db: Db, contactId: string) {
  const { rows } = await sql<{ found: boolean }>`select exists (select 1 from donations where contact_id = ${contactId}) or exists (select 1 from recurring_gifts where contact_id = ${contactId})
    or exists (select 1 from pledges where contact_id = ${contactId}) or exists (select 1 from dues_invoices where contact_id = ${contactId}) as found`.execute(db);
  return Boolean(rows[0]?.found);
}

export async function markMerged(db: Db, id: string, into: string) {
  await db.updateTable('contacts').set({ merged_into: into, external_id: null, updated_at: new Date() }).where('id', '=', id).execute();
}

export async function insertHistory(db: Db, entry: { contactId: string; spaceId: string; action: 'merged' | 'absorbed'; otherContactId: string; beforeSealed: string | null; userId: string }) {
  await db.insertInto('contact_history').values({
    contact_id: entry.contactId, space_id: entry.spaceId, action: entry.action, other_contact_id: entry.otherContactId, before_sealed: entry.beforeSealed, user_id: entry.userId,
  }).execute();
}

export async function listHistory(db: Db, contactId: string) {
  return db.selectFrom('contact_history').select(['id', 'action', 'other_contact_id as otherContactId', 'user_id as userId', 'at'])
    .where('contact_id', '=', contactId).orderBy('at').execute();
}

export async function deleteContact(db: Db, id: string) {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

/** Removes what one import created, `limit` rows at a time; returns how many went. */
export async function deleteImportedBatch(db: Db, jobId: string, limit: number) {
  const result = await sql`delete from contacts where id in (select id from contacts where import_job_id = ${jobId} limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The tags an import named that no contact carries once it is taken back (a failed or trial import leaves none behind). */
export async function deleteTagsLeftBy(db: Db, jobId: string) {
  await sql`delete from contact_tags t using import_jobs j
    where j.id = ${jobId} and t.space_id = j.space_id and t.created_at >= j.created_at
      and not exists (select 1 from contacts c where c.space_id = t.space_id and c.tags @> array[t.name])`.execute(db);
}

/** Imports of a space still running that make contacts (of contacts, of donations): their contacts are not shown yet. */
export async function runningContactImports(db: Db, spaceId: string) {
  const rows = await db.selectFrom('import_jobs').select('id').where('space_id', '=', spaceId).where('entity', 'in', ['contacts', 'donations'])
    .where('status', '=', 'running').execute();
  return rows.map((r) => r.id);
}

/** Tag names are kept per space (with ids, for OSDI); new names are added, existing ones kept. */
export async function ensureTags(db: Db, spaceId: string, names: string[]) {
  const unique = [...new Set(names)];
  if (unique.length === 0) return;
  await sql`
    insert into contact_tags (space_id, name) select ${spaceId}, n from unnest(${unique}::text[]) as t(n)
    on conflict (space_id, lower(name)) do nothing`.execute(db);
}

export async function listTags(db: Db, spaceId: string, limit: number, offset: number) {
  return db.selectFrom('contact_tags').select(['id', 'name', 'created_at as createdAt', 'updated_at as updatedAt']).where('space_id', '=', spaceId)
    .orderBy(sql`lower(name)`).limit(limit).offset(offset).execute();
}

export async function countTags(db: Db, spaceId: string) {
  const row = await db.selectFrom('contact_tags').select((eb) => eb.fn.countAll<number>().as('n')).where('space_id', '=', spaceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findTag(db: Db, id: string) {
  return db.selectFrom('contact_tags').select(['id', 'space_id as spaceId', 'name', 'created_at as createdAt', 'updated_at as updatedAt']).where('id', '=', id).executeTakeFirst();
}

export async function findTagByName(db: Db, spaceId: string, name: string) {
  return db.selectFrom('contact_tags').select(['id', 'space_id as spaceId', 'name', 'created_at as createdAt', 'updated_at as updatedAt'])
    .where('space_id', '=', spaceId).where(sql<string>`lower(name)`, '=', name.toLowerCase()).executeTakeFirstOrThrow();
}

export async function findTagsByName(db: Db, spaceId: string, names: string[]) {
  if (names.length === 0) return [];
  return db.selectFrom('contact_tags').select(['id', 'name', 'created_at as createdAt', 'updated_at as updatedAt'])
    .where('space_id', '=', spaceId).where(sql<string>`lower(name)`, 'in', names.map((n) => n.toLowerCase())).orderBy(sql`lower(name)`).execute();
}

/** The match keys of a space's contacts in id order, a page at a time (an import loads them into its key filter). */
export async function pageMatchKeys(db: Db, spaceId: string, afterId: string, limit: number, otherImports: string[]) {
  return db.selectFrom('contacts').select(['id', 'external_id as externalId', 'email_hash as emailHash', 'phone_hash as phoneHash', 'name_address_hash as nameAddressHash'])
    .where('space_id', '=', spaceId).where('merged_into', 'is', null).where('id', '>', afterId)
    .$if(otherImports.length > 0, (q) => q.where((eb) => eb.or([eb('import_job_id', 'is', null), eb('import_job_id', 'not in', otherImports)])))
    .orderBy('id').limit(limit).execute();
}

/** Fresh planner statistics after a big import, so the next queries pick the right indexes. */
/** After a big import: fresh statistics, and the visibility map an index-only count of a segment needs. */
export async function analyzeContacts(db: Db) {
  await sql`vacuum (analyze) contacts`.execute(db);
}
