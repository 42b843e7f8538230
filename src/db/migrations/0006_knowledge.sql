-- Knowledge: help-center articles (with versions and feedback) and macros (canned replies with actions).

create table articles (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(btrim(title)) between 1 and 200),
  -- Lowercase words joined by hyphens; unique per locale (the help center's address of the article).
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
  body text not null check (length(body) <= 200000),
  category text check (category is null or length(btrim(category)) between 1 and 80),
  tags text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'published')),
  locale text not null default 'en' check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  version integer not null default 1 check (version >= 1),
  views bigint not null default 0 check (views >= 0),
  helpful_yes integer not null default 0 check (helpful_yes >= 0),
  helpful_no integer not null default 0 check (helpful_no >= 0),
  created_by uuid references agents (id),
  updated_by uuid references agents (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz
);
create unique index articles_locale_slug_key on articles (locale, slug);
create index articles_status_idx on articles (status, locale, category, title);
create index articles_updated_idx on articles (updated_at desc, id desc);

-- Every saved state of an article: who changed what, and when. Version 1 is the creation.
create table article_versions (
  article_id uuid not null references articles (id) on delete cascade,
  version integer not null,
  title text not null,
  body text not null,
  category text,
  tags text[] not null,
  status text not null,
  changed_by uuid references agents (id),
  changed_at timestamptz not null default now(),
  primary key (article_id, version)
);

-- "Was this helpful?" answers; the counters on articles are kept in the same transaction.
create table article_feedback (
  id uuid primary key default gen_random_uuid(),
  article_id uuid not null references articles (id) on delete cascade,
  helpful boolean not null,
  source text not null default 'help' check (source in ('help', 'portal', 'agent', 'widget')),
  created_at timestamptz not null default now()
);
create index article_feedback_article_idx on article_feedback (article_id, created_at desc);

-- Canned replies: a body with {{placeholders}} rendered with a ticket's data, and actions applied with it
-- ([{"type": "set_status", "status": "pending"}, {"type": "add_tag", "tag": "refund"}]).
create table macros (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 120),
  body text not null check (length(body) <= 50000),
  actions jsonb not null default '[]' check (jsonb_typeof(actions) = 'array'),
  tags text[] not null default '{}',
  active boolean not null default true,
  usage_count integer not null default 0 check (usage_count >= 0),
  created_by uuid references agents (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index macros_name_key on macros (lower(name));
