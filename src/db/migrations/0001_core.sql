-- Heed core: workspace, agents, teams, organizations, customers, tickets, messages, handoffs, events, tokens.
-- One dialect for PGlite (PostgreSQL 18 inside) and PostgreSQL 15+.

create extension if not exists pg_trgm;

create table agents (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and position('@' in email) > 1),
  name text not null check (length(btrim(name)) > 0),
  role text not null default 'agent' check (role in ('admin', 'agent')),
  password_hash text,
  skills text[] not null default '{}',
  availability text not null default 'available' check (availability in ('available', 'away', 'offline')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index agents_email_key on agents (email);

create table teams (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) > 0),
  lead_id uuid references agents (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index teams_name_key on teams (lower(name));

create table team_members (
  team_id uuid not null references teams (id) on delete cascade,
  agent_id uuid not null references agents (id),
  added_at timestamptz not null default now(),
  primary key (team_id, agent_id)
);
create index team_members_agent_idx on team_members (agent_id);

-- The one workspace of this installation; a single row.
create table workspace (
  id boolean primary key default true check (id),
  name text not null default 'Heed',
  timezone text not null default 'UTC',
  default_owner_id uuid references agents (id),
  default_team_id uuid references teams (id) on delete set null,
  created_at timestamptz not null default now()
);
insert into workspace default values;

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) > 0),
  domains text[] not null default '{}',
  notes text,
  attributes jsonb not null default '{}',
  expectations jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index organizations_name_key on organizations (lower(name));
create index organizations_name_trgm on organizations using gin (name gin_trgm_ops);

create table customers (
  id uuid primary key default gen_random_uuid(),
  name text,
  organization_id uuid references organizations (id) on delete set null,
  timezone text,
  attributes jsonb not null default '{}',
  expectations jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index customers_organization_idx on customers (organization_id);
create index customers_name_trgm on customers using gin (name gin_trgm_ops);

-- Email addresses, phone numbers and external ids; each belongs to one customer of the workspace.
create table customer_identities (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id) on delete cascade,
  kind text not null check (kind in ('email', 'phone', 'external')),
  value text not null check (length(value) > 0),
  created_at timestamptz not null default now()
);
create unique index customer_identities_value_key on customer_identities (kind, value);
create index customer_identities_customer_idx on customer_identities (customer_id);
create index customer_identities_value_trgm on customer_identities using gin (value gin_trgm_ops);

create sequence ticket_number_seq start 1000;
-- Turns for round-robin routing; a sequence hands out turns without locking a row.
create sequence routing_turn_seq;

create table tickets (
  id uuid primary key default gen_random_uuid(),
  number integer not null default nextval('ticket_number_seq'),
  subject text not null check (length(btrim(subject)) > 0),
  status text not null default 'new'
    check (status in ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  priority_rank smallint generated always as (
    case priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end
  ) stored,
  channel text not null check (channel in ('email', 'web', 'chat', 'api', 'phone')),
  tags text[] not null default '{}',
  custom_fields jsonb not null default '{}',
  requester_id uuid not null references customers (id),
  team_id uuid references teams (id),
  -- Exactly one accountable owner, always.
  owner_id uuid not null references agents (id),
  handoff_count integer not null default 0 check (handoff_count >= 0),
  bounced boolean generated always as (handoff_count >= 3) stored,
  follow_up_of_id uuid references tickets (id),
  subject_search tsvector generated always as (to_tsvector('english', subject)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  solved_at timestamptz,
  closed_at timestamptz
);
alter sequence ticket_number_seq owned by tickets.number;
create unique index tickets_number_key on tickets (number);
create index tickets_created_idx on tickets (created_at desc, id desc);
create index tickets_updated_idx on tickets (updated_at desc, id desc);
create index tickets_status_idx on tickets (status, created_at desc, id desc);
create index tickets_owner_idx on tickets (owner_id, status, created_at desc, id desc);
-- The team queue: a team's tickets in one status, most urgent first, then oldest first.
create index tickets_queue_idx on tickets (team_id, status, priority_rank desc, created_at, id);
create index tickets_requester_idx on tickets (requester_id, created_at desc);
create index tickets_tags_idx on tickets using gin (tags);
create index tickets_subject_search_idx on tickets using gin (subject_search);
create index tickets_subject_trgm on tickets using gin (subject gin_trgm_ops);

create table messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  kind text not null check (kind in ('reply', 'note')),
  direction text not null check (direction in ('inbound', 'outbound')),
  channel text not null check (channel in ('email', 'web', 'chat', 'api', 'phone')),
  author_agent_id uuid references agents (id),
  author_customer_id uuid references customers (id),
  body_text text not null,
  body_html text,
  search tsvector generated always as (to_tsvector('english', left(body_text, 200000))) stored,
  created_at timestamptz not null default now(),
  check (author_agent_id is null or author_customer_id is null),
  -- Internal notes are written by agents, never sent.
  check (kind = 'reply' or (direction = 'outbound' and author_agent_id is not null))
);
create index messages_ticket_idx on messages (ticket_id, created_at, id);
create index messages_search_idx on messages using gin (search);
-- Lets search walk the newest messages first when a word is common.
create index messages_created_idx on messages (created_at desc);

create table attachments (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  message_id uuid references messages (id) on delete cascade,
  filename text not null,
  content_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null,
  storage_key text not null,
  created_at timestamptz not null default now()
);
create index attachments_message_idx on attachments (message_id);

create table handoffs (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  from_agent_id uuid not null references agents (id),
  requested_by_id uuid not null references agents (id),
  to_agent_id uuid references agents (id),
  to_team_id uuid references teams (id),
  note text not null check (length(btrim(note)) > 0),
  status text not null default 'pending' check (status in ('pending', 'accepted', 'declined', 'cancelled')),
  decline_reason text,
  resolved_by_id uuid references agents (id),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  check (to_agent_id is not null or to_team_id is not null),
  check (status <> 'declined' or length(btrim(coalesce(decline_reason, ''))) > 0)
);
-- At most one handoff in flight per ticket.
create unique index handoffs_one_pending on handoffs (ticket_id) where status = 'pending';
create index handoffs_to_agent_idx on handoffs (to_agent_id) where status = 'pending';

-- The audit trail: one row per mutation, written in the mutation's transaction.
create table events (
  id bigint generated always as identity primary key,
  action text not null,
  entity text not null,
  entity_id uuid not null,
  ticket_id uuid,
  actor_kind text not null check (actor_kind in ('agent', 'customer', 'system')),
  actor_id uuid,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
create index events_ticket_idx on events (ticket_id, id) where ticket_id is not null;
create index events_entity_idx on events (entity, entity_id, id);

create table auth_tokens (
  id uuid primary key default gen_random_uuid(),
  agent_id uuid not null references agents (id) on delete cascade,
  kind text not null check (kind in ('session', 'api')),
  name text,
  token_hash text not null,
  csrf_token text,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create unique index auth_tokens_hash_key on auth_tokens (token_hash);
create index auth_tokens_agent_idx on auth_tokens (agent_id);
