import { describe, expect, it } from 'vitest';
import { suggestMapping } from './column-mapping.ts';
import { parseCsv } from './csv-file.ts';
import { type MapContext, mapRows, parseDate, splitList } from './csv-rows.ts';

const ctx: MapContext = {
  vocabularies: {
    issue: [
      { key: 'housing', en: 'Housing', es: 'Vivienda' },
      { key: 'immigration', en: 'Immigration', es: 'Inmigración' },
      { key: 'climate', en: 'Climate', es: 'Clima' },
      { key: 'workers_rights', en: "Workers' rights", es: 'Derechos laborales' },
    ],
    constituency: [
      { key: 'tenants', en: 'Tenants', es: 'Inquilinos' },
      { key: 'youth', en: 'Youth', es: 'Jóvenes' },
      { key: 'immigrants', en: 'Immigrants', es: 'Inmigrantes' },
    ],
    sector: [{ key: 'nonprofit', en: 'Nonprofit', es: 'Sin fines de lucro' }],
    capacity: [
      { key: 'base', en: 'Base', es: 'Base' },
      { key: 'research', en: 'Research', es: 'Investigación' },
    ],
  },
};

function load(entity: 'organizations' | 'memberships' | 'people', csv: string, context: MapContext = ctx) {
  const { headers, rows } = parseCsv(csv);
  return mapRows(entity as 'organizations', rows, suggestMapping(entity, headers), context);
}

describe('parseCsv', () => {
  it('reads headers and rows, trimming values and ignoring a byte-order mark', () => {
    expect(parseCsv('\uFEFFName , Email\n Pacoima Neighbors United , info@pacoima.example.org \n"Comma, Inc.",\n')).toEqual({
      headers: ['Name', 'Email'],
      rows: [
        { Name: 'Pacoima Neighbors United', Email: 'info@pacoima.example.org' },
        { Name: 'Comma, Inc.', Email: '' },
      ],
    });
  });

  it('reads semicolon-separated files, names duplicate and blank headers, drops trailing empty rows', () => {
    expect(parseCsv('Name;Phone;Phone;\nA;1;2;\n;;;\n\n')).toEqual({
      headers: ['Name', 'Phone', 'Phone (2)'],
      rows: [{ Name: 'A', Phone: '1', 'Phone (2)': '2' }],
    });
    expect(parseCsv('Name,,City\nA,x,\n').headers).toEqual(['Name', 'Column 2', 'City']);
    expect(parseCsv('Name,City\nA\n').rows).toEqual([{ Name: 'A', City: '' }]);
    expect(parseCsv('')).toEqual({ headers: [], rows: [] });
  });

  it('throws a clear error naming the line of a malformed file', () => {
    expect(() => parseCsv('Name,City\nA,Oakland\n"B,Fresno\nC,Merced\n')).toThrow(/^The CSV file is malformed on line \d+: a quoted value is never closed/);
    expect(() => parseCsv('Name,City\nA,Oakland\nB,"Fres"no\n')).toThrow('The CSV file is malformed on line 3: a quoted value is followed by other characters');
    expect(() => parseCsv('Name,City\nA,Oak"land\n')).toThrow('The CSV file is malformed on line 2: a value has a " in the middle');
    expect(() => parseCsv('Name,City\nA,Oakland\nSmith, Jones and Co,Fresno\n')).toThrow(
      'The CSV file is malformed on line 3: the row has 3 values but the header has 2 columns',
    );
  });
});

describe('list cells and dates', () => {
  it('splits lists on ";" or "|", else on ",", not inside parentheses', () => {
    expect(splitList('Housing; Immigration')).toEqual(['Housing', 'Immigration']);
    expect(splitList('Housing|Immigration |')).toEqual(['Housing', 'Immigration']);
    expect(splitList('housing, immigration,climate')).toEqual(['housing', 'immigration', 'climate']);
    expect(splitList("Workers' rights, fair pay; Housing")).toEqual(["Workers' rights, fair pay", 'Housing']);
    expect(splitList('Base (1,200), Research')).toEqual(['Base (1,200)', 'Research']);
    expect(splitList('')).toEqual([]);
  });

  it('reads ISO and US dates, rejecting impossible ones', () => {
    expect(parseDate('2019')).toBe('2019');
    expect(parseDate('2019-3')).toBe('2019-03');
    expect(parseDate('2019-03-01')).toBe('2019-03-01');
    expect(parseDate('2019/03/01')).toBe('2019-03-01');
    expect(parseDate('3/1/2019')).toBe('2019-03-01');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2023-02-29')).toBeUndefined();
    expect(parseDate('2019-13')).toBeUndefined();
    expect(parseDate('31/12/2019')).toBeUndefined();
    expect(parseDate('March 2019')).toBeUndefined();
  });
});

