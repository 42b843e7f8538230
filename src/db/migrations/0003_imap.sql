-- IMAP polling: a mailbox hosted elsewhere, read by Heed. One row per mailbox that is polled.

create table mailbox_imap (
  mailbox_id uuid primary key references mailboxes (id) on delete cascade,
  host text not null check (length(btrim(host)) > 0),
  port integer not null check (port between 1 and 65535),
  secure boolean not null default true,
  username text not null check (length(username) > 0),
  -- Kept as given: IMAP needs the password itself, so it cannot be hashed. Never sent back by the API.
  password text not null,
  folder text not null default 'INBOX' check (length(btrim(folder)) > 0),
  after_import text not null default 'seen' check (after_import in ('seen', 'move', 'delete')),
  move_to text,
  enabled boolean not null default true,
  -- Where the import stands: messages of this folder with a UID above last_uid are not imported yet.
  -- A different UIDVALIDITY on the server means the UIDs were renumbered, and the import starts over.
  uidvalidity bigint,
  last_uid bigint not null default 0 check (last_uid >= 0),
  last_polled_at timestamptz,
  last_error text,
  -- A poll holds the mailbox until lease_until, so two Heed processes never poll it at once;
  -- a poll that died lets go when the lease runs out.
  lease_token uuid,
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (after_import <> 'move' or length(btrim(coalesce(move_to, ''))) > 0),
  check (move_to is null or move_to <> folder)
);
