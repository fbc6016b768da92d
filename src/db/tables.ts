import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Kysely's view of the tables created by the migrations in ./migrations. Every owned table
// carries space_id, the tenant key (DESIGN.md §4).

// Timestamps default to now() on insert, so giving one is optional.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  locale: Generated<string>;
  is_workspace_admin: Generated<boolean>;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface SpacesTable {
  id: Generated<string>;
  kind: 'organization' | 'alliance';
  name: string;
  created_at: Timestamp;
}

export interface SpaceRolesTable {
  space_id: string;
  user_id: string;
  role: 'owner' | 'admin' | 'member' | 'viewer';
  created_at: Timestamp;
}

export interface GrantsTable {
  id: Generated<string>;
  from_space_id: string;
  to_space_id: string;
  scope: 'profile' | 'representatives' | 'people';
  created_by: string | null;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface OrganizationsTable {
  id: Generated<string>;
  space_id: string;
  own_space_id: string | null;
  external_id: string | null;
  name: string;
  short_name: string | null;
  kind: string;
  description: string | null;
  sectors: string[];
  issues: string[];
  constituencies: string[];
  capacities: JSONColumnType<Array<{ key: string; size?: number | null }>>;
  state_fips: string | null;
  county_fips: string | null;
  city: string | null;
  region: string | null;
  power_scale: string | null;
  legal_structure: string | null;
  budget_band: string | null;
  founded_on: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  alliance_profile: JSONColumnType<Record<string, unknown> | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: Generated<string>;
  space_id: string;
  alliance_id: string;
  member_id: string;
  role: string;
  status: string;
  started_on: string | null;
  ended_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PeopleTable {
  id: Generated<string>;
  space_id: string;
  external_id: string | null;
  name: string;
  languages: string[];
  // AES-256-GCM sealed JSON of the person's contact details; never stored in clear.
  contact_sealed: string | null;
  // Keyed hash of the normalized email, to match re-imports without decrypting.
  email_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AffiliationsTable {
  id: Generated<string>;
  space_id: string;
  person_id: string;
  organization_id: string;
  role: string;
  created_at: Timestamp;
}

export interface RepresentativesTable {
  id: Generated<string>;
  space_id: string;
  membership_id: string;
  person_id: string;
  seat: string;
  created_at: Timestamp;
}

export interface VocabularyTermsTable {
  kind: string;
  key: string;
  label_en: string;
  label_es: string;
  position: number;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string | null;
  space_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changes: JSONColumnType<Record<string, unknown> | null>;
}

export interface ImportJobsTable {
  id: Generated<string>;
  space_id: string;
  user_id: string;
  entity: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: Generated<number>;
  report: JSONColumnType<object | null>;
  created_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  spaces: SpacesTable;
  space_roles: SpaceRolesTable;
  grants: GrantsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  people: PeopleTable;
  affiliations: AffiliationsTable;
  representatives: RepresentativesTable;
  vocabulary_terms: VocabularyTermsTable;
  audit_log: AuditLogTable;
  import_jobs: ImportJobsTable;
}