describe('mapRows: organizations', () => {
  const csv = [
    'Org Name,Type,Issues,Constituency,Capacities,State,County,City,Founded,Website,Email,Scale,Budget,External ID',
    'Pacoima Neighbors United,Base-building group,"Housing; Immigration",Tenants|Youth,"Base (1,200); Research",CA,Los Angeles,Pacoima,2008,www.pacoima.example.org,info@pacoima.example.org,Local,"$250,000",nb-17',
    'Inland Valley Workers Coalition,alliance,"climate, workers_rights",,,California,San Bernardino County,,05/17/2015,,,Multi-state,Under $100k,',
    'Bad Org,Church,Fracking,,,Cali,,,2015-13,,not-an-email,,,',
    ',Faith-based,,,,IL,Cook,,,,,,,',
    'Lost County Group,union,,,,NY,Los Angeles,,,,,Galactic,,',
    'No Kind Group,,,,,,Los Angeles,,,,,,,',
  ].join('\n');
  const results = load('organizations', csv);

  it('numbers rows as in the spreadsheet (header = row 1)', () => {
    expect(results.map((r) => [r.rowNumber, r.ok])).toEqual([[2, true], [3, true], [4, false], [5, false], [6, false], [7, false]]);
  });

  it('turns labels into keys, places into FIPS codes and lists into arrays', () => {
    expect(results[0]).toEqual({
      rowNumber: 2, ok: true, value: {
        externalId: 'nb-17',
        input: {
          name: 'Pacoima Neighbors United', shortName: null, kind: 'base_building', description: null,
          issues: ['housing', 'immigration'], constituencies: ['tenants', 'youth'], sectors: [],
          capacities: [{ key: 'base', size: 1200 }, { key: 'research', size: null }],
          location: { stateFips: '06', countyFips: '06037', city: 'Pacoima', region: null },
          powerScale: 'local', legalStructure: null, budgetBand: '100k_500k', foundedOn: '2008',
          website: 'https://www.pacoima.example.org', email: 'info@pacoima.example.org', phone: null,
        },
      },
    });
    const second = results[1]!;
    expect(second.ok && second.value).toMatchObject({
      input: {
        kind: 'alliance', issues: ['climate', 'workers_rights'], location: { stateFips: '06', countyFips: '06071' },
        foundedOn: '2015-05-17', powerScale: 'multi_state', budgetBand: 'under_100k',
      },
    });
    expect(second.ok && second.value).not.toHaveProperty('externalId');
  });

  it('reports every problem of a row, naming the column', () => {
    expect(results[2]).toEqual({
      rowNumber: 4, ok: false, errors: [
        { field: 'Issues', message: 'unknown issue "Fracking"', code: 'unknown_value', target: 'issues', value: 'Fracking' },
        { field: 'Type', message: 'unknown kind "Church"; use one of: Base-building group, Union, Faith-based, Environmental, Policy / think tank, Legal, Research, Intermediary, Funder, Government, Business, Alliance',
          code: 'unknown_value', target: 'kind', value: 'Church' },
        { field: 'State', message: 'unknown US state "Cali"' },
        { field: 'Founded', message: '"2015-13" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY' },
        { field: 'Email', message: 'not an email address' },
      ],
    });
    expect(results[3]).toEqual({ rowNumber: 5, ok: false, errors: [{ field: 'Org Name', message: 'a name is required' }] });
    expect(results[4]).toEqual({
      rowNumber: 6, ok: false, errors: [
        { field: 'County', message: 'no county named "Los Angeles" in New York' },
        { field: 'Scale', message: 'unknown scale "Galactic"; use one of: Local, Regional, State, Multi-state, National, International', code: 'unknown_value', target: 'powerScale', value: 'Galactic' },
      ],
    });
    expect(results[5]).toEqual({
      rowNumber: 7, ok: false, errors: [
        { field: 'Type', message: 'a kind is required; use one of: Base-building group, Union, Faith-based, Environmental, Policy / think tank, Legal, Research, Intermediary, Funder, Government, Business, Alliance' },
        { field: 'County', message: 'give the state to find the county "Los Angeles"' },
      ],
    });
  });

  it('accepts vocabulary terms by Spanish label, without regard to case or accents', () => {
    const [row] = load('organizations', 'Organización,Tipo,Temas,Constituencia,Estado,Condado\nUnión de Vecinos,Grupo de base,"vivienda; INMIGRACION",Jóvenes|inmigrantes,Texas,Harris\n');
    expect(row).toMatchObject({
      ok: true,
      value: { input: { name: 'Unión de Vecinos', kind: 'base_building', issues: ['housing', 'immigration'], constituencies: ['youth', 'immigrants'], location: { stateFips: '48', countyFips: '48201' } } },
    });
  });

  it('names the field when no column is mapped to it, and refuses unknown fields in the mapping', () => {
    const [row] = mapRows('organizations', [{ Name: 'A Group' }], { Name: 'name' }, ctx);
    expect(row).toEqual({ rowNumber: 2, ok: false, errors: [{ field: 'kind', message: expect.stringMatching(/^a kind is required/) }] });
    expect(() => mapRows('organizations', [{ X: '1' }], { X: 'favoriteColor' }, ctx)).toThrow('"favoriteColor" (column "X") is not a field of organizations');
  });

  it('reports an empty row inside the file', () => {
    expect(load('organizations', 'Name,Kind\n,\nA,union\n').map((r) => r.ok)).toEqual([false, true]);
  });
});

