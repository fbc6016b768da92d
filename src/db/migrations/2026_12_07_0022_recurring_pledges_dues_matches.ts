import { type Kysely, sql } from 'kysely';

// The rest of an organization's fundraising, private to its space like its gifts: recurring gifts
// (a schedule; each installment is a gift that points at it), pledges (a total promised, a payment
// schedule; payments are gifts that point at it), dues invoices (an alliance billing a member
// organization on its membership, or an organization billing one of its own members, a contact),
// and matching funds (a ratio, a cap, a window and which gifts count).
const DDL = `
    create table recurring_gifts (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete restrict,
      amount_minor bigint not null check (amount_minor > 0),
      frequency text not null check (frequency in ('weekly', 'monthly', 'quarterly', 'yearly')),
      starts_on text not null,
      ends_on text,
      status text not null default 'active' check (status in ('active', 'paused', 'cancelled')),
      fund text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index recurring_gifts_space_idx on recurring_gifts (space_id, contact_id);

    create table pledges (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete restrict,
      amount_minor bigint not null check (amount_minor > 0),
      pledged_on text not null,
      schedule jsonb not null default '[]',
      fund text,
      note text not null default '',
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index pledges_space_idx on pledges (space_id, contact_id);

    alter table donations add column recurring_gift_id uuid references recurring_gifts(id) on delete set null;
    alter table donations add column pledge_id uuid references pledges(id) on delete set null;
    create index donations_recurring_idx on donations (recurring_gift_id) where recurring_gift_id is not null;
    create index donations_pledge_idx on donations (pledge_id) where pledge_id is not null;

    create table dues_invoices (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      membership_id uuid references memberships(id) on delete cascade,
      contact_id uuid references contacts(id) on delete cascade,
      period text not null,
      amount_minor bigint not null check (amount_minor > 0),
      currency char(3) not null,
      due_on text not null,
      paid_on text,
      paid_minor bigint not null default 0 check (paid_minor >= 0),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      check ((membership_id is null) <> (contact_id is null))
    );
    create unique index dues_membership_period_key on dues_invoices (membership_id, period) where membership_id is not null;
    create unique index dues_contact_period_key on dues_invoices (space_id, contact_id, period) where contact_id is not null;
    create index dues_space_idx on dues_invoices (space_id, due_on);

    create table match_funds (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      name text not null,
      matcher text not null,
      kind text not null check (kind in ('matching_gift', 'challenge')),
      ratio numeric(6, 3) not null check (ratio > 0),
      cap_minor bigint not null check (cap_minor > 0),
      starts_on text not null,
      ends_on text not null,
      campaign text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists match_funds, dues_invoices cascade`.execute(db);
  await sql`alter table donations drop column if exists pledge_id, drop column if exists recurring_gift_id`.execute(db);
  await sql`drop table if exists pledges, recurring_gifts cascade`.execute(db);
}
