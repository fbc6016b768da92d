// Which column of an uploaded CSV file feeds which field of a record. The suggestion knows the
// column names of common organizing tools (NationBuilder, EveryAction/VAN, Action Network,
// Salesforce/NPSP, Airtable and spreadsheets, in English and Spanish); the person importing
// can change it before the import runs.

export type ImportEntity = 'organizations' | 'memberships' | 'people';
export const IMPORT_ENTITIES = ['organizations', 'memberships', 'people'] as const satisfies readonly ImportEntity[];

export const ORGANIZATION_FIELDS = [
  'externalId', 'name', 'shortName', 'kind', 'description', 'issues', 'constituencies', 'sectors', 'capacities',
  'state', 'county', 'city', 'region', 'powerScale', 'legalStructure', 'budgetBand', 'foundedOn', 'website', 'email', 'phone',
] as const;
export const MEMBERSHIP_FIELDS = ['allianceName', 'memberName', 'role', 'status', 'startedOn', 'endedOn'] as const;
/**
 * `name`, or `firstName` + `lastName`. `city`, `state` and `zip` are parts of the postal
 * address, joined after `address` ("12 Main St, Oakland, CA 94612").
 */
export const PERSON_FIELDS = [
  'externalId', 'name', 'firstName', 'lastName', 'email', 'phone', 'address', 'city', 'state', 'zip',
  'languages', 'organizationName', 'affiliationRole',
] as const;

export type OrganizationField = (typeof ORGANIZATION_FIELDS)[number];
export type MembershipField = (typeof MEMBERSHIP_FIELDS)[number];
export type PersonField = (typeof PERSON_FIELDS)[number];
export type ImportField = OrganizationField | MembershipField | PersonField;

/** The fields a column can be mapped to, per entity. */
export const IMPORT_FIELDS: Record<ImportEntity, readonly string[]> = {
  organizations: ORGANIZATION_FIELDS,
  memberships: MEMBERSHIP_FIELDS,
  people: PERSON_FIELDS,
};

/** A column mapping: header → field (null: the column is not imported). */
export type ColumnMapping = Record<string, string | null>;

/** What is wrong with a mapping a person sent: a column the file does not have, a field `what` does not have. */
export function mappingErrors(headers: string[], mapping: ColumnMapping, fields: readonly string[], what: string) {
  return Object.entries(mapping).flatMap(([header, field]) => [
    ...(headers.includes(header) ? [] : [{ field: `mapping.${header}`, message: 'no such column in the file' }]),
    ...(field === null || fields.includes(field) ? [] : [{ field: `mapping.${header}`, message: `"${field}" is not a field of ${what}` }]),
  ]);
}

