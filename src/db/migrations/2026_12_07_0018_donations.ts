import { type Kysely, sql } from 'kysely';

// An organization's donations, private to its own space like its contacts: each gift from a
// contact (the donor), in minor units of its currency, with its method, fund, campaign and appeal,
// a soft credit, in-kind gifts, the source's receipt id (one gift per receipt), and a refund.
// Each space keeps the month its fiscal year starts in and its currency.
const DDL = `
    create table donations (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete restrict,
      amount_minor bigint not null check (amount_minor > 0),
      currency char(3) not null,
      received_on text not null,
      method text,
      fund text,
      campaign text,
      appeal text,
      soft_credit_contact_id uuid references contacts(id) on delete set null,
      in_kind boolean not null default false,
      receipt_id text,
      source text not null default 'manual',
      refunded_on text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index donations_space_date_idx on donations (space_id, received_on);
    create index donations_contact_idx on donations (contact_id, received_on);
    create unique index donations_receipt_key on donations (space_id, source, receipt_id) where receipt_id is not null;

    create table fundraising_settings (
      space_id uuid primary key references spaces(id) on delete cascade,
      fiscal_year_start_month smallint not null default 1 check (fiscal_year_start_month between 1 and 12),
      currency char(3) not null default 'USD',
      updated_at timestamptz not null default now()
    )`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists fundraising_settings, donations cascade`.execute(db);
}
