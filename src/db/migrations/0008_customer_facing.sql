-- Customer-facing Heed: the public form and widget, the customer portal, satisfaction surveys, and the system mail
-- (sign-in links, surveys) that is not part of a ticket's conversation.

-- Settings: the sites allowed to embed the widget (CORS origins such as https://shop.example), whether customers
-- see their organization's tickets in the portal, the survey scale and how long a customer is left in peace after
-- a survey.
alter table workspace add column widget_origins text[] not null default '{}';
alter table workspace add column portal_organization_tickets boolean not null default false;
alter table workspace add column survey_scale text not null default 'five' check (survey_scale in ('five', 'binary'));
alter table workspace add column survey_quiet_days integer not null default 30 check (survey_quiet_days between 0 and 365);

-- Mail Heed sends outside a ticket's conversation: portal sign-in links and survey invitations. Sent by a job
-- (queue email.system) with retries; the row says what happened.
create table system_emails (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('portal_link', 'survey')),
  to_address text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  ticket_id uuid references tickets (id) on delete set null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  error text,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index system_emails_to_idx on system_emails (to_address, created_at desc);

-- One-time sign-in links for the portal: only a hash of the token is kept; single use, short-lived.
create table portal_links (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id) on delete cascade,
  email text not null,
  token_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create unique index portal_links_hash_key on portal_links (token_hash);
create index portal_links_email_idx on portal_links (email, created_at desc);

-- Portal sessions (cookie for the page, bearer token for API clients); a hash of the token is kept.
create table portal_sessions (
  id uuid primary key default gen_random_uuid(),
  customer_id uuid not null references customers (id) on delete cascade,
  token_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create unique index portal_sessions_hash_key on portal_sessions (token_hash);

-- The widget's hold on one conversation: whoever has the token may read and continue that ticket, nothing else.
create table conversation_tokens (
  token_hash text primary key,
  ticket_id uuid not null references tickets (id) on delete cascade,
  customer_id uuid not null references customers (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz
);
create index conversation_tokens_ticket_idx on conversation_tokens (ticket_id);

-- Satisfaction surveys: one per solved ticket at most, answered through an unguessable token.
create table surveys (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  customer_id uuid not null references customers (id) on delete cascade,
  token_hash text not null,
  agent_id uuid references agents (id),
  team_id uuid references teams (id) on delete set null,
  channel text not null,
  scale text not null check (scale in ('five', 'binary')),
  sent_at timestamptz not null default now(),
  rating smallint check (rating between 1 and 5),
  comment text check (comment is null or length(comment) <= 5000),
  answered_at timestamptz,
  follow_up_commitment_id uuid references commitments (id) on delete set null
);
create unique index surveys_ticket_key on surveys (ticket_id);
create unique index surveys_hash_key on surveys (token_hash);
create index surveys_customer_idx on surveys (customer_id, sent_at desc);
create index surveys_answered_idx on surveys (answered_at) where answered_at is not null;

-- A low rating opens a follow-up promise for the team lead: commitments may now come from a survey.
alter table commitments drop constraint commitments_source_check;
alter table commitments add constraint commitments_source_check check (source in ('reply', 'manual', 'survey'));
