-- The knowledge matching index: solved tickets as weighted terms (for similar tickets), the document frequency of
-- each term, models trained from the workspace's own data, and the repeated-inquiry groups.

-- Impact-ordered postings: for each term, the tickets that contain it with the term's weight in that ticket
-- (tf-idf, length-normalised). A query reads only the heaviest postings of each of its terms.
create table ticket_terms (
  term text not null,
  weight real not null,
  ticket_id uuid not null references tickets (id) on delete cascade,
  primary key (term, weight, ticket_id)
);
create index ticket_terms_ticket_idx on ticket_terms (ticket_id);

-- How many indexed tickets hold each term (for inverse document frequency).
create table knowledge_terms (
  term text primary key,
  df integer not null check (df >= 0)
);

-- Which tickets the index has read, and the text it read (stemmed terms, for re-ranking and grouping).
create table ticket_index (
  ticket_id uuid primary key references tickets (id) on delete cascade,
  terms jsonb not null,
  indexed_at timestamptz not null default now()
);
create index ticket_index_indexed_idx on ticket_index (indexed_at);

-- Models trained from this workspace's data (the tag model of solved tickets): one row per model name.
create table knowledge_models (
  name text primary key,
  trained_at timestamptz not null default now(),
  examples integer not null,
  data jsonb not null
);

-- Repeated inquiries: the latest grouping, replaced whole by each computation.
create table inquiry_groups (
  id uuid primary key default gen_random_uuid(),
  computed_at timestamptz not null,
  since timestamptz not null,
  until timestamptz not null,
  label text not null,
  key_terms text[] not null,
  size integer not null,
  ticket_ids uuid[] not null,
  article_id uuid references articles (id) on delete set null
);
create index inquiry_groups_computed_idx on inquiry_groups (computed_at desc);

-- A counter that every change to what suggestions read (articles' text and status, macros) moves, so each Heed
-- process knows when to rebuild its in-memory article index: one row read instead of a scan. Page views and
-- feedback counters do not move it.
create table knowledge_state (
  id boolean primary key default true check (id),
  version bigint not null default 0
);
insert into knowledge_state default values;

create function knowledge_touch() returns trigger language plpgsql as $$
begin
  update knowledge_state set version = version + 1;
  return null;
end $$;

create trigger articles_knowledge_touch after insert or delete on articles
  for each statement execute function knowledge_touch();
create trigger articles_knowledge_touch_update after update of title, body, tags, category, status, locale, slug on articles
  for each statement execute function knowledge_touch();
create trigger macros_knowledge_touch after insert or delete or update of name, body, active, tags on macros
  for each statement execute function knowledge_touch();

-- Where the ticket indexer has got to (ticket numbers come from a sequence), and how many tickets it has read.
alter table knowledge_state add column indexed_number integer not null default 0;
alter table knowledge_state add column indexed_docs integer not null default 0;

-- The tag model retrains when tickets have been solved since it was trained.
create index tickets_solved_at_idx on tickets (solved_at) where solved_at is not null;
