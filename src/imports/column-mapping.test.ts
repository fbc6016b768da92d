import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS, normalizeHeader, suggestMapping } from './column-mapping.ts';

describe('suggestMapping', () => {
  it('compares headers ignoring case, accents, spaces and punctuation', () => {
    expect(normalizeHeader('Contact: First Name')).toBe('contactfirstname');
    expect(normalizeHeader('Teléfono')).toBe('telefono');
    expect(normalizeHeader('Language(s)')).toBe('languages');
    expect(suggestMapping('people', ['E-mail Address', 'FIRST NAME', ' last_name '])).toEqual({
      'E-mail Address': 'email', 'FIRST NAME': 'firstName', ' last_name ': 'lastName',
    });
  });

  it('maps a NationBuilder people export', () => {
    const headers = ['nationbuilder_id', 'external_id', 'first_name', 'last_name', 'email', 'phone_number', 'mobile_number',
      'primary_address1', 'primary_city', 'primary_state', 'primary_zip', 'tag_list'];
    expect(suggestMapping('people', headers)).toEqual({
      nationbuilder_id: null, // external_id is the better id; a field takes one column
      external_id: 'externalId',
      first_name: 'firstName',
      last_name: 'lastName',
      email: 'email',
      phone_number: 'phone',
      mobile_number: null,
      primary_address1: 'address',
      primary_city: 'city',
      primary_state: 'state',
      primary_zip: 'zip',
      tag_list: null,
    });
  });

  it('maps an EveryAction/VAN export', () => {
    expect(suggestMapping('people', ['VANID', 'FirstName', 'LastName', 'Email', 'Phone', 'Address', 'City', 'State', 'Zip'])).toEqual({
      VANID: 'externalId', FirstName: 'firstName', LastName: 'lastName', Email: 'email', Phone: 'phone',
      Address: 'address', City: 'city', State: 'state', Zip: 'zip',
    });
  });

  it('maps an Action Network export', () => {
    expect(suggestMapping('people', ['first_name', 'family_name', 'email', 'zip_code', 'can2_phone'])).toEqual({
      first_name: 'firstName', family_name: 'lastName', email: 'email', zip_code: 'zip', can2_phone: 'phone',
    });
  });

  it('maps Salesforce/NPSP accounts and contacts', () => {
    expect(suggestMapping('organizations', ['Account ID', 'Account Name', 'Type', 'Billing City', 'Billing State/Province', 'Website', 'Phone'])).toEqual({
      'Account ID': 'externalId', 'Account Name': 'name', Type: 'kind', 'Billing City': 'city',
      'Billing State/Province': 'state', Website: 'website', Phone: 'phone',
    });
    expect(suggestMapping('people', ['Contact: First Name', 'Contact: Last Name', 'Account Name', 'Email'])).toEqual({
      'Contact: First Name': 'firstName', 'Contact: Last Name': 'lastName', 'Account Name': 'organizationName', Email: 'email',
    });
  });

  it('maps spreadsheet headers in English', () => {
    expect(suggestMapping('organizations', ['Org Name', 'Kind', 'Issues', 'Constituency', 'Language(s)', 'Notes about them'])).toEqual({
      'Org Name': 'name', Kind: 'kind', Issues: 'issues', Constituency: 'constituencies', 'Language(s)': null, 'Notes about them': null,
    });
    expect(suggestMapping('memberships', ['Alliance', 'Member', 'Role', 'Status', 'Joined'])).toEqual({
      Alliance: 'allianceName', Member: 'memberName', Role: 'role', Status: 'status', Joined: 'startedOn',
    });
    expect(suggestMapping('memberships', ['Coalition', 'Organization', 'Start Date', 'End Date'])).toEqual({
      Coalition: 'allianceName', Organization: 'memberName', 'Start Date': 'startedOn', 'End Date': 'endedOn',
    });
    expect(suggestMapping('people', ['Name', 'Group', 'Role', 'Language(s)'])).toEqual({
      Name: 'name', Group: 'organizationName', Role: 'affiliationRole', 'Language(s)': 'languages',
    });
  });

  it('maps spreadsheet headers in Spanish', () => {
    expect(suggestMapping('people', ['Nombre', 'Apellido', 'Correo', 'Teléfono', 'Organización', 'Idiomas', 'Ciudad', 'Estado'])).toEqual({
      Nombre: 'firstName', Apellido: 'lastName', Correo: 'email', 'Teléfono': 'phone', 'Organización': 'organizationName',
      Idiomas: 'languages', Ciudad: 'city', Estado: 'state',
    });
    // Without a last-name column, "Nombre" is the whole name.
    expect(suggestMapping('people', ['Nombre', 'Correo'])).toEqual({ Nombre: 'name', Correo: 'email' });
    expect(suggestMapping('organizations', ['Organización', 'Tipo', 'Temas', 'Estado', 'Condado', 'Ciudad', 'Correo', 'Teléfono'])).toEqual({
      'Organización': 'name', Tipo: 'kind', Temas: 'issues', Estado: 'state', Condado: 'county', Ciudad: 'city',
      Correo: 'email', 'Teléfono': 'phone',
    });
    // In a memberships file, "Estado" is the membership's status.
    expect(suggestMapping('memberships', ['Alianza', 'Organización', 'Estado'])).toEqual({
      Alianza: 'allianceName', 'Organización': 'memberName', Estado: 'status',
    });
  });

  it('leaves unknown headers unmapped and suggests only known fields', () => {
    expect(suggestMapping('organizations', ['Favorite color', '', 'first_name'])).toEqual({ 'Favorite color': null, '': null, first_name: null });
    for (const entity of ['organizations', 'memberships', 'people'] as const) {
      const headers = ['Name', 'Organization', 'Email', 'State', 'Role', 'Status', 'Issues', 'Zip', 'Alliance', 'Member'];
      for (const field of Object.values(suggestMapping(entity, headers))) {
        if (field !== null) expect(IMPORT_FIELDS[entity]).toContain(field);
      }
    }
  });
});
