import { randomUUID } from 'node:crypto';
import { insertAudit, type AuditEntry } from '../audit/audit.repository.ts';
import { diffRecords } from '../audit/diff.ts';
import type { SealedBox } from '../crypto/sealed-box.ts';
import type { Db } from '../db/database.ts';
import { type ColumnMapping, IMPORT_FIELDS, type ImportEntity, mappingErrors, normalizeHeader, suggestMapping } from '../imports/column-mapping.ts';
import type { ImportDecisions } from '../imports/import-decisions.ts';
import { parseCsv } from '../imports/csv-file.ts';
import { type CsvBatch, csvBatches } from '../imports/csv-stream.ts';
import { mapRows, type MembershipRow, type OrganizationRow, type PersonRow, type RowResult } from '../imports/csv-rows.ts';
import * as memberships from '../memberships/membership.repository.ts';
import * as orgs from '../orgs/organization.repository.ts';
import type { OrganizationInput } from '../orgs/organization.schema.ts';
import { insertOrganizationInTransaction, organizationInputErrors } from '../orgs/organization.service.ts';
import * as people from '../people/person.repository.ts';
import type { Contact } from '../people/person.schema.ts';
import { contactPlace } from '../people/person.service.ts';
import { invalid } from '../server/problem.ts';
import { invalidateReads } from '../server/read-cache.ts';
import { type Actor, requireAccess } from '../spaces/access.ts';
import { roleAtLeast } from '../spaces/roles.ts';
import { findRole, listReadableSpaceIds } from '../spaces/spaces.repository.ts';
import { getVocabularies, type Vocabularies } from '../vocabularies/vocabulary.service.ts';
import { type CsvSource, csvHeaders, textSource } from './csv-source.ts';
import { findJob, type ImportJob, nothingWritten, record, type RowOutcome, startJob } from './import-jobs.ts';
import { columnOf, choicesOf, dateEvidence, dateQuestion, DuplicateCheck, mergedOrganization, unknownValues } from './import-conversation.ts';
import { findImportMemory, saveImportMemory } from './import-memory.repository.ts';
import { forgetJobChanges, type ImportChange, logChanges } from './import-undo.repository.ts';
import { undoImport } from './import-undo.service.ts';
import { findJobRow, markAlive, saveJobReport, startJobRow } from './import.repository.ts';
import { buildOrgIndex, type OrgIndex } from './org-index.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = RowResult<OrganizationRow | MembershipRow | PersonRow>;

function parseOrFail(csv: string) {
  try {
    const parsed = parseCsv(csv);
    if (parsed.headers.length === 0) throw new Error('The file is empty.');
    return parsed;
  } catch (err) {
    throw invalid([{ field: 'csv', message: err instanceof Error ? err.message : String(err) }]);
  }
}

function checkMapping(entity: ImportEntity, headers: string[], mapping: ColumnMapping) {
  const errors = mappingErrors(headers, mapping, IMPORT_FIELDS[entity], entity);
  if (errors.length) throw invalid(errors);
}

/** Turns file names of organizations into records the actor can see; a miss becomes a row error. */
async function resolveNames(db: Db, actor: Actor, entity: ImportEntity, rows: Row[], index: OrgIndex, vocabularies: Vocabularies): Promise<Row[]> {
  if (entity === 'organizations') {
    return rows.map((row) => {
      if (!row.ok) return row;
      const errors = organizationInputErrors((row.value as OrganizationRow).input, vocabularies);
      return errors.length ? { rowNumber: row.rowNumber, ok: false as const, errors } : row;
    });
  }
  const writableAlliance = new Map<string, boolean>();
  const result: Row[] = [];
  for (const row of rows) {
    if (!row.ok) { result.push(row); continue; }
    const errors: { field: string; message: string }[] = [];
    if (entity === 'memberships') {
      const m = row.value as MembershipRow;
      const alliance = index.find(m.allianceName, 'allianceName', errors);
      index.find(m.memberName, 'memberName', errors);
      if (alliance) {
        if (alliance.kind !== 'alliance' || !alliance.ownSpaceId) errors.push({ field: 'allianceName', message: `${alliance.name} is not an alliance` });
        else {
          if (!writableAlliance.has(alliance.ownSpaceId)) writableAlliance.set(alliance.ownSpaceId, roleAtLeast(await findRole(db, actor.userId, alliance.ownSpaceId), 'member'));
          if (!writableAlliance.get(alliance.ownSpaceId)) errors.push({ field: 'allianceName', message: `you cannot change ${alliance.name}'s memberships` });
        }
      }
    } else {
      const p = row.value as PersonRow;
      if (p.affiliation) index.find(p.affiliation.organizationName, 'organizationName', errors);
    }
    result.push(errors.length ? { rowNumber: row.rowNumber, ok: false, errors } : row);
  }
  return result;
}