describe('mapRows: memberships', () => {
  it('maps roles and statuses by label and checks dates', () => {
    const results = load('memberships', [
      'Alliance,Member,Role,Status,Joined,Left',
      'SCCJA,Pacoima Neighbors United,Anchor,Active,3/13/2019,',
      'SCCJA,Inland Valley Workers Coalition,,,2021,',
      'SCCJA,Fresno Faith Network,Boss,Gone,2020-02-30,',
      'SCCJA,Merced Youth,member,left,2021,2020',
      ',Nobody Alliance,member,active,,',
    ].join('\n'));
    expect(results).toEqual([
      { rowNumber: 2, ok: true, value: { allianceName: 'SCCJA', memberName: 'Pacoima Neighbors United', role: 'anchor', status: 'active', startedOn: '2019-03-13', endedOn: null } },
      { rowNumber: 3, ok: true, value: { allianceName: 'SCCJA', memberName: 'Inland Valley Workers Coalition', role: 'member', status: 'active', startedOn: '2021', endedOn: null } },
      { rowNumber: 4, ok: false, errors: [
        { field: 'Role', message: 'unknown role "Boss"; use one of: Anchor, Member, Ally, Observer', code: 'unknown_value', target: 'role', value: 'Boss' },
        { field: 'Status', message: 'unknown status "Gone"; use one of: Prospect, Invited, Active, Lapsed, Left', code: 'unknown_value', target: 'status', value: 'Gone' },
        { field: 'Joined', message: '"2020-02-30" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD, MM/DD/YYYY or DD/MM/YYYY' },
      ] },
      { rowNumber: 5, ok: false, errors: [{ field: 'Left', message: 'ends before it starts' }] },
      { rowNumber: 6, ok: false, errors: [{ field: 'Alliance', message: 'the alliance is required' }] },
    ]);
  });

  it('asks about a date whose day and month could be swapped, and reads it as the person says', () => {
    const csv = 'Alliance,Member,Joined\nSCCJA,Pacoima Neighbors United,3/1/2019\n';
    expect(load('memberships', csv)[0]).toEqual({ rowNumber: 2, ok: false, errors: [{ field: 'Joined', code: 'ambiguous_date', target: 'startedOn', value: '3/1/2019',
      message: '"3/1/2019" could be 2019-03-01 or 2019-01-03: say whether the day or the month comes first' }] });
    const read = (dateOrder: 'mdy' | 'dmy') => {
      const [row] = load('memberships', csv, { ...ctx, decisions: { dateOrder } });
      return row!.ok ? (row!.value as unknown as { startedOn: string }).startedOn : row;
    };
    expect(read('mdy')).toBe('2019-03-01');
    expect(read('dmy')).toBe('2019-01-03');
  });

  it('uses the default alliance for rows that name none', () => {
    const [row] = load('memberships', 'Organización,Papel,Estado\nUnión de Vecinos,Ancla,Activa\n', { ...ctx, defaultAllianceName: 'SCCJA' });
    expect(row).toEqual({ rowNumber: 2, ok: true, value: { allianceName: 'SCCJA', memberName: 'Unión de Vecinos', role: 'anchor', status: 'active', startedOn: null, endedOn: null } });
  });
});

