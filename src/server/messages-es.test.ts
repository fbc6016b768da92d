import { describe, expect, it } from 'vitest';
import { parseCsv } from '../imports/csv-file.ts';
import { mapRows, type MapContext } from '../imports/csv-rows.ts';
import { suggestMapping } from '../imports/column-mapping.ts';
import { BUDGET_LABELS, choices, KIND_LABELS, LEGAL_LABELS, ROLE_LABELS, SCALE_LABELS, STATUS_LABELS } from '../imports/import-labels.ts';
import { ConveningInputSchema } from '../convenings/convening.schema.ts';
import { mapTieRows } from '../ties/tie-rows.ts';
import { TIE_KINDS, TieInputSchema } from '../ties/tie.schema.ts';
import { SPANISH_MESSAGES } from './messages-es.ts';

const matching = (message: string) => SPANISH_MESSAGES.filter(([pattern]) => pattern.test(message));
const spanish = (message: string) => {
  const entry = SPANISH_MESSAGES.find(([pattern]) => pattern.test(message));
  return entry ? message.replace(entry[0], entry[1]) : message;
};
const groupsOf = (pattern: RegExp) => new RegExp(`${pattern.source}|`).exec('')!.length - 1;

// At least one real English message (as the code builds it, with plausible values) per pattern.
const SAMPLES = [
  'not a fellow member of one of your alliances', 'not an alliance both organizations are active members of', "not an organization's own space",
  "not an organization's own space (an alliance's shared space is not removed this way)", 'blinded values come in 32 bytes each; 33 bytes is not a whole number of them',
  '36 blinded values, but this organization holds 35 identifiers of this kind: send each of them once (its contacts may have changed: run this side again)',
  '1 values are not blinded identifiers (points of small order)', '2 blinded values are repeated: send each identifier once',
  "send back all 40 of the other organization's values, blinded again", 'only for sharing with a partner', 'say which partner organization',
  'not a partner this organization asked about', "type the organization's name exactly",
  'not an effort of this organization', 'one bit for each of the 12 blinded values: 2 bytes',
  'a 501(c)(3) space holds only 501(c)(3) work (501(c)(3)/(c)(4) firewall)', 'work gathered for 501(c)(4) stays 501(c)(4) (501(c)(3)/(c)(4) firewall)',
  '3 of these contacts were gathered for 501(c)(4) work and cannot go into 501(c)(3) work (501(c)(3)/(c)(4) firewall)',
  '501(c)(4) work cannot reach a 501(c)(3) space (501(c)(3)/(c)(4) firewall)',
  'This space holds work marked 501(c)(4) (0 lists, 0 efforts, 12 contacts): it cannot be marked 501(c)(3) while it does.',
  'not an alliance this organization is an active member of',
  'write the item in English, Spanish or both', 'give the wave a title', 'the deadline must be in the future', 'the items cannot change once the wave is open', 'who is invited cannot change once the wave is open',
  'the deadline has passed; move it later first', 'a survey needs at least two current member organizations', 'an organization does not rate itself',
  'not an organization invited to this wave', 'rated twice', 'rate from 1 to 4 every organization you work with', 'no such item in this wave', 'answered twice',
  'a contribution is listed twice', 'from 1 to 4', 'write something', 'give the thread a title', 'give the update a title', "not a resource of this space's library", 'a resource is attached twice', 'at most 10 attachments', 'give the resource a title', 'give the file its name, e.g. report.pdf',
  'at most 20 MB', 'not a PDF, Office document, image or plain text file', 'at most 20000 characters', 'at least 2 characters',
  'one of these contacts is on 501(c)(3) lists or turfs, and the merged contact would carry 501(c)(4) work (501(c)(3)/(c)(4) firewall)',
  'Invalid input: expected string, received undefined', 'Invalid input: expected number, received string',
  'required', 'at most 200 characters', 'at most 1', 'use YYYY-MM-DD', 'use YYYY, YYYY-MM or YYYY-MM-DD',
  'use YYYY, YYYY-MM, YYYY-MM-DD or MM/DD/YYYY', 'a local date and time, e.g. 2011-01-22T10:00',
  'a date and time, e.g. 2010-02-20T23:00:00Z', 'must be in the future', 'ends before it starts',
  'a time zone such as America/Chicago', 'a full address, e.g. https://…', 'only http(s) links', 'not a valid id',
  'not a valid alliance id', 'one to twenty alliance ids, separated by commas', 'from 0 to 10', 'from 1 to 5',
  'choose an organization', 'choose the organization you vote for', 'choose a person', 'choose a committee', 'choose a campaign',
  'choose a goal', 'choose a strategy area', 'choose a space', 'choose the space the record belongs to', 'choose a membership',
  'choose a work plan', 'choose a charter version', 'choose at least one role', 'no such organization', 'no such person',
  'no such space', 'not a member of this alliance', 'not an active member of this alliance', 'not a committee of this alliance',
  'not a campaign of this alliance', 'not a membership of this alliance', 'not a work plan of this alliance',
  'not a charter version of this alliance', 'not a goal of this organization', 'not a strategy area of this organization',
  'not from a session of this convening',
  'a name is required', 'only an organization of kind "alliance" has an alliance profile', 'an alliance with its own space stays an alliance',
  'create a new alliance instead of turning an organization into one', 'a record with no space needs its own space',
  'a two-digit state FIPS code', 'a five-digit county FIPS code', '"99" is not a state FIPS code', 'no US state has FIPS code 99',
  'no US county has FIPS code 06999', 'the county is not in the chosen state', 'use lowercase letters, digits and _',
  'unknown issue "Vivienda digna"', 'unknown constituency "Day laborers"', 'unknown sector "Nonprofit"', 'unknown capacity "Base (1,200)"',
  '"day_laborers" is not a constituency in this workspace', '2 organizations are called "CHIRLA"; use the id',
  'no organization "Pueblo Unido" that you can see',
  'an English label is required', 'a Spanish label is required', '"housing" appears twice', 'Still used by organizations: housing, tenants',
  'not an email address', 'an email address', 'digits, spaces and + ( ) - . only', 'an ISO 639 language code such as en or es',
  'no account with this email', 'no account with this email; add it first (crossroads user add)',
  'This account already belongs to another person of this organization.', 'already in use', 'enter your password',
  'use at least 10 characters', 'does not match your password',
  'only an owner can add an owner', 'A space keeps at least one owner.', 'Only an owner can change an owner\'s role.', 'Only an owner can remove an owner.',
  'This vote is secret: a ballot is final once cast.',
  'contains a character that is not allowed (a NUL byte or broken Unicode)', 'already used by another record', 'refers to a record that does not exist',
  'not a value this field can hold', 'send at least one field to change', 'a whole number from an earlier page', 'a space already sees its own records',
  "this person is not one of Pilipino Workers Center's people", 'this person is not affiliated with that organization',
  'Inland Coalition is itself a member (directly or through other alliances) of Warehouse Workers United; memberships cannot form a cycle.',
  'Warehouse Workers United is already in Inland Coalition.',
  'answer this question', 'The alliance is already at this stage.', 'objectives and strategies belong to a goal',
  'carried for another organization', 'move the stance or the influence', 'say what is needed', 'not a calendar address',
  'a proposal needs at least one step', 'a vote step needs its vote settings', 'lowercase letters and _', 'letters, digits, - and _',
  'list at least two options', 'option ids must differ', 'fewer seats than options', 'only organization and committee votes are weighted',
  'the shares must add up to 1', 'must be between 0 and 1', 'outside the allowed range',
  'nothing is more than the whole: use "at least"', 'must be above the minimum',
  'This vote has no one in its electorate: add members, seats or representatives first.',
  'you vote for several organizations here: say which',
  "Your organization's representative has already voted; the alternate votes only when the representative has not.",
  'give a reason', "not one of the vote's options", 'listed twice', 'not a ballot', 'not part of this kind of ballot', 'must be a whole number',
  'not one of the choices', 'must be text', 'must be a list', 'too long', 'give a position or a reason', 'below the minimum', 'above the maximum',
  'say why the vote closes early', 'Not every elector has voted yet.',
  "This vote's rule does not let the coordinator close it before its deadline.", "This vote's rule keeps it open until its deadline.",
  'choose a CSV file', 'the file is empty', 'The file is empty.', 'the file is over 5 MB; split it', 'files over 50 MB: use the command line',
  'The CSV file is malformed on line 4: the row has 5 values but the header has 3 columns (is a value with a comma missing its quotes?).',
  'The CSV file is malformed on line 3: a quoted value is never closed (a " is missing).',
  'The CSV file is malformed: a quoted value is never closed (a " is missing).',
  'The CSV file is malformed on line 2: a quoted value is followed by other characters; write a quote inside a quoted value as "".',
  'The CSV file is malformed: a quoted value is followed by other characters; write a quote inside a quoted value as "".',
  'The CSV file is malformed on line 2: a quoted value is followed by other characters.',
  'The CSV file is malformed: a quoted value is followed by other characters.',
  'The CSV file is malformed on line 7: a value has a " in the middle; put the whole value in quotes and write the quote as "".',
  'The CSV file is malformed: a value has a " in the middle; put the whole value in quotes and write the quote as "".',
  'The CSV file is malformed on line 9: the row has a different number of values than the header.',
  'The CSV file is malformed: the row has a different number of values than the header.',
  'The CSV file is malformed on line 12: Invalid Record Length: columns length is 2, got 3.',
  'The CSV file is malformed: Invalid option delimiter.',
  'no such column in the file', '"zip" is not a field of organizations', '"kind" is not a field of memberships', '"budgetBand" is not a field of people',
  'the row is empty', '"31/31/2019" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY',
  '"03/04/2019" could be 2019-03-04 or 2019-04-03: say whether the day or the month comes first',
  'may be the same organization as row 2 ("Mothers on the Move"): choose merge, keep both or skip',
  'may be the same organization as "Make the Road New York", already in the directory (Make the Road (space)): choose merge, keep both or skip',
  '"Make the Road New York" is in another space: it cannot be merged from here; choose keep both or skip',
  'has the same external id as row 2: one record cannot be kept twice; choose merge or skip',
  `a kind is required; use one of: ${choices(KIND_LABELS)}`, `unknown kind "Cooperative"; use one of: ${choices(KIND_LABELS)}`,
  `unknown scale "County"; use one of: ${choices(SCALE_LABELS)}`, `unknown legal structure "LLC"; use one of: ${choices(LEGAL_LABELS)}`,
  `unknown role "Chair"; use one of: ${choices(ROLE_LABELS)}`, `unknown status "Paused"; use one of: ${choices(STATUS_LABELS)}`,
  `unknown budget "lots"; use an amount or one of: ${choices(BUDGET_LABELS)}`, 'unknown US state "Calif"',
  'no county named "Orange Cty" in California', 'give the state to find the county "Kern"', 'not a web address',
  'too long (at most 300 characters)', 'the member organization is required', 'the alliance is required',
  'unknown language "Klingon"; write its name (English or Spanish) or ISO 639 code', 'a role needs the organization the person belongs to',
  '"United" names 3 organizations; use the full name', 'no organization called "Pueblo Unido"', 'CHIRLA is not an alliance',
  "you cannot change Inland Coalition's memberships",
  'a tie joins two different organizations', 'no "kind" column (found: From, To, Notes)', 'the file has no rows below its header',
  'name the first organization', 'name the second organization', `"friends" is not a kind of tie (${TIE_KINDS.join(', ')})`,
  'say what kind of tie', 'a whole number from 1 to 5', 'the same tie as row 4',
  'no organization with id 3f2a9c1e-0b7d-4c1a-9e2f-5a6b7c8d9e0f that you can see',
  "2 organizations are called \"CHIRLA\"; use the organization's id", 'no organization called "Pueblo Unido" that you can see',
  '"zip" is not a field of contacts', 'files over 60 MB: use the command line (crossroads contacts import)',
  'not a phone number', 'not a US state or territory', 'not a county of California', 'a county needs a state', 'not a ZIP code (5 digits, or ZIP+4)',
  'not a date: use YYYY-MM-DD or MM/DD/YYYY', '1990-2-30 is not a date', 'a birth year between 1901 and 2026',
  '"Klingon" is not a language we know: write its name in English or Spanish, or its ISO code', 'yes or no',
  'a contact needs a name, an email or a phone', 'give an email or a phone', 'a contact cannot be merged into itself', 'no such contact', 'no such list',
  'at most 8 levels of and / or / not', 'a ZIP code, or its first 3 or 4 digits',
  'say it in English', 'say it in Spanish', 'a choice question needs at least two choices', 'each question needs its own key', 'not a question of this script',
  "this person has no role in the organization's space", 'not a contact of this assignment', 'already used by another assignment', 'no such segment',
  'not a target of this organization or of an alliance it is an active member of', 'not a step of this ladder', 'a ladder has at least two steps',
  'each step needs its own key', 'a rule names a step the ladder does not have',
  'no such convening for this organization', "no such person in this organization's directory", 'this contact recruited them: recruitment cannot go in a circle',
  'a mentor is someone else', 'name at least one contact', 'no such cohort', 'whole cents', 'more than zero', 'an ISO 4217 code such as USD',
  'MM-01: fiscal years start on the first of a month', '"amount" is not a field of donations', 'files over 60 MB: use the command line (crossroads donations import)',
  'is required', 'a grant cannot be passed on to the organization that received it', 'less than its re-grants already passed on, or in another currency than theirs', 'a gift cannot be refunded before it was received', 'not a commitment of this donor in this organization', 'the payments add up to 60000, not 100000', 'a payment falls before the pledge', 'bill at least one member', 'more than the invoice', 'say who matches', 'from 0.1 to 10', 'whole minor units', 'files over 45 MB: use the command line (crossroads grants import)', 'is longer than 300 characters', 'is not an ISO 4217 currency code such as GBP or USD', 'must be a number',
  'must be a number of at least 0, such as 1500.50', 'has more decimals than GBP has (2)', 'is too large', 'is not a date: write YYYY-MM-DD',
  'must be a whole number of months', 'names 2 organizations: record one grant per funder and recipient', 'must be one of FRG010, FRG020',
  'is not a web address (https://…)', 'grants[0] says 152505.03 and grants[1] says 152505: one identifier cannot name two grants',
  'dates are written day first (24/07/2014 in row 2) and month first (07/24/2014): write them as YYYY-MM-DD',
  'no date in the file says whether the day or the month comes first: choose the date order', 'not valid JSON: line 10, column 15',
  'a 360Giving package has a top-level "grants" list', 'the file has no grants', 'not a readable Excel workbook', 'only 7899000 of this grant is left to pass on',
  "link the grant's recipient to the directory before passing it on", 'no such organization in the directory you can read',
  'a re-grant cannot be made before the grant it passes on', 'the period ends before it starts',
  'an amount is required', 'this organization keeps its gifts in USD', 'not an amount (e.g. 25.00)', 'a date is required', 'a donor needs a name, an email or an id', 'lowercase letters, digits, _ and -',
];