/** The columns of a file, as a key that ignores their order, case and accents. */
const columnsKey = (headers: string[]) => headers.map(normalizeHeader).sort().join('|');

/** Answers that hold for every file from the same source (a row's duplicate decision holds for that row only). */
function lasting(decisions: ImportDecisions | undefined): ImportDecisions {
  const { duplicates: _d, allDuplicates: _a, ...rest } = decisions ?? {};
  return rest;
}

/**
 * The mapping for a file sent without one: the space's answers to its last import of a file with
 * these columns, else the one suggested by the columns' names.
 */
async function mappingFor(db: Db, spaceId: string, entity: ImportEntity, headers: string[]) {
  const remembered = await findImportMemory(db, spaceId, entity, columnsKey(headers));
  if (!remembered) return { mapping: suggestMapping(entity, headers), remembered: null };
  // The same columns may be spelt otherwise this time ("Email", "EMAIL"): matched as the key matches them.
  const byKey = new Map(Object.entries(remembered.mapping).map(([header, field]) => [normalizeHeader(header), field]));
  const mapping = Object.fromEntries(headers.map((h) => [h, byKey.get(normalizeHeader(h)) ?? null]));
  const usable = mappingErrors(headers, mapping, IMPORT_FIELDS[entity], entity).length === 0;
  return usable ? { mapping, remembered: { ...remembered, mapping } } : { mapping: suggestMapping(entity, headers), remembered: null };
}

async function validate(db: Db, actor: Actor, spaceId: string, entity: ImportEntity, csv: string, mapping?: ColumnMapping | null, decisions?: ImportDecisions) {
  await requireAccess(db, actor, spaceId, 'member');
  const parsed = parseOrFail(csv);
  const memory = await mappingFor(db, spaceId, entity, parsed.headers);
  const effective = mapping ?? memory.mapping;
  checkMapping(entity, parsed.headers, effective);
  const vocabularies = await getVocabularies(db);
  const index = await buildOrgIndex(db, await listReadableSpaceIds(db, actor.userId, 'profile'));
  const mapped = mapRows(entity, parsed.rows, effective, { vocabularies, decisions }) as Row[];
  let rows = await resolveNames(db, actor, entity, mapped, index, vocabularies);
  let duplicates: Awaited<ReturnType<DuplicateCheck['check']>>['questions'] = [];
  if (entity === 'organizations') ({ rows, questions: duplicates } = await new DuplicateCheck(db, spaceId, index, decisions, columnOf(effective, 'name'), columnOf(effective, 'externalId'))
    .check(rows, parsed.rows));
  return { parsed, mapping: effective, rows, index, vocabularies, duplicates, remembered: memory.remembered };
}

// Fields a row cannot do without, which a default can stand in for when the file has no column for them.
const REQUIRED: Record<ImportEntity, string[]> = { organizations: ['name', 'kind'], memberships: ['memberName'], people: [] };
const DATE_FIELDS = ['foundedOn', 'startedOn', 'endedOn'];
const LISTED_DUPLICATES = 500;

/**
 * What an import would do, and what it asks before it runs: the mapping used, every row's
 * errors, the values the workspace does not know (with the term each probably means), dates
 * whose order is unclear, and rows that may be organizations seen before. Writes nothing.
 */