/** Lowercase, without accents, spaces or punctuation: "Contact: First Name" → "contactfirstname". */
export function normalizeHeader(header: string): string {
  return header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Known column names per field, normalized, best first: when two columns could feed the same
// field, the one whose name comes first here wins and the other is left unmapped.
const ORGANIZATION_ALIASES: Record<OrganizationField, string[]> = {
  externalId: ['externalid', 'idexterno', 'nationbuilderid', 'vanid', 'accountid', 'salesforceid', 'organizationid', 'orgid', 'recordid', 'airtableid', 'id'],
  name: ['name', 'organizationname', 'organization', 'orgname', 'org', 'accountname', 'account', 'groupname', 'group', 'nombredelaorganizacion', 'organizacion', 'nombre', 'grupo', 'company', 'companyname'],
  shortName: ['shortname', 'acronym', 'abbreviation', 'nombrecorto', 'siglas', 'acronimo'],
  kind: ['kind', 'organizationtype', 'orgtype', 'type', 'accounttype', 'grouptype', 'category', 'tipodeorganizacion', 'tipo', 'categoria'],
  description: ['description', 'about', 'mission', 'missionstatement', 'descripcion', 'mision'],
  issues: ['issues', 'issue', 'issueareas', 'issuearea', 'focusareas', 'focusarea', 'temas', 'tema', 'causas', 'taglist', 'tags'],
  constituencies: ['constituencies', 'constituency', 'communitiesserved', 'communities', 'populationsserved', 'populationserved', 'constituencias', 'constituencia', 'comunidades', 'poblacion'],
  sectors: ['sectors', 'sector', 'industry', 'sectores'],
  capacities: ['capacities', 'capacity', 'skills', 'capacidades', 'capacidad', 'habilidades'],
  state: ['state', 'billingstateprovince', 'billingstate', 'stateprovince', 'primarystate', 'mailingstate', 'addressstate', 'province', 'st', 'estado'],
  county: ['county', 'primarycounty', 'billingcounty', 'parish', 'condado'],
  city: ['city', 'billingcity', 'primarycity', 'mailingcity', 'addresscity', 'town', 'ciudad', 'municipio'],
  region: ['region', 'area'],
  powerScale: ['powerscale', 'scale', 'scope', 'geographicscope', 'escala', 'alcance'],
  legalStructure: ['legalstructure', 'legalstatus', 'taxstatus', 'entitytype', 'estructuralegal', 'estatuslegal'],
  budgetBand: ['budgetband', 'budget', 'annualbudget', 'presupuesto', 'presupuestoanual'],
  foundedOn: ['foundedon', 'founded', 'foundingdate', 'datefounded', 'yearfounded', 'fundacion', 'fechadefundacion', 'anodefundacion', 'fundada'],
  website: ['website', 'web', 'url', 'websiteurl', 'site', 'sitioweb', 'paginaweb'],
  email: ['email', 'emailaddress', 'email1', 'primaryemail', 'correo', 'correoelectronico'],
  phone: ['phone', 'phonenumber', 'mainphone', 'telephone', 'workphone', 'officephone', 'can2phone', 'mobilenumber', 'telefono', 'tel'],
};

const MEMBERSHIP_ALIASES: Record<MembershipField, string[]> = {
  allianceName: ['alliancename', 'alliance', 'coalitionname', 'coalition', 'network', 'networkname', 'alianza', 'coalicion', 'red'],
  memberName: ['membername', 'member', 'memberorganization', 'memberorg', 'organizationname', 'organization', 'orgname', 'org', 'accountname', 'groupname', 'group', 'miembro', 'organizacion', 'grupo'],
  role: ['role', 'membershiprole', 'memberrole', 'rol', 'papel'],
  status: ['status', 'membershipstatus', 'memberstatus', 'estado', 'estatus'],
  startedOn: ['startedon', 'startdate', 'start', 'joined', 'joinedon', 'datejoined', 'membersince', 'since', 'fechadeinicio', 'fechadeingreso', 'inicio', 'desde'],
  endedOn: ['endedon', 'enddate', 'end', 'left', 'lefton', 'dateleft', 'until', 'fechadefin', 'fechadesalida', 'fin', 'hasta'],
};

const PERSON_ALIASES: Record<PersonField, string[]> = {
  externalId: ['externalid', 'idexterno', 'nationbuilderid', 'vanid', 'actionnetworkid', 'contactid', 'personid', 'recordid', 'id'],
  name: ['name', 'fullname', 'contactname', 'nombrecompleto', 'nombre'],
  firstName: ['firstname', 'first', 'givenname', 'contactfirstname', 'primernombre', 'nombredepila'],
  lastName: ['lastname', 'last', 'familyname', 'surname', 'contactlastname', 'apellidos', 'apellido'],
  email: ['email', 'emailaddress', 'email1', 'primaryemail', 'personalemail', 'contactemail', 'workemail', 'correo', 'correoelectronico'],
  phone: ['phone', 'phonenumber', 'mobilenumber', 'mobile', 'mobilephone', 'cellphone', 'cell', 'can2phone', 'homephone', 'preferredphone', 'contactphone', 'workphone', 'telefono', 'celular', 'tel'],
  address: ['address', 'address1', 'primaryaddress1', 'streetaddress', 'addressline1', 'mailingstreet', 'street', 'direccion', 'domicilio'],
  city: ['city', 'primarycity', 'mailingcity', 'addresscity', 'ciudad'],
  state: ['state', 'primarystate', 'mailingstateprovince', 'mailingstate', 'stateprovince', 'addressstate', 'estado'],
  zip: ['zip', 'zipcode', 'zip5', 'postalcode', 'primaryzip', 'mailingzippostalcode', 'mailingpostalcode', 'codigopostal'],
  languages: ['languages', 'language', 'languagesspoken', 'spokenlanguages', 'preferredlanguage', 'idiomas', 'idioma', 'lenguas', 'lengua'],
  organizationName: ['organizationname', 'organization', 'orgname', 'org', 'accountname', 'account', 'employer', 'affiliation', 'group', 'groupname', 'organizacion', 'grupo'],
  affiliationRole: ['affiliationrole', 'role', 'relationship', 'rol', 'papel'],
};

const ALIASES: Record<ImportEntity, Record<string, string[]>> = {
  organizations: ORGANIZATION_ALIASES,
  memberships: MEMBERSHIP_ALIASES,
  people: PERSON_ALIASES,
};

/**
 * Guesses, for each header, the field it feeds (null when unknown). Headers are compared
 * ignoring case, accents, spaces and punctuation; each field gets at most one column. For
 * people, a lone Spanish "Nombre" column beside an "Apellido" column is the first name.
 */
export function suggestMapping(entity: ImportEntity, headers: string[]): ColumnMapping {
  return suggestFromAliases(ALIASES[entity], headers, entity === 'people');
}

/**
 * The mapping that known column names suggest: each header to the field whose alias list names
 * it earliest, each field fed by one column at most. `nameBesideLastName`: a lone "Name" or
 * "Nombre" column beside a last-name column holds the first name.
 */
export function suggestFromAliases(aliases: Record<string, string[]>, headers: string[], nameBesideLastName: boolean): ColumnMapping {
  const candidates: { header: string; field: string; rank: number; position: number }[] = [];
  headers.forEach((header, position) => {
    const key = normalizeHeader(header);
    if (!key) return;
    for (const [field, names] of Object.entries(aliases)) {
      const rank = names.indexOf(key);
      if (rank >= 0) candidates.push({ header, field, rank, position });
    }
  });
  if (nameBesideLastName && candidates.some((c) => c.field === 'lastName')) {
    // "Nombre" + "Apellido", "Name" + "Last Name": the name column holds the first name.
    const hasFirstName = candidates.some((o) => o.field === 'firstName');
    for (const c of candidates) {
      if (c.field === 'name' && !hasFirstName && ['name', 'nombre'].includes(normalizeHeader(c.header))) c.field = 'firstName';
    }
  }
  candidates.sort((a, b) => a.rank - b.rank || a.position - b.position);
  const mapping: ColumnMapping = Object.fromEntries(headers.map((h) => [h, null]));
  const taken = new Set<string>();
  const mapped = new Set<string>();
  for (const c of candidates) {
    if (taken.has(c.field) || mapped.has(c.header)) continue;
    mapping[c.header] = c.field;
    taken.add(c.field);
    mapped.add(c.header);
  }
  return mapping;
}
