import { sql, type Kysely } from 'kysely';
import type { Db } from '../src/db/database.ts';
import { createAgent } from '../src/agents/service.ts';
import { firstNames, lastNames, replies, teamNames, type Sentence } from './corpus.ts';

export type SeedOptions = {
  tickets: number;
  kind: 'pglite' | 'postgres';
  sentences: Sentence[];
  admin: { email: string; password: string };
  log: (line: string) => void;
};

export type SeedInfo = {
  tickets: number;
  messages: number;
  customers: number;
  agents: number;
  teamIds: string[];
  /** Emails of existing customers, for ticket creation that finds its requester. */
  sampleEmails: string[];
  seconds: { load: number; indexes: number; vacuumAnalyze: number; total: number };
};

const AGENTS_PER_TEAM = 8;
const BATCH = 50_000;

/** A well-spread non-negative hash of an integer expression, so every row's choices are repeatable. */
const H = (expr: string) => `(hashint4((${expr})::int4)::int8 & 2147483647)`;
const lit = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
// md5 shaped as a version-4 UUID (the API validates the version and variant digits).
const uuidOf = (prefix: string, expr: string) => `overlay(overlay(md5('${prefix}' || (${expr})) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * Fills a freshly migrated workspace with bulk SQL: agents in teams, customers with email identities,
 * N tickets spread over teams, statuses, priorities and two years, each with 3 messages and its created event.
 * Secondary indexes are dropped during the load and rebuilt after it, exactly as the migrations defined them.
 */
export async function seed(db: Db, opts: SeedOptions): Promise<SeedInfo> {
  const started = Date.now();
  const N = opts.tickets;
  const C = Math.max(100, Math.floor(N / 3));
  const T = teamNames.length;
  const A = T * AGENTS_PER_TEAM;
  const { log } = opts;
  const run = (conn: Kysely<unknown>, text: string) => sql.raw(text).execute(conn);

  // The admin first, through the product's own code (argon2 hash, events), so the bench can sign in.
  await createAgent(db, { kind: 'system' }, { email: opts.admin.email, name: 'Bench Admin', role: 'admin', password: opts.admin.password });

  return db.connection().execute(async (conn) => {
    const c = conn as unknown as Kysely<unknown>;
    // Foreign keys are checked by triggers; the generated data is consistent, so the load skips them.
    await run(c, `set session_replication_role = replica; set synchronous_commit = off;
      set maintenance_work_mem = '${opts.kind === 'postgres' ? '1GB' : '256MB'}'`);

    const sorted = [...opts.sentences].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
    const M = sorted.length;
    await run(c, `create temp table bench_corpus (i int primary key, s text not null, topic text not null, cs int, cn int);
      create temp table bench_replies (i int primary key, s text not null)`);
    await sql`insert into bench_corpus (i, s, topic)
      select i - 1, s, t from unnest(${sorted.map((s) => s.text)}::text[], ${sorted.map((s) => s.topic)}::text[]) with ordinality as u(s, t, i)`.execute(c);
    await run(c, `update bench_corpus b set cs = x.cs, cn = x.cn
      from (select topic, min(i) as cs, count(*)::int as cn from bench_corpus group by topic) x where x.topic = b.topic`);
    await sql`insert into bench_replies (i, s) select i - 1, s from unnest(${replies}::text[]) with ordinality as u(s, i)`.execute(c);
    await run(c, 'analyze bench_corpus; analyze bench_replies');

    // Agents, teams (5 × 8 members, the first one leads), the workspace defaults.
    const fn = lit(firstNames);
    const ln = lit(lastNames);
    await run(c, `
      insert into agents (id, email, name, role, skills, availability)
      select ${uuidOf('agent', 'a')}, 'agent' || a || '@support.example.com',
        (${fn})[1 + a % ${firstNames.length}] || ' ' || (${ln})[1 + (a * 7) % ${lastNames.length}], 'agent',
        array['english'], case when a % 10 = 9 then 'away' else 'available' end
      from generate_series(0, ${A - 1}) a;
      insert into teams (id, name, lead_id)
      select ${uuidOf('team', 't - 1')}, name, ${uuidOf('agent', `(t - 1) * ${AGENTS_PER_TEAM}`)}
      from unnest(${lit(teamNames)}) with ordinality as u(name, t);
      insert into team_members (team_id, agent_id)
      select ${uuidOf('team', `a / ${AGENTS_PER_TEAM}`)}, ${uuidOf('agent', 'a')} from generate_series(0, ${A - 1}) a;
      update workspace set default_team_id = ${uuidOf('team', '0')}, default_owner_id = ${uuidOf('agent', '0')};
      insert into organizations (id, name, domains)
      select ${uuidOf('org', 'o')}, (${ln})[1 + o % ${lastNames.length}] || ' Holdings ' || o, array['org' || o || '.example.com']
      from generate_series(0, 499) o`);

    const secondary = await sql<{ name: string; def: string }>`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class t on t.oid = i.indrelid
      where t.relnamespace = 'public'::regnamespace and not i.indisunique and not i.indisprimary
        and t.relname in ('tickets', 'messages', 'events', 'customers', 'customer_identities')`.execute(c);
    for (const ix of secondary.rows) await run(c, `drop index ${ix.name}`);
    log(`dropped ${secondary.rows.length} secondary indexes for the load`);

    for (let lo = 0; lo < C; lo += 100_000) {
      const hi = Math.min(C, lo + 100_000) - 1;
      await run(c, `
        insert into customers (id, name, organization_id, timezone, created_at, updated_at)
        select ${uuidOf('c', 'i')}, (${fn})[1 + ${H('i * 3 + 1')} % ${firstNames.length}] || ' ' || (${ln})[1 + ${H('i * 3 + 2')} % ${lastNames.length}],
          case when i % 5 < 3 then ${uuidOf('org', 'i % 500')} end,
          (array['Europe/London','Europe/Berlin','America/New_York','Asia/Singapore'])[1 + i % 4],
          now() - interval '800 days' + (i::float8 / ${C}) * interval '790 days', now() - interval '10 days'
        from generate_series(${lo}, ${hi}) i;
        insert into customer_identities (customer_id, kind, value, created_at)
        select ${uuidOf('c', 'i')}, 'email',
          lower((${fn})[1 + ${H('i * 3 + 1')} % ${firstNames.length}] || '.' || (${ln})[1 + ${H('i * 3 + 2')} % ${lastNames.length}]) || '.' || i
            || (array['@example.com','@mail.example.org','@example.net','@corp.example.com'])[1 + i % 4],
          now() - interval '800 days' + (i::float8 / ${C}) * interval '790 days'
        from generate_series(${lo}, ${hi}) i;
        insert into customer_identities (customer_id, kind, value)
        select ${uuidOf('c', 'i')}, 'phone', '+4420' || lpad(i::text, 8, '0') from generate_series(${lo}, ${hi}) i where i % 5 = 0`);
    }
    log(`customers: ${C}`);

    const t0 = Date.now();
    for (let lo = 1; lo <= N; lo += BATCH) {
      await insertTicketBatch(c, lo, Math.min(N, lo + BATCH - 1), { N, M, C, T, R: replies.length });
      const done = Math.min(N, lo + BATCH - 1);
      if (done === N || (done / BATCH) % 4 === 0) {
        const rate = Math.round(done / ((Date.now() - t0) / 1000));
        log(`tickets: ${done.toLocaleString('en')} / ${N.toLocaleString('en')} (${rate.toLocaleString('en')} tickets/s with 3 messages each)`);
      }
    }
    const loadSeconds = (Date.now() - started) / 1000;

    const i0 = Date.now();
    for (const ix of secondary.rows) {
      const s = Date.now();
      await run(c, ix.def);
      log(`index ${ix.name}: ${((Date.now() - s) / 1000).toFixed(1)} s`);
    }
    const indexSeconds = (Date.now() - i0) / 1000;
    await run(c, 'reset session_replication_role; reset synchronous_commit; drop table bench_corpus; drop table bench_replies');
    const v0 = Date.now();
    await run(c, 'vacuum analyze');
    const vacuumSeconds = (Date.now() - v0) / 1000;
    log(`vacuum analyze: ${vacuumSeconds.toFixed(1)} s`);

    const emails = await sql<{ value: string }>`
      select value from customer_identities where kind = 'email' and value like '%.example.%' order by ${sql.raw(H('hashtext(value)'))} limit 5000`.execute(c);
    const teams = await sql<{ id: string }>`select id from teams order by name`.execute(c);
    const counts = await sql<{ tickets: number; messages: number }>`
      select (select count(*) from tickets)::int as tickets, (select count(*) from messages)::int as messages`.execute(c);
    return {
      tickets: counts.rows[0]!.tickets,
      messages: counts.rows[0]!.messages,
      customers: C,
      agents: A + 1,
      teamIds: teams.rows.map((r) => r.id),
      sampleEmails: emails.rows.map((r) => r.value),
      seconds: { load: loadSeconds, indexes: indexSeconds, vacuumAnalyze: vacuumSeconds, total: (Date.now() - started) / 1000 },
    };
  });
}

type Sizes = { N: number; M: number; C: number; T: number; R: number };

/** Tickets lo..hi (1-based), then their 3 messages and created events. Recent tickets are mostly open. */
async function insertTicketBatch(c: Kysely<unknown>, lo: number, hi: number, z: Sizes) {
  const recent = Math.floor(z.N * 0.9);
  await sql.raw(`
    insert into tickets (id, subject, status, priority, channel, tags, requester_id, team_id, owner_id,
      created_at, updated_at, solved_at, closed_at)
    select id, subject, status, priority, channel, tags, requester_id, team_id, owner_id, created_at,
      case status when 'closed' then created_at + interval '5 days' when 'solved' then created_at + interval '1 day'
        else created_at + interval '4 hours' end,
      case when status in ('solved', 'closed') then created_at + interval '1 day' end,
      case when status = 'closed' then created_at + interval '5 days' end
    from (
      select g, ${uuidOf('t', 'g')} as id, left(c.s, 200) as subject,
        case when g > ${recent} then
          case when hs < 15 then 'new' when hs < 55 then 'open' when hs < 75 then 'pending' when hs < 80 then 'on_hold' else 'solved' end
        else case when hs < 3 then 'open' when hs < 5 then 'pending' when hs < 15 then 'solved' else 'closed' end
        end as status,
        case when hp < 20 then 'low' when hp < 75 then 'normal' when hp < 95 then 'high' else 'urgent' end as priority,
        case when hc < 60 then 'email' when hc < 80 then 'web' when hc < 90 then 'chat' when hc < 95 then 'api' else 'phone' end as channel,
        case when hp % 20 = 7 then array[c.topic, 'vip'] else array[c.topic] end as tags,
        ${uuidOf('c', 'cust')} as requester_id,
        ${uuidOf('team', 'team')} as team_id,
        ${uuidOf('agent', `team * ${AGENTS_PER_TEAM} + member`)} as owner_id,
        now() - interval '730 days' + (g::float8 / ${z.N}) * interval '729 days' as created_at
      from (
        select g, ${H('g')} % ${z.M} as ci, ${H('g * 7 + 1')} % 100 as hs, ${H('g * 7 + 2')} % 100 as hp, ${H('g * 7 + 3')} % 100 as hc,
          ${H('g * 7 + 4')} % ${z.T} as team, ${H('g * 7 + 5')} % ${AGENTS_PER_TEAM} as member, ${H('g * 7 + 6')} % ${z.C} as cust
        from generate_series(${lo}, ${hi}) g
      ) x join bench_corpus c on c.i = x.ci
    ) y order by g`).execute(c);

  // Message 1: the customer's request; 2: the owner's reply (1 in 5 an internal note); 3: the customer's answer.
  await sql.raw(`
    insert into messages (ticket_id, kind, direction, channel, author_agent_id, author_customer_id, body_text, created_at)
    select t.id,
      case when x.k = 2 and x.g % 5 = 0 then 'note' else 'reply' end,
      case when x.k = 2 then 'outbound' else 'inbound' end,
      t.channel,
      case when x.k = 2 then t.owner_id end,
      case when x.k <> 2 then t.requester_id end,
      case x.k
        when 1 then (array['Hello,','Hi there,','Good morning,','Hi,'])[1 + x.g % 4] || E'\\n\\n' || ca.s || ' ' || s1.s || ' ' || s2.s
          || E'\\n\\n' || (array['Thanks','Kind regards','Best','Cheers'])[1 + x.g % 4]
        when 2 then case when x.g % 5 = 0 then 'Internal: ' || r1.s || ' ' || r2.s
          else E'Hi,\\n\\n' || r1.s || ' ' || r2.s || ' ' || r3.s || E'\\n\\nBest regards,\\nThe support team' end
        else s1.s || ' ' || (array['Thanks for your help.','That did not work, the problem is still there.','Any update on this?','OK, I will wait.'])[1 + x.g % 4]
      end,
      t.created_at + (x.k - 1) * interval '90 minutes'
    from (
      select g, k, ${H('g')} % ${z.M} as ci, ${H('g * 11 + k')} as h1, ${H('g * 13 + k')} as h2,
        ${H('g * 17 + k')} % ${z.R} as r1, ${H('g * 19 + k')} % ${z.R} as r2, ${H('g * 23 + k')} % ${z.R} as r3
      from generate_series(${lo}, ${hi}) g cross join (values (1), (2), (3)) k(k)
    ) x
    join tickets t on t.id = ${uuidOf('t', 'x.g')}
    join bench_corpus ca on ca.i = x.ci
    join bench_corpus s1 on s1.i = ca.cs + x.h1 % ca.cn
    join bench_corpus s2 on s2.i = ca.cs + x.h2 % ca.cn
    join bench_replies r1 on r1.i = x.r1
    join bench_replies r2 on r2.i = x.r2
    join bench_replies r3 on r3.i = x.r3
    order by x.g, x.k`).execute(c);

  await sql.raw(`
    insert into events (action, entity, entity_id, ticket_id, actor_kind, actor_id, after, created_at)
    select 'ticket.created', 'ticket', t.id, t.id, 'customer', t.requester_id,
      jsonb_build_object('number', t.number, 'subject', t.subject, 'status', 'new', 'priority', t.priority,
        'ownerId', t.owner_id, 'teamId', t.team_id, 'routing', 'round_robin'), t.created_at
    from generate_series(${lo}, ${hi}) g join tickets t on t.id = ${uuidOf('t', 'g')}
    order by g`).execute(c);
}

export type MatchCount = { q: string; tickets: number; messages: number };

/** How many subjects and messages each search query matches: the work a search for it has to rank. */
export async function countMatches(db: Db, queries: string[]): Promise<MatchCount[]> {
  const out: MatchCount[] = [];
  for (const q of queries) {
    const r = await sql<{ tickets: number; messages: number }>`
      with query as (select websearch_to_tsquery('english', ${q}) as q)
      select (select count(*) from tickets, query where subject_search @@ query.q)::int as tickets,
        (select count(*) from messages, query where search @@ query.q)::int as messages`.execute(db);
    out.push({ q, ...r.rows[0]! });
  }
  return out;
}
