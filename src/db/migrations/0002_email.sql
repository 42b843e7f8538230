-- Email channel: mailboxes, every inbound message kept raw, threading ids, participants, delivery state.

create table mailboxes (
  id uuid primary key default gen_random_uuid(),
  address text not null check (address = lower(address) and position('@' in address) > 1),
  name text not null check (length(btrim(name)) > 0),
  team_id uuid references teams (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index mailboxes_address_key on mailboxes (address);

-- A secret per ticket for reply+TOKEN@ addresses in Reply-To.
alter table tickets add column reply_token text not null default substr(md5(gen_random_uuid()::text), 1, 20);
create unique index tickets_reply_token_key on tickets (reply_token);
-- The support mailbox a ticket came in through; replies go out from it.
alter table tickets add column mailbox_id uuid references mailboxes (id) on delete set null;

-- Every message that reached Heed by email, raw, with where it ended: nothing is dropped.
create table inbound_emails (
  id uuid primary key default gen_random_uuid(),
  received_via text not null check (received_via in ('smtp', 'imap', 'api', 'import')),
  mailbox_id uuid references mailboxes (id) on delete set null,
  envelope_from text,
  envelope_to text[] not null default '{}',
  message_id text,
  from_address text,
  subject text,
  body_hash text not null,
  size_bytes integer not null,
  raw bytea not null,
  outcome text not null check (outcome in ('ticketed', 'auto_reply', 'bounce', 'dead_letter', 'duplicate')),
  reason text,
  ticket_id uuid references tickets (id) on delete set null,
  message_id_ref uuid references messages (id) on delete set null,
  retried_at timestamptz,
  created_at timestamptz not null default now()
);
create index inbound_emails_message_id_idx on inbound_emails (message_id) where message_id is not null;
create index inbound_emails_outcome_idx on inbound_emails (outcome, created_at desc);
create index inbound_emails_ticket_idx on inbound_emails (ticket_id);

-- Email headers of a ticket message, inbound or outbound, and the delivery state of outbound mail.
create table message_emails (
  message_id uuid primary key references messages (id) on delete cascade,
  ticket_id uuid not null references tickets (id) on delete cascade,
  direction text not null check (direction in ('inbound', 'outbound')),
  message_id_header text not null,
  in_reply_to text,
  reference_ids text[] not null default '{}',
  from_address text not null,
  to_addresses text[] not null default '{}',
  cc_addresses text[] not null default '{}',
  body_hash text,
  -- What the sender wrote now, without quoted history or signature (the message keeps the full text).
  new_text text,
  delivery_status text check (delivery_status in ('queued', 'sent', 'failed')),
  delivery_error text,
  delivery_attempts integer not null default 0,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
-- Not unique: a Message-ID reused by another sender is its own message.
create index message_emails_header_idx on message_emails (message_id_header);
create index message_emails_ticket_idx on message_emails (ticket_id);

-- People copied on a ticket's email; they may reply to it too.
create table ticket_participants (
  ticket_id uuid not null references tickets (id) on delete cascade,
  address text not null,
  role text not null default 'cc' check (role in ('cc', 'requester')),
  created_at timestamptz not null default now(),
  primary key (ticket_id, address)
);
create index ticket_participants_address_idx on ticket_participants (address);

-- Addresses that bounced: automatic mail is not sent to them, and agents see the flag.
alter table customer_identities add column bounced_at timestamptz;
alter table customer_identities add column bounce_reason text;

-- Automatic mail sent per address, for the loop guard's rate limit.
create table auto_mail_log (
  id bigint generated always as identity primary key,
  address text not null,
  kind text not null,
  created_at timestamptz not null default now()
);
create index auto_mail_log_address_idx on auto_mail_log (address, created_at desc);
