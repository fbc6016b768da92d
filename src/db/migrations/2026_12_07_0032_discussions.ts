import { type Kysely, sql } from 'kysely';

// Discussions: threads on an alliance, committee, campaign, proposal, convening or work plan (in
// the space of what they discuss), their posts with full-text search in English and Spanish,
// reactions, and each reader's place in a thread (last read, subscribed). A proposal has one
// thread, its discussion: the comments it already had move into it.
const DDL = `
    create table threads (
      id uuid primary key default gen_random_uuid(),
      space_id uuid not null references spaces(id) on delete cascade,
      subject_kind text not null check (subject_kind in ('alliance', 'committee', 'campaign', 'proposal', 'convening', 'work_plan')),
      subject_id uuid not null,
      title text not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      last_post_at timestamptz not null default now(),
      post_count integer not null default 0
    );
    create index threads_subject_idx on threads (subject_kind, subject_id, last_post_at desc);
    create unique index threads_one_per_proposal on threads (subject_id) where subject_kind = 'proposal';
    create table posts (
      id uuid primary key default gen_random_uuid(),
      thread_id uuid not null references threads(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      author_id uuid references users(id) on delete set null,
      body text not null,
      html text not null,
      mentioned_users uuid[] not null default '{}',
      mentioned_orgs uuid[] not null default '{}',
      via text not null default 'app' check (via in ('app', 'email')),
      proposal_version integer,
      created_at timestamptz not null default now(),
      edited_at timestamptz,
      deleted_at timestamptz,
      search tsvector generated always as (to_tsvector('english', body) || to_tsvector('spanish', body)) stored
    );
    create index posts_thread_idx on posts (thread_id, created_at);
    create index posts_search_idx on posts using gin (search);
    create index posts_recent_idx on posts (created_at desc);
    create table post_reactions (
      post_id uuid not null references posts(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      reaction text not null check (reaction in ('thumbs_up', 'heart', 'raised_fist', 'celebrate', 'pray', 'eyes')),
      created_at timestamptz not null default now(),
      primary key (post_id, user_id, reaction)
    );
    create table thread_readers (
      thread_id uuid not null references threads(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      space_id uuid not null references spaces(id) on delete cascade,
      last_read_at timestamptz,
      subscribed boolean not null default false,
      primary key (thread_id, user_id)
    );
    alter table notifications add column thread_id uuid references threads(id) on delete cascade;
    insert into threads (space_id, subject_kind, subject_id, title, created_by, created_at, last_post_at, post_count)
      select p.space_id, 'proposal', p.id, coalesce((select v.title from proposal_versions v where v.proposal_id = p.id order by v.version desc limit 1), ''),
        null, min(c.created_at), max(c.created_at), count(*)
      from proposal_comments c join proposals p on p.id = c.proposal_id group by p.id, p.space_id;
    insert into posts (thread_id, space_id, author_id, body, html, proposal_version, created_at)
      select t.id, c.space_id, c.user_id, c.body, '<p>' || replace(replace(replace(replace(c.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), chr(10), '<br>') || '</p>', c.version, c.created_at
      from proposal_comments c join threads t on t.subject_kind = 'proposal' and t.subject_id = c.proposal_id;
    drop table proposal_comments
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of DDL.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table notifications drop column if exists thread_id`.execute(db);
  await sql`drop table if exists thread_readers, post_reactions, posts, threads`.execute(db);
}