export async function previewImport(db: Db, actor: Actor, spaceId: string, entity: ImportEntity, csv: string, mapping?: ColumnMapping | null, decisions?: ImportDecisions) {
  const { parsed, mapping: used, rows, vocabularies, duplicates, remembered } = await validate(db, actor, spaceId, entity, csv, mapping, decisions);
  const unknown = unknownValues(rows, vocabularies);
  const dateColumns = Object.entries(used).filter(([, f]) => f && DATE_FIELDS.includes(f)).map(([h]) => h);
  return {
    headers: parsed.headers, mapping: used, fields: [...IMPORT_FIELDS[entity]], total: rows.length,
    errorCount: rows.filter((r) => !r.ok).length,
    rows: rows.map((r) => (r.ok ? { rowNumber: r.rowNumber, ok: true } : { rowNumber: r.rowNumber, ok: false, errors: r.errors })),
    missing: REQUIRED[entity].filter((f) => !Object.values(used).includes(f)),
    unknownValues: unknown,
    // What each field asked about can be set to: its unknown values' fields, and an organization's kind (a default may be asked for).
    choices: Object.fromEntries([...new Set([...(entity === 'organizations' ? ['kind'] : []), ...unknown.map((u) => u.field)])]
      .map((f) => [f, choicesOf(f, vocabularies)] as const).filter(([, c]) => c.length)),
    dates: dateQuestion(rows, decisions?.dateOrder, dateEvidence(parsed.rows, dateColumns)),
    duplicates: duplicates.slice(0, LISTED_DUPLICATES),
    duplicateCount: duplicates.length,
    // Put forward, not applied: the page fills them in for the person to check.
    remembered: remembered ? { mapping: remembered.mapping, decisions: remembered.decisions } : null,
  };
}

const BATCH = 500;

/**
 * Starts an import job and returns it at once; `done` settles when it has finished. The file is
 * read twice, in batches, never whole: first every row is checked (a file with bad rows imports
 * nothing unless importGoodRows), then the rows are written, each batch in a short transaction of
 * its own so the rest of the app keeps answering. What each batch changed is logged, and a
 * failure (or a crash, at the next start) takes the whole import back: it is all or nothing.
 * Rows that match existing records update them, and a row identical to what is stored changes
 * nothing, so importing the same file twice is harmless.
 */
export async function startImport(db: Db, box: SealedBox, actor: Actor, spaceId: string,
  options: { entity: ImportEntity; csv?: string; source?: CsvSource; mapping?: ColumnMapping | null; decisions?: ImportDecisions; importGoodRows: boolean; batchSize?: number }) {
  await requireAccess(db, actor, spaceId, 'member');
  const source = options.source ?? textSource(options.csv ?? '');
  const headers = await csvHeaders(source);
  const mapping = options.mapping ?? (await mappingFor(db, spaceId, options.entity, headers)).mapping;
  checkMapping(options.entity, headers, mapping);
  const vocabularies = await getVocabularies(db);
  const index = await buildOrgIndex(db, await listReadableSpaceIds(db, actor.userId, 'profile'));
  const job = startJob({ id: randomUUID(), userId: actor.userId, spaceId, entity: options.entity, total: 0 });
  // Logged when it starts, so an import that is rejected or fails is in the log too; the job logs what it wrote when done.
  await db.transaction().execute(async (trx) => {
    await startJobRow(trx, job);
    await insertAudit(trx, [{ userId: actor.userId, spaceId, action: 'create', entity: 'import_job', entityId: job.id, changes: { entity: [null, options.entity] } }]);
  });
  const checkRows = async (batch: CsvBatch) => resolveNames(db, actor, options.entity,
    mapRows(options.entity, batch.rows, mapping, { vocabularies, decisions: options.decisions, firstRowNumber: batch.firstRowNumber }) as Row[], index, vocabularies);
  const duplicates = options.entity === 'organizations' ? new DuplicateCheck(db, spaceId, index, options.decisions, columnOf(mapping, 'name'), columnOf(mapping, 'externalId')) : null;
  // An import that goes through teaches the space how its files from this source read.
  // Its failure costs the next file a question or two, never this import: logged, not thrown.
  const remember = () => saveImportMemory(db, spaceId, options.entity, columnsKey(headers), { mapping, decisions: lasting(options.decisions) })
    .catch((err: unknown) => console.error(`[crossroads] import ${job.id}: its answers could not be remembered (${err instanceof Error ? err.name : 'error'})`));
  const done = runJob(db, box, actor, job, source, checkRows, duplicates, index, options.importGoodRows, options.batchSize ?? BATCH, remember)
    .catch(async (err: unknown) => {
      job.status = 'failed';
      // A database error can quote the row it choked on: the log gets its kind, never its text.
      const { name, code, constraint } = (err ?? {}) as { name?: string; code?: string; constraint?: string };
      console.error(`[crossroads] import ${job.id} failed: ${name ?? 'error'}${code ? ` ${code}` : ''}${constraint ? ` on ${constraint}` : ''}`);
      let refused = 0;
      try {
        ({ refused } = await undoImport(db, job));
      } catch {
        // The job stays "running" in the database, so the next start takes it back.
        job.message = 'The import failed and could not be taken back yet; it will be when the server next starts.';
        return false;
      }
      nothingWritten(job);
      job.message = refused
        ? `The import failed and what it had written was taken back, except ${refused} records changed since by someone else. It has been logged; try again.`
        : 'The import failed and what it had written was taken back: nothing was imported. It has been logged; try again.';
      return true;
    })
    .then((settled) => (settled === false ? undefined : saveJobReport(db, job)))
    .catch((err: unknown) => console.error(`[crossroads] import ${job.id}: its report could not be saved (${err instanceof Error ? err.name : 'error'})`));
  return { job, done };
}