describe('mapRows: what the person decided', () => {
  const csv = 'Name,Issues,Budget\nCasa Latina,"labor; Housing; fracking",lots\nUnión Vecinal,,\n';

  it('gives a default to rows without a value and to a field no column feeds', () => {
    const rows = load('organizations', csv, { ...ctx, decisions: { defaults: { kind: 'union', issues: 'Tenants rights' } } });
    expect(rows[1]).toMatchObject({ ok: false, errors: [{ target: 'issues', value: 'Tenants rights' }] });
    const withKnown = load('organizations', csv, { ...ctx, decisions: { defaults: { kind: 'Sindicato', issues: 'housing' } } });
    expect(withKnown[1]).toMatchObject({ ok: true, value: { input: { name: 'Unión Vecinal', kind: 'union', issues: ['housing'] } } });
  });

  it('takes unknown values as decided: a term, or left out; an undecided one still asks', () => {
    const decided = load('organizations', csv, { ...ctx, decisions: {
      defaults: { kind: 'union' }, values: { issues: { LABOR: 'workers_rights', Fracking: null }, budgetBand: { lots: '1m_5m' } },
    } });
    expect(decided[0]).toMatchObject({ ok: true, value: { input: { issues: ['workers_rights', 'housing'], budgetBand: '1m_5m' } } });
    const partly = load('organizations', csv, { ...ctx, decisions: { defaults: { kind: 'union' }, values: { issues: { labor: 'workers_rights' } } } });
    expect(partly[0]).toMatchObject({ ok: false, errors: [{ code: 'unknown_value', target: 'issues', value: 'fracking' }, { code: 'unknown_value', target: 'budgetBand', value: 'lots' }] });
    // A decision naming a term the workspace does not have is no decision.
    const wrong = load('organizations', csv, { ...ctx, decisions: { defaults: { kind: 'union' }, values: { issues: { labor: 'no_such_term', fracking: null }, budgetBand: { lots: null } } } });
    expect(wrong[0]).toMatchObject({ ok: false, errors: [{ code: 'unknown_value', value: 'labor' }] });
  });
});

describe('mapRows: people', () => {
  it('maps a NationBuilder export with first and last names, address parts and languages', () => {
    const results = load('people', [
      'nationbuilder_id,first_name,last_name,email,phone_number,primary_address1,primary_city,primary_state,primary_zip,Language(s),Organization,Role',
      '101,María,López,maria@pacoima.example.org,(818) 555-0199,12 Van Nuys Blvd,Pacoima,CA,91331,"Spanish; English",Pacoima Neighbors United,Staff',
      '102,James,Carter,,,,,,,en,,',
      '103,,,maria@,call me,,,,,Klingon,,Leader',
    ].join('\n'));
    expect(results[0]).toEqual({
      rowNumber: 2, ok: true, value: {
        externalId: '101',
        input: {
          name: 'María López', languages: ['es', 'en'], affiliations: [], externalId: '101',
          contact: { email: 'maria@pacoima.example.org', phone: '(818) 555-0199', address: '12 Van Nuys Blvd, Pacoima, CA 91331' },
        },
        affiliation: { organizationName: 'Pacoima Neighbors United', role: 'staff' },
      },
    });
    expect(results[1]).toMatchObject({ ok: true, value: { input: { name: 'James Carter', languages: ['en'], contact: { email: null } }, affiliation: null } });
    expect(results[2]).toEqual({
      rowNumber: 4, ok: false, errors: [
        { field: 'first_name', message: 'a name is required' },
        { field: 'Language(s)', message: 'unknown language "Klingon"; write its name (English or Spanish) or ISO 639 code' },
        { field: 'Role', message: 'a role needs the organization the person belongs to' },
        { field: 'email', message: 'not an email address' },
        { field: 'phone_number', message: 'digits, spaces and + ( ) - . only' },
      ],
    });
  });

  it('maps Spanish headers and language names', () => {
    const [row] = load('people', 'Nombre,Correo,Teléfono,Idiomas,Organización\nRosa Martínez,rosa@example.org,559-555-0123,"Español, inglés, K\'iche\'",Unión de Vecinos\n');
    expect(row).toEqual({
      rowNumber: 2, ok: true, value: {
        input: { name: 'Rosa Martínez', languages: ['es', 'en', 'quc'], affiliations: [], externalId: null, contact: { email: 'rosa@example.org', phone: '559-555-0123', address: null } },
        affiliation: { organizationName: 'Unión de Vecinos', role: 'member' },
      },
    });
  });
});