describe('the Spanish catalog', () => {
  it('anchors every pattern, without flags that would make .test() stateful', () => {
    for (const [pattern] of SPANISH_MESSAGES) {
      expect(pattern.source, String(pattern)).toMatch(/^\^[\s\S]*[^\\]\$$/);
      expect(pattern.flags, String(pattern)).toBe('');
    }
  });

  it('fills every $N from a capture group, and keeps every captured value', () => {
    for (const [pattern, template] of SPANISH_MESSAGES) {
      const groups = groupsOf(pattern);
      const used = [...template.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
      for (const n of used) expect(n >= 1 && n <= groups, `${String(pattern)} → $${n}`).toBe(true);
      for (let n = 1; n <= groups; n++) expect(used, `${String(pattern)} drops $${n}`).toContain(n);
      // No other replacement syntax ($&, $', $<name>, a bare $): the templates are plain text.
      expect(template.replace(/\$\d+/g, ''), template).not.toContain('$');
    }
  });

  it('has one pattern, and only one, for each sample message', () => {
    for (const sample of SAMPLES) expect(matching(sample).map(([p]) => String(p)), sample).toHaveLength(1);
    for (const [pattern] of SPANISH_MESSAGES) expect(SAMPLES.some((s) => pattern.test(s)), `no sample for ${String(pattern)}`).toBe(true);
  });

  it('says representative messages in Spanish', () => {
    const cases: [string, string][] = [
      ['a name is required', 'falta el nombre'],
      ['no "from" column (found: Source, Target, Type)', 'falta la columna "from" (columnas del archivo: Source, Target, Type)'],
      ['Invalid input: expected string, received number', 'Entrada inválida: se esperaba string, se recibió number'],
      ['Invalid input: expected string, received undefined', 'obligatorio'],
      ['at most 200 characters', 'como máximo 200 caracteres'],
      ['choose the space the record belongs to', 'elija el espacio al que pertenece el registro'],
      ['use YYYY-MM-DD', 'use AAAA-MM-DD'],
      [`unknown kind "Cooperative"; use one of: ${choices(KIND_LABELS)}`,
        `tipo desconocido: "Cooperative"; use uno de estos: ${choices(KIND_LABELS)}`],
      [`unknown budget "lots"; use an amount or one of: ${choices(BUDGET_LABELS)}`,
        `presupuesto desconocido: "lots"; use una cantidad o uno de estos: ${choices(BUDGET_LABELS)}`],
      ['"31/31/2019" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY', '"31/31/2019" no es una fecha: use AAAA, AAAA-MM, AAAA-MM-DD, MM/DD/AAAA o DD/MM/AAAA'],
      ['"03/04/2019" could be 2019-03-04 or 2019-04-03: say whether the day or the month comes first', '"03/04/2019" puede ser 2019-03-04 o 2019-04-03: indique si va primero el día o el mes'],
      ['no county named "Orange Cty" in California', 'no hay ningún condado llamado "Orange Cty" en California'],
      ['no account with this email; add it first (crossroads user add)', 'no hay ninguna cuenta con este correo; créela primero (crossroads user add)'],
      ['Warehouse Workers United is already in Inland Coalition.', 'Warehouse Workers United ya está en Inland Coalition.'],
      ['2 organizations are called "CHIRLA"; use the id', 'hay 2 organizaciones llamadas "CHIRLA"; use el identificador'],
      ['the same tie as row 4', 'el mismo lazo que la fila 4'],
      ['The CSV file is malformed on line 3: a quoted value is never closed (a " is missing).',
        'El archivo CSV tiene un error de formato en la línea 3: un valor entre comillas nunca se cierra (falta una ").'],
      ['The CSV file is malformed on line 12: Invalid Record Length: columns length is 2, got 3.',
        'El archivo CSV tiene un error de formato en la línea 12: Invalid Record Length: columns length is 2, got 3.'],
      ['nothing is more than the whole: use "at least"', 'umbral inalcanzable: nada es más que el total; use «al menos»'],
    ];
    for (const [english, expected] of cases) expect(spanish(english)).toBe(expected);
  });
});

describe('messages the code really builds', () => {
  const ctx: MapContext = {
    vocabularies: {
      issue: [{ key: 'housing', en: 'Housing', es: 'Vivienda' }],
      constituency: [{ key: 'tenants', en: 'Tenants', es: 'Inquilinos' }],
      sector: [], capacity: [{ key: 'base', en: 'Base', es: 'Base' }],
    },
  };
  const rowMessages = (entity: 'organizations' | 'memberships' | 'people', csv: string) => {
    const { headers, rows } = parseCsv(csv);
    return mapRows(entity, rows, suggestMapping(entity, headers), ctx).flatMap((r) => (r.ok ? [] : r.errors.map((e) => e.message)));
  };
  const expectAllTranslated = (messages: string[]) => {
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(matching(m).length, m).toBe(1);
  };

  it('covers the rows of an organizations, memberships or people file', () => {
    expectAllTranslated([
      ...rowMessages('organizations', [
        'Name,Type,Issues,State,County,Budget,Scale,Legal structure,Founded,Website,Email',
        ',Union,Vivienda digna,Calif,,,,,,,',
        'Pueblo Unido,Cooperative,Housing,CA,Orange Cty,lots,County,LLC,31/31/2019,not a site,nope',
        'Casa del Pueblo,Union,,,,,,,03/04/2019,,',
        'Casa Latina,,,,Kern,,,,,,',
        ',,,,,,,,,,',
      ].join('\n')),
      ...rowMessages('memberships', 'Alliance,Member,Role,Status,Start date,End date\n,,Chair,Paused,2020-05-01,2019-01-01\n'),
      ...rowMessages('people', `Name,Email,Phone,Languages,Organization,Role\n,x@,abc,Klingon,,Leader\nAna ${'x'.repeat(200)},,,,,\n`),
    ]);
  });

  it('covers the rows and the failures of a ties file', () => {
    const { results } = mapTieRows(['From', 'To', 'Kind', 'Strength', 'Since'], [
      { From: '', To: '', Kind: 'friends', Strength: '9', Since: 'someday' },
      { From: 'CHIRLA', To: 'chirla', Kind: '', Strength: '', Since: '' },
    ]);
    expectAllTranslated(results.flatMap((r) => (r.ok ? [] : r.errors.map((e) => e.message))));
    const failures = ['Name\n"Pueblo Unido\n', 'Name,City\n"Casa" Latina,Oakland\n', 'Name\nCHIRLA,Los Angeles,CA\n'].map((csv) => {
      try { parseCsv(csv); return 'parsed'; } catch (err) { return (err as Error).message; }
    });
    expectAllTranslated(failures);
  });

  it('covers the schemas\' own messages and zod\'s wrong-type default', () => {
    const id = '3f2a9c1e-0b7d-4c1a-9e2f-5a6b7c8d9e0f';
    const tie = TieInputSchema.safeParse({ fromId: id, toId: id, kind: 'funds', strength: 9, startedOn: '2020/01' });
    const convening = ConveningInputSchema.safeParse({
      kind: 'convening', startsAt: '2025-03-02T10:00', endsAt: '2025-03-01', timeZone: 'CST', callLink: 'ftp://example.org', hostIds: ['x'],
    });
    const messages = [...(tie.error?.issues ?? []), ...(convening.error?.issues ?? [])].map((i) => i.message);
    expect(messages).toContain('Invalid input: expected string, received undefined');
    expectAllTranslated(messages);
  });
});
