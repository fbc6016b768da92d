import { type Kysely, sql } from 'kysely';

// What an organization may do with each of its contacts, beyond contacting them (do_not_contact
// and the opt-ins stay on the contact): count them in alliance totals, match them in a private
// overlap, share them with a named partner organization, use them for 501(c)(4) work. A choice
// recorded for a contact overrides the organization's default for that purpose; every change is
// kept (who or what made it, from where, when).
const DDL = `
    create table contact_consents (
      id uuid primary key default gen_random_uuid(),
      contact_id uuid not null references contacts(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      purpose text not null check (purpose in ('count_in_alliance', 'overlap_matching', 'share_with_partner', 'c4')),
      partner_space_id uuid references spaces(id) on delete cascade,
      granted boolean not null,
      source text not null check (source in ('staff', 'person', 'import')),
      changed_at timestamptz not null default now(),
      changed_by uuid references users(id) on delete set null,
      check ((purpose = 'share_with_partner') = (partner_space_id is not null))
    );
    create unique index contact_consents_one_idx on contact_consents (contact_id, purpose, coalesce(partner_space_id, '00000000-0000-0000-0000-000000000000'));
    create index contact_consents_space_idx on contact_consents (space_id, purpose, granted);

    create table consent_events (
      id uuid primary key default gen_random_uuid(),
      contact_id uuid not null references contacts(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      purpose text not null,
      partner_space_id uuid references spaces(id) on delete cascade,
      granted boolean not null,
      previous boolean,
      source text not null,
      changed_at timestamptz not null default now(),
      changed_by uuid references users(id) on delete set null
    );
    create index consent_events_contact_idx on consent_events (contact_id, changed_at);

    create table consent_defaults (
      space_id uuid not null references spaces(id) on delete cascade,
      purpose text not null check (purpose in ('count_in_alliance', 'overlap_matching')),
      granted boolean not null,
      changed_at timestamptz not null default now(),
      changed_by uuid references users(id) on delete set null,
      primary key (space_id, purpose)
    )
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists consent_defaults, consent_events, contact_consents cascade`.execute(db);
}
