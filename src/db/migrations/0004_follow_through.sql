-- Follow-through: business hours, SLA policies and clocks, commitments, ETAs, follow-ups, notifications.

-- The workspace's business day (for due times such as "by end of day") and follow-through defaults.
alter table workspace add column day_start text not null default '09:00' check (day_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
alter table workspace add column day_end text not null default '17:00' check (day_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$');
-- A promise that names no time is due by the end of this many business days.
alter table workspace add column commitment_default_days integer not null default 1 check (commitment_default_days between 1 and 30);
-- Minutes one agent needs per inquiry, for the ETA given to customers (queue ahead × this ÷ agents on the team).
alter table workspace add column eta_minutes_per_inquiry integer not null default 10 check (eta_minutes_per_inquiry between 1 and 480);

-- Weekly opening hours in a time zone, with holidays. Periods: [{day 1-7, start 'HH:MM', end 'HH:MM'}].
create table business_calendars (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) > 0),
  time_zone text not null,
  periods jsonb not null,
  holidays jsonb not null default '[]',
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index business_calendars_one_default on business_calendars (is_default) where is_default;
create unique index business_calendars_name_key on business_calendars (lower(name));

insert into business_calendars (name, time_zone, periods, is_default) values (
  'Business hours', 'UTC',
  '[{"day":1,"start":"09:00","end":"17:00"},{"day":2,"start":"09:00","end":"17:00"},{"day":3,"start":"09:00","end":"17:00"},
    {"day":4,"start":"09:00","end":"17:00"},{"day":5,"start":"09:00","end":"17:00"}]',
  true);

-- Targets in business minutes per priority, chosen by conditions; the first matching policy (by position) applies,
-- and the default policy when none matches.
create table sla_policies (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) > 0),
  position integer not null default 100,
  enabled boolean not null default true,
  is_default boolean not null default false,
  calendar_id uuid not null references business_calendars (id),
  -- {teamIds?, channels?, tags?, organizationIds?, plans?}: every condition given must hold.
  conditions jsonb not null default '{}',
  -- {urgent|high|normal|low: {firstResponse, nextResponse, resolution}} in business minutes.
  targets jsonb not null,
  -- A customer or organization promised a response time (expectations.responseTimeMinutes) gets it when shorter.
  honor_expectations boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not is_default or enabled)
);
create unique index sla_policies_one_default on sla_policies (is_default) where is_default;
create unique index sla_policies_name_key on sla_policies (lower(name));

insert into sla_policies (name, position, is_default, calendar_id, targets)
select 'Standard', 1000, true, id,
  '{"urgent":{"firstResponse":60,"nextResponse":120,"resolution":480},
    "high":{"firstResponse":240,"nextResponse":480,"resolution":960},
    "normal":{"firstResponse":480,"nextResponse":960,"resolution":1440},
    "low":{"firstResponse":960,"nextResponse":1920,"resolution":2400}}'
from business_calendars where is_default;

-- One row per ticket and metric. A running clock has running_since and due_at; a paused one paused_at; a stopped
-- one stopped_at (met tells whether in time). elapsed_minutes counts business minutes used before running_since.
create table sla_clocks (
  ticket_id uuid not null references tickets (id) on delete cascade,
  metric text not null check (metric in ('first_response', 'next_response', 'resolution')),
  policy_id uuid references sla_policies (id) on delete set null,
  calendar_id uuid references business_calendars (id) on delete set null,
  target_minutes integer not null check (target_minutes > 0),
  cycle_started_at timestamptz not null,
  running_since timestamptz,
  elapsed_minutes double precision not null default 0,
  paused_at timestamptz,
  due_at timestamptz,
  warn_at timestamptz,
  warned_at timestamptz,
  breached_at timestamptz,
  stopped_at timestamptz,
  met boolean,
  primary key (ticket_id, metric)
);
create index sla_clocks_due_idx on sla_clocks (due_at) where breached_at is null and due_at is not null;
create index sla_clocks_warn_idx on sla_clocks (warn_at) where warned_at is null and warn_at is not null;

-- Who spoke last in public, since when a customer waits on us, the earliest running due time, the ETA given.
alter table tickets add column last_public_from text check (last_public_from in ('customer', 'agent'));
alter table tickets add column waiting_since timestamptz;
alter table tickets add column first_replied_at timestamptz;
alter table tickets add column next_due_at timestamptz;
alter table tickets add column expected_reply_by timestamptz;
-- The first reply time given, kept when an update moves expected_reply_by: ETA accuracy is judged against it.
alter table tickets add column first_expected_reply_by timestamptz;
alter table tickets add column eta_updates integer not null default 0;
-- An acknowledgement with the expected reply time is owed to the customer (email and web form tickets).
alter table tickets add column ack_pending boolean not null default false;
-- "Remind me if the customer hasn't replied by then."
alter table tickets add column follow_up_at timestamptz;
alter table tickets add column follow_up_agent_id uuid references agents (id) on delete set null;
create index tickets_waiting_idx on tickets (waiting_since, id) where waiting_since is not null;
create index tickets_next_due_idx on tickets (next_due_at, id) where next_due_at is not null;
create index tickets_eta_idx on tickets (expected_reply_by) where expected_reply_by is not null and first_replied_at is null;
-- The queue ahead of a new inquiry (for its ETA): the team's tickets still waiting for a first reply, by due time.
create index tickets_first_reply_queue_idx on tickets (team_id, next_due_at) where first_replied_at is null and waiting_since is not null;
create index tickets_follow_up_idx on tickets (follow_up_at) where follow_up_at is not null;
create index tickets_ack_idx on tickets (created_at) where ack_pending;

-- Promises made to customers, tracked until kept, missed or cancelled.
create table commitments (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  owner_id uuid not null references agents (id),
  message_id uuid references messages (id) on delete set null,
  text text not null check (length(btrim(text)) > 0),
  action text,
  due_at timestamptz not null,
  -- false when the promise named no time and the workspace default applied.
  due_stated boolean not null default true,
  status text not null default 'open' check (status in ('open', 'kept', 'missed', 'cancelled')),
  source text not null check (source in ('reply', 'manual')),
  remind_at timestamptz,
  reminded_at timestamptz,
  missed_at timestamptz,
  completed_at timestamptz,
  created_by_id uuid references agents (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index commitments_ticket_idx on commitments (ticket_id, due_at);
create index commitments_owner_idx on commitments (owner_id, status, due_at);
create index commitments_due_idx on commitments (due_at) where status = 'open';
create index commitments_remind_idx on commitments (remind_at) where status = 'open' and reminded_at is null;

-- What an agent is told: SLA warnings and breaches, commitment reminders and escalations, follow-ups.
create table notifications (
  id uuid primary key default gen_random_uuid(),
  agent_id uuid not null references agents (id) on delete cascade,
  kind text not null,
  ticket_id uuid references tickets (id) on delete cascade,
  commitment_id uuid references commitments (id) on delete cascade,
  body text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notifications_agent_idx on notifications (agent_id, created_at desc);

-- Existing tickets: who spoke last in public, so "waiting on us" holds from the start.
with last as (
  select distinct on (ticket_id) ticket_id, direction, created_at
  from messages where kind = 'reply'
  order by ticket_id, created_at desc, id desc
)
update tickets t set
  last_public_from = case when last.direction = 'inbound' then 'customer' else 'agent' end,
  waiting_since = case when last.direction = 'inbound' then last.created_at end
from last where last.ticket_id = t.id;