async function runJob(db: Db, box: SealedBox, actor: Actor, job: ImportJob, source: CsvSource, checkRows: (batch: CsvBatch) => Promise<Row[]>,
  duplicates: DuplicateCheck | null, index: OrgIndex, importGoodRows: boolean, batchSize: number, remember: () => Promise<void>) {
  // First pass: check every row (and ask about duplicates, in the file's order); the report keeps the rejected ones.
  const rejectedAsDuplicates = new Set<number>();
  for await (const batch of csvBatches(source(), batchSize)) {
    const checked = await checkRows(batch);
    const rows = duplicates ? (await duplicates.check(checked, batch.rows)).rows : checked;
    for (const [i, row] of rows.entries()) {
      if (!row.ok && checked[i]!.ok) rejectedAsDuplicates.add(row.rowNumber);
      if (!row.ok) record(job, { rowNumber: row.rowNumber, outcome: 'rejected', errors: row.errors });
      job.total += 1;
    }
    job.processed = job.total;
    await markAlive(db, job.id, 0);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const bad = job.counts.rejected;
  if (bad && !importGoodRows) {
    job.counts.skipped = job.total - bad;
    job.status = 'rejected';
    job.message = `${bad} of ${job.total} rows have errors; nothing was imported.`;
    return;
  }
  // Second pass: write, a batch a transaction, logging what each batch changed.
  job.status = 'writing';
  job.processed = 0;
  const writtenTargets = new Map<number, string>();
  for await (const batch of csvBatches(source(), batchSize)) {
    const rows = (await checkRows(batch)).filter((r) => !rejectedAsDuplicates.has(r.rowNumber));
    const asked = rows.some((r) => duplicates?.decided.has(r.rowNumber) || duplicates?.mergeTargets.has(r.rowNumber));
    const outcomes = await db.transaction().execute(async (trx) => {
      const audit: AuditEntry[] = [];
      const fast = job.entity === 'organizations' && !asked ? await insertNewOrganizations(trx, actor, job.spaceId, rows, audit) : null;
      const written: (RowOutcome & { change: ImportChange | null })[] = fast ?? [];
      for (const row of fast ? [] : rows) {
        if (!row.ok) continue;
        const decided = duplicates?.decided.get(row.rowNumber);
        if (decided?.decision === 'skip') { written.push({ rowNumber: row.rowNumber, outcome: 'skipped', change: null }); continue; }
        const mergeInto = decided?.decision === 'merge' && decided.mergeInto
          ? ('row' in decided.mergeInto ? writtenTargets.get(decided.mergeInto.row) : decided.mergeInto.id) : undefined;
        const outcome = job.entity === 'organizations'
          ? await writeOrganization(trx, actor, job.spaceId, row.value as OrganizationRow, audit, decided ? { mergeInto } : undefined)
          : job.entity === 'memberships' ? await writeMembership(trx, actor, row.value as MembershipRow, index, audit)
          : await writePerson(trx, box, actor, job.spaceId, row.value as PersonRow, index, audit);
        written.push({ rowNumber: row.rowNumber, ...outcome });
        if (duplicates?.mergeTargets.has(row.rowNumber)) writtenTargets.set(row.rowNumber, outcome.id);
      }
      await insertAudit(trx, audit);
      await logChanges(trx, job.id, written.flatMap((w) => (w.change ? [w.change] : [])));
      return written;
    });
    // Counted once committed, so the counts never include what was not written.
    for (const { change: _c, ...outcome } of outcomes) record(job, outcome);
    job.processed += rows.length;
    await markAlive(db, job.id, job.processed);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await db.transaction().execute(async (trx) => {
    await insertAudit(trx, [{ userId: actor.userId, spaceId: job.spaceId, action: 'import', entity: job.entity, entityId: job.id, changes: { ...job.counts } }]);
    await forgetJobChanges(trx, job.id);
  });
  // Committed after the request that started it has answered: drop cached reads now.
  invalidateReads();
  await remember();
  job.status = 'done';
}

/**
 * A batch of organizations that are all new — no name, short name or external id of the batch is
 * in the space yet or twice in the batch, none an alliance (which gets a space of its own) —
 * goes in with one insert: the common case of a big first import, many times faster than row by
 * row. Returns null when the batch is not like that, and the rows are written one by one.
 */
async function insertNewOrganizations(trx: Db, actor: Actor, spaceId: string, rows: Row[], audit: AuditEntry[]) {
  const good = rows.filter((r): r is Extract<Row, { ok: true }> => r.ok).map((r) => ({ rowNumber: r.rowNumber, value: r.value as OrganizationRow }));
  const keys = good.flatMap((r) => [r.value.input.name, r.value.input.shortName].filter((n): n is string => !!n).map((n) => n.trim().toLowerCase()));
  const externalIds = good.flatMap((r) => (r.value.externalId ? [r.value.externalId] : []));
  if (good.some((r) => r.value.input.kind === 'alliance' || (r.value.externalId && UUID.test(r.value.externalId)))) return null;
  if (new Set(keys).size !== keys.length || new Set(externalIds).size !== externalIds.length) return null;
  if (await orgs.anyOrganizationNamed(trx, spaceId, keys, externalIds)) return null;
  const items = good.map((r) => ({ id: randomUUID(), input: r.value.input, externalId: r.value.externalId ?? null }));
  await orgs.insertOrganizations(trx, spaceId, items);
  audit.push(...items.map((item): AuditEntry => ({ userId: actor.userId, spaceId, action: 'create', entity: 'organization', entityId: item.id, changes: diffRecords(null, orgs.toColumns(item.input)) })));
  return good.map((r, i) => ({ rowNumber: r.rowNumber, outcome: 'imported' as const, id: items[i]!.id,
    change: { entity: 'organizations' as const, recordId: items[i]!.id, action: 'created' as const, before: { ownSpaceId: null } } }));
}

/**
 * The record a file's externalId names in this space: another tool's id, or one of our own ids
 * (an exported file carries them), so re-importing an export matches its records.
 */
async function byExternalId<T extends { spaceId: string }>(spaceId: string, externalId: string,
  findExternal: (id: string) => Promise<T | undefined>, findOwn: (id: string) => Promise<T | undefined>): Promise<T | undefined> {
  const external = await findExternal(externalId);
  if (external || !UUID.test(externalId)) return external;
  const own = await findOwn(externalId);
  return own?.spaceId === spaceId ? own : undefined;
}

type Outcome = { outcome: 'imported' | 'updated' | 'unchanged'; id: string; change: ImportChange | null };

/**
 * Writes an organization row: a new record, or an update of the record it names (its external id,
 * or the very same name in this space). A row the person was asked about follows their answer:
 * kept as a record of its own, or merged into the record it duplicates.
 */
async function writeOrganization(trx: Db, actor: Actor, spaceId: string, row: OrganizationRow, audit: AuditEntry[],
  decided?: { mergeInto: string | undefined }): Promise<Outcome> {
  const target = decided?.mergeInto ? await orgs.findOrganization(trx, decided.mergeInto) : undefined;
  const existing = decided ? target
    : row.externalId
      ? await byExternalId(spaceId, row.externalId, (id) => orgs.findOrganizationByExternalId(trx, spaceId, id), (id) => orgs.findOrganization(trx, id))
      : (await orgs.findOrganizationsByName(trx, [spaceId], row.input.name))[0];
  if (!existing) {
    const created = await insertOrganizationInTransaction(trx, actor, spaceId, row.input, { externalId: row.externalId });
    return { outcome: 'imported', id: created.id, change: { entity: 'organizations', recordId: created.id, action: 'created', before: { ownSpaceId: created.ownSpaceId } } };
  }
  // A CSV carries no alliance profile: keep the stored one.
  const stored = { ...existing, alliance: existing.alliance ?? undefined } as OrganizationInput;
  const input: OrganizationInput = target ? mergedOrganization(stored, row.input) : { ...row.input, alliance: existing.alliance };
  const before = orgs.toColumns(stored);
  const changes = diffRecords(before, orgs.toColumns(input));
  if (Object.keys(changes).length === 0) return { outcome: 'unchanged', id: existing.id, change: null };
  await orgs.updateOrganization(trx, existing.id, input);
  audit.push({ userId: actor.userId, spaceId: existing.spaceId, action: 'update', entity: 'organization', entityId: existing.id, changes });
  return { outcome: 'updated', id: existing.id, change: { entity: 'organizations', recordId: existing.id, action: 'updated', before: existing as unknown as Record<string, unknown> } };
}

async function writeMembership(trx: Db, actor: Actor, row: MembershipRow, index: OrgIndex, audit: AuditEntry[]): Promise<Outcome> {
  const alliance = index.find(row.allianceName, 'allianceName', [])!;
  const member = index.find(row.memberName, 'memberName', [])!;
  const fields = { role: row.role, status: row.status, startedOn: row.startedOn, endedOn: row.endedOn };
  const existing = await memberships.findMembershipByPair(trx, alliance.id, member.id);
  if (!existing) {
    if (await memberships.wouldCreateCycle(trx, alliance.id, member.id)) throw new Error(`${row.allianceName} ↔ ${row.memberName} would form a cycle of memberships.`);
    const created = await memberships.insertMembership(trx, alliance.ownSpaceId!, { allianceId: alliance.id, memberId: member.id, ...fields });
    audit.push({ userId: actor.userId, spaceId: alliance.ownSpaceId, action: 'create', entity: 'membership', entityId: created.id, changes: diffRecords(null, fields) });
    return { outcome: 'imported', id: created.id, change: { entity: 'memberships', recordId: created.id, action: 'created', before: null } };
  }
  const before = { role: existing.role, status: existing.status, startedOn: existing.startedOn, endedOn: existing.endedOn };
  const changes = diffRecords(before, fields);
  if (Object.keys(changes).length === 0) return { outcome: 'unchanged', id: existing.id, change: null };
  await memberships.updateMembership(trx, existing.id, fields);
  audit.push({ userId: actor.userId, spaceId: existing.spaceId, action: 'update', entity: 'membership', entityId: existing.id, changes });
  return { outcome: 'updated', id: existing.id, change: { entity: 'memberships', recordId: existing.id, action: 'updated', before } };
}

async function writePerson(trx: Db, box: SealedBox, actor: Actor, spaceId: string, row: PersonRow, index: OrgIndex, audit: AuditEntry[]): Promise<Outcome> {
  const contact = Object.fromEntries(Object.entries(row.input.contact).filter(([, v]) => v != null && v !== '')) as Contact;
  const emailHash = contact.email ? box.keyedHash(contact.email.trim().toLowerCase(), spaceId) : null;
  const affiliation = row.affiliation ? { organizationId: index.find(row.affiliation.organizationName, 'organizationName', [])!.id, role: row.affiliation.role } : null;
  const existing = row.externalId
    ? await byExternalId(spaceId, row.externalId, (id) => people.findPersonByExternalId(trx, spaceId, id), (id) => people.findPerson(trx, id))
    : emailHash ? await people.findPersonByEmailHash(trx, spaceId, emailHash) : undefined;
  const id = existing?.id ?? randomUUID();
  const sealed = Object.keys(contact).length ? box.seal(contact, contactPlace(id)) : null;
  if (!existing) {
    const created = await people.insertPerson(trx, { id, spaceId, name: row.input.name, languages: row.input.languages, externalId: row.externalId ?? null, contactSealed: sealed, emailHash });
    if (affiliation) await people.replaceAffiliations(trx, spaceId, created.id, [affiliation]);
    audit.push({ userId: actor.userId, spaceId, action: 'create', entity: 'person', entityId: created.id, changes: { name: [null, row.input.name], contact: '(set)' } });
    return { outcome: 'imported', id: created.id, change: { entity: 'people', recordId: created.id, action: 'created', before: null } };
  }
  const storedContact = existing.contactSealed ? box.open<Contact>(existing.contactSealed, contactPlace(existing.id)) : {};
  const current = await trx.selectFrom('affiliations').select(['organization_id', 'role']).where('person_id', '=', existing.id).execute();
  const hasAffiliation = !affiliation || current.some((a) => a.organization_id === affiliation.organizationId && a.role === affiliation.role);
  const same = existing.name === row.input.name && JSON.stringify(existing.languages) === JSON.stringify(row.input.languages)
    && JSON.stringify(storedContact) === JSON.stringify(contact) && hasAffiliation;
  if (same) return { outcome: 'unchanged', id: existing.id, change: null };
  const before = { spaceId, name: existing.name, languages: existing.languages, contactSealed: existing.contactSealed, emailHash: existing.emailHash,
    affiliations: current.map((a) => ({ organizationId: a.organization_id, role: a.role })) };
  await people.updatePerson(trx, existing.id, { name: row.input.name, languages: row.input.languages, contactSealed: sealed, emailHash });
  if (!hasAffiliation) {
    await people.replaceAffiliations(trx, spaceId, existing.id, [...current.map((a) => ({ organizationId: a.organization_id, role: a.role })), affiliation!]);
  }
  audit.push({ userId: actor.userId, spaceId, action: 'update', entity: 'person', entityId: existing.id, changes: { name: [existing.name, row.input.name], contact: '(changed or confirmed)' } });
  return { outcome: 'updated', id: existing.id, change: { entity: 'people', recordId: existing.id, action: 'updated', before } };
}

/** A running or finished job, for the person who started it: from memory while the server that ran it runs, else its stored report. */
export async function jobFor(db: Db, actor: Actor, id: string): Promise<ImportJob | undefined> {
  const job = findJob(id);
  if (job) return job.userId === actor.userId ? job : undefined;
  const stored = await findJobRow(db, id);
  if (!stored || stored.userId !== actor.userId) return undefined;
  const report = (stored.report ?? {}) as Partial<ImportJob>;
  return { id: stored.id, userId: stored.userId, spaceId: stored.spaceId, entity: stored.entity, total: stored.total, processed: stored.processed,
    status: (report.status ?? (stored.status === 'running' ? 'writing' : stored.status)) as ImportJob['status'],
    counts: report.counts ?? { imported: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 }, rows: report.rows ?? [], message: report.message,
    ...(report.possibleDuplicates !== undefined ? { possibleDuplicates: report.possibleDuplicates } : {}), ...(report.dryRun ? { dryRun: true } : {}) };
}
