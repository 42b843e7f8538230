/**
 * `heed demo`: fills a workspace with a living help desk to explore. Every row is written through the domain
 * functions (so each has its audit events); afterwards the timestamps of what this run created are moved back,
 * so the tickets look like 60 days of work. Running it again reuses the demo agents, teams, organizations and
 * customers and adds another batch of tickets.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { createAgent, updateAgent } from '../agents/service.ts';
import { createTeam, getTeam, updateTeam } from '../agents/teams.ts';
import { createOrganization } from '../customers/organizations.ts';
import { createCustomer } from '../customers/service.ts';
import type { Db } from '../db/database.ts';
import type { Agent, Channel, Priority, Role, Ticket, TicketStatus } from '../db/types.ts';
import { recordEvent, type Actor } from '../events/record.ts';
import { HeedError } from '../http/errors.ts';
import { acceptHandoff, declineHandoff, requestHandoff } from '../tickets/handoff.ts';
import { addAgentMessage, addCustomerMessage } from '../tickets/messages.ts';
import { openTicket, updateTicket } from '../tickets/service.ts';
import * as C from './content.ts';

const SYSTEM: Actor = { kind: 'system' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPAN_DAYS = 60;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

// ---------------------------------------------------------------------------------------------------------------
// Randomness: seeded, so a demo looks the same every time.

type Rng = ReturnType<typeof makeRng>;

function makeRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(next() * xs.length)]!;
  };
  return {
    next,
    pick,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    /** A value spread evenly on a log scale: most waits are short, a few are long. */
    logBetween: (lo: number, hi: number) => Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo))),
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of entries) {
        r -= w;
        if (r < 0) return v;
      }
      return entries[entries.length - 1]![0];
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers.

function loadQuestions(): Map<string, string[]> {
  const raw = JSON.parse(fs.readFileSync(new URL('./banking77-sample.json', import.meta.url), 'utf8')) as {
    intents?: Record<string, unknown>;
  };
  const out = new Map<string, string[]>();
  for (const intent of Object.keys(C.INTENTS)) {
    const qs = raw.intents?.[intent];
    if (!Array.isArray(qs) || qs.length === 0 || !qs.every((q) => typeof q === 'string' && q.trim())) {
      throw new Error(`src/demo/banking77-sample.json has no questions for the intent ${intent}`);
    }
    out.set(intent, qs as string[]);
  }
  return out;
}

/** A subject from a question: its first real sentence, cut at a clause (or a word) to about 70 characters. */
function subjectFrom(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim().replace(/^(hi|hello|hey)\b[,.!]?\s*/i, '');
  const sentences = (text.match(/[^.?!]+[.?!]*/g) ?? [text]).map((s) => s.trim()).filter(Boolean);
  let s = sentences.find((x) => x.replace(/[^a-z]/gi, '').length >= 12) ?? text;
  s = s.replace(/[.!]+$/, '').trim();
  if (s.length > 70) {
    const comma = s.lastIndexOf(',', 70);
    if (comma >= 25) s = s.slice(0, comma);
    else {
      const space = s.lastIndexOf(' ', 68);
      s = `${s.slice(0, space > 30 ? space : 68).replace(/[,;:]$/, '')}…`;
    }
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const tagOf = (intent: string) => intent.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
const demoEmail = (handle: string) => `${handle}@${C.DEMO_DOMAIN}`;
const firstName = (name: string | null | undefined) => (name ?? '').split(' ')[0] || 'there';

// ---------------------------------------------------------------------------------------------------------------
// What the run creates, and the times it should appear to have happened at.

type TeamInfo = { key: C.TeamKey; id: string; name: string; leadId: string | null; memberIds: string[] };

type Cust = {
  id: string;
  name: string;
  first: string;
  vip: boolean;
  weight: number;
};

type Live = {
  id: string;
  status: TicketStatus;
  ownerId: string;
  teamId: string | null;
  priority: Priority;
  tags: string[];
  channel: Channel;
  requester: Cust;
  intent: string;
  questions: string[];
  createdAt: Date;
  updatedAt: Date;
  solvedAt: Date | null;
  closedAt: Date | null;
  handoffPending: boolean;
  followUp: boolean;
};

type Step = { gap: number; run: (t: Live, at: Date) => Promise<void> };

type HandoffKind = 'none' | 'escalate' | 'bounce' | 'pending';

type Plan = {
  at: Date;
  intent: string;
  question: string;
  requester: Cust;
  channel: Channel;
  priority: Priority;
  final: TicketStatus;
  untriaged: boolean;
  handoff: HandoffKind;
};

export async function seedDemo(db: Db, opts: { tickets: number; log: (line: string) => void }): Promise<string> {
  const started = Date.now();
  const seeder = new Seeder(db, opts.log);
  return seeder.run(Math.max(0, Math.floor(opts.tickets)), started);
}

class Seeder {
  private readonly rng = makeRng(77);
  private readonly now = Date.now();
  private readonly questions = loadQuestions();

  private agents = new Map<string, Agent>(); // by id, every active agent
  private demoAgents = new Map<string, Agent>(); // by handle
  private teams = new Map<C.TeamKey, TeamInfo>();
  private defaultTeamId: string | null = null;
  private customers: Cust[] = [];

  // Rows this run created, for backdating.
  private created = {
    agents: [] as string[],
    teams: [] as string[],
    organizations: [] as string[],
    customers: [] as string[],
    workspace: false,
  };
  private tickets: Live[] = [];
  private ticketEvents = new Map<string, Date[]>();
  private messageTimes: { id: string; at: Date }[] = [];
  private handoffTimes = new Map<string, { created: Date; resolved: Date | null }>();
  private firstTicketOf = new Map<string, Date>();
  private followUpQueue: { at: Date; original: Live }[] = [];

  private counts = {
    messages: 0,
    notes: 0,
    handoffsAccepted: 0,
    handoffsDeclined: 0,
    handoffsPending: 0,
    followUps: 0,
    skipped: 0,
  };

  constructor(
    private readonly db: Db,
    private readonly log: (line: string) => void,
  ) {}

  async run(ticketCount: number, started: number): Promise<string> {
    const startEventId = await this.db
      .selectFrom('events')
      .select(sql<number>`coalesce(max(id), 0)::int8`.as('id'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.id));

    await this.ensureAgents();
    await this.ensureTeams();
    const orgs = await this.ensureOrganizations();
    await this.ensureCustomers(orgs);
    await this.seedTickets(ticketCount);
    await this.setAvailability();
    await this.backdate(startEventId);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return this.summary(seconds);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Agents, teams, organizations, customers: found by email or name, created when missing.

  private async ensureAgents() {
    const anyAdmin = await this.db
      .selectFrom('agents')
      .select('id')
      .where('role', '=', 'admin')
      .where('active', '=', true)
      .limit(1)
      .executeTakeFirst();
    const demoAdmin = await this.db.selectFrom('agents').select('id').where('email', '=', demoEmail(C.ADMIN.handle)).executeTakeFirst();
    const specs: { spec: C.DemoAgent; role: Role }[] = C.AGENTS.map((spec) => ({ spec, role: 'agent' as Role }));
    if (!anyAdmin || demoAdmin) specs.unshift({ spec: C.ADMIN, role: 'admin' });

    this.log(`Demo agents (password for new ones: ${C.DEMO_PASSWORD}):`);
    for (const { spec, role } of specs) {
      const email = demoEmail(spec.handle);
      let agent = await this.db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirst();
      let how = 'existing, password unchanged';
      if (!agent) {
        agent = await createAgent(this.db, SYSTEM, { email, name: spec.name, role, password: C.DEMO_PASSWORD, skills: spec.skills });
        this.created.agents.push(agent.id);
        how = 'new';
      } else if (!agent.active) {
        agent = await updateAgent(this.db, SYSTEM, agent.id, { active: true });
        how = 'existing, reactivated';
      }
      this.demoAgents.set(spec.handle, agent);
      this.log(`  ${email}  ${agent.name} (${agent.role}; ${how})`);
    }
    await this.loadAgents();
  }

  private async loadAgents() {
    const rows = await this.db.selectFrom('agents').selectAll().where('active', '=', true).execute();
    this.agents = new Map(rows.map((a) => [a.id, a]));
  }

  private demoAgentId(handle: string): string {
    const a = this.demoAgents.get(handle);
    if (!a) throw new Error(`demo agent ${handle} is missing`);
    return a.id;
  }

  private async ensureTeams() {
    for (const [key, spec] of Object.entries(C.TEAMS) as [C.TeamKey, (typeof C.TEAMS)[C.TeamKey]][]) {
      const leadId = this.demoAgentId(spec.lead);
      const memberIds = spec.members.map((h) => this.demoAgentId(h));
      const existing = await this.db
        .selectFrom('teams')
        .select('id')
        .where(sql<string>`lower(name)`, '=', spec.name.toLowerCase())
        .executeTakeFirst();
      let team;
      if (!existing) {
        team = await createTeam(this.db, SYSTEM, { name: spec.name, leadId, memberIds });
        this.created.teams.push(team.id);
      } else {
        const current = await getTeam(this.db, existing.id);
        const missing = [leadId, ...memberIds].filter((id) => !current.member_ids.includes(id));
        team = missing.length ? await updateTeam(this.db, SYSTEM, existing.id, { memberIds: [...current.member_ids, ...new Set(missing)] }) : current;
      }
      this.teams.set(key, { key, id: team.id, name: team.name, leadId: team.lead_id, memberIds: team.member_ids });
    }

    const ws = await this.db.selectFrom('workspace').select('default_team_id').executeTakeFirstOrThrow();
    if (ws.default_team_id) {
      this.defaultTeamId = ws.default_team_id;
    } else {
      const team = this.team(C.DEFAULT_TEAM);
      await this.db.transaction().execute(async (tx) => {
        await tx.updateTable('workspace').set({ default_team_id: team.id }).execute();
        await recordEvent(tx, {
          action: 'workspace.updated',
          entity: 'workspace',
          entityId: NIL_UUID,
          actor: SYSTEM,
          before: { default_team_id: null },
          after: { default_team_id: team.id },
        });
      });
      this.defaultTeamId = team.id;
      this.created.workspace = true;
    }
    const name = (id: string | null) => [...this.teams.values()].find((t) => t.id === id)?.name ?? 'another team';
    this.log(
      `Teams: ${[...this.teams.values()].map((t) => `${t.name} (${t.memberIds.length} members)`).join(', ')}; default team ${name(this.defaultTeamId)}.`,
    );
  }

  private team(key: C.TeamKey): TeamInfo {
    const t = this.teams.get(key);
    if (!t) throw new Error(`demo team ${key} is missing`);
    return t;
  }

  private async ensureOrganizations(): Promise<Map<string, { id: string; vip: boolean }>> {
    const out = new Map<string, { id: string; vip: boolean }>();
    const existing = await this.db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where(
        sql<string>`lower(name)`,
        'in',
        C.ORGANIZATIONS.map((o) => o.name.toLowerCase()),
      )
      .execute();
    const byName = new Map(existing.map((o) => [o.name.toLowerCase(), o.id]));
    for (const o of C.ORGANIZATIONS) {
      let id = byName.get(o.name.toLowerCase());
      if (!id) {
        const org = await createOrganization(this.db, SYSTEM, {
          name: o.name,
          domains: [o.domain],
          notes: o.notes ?? null,
          attributes: o.attributes,
          expectations: o.expectations ?? {},
        });
        id = org.id;
        this.created.organizations.push(id);
      }
      out.set(o.domain, { id, vip: Boolean(o.expectations?.responseTimeMinutes) });
    }
    this.log(`Organizations: ${out.size} (${this.created.organizations.length} new).`);
    return out;
  }

  private async ensureCustomers(orgs: Map<string, { id: string; vip: boolean }>) {
    // A separate generator, so that the same customers come out however many tickets are asked for.
    const rng = makeRng(150);
    const used = new Set<string>();
    const specs: {
      name: string;
      email: string;
      phones?: string[];
      externalIds?: string[];
      organizationId?: string;
      timezone?: string;
      attributes: Record<string, unknown>;
      expectations?: C.DemoOrganization['expectations'];
      vip: boolean;
      weight: number;
    }[] = [];
    const agentNames = C.AGENTS.map((a) => a.name);
    for (let i = 0; i < 150; i++) {
      const first = rng.pick(C.FIRST_NAMES);
      const last = rng.pick(C.LAST_NAMES);
      const org = i % 3 === 0 ? rng.pick(C.ORGANIZATIONS) : undefined;
      const domain = org?.domain ?? rng.pick(C.PERSONAL_DOMAINS);
      let local = `${ascii(first)}.${ascii(last)}`;
      if (used.has(`${local}@${domain}`)) local = `${local}${rng.int(2, 99)}`;
      if (used.has(`${local}@${domain}`)) continue;
      used.add(`${local}@${domain}`);
      const plan = org ? undefined : rng.weighted([['Standard', 60], ['Plus', 22], ['Premium', 13], ['Metal', 5]] as const);
      const attributes: Record<string, unknown> = org
        ? { role: rng.pick(['Finance', 'Operations', 'Office manager', 'Founder', 'Accounts payable']) }
        : { plan, country: rng.weighted([['GB', 70], ['IE', 8], ['FR', 6], ['ES', 6], ['DE', 6], ['PT', 4]] as const) };
      let expectations: C.DemoOrganization['expectations'];
      if ((plan === 'Premium' || plan === 'Metal') && rng.chance(0.7)) {
        expectations = {
          plan,
          responseTimeMinutes: plan === 'Metal' ? 30 : 60,
          ...(rng.chance(0.5) ? { namedContact: rng.pick(agentNames) } : {}),
          ...(rng.chance(0.6) ? { promises: [rng.pick(C.PERSONAL_PROMISES)] } : {}),
        };
      } else if (org && rng.chance(0.1)) {
        expectations = { namedContact: rng.pick(agentNames), promises: ['Calls back rather than emails: prefers the phone'] };
      }
      specs.push({
        name: `${first} ${last}`,
        email: `${local}@${domain}`,
        phones: rng.chance(0.4) ? [`+44 7700 900${String(i).padStart(3, '0')}`] : undefined,
        externalIds: rng.chance(0.5) ? [`ACC-${204810 + i * 13}`] : undefined,
        organizationId: org ? orgs.get(org.domain)?.id : undefined,
        timezone: rng.chance(0.75) ? rng.pick(C.TIMEZONES) : undefined,
        attributes,
        expectations,
        vip: Boolean(expectations?.responseTimeMinutes) || Boolean(org && orgs.get(org.domain)?.vip),
        weight: rng.logBetween(0.3, 8),
      });
    }

    const existing = await this.db
      .selectFrom('customer_identities as i')
      .innerJoin('customers as c', 'c.id', 'i.customer_id')
      .select(['i.value', 'c.id', 'c.name'])
      .where('i.kind', '=', 'email')
      .where(
        'i.value',
        'in',
        specs.map((s) => s.email),
      )
      .execute();
    const byEmail = new Map(existing.map((e) => [e.value, e]));
    for (const s of specs) {
      const found = byEmail.get(s.email);
      let id = found?.id;
      let name = found?.name ?? s.name;
      if (!id) {
        const { vip: _vip, weight: _weight, email, ...input } = s;
        try {
          id = (await createCustomer(this.db, SYSTEM, { ...input, emails: [email] })).id;
        } catch (err) {
          // A phone number or external id already belongs to someone else: keep just the email address.
          if (!(err instanceof HeedError) || err.code !== 'already_exists') throw err;
          try {
            id = (await createCustomer(this.db, SYSTEM, { ...input, phones: undefined, externalIds: undefined, emails: [email] })).id;
          } catch (again) {
            if (!(again instanceof HeedError) || again.code !== 'already_exists') throw again;
            continue;
          }
        }
        this.created.customers.push(id);
        name = s.name;
      }
      this.customers.push({ id, name: name ?? s.name, first: firstName(name ?? s.name), vip: s.vip, weight: s.weight });
    }
    this.log(`Customers: ${this.customers.length} (${this.created.customers.length} new).`);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Tickets.

  private plannedTimes(count: number): Date[] {
    const rng = this.rng;
    const out: Date[] = [];
    let guard = 0;
    while (out.length < count && guard++ < count * 200) {
      const daysAgo = rng.next() * SPAN_DAYS;
      const day = new Date(this.now - daysAgo * DAY);
      const dow = day.getUTCDay();
      let w = dow === 0 || dow === 6 ? 0.45 : 1;
      w *= 0.65 + 0.35 * (1 - daysAgo / SPAN_DAYS); // the desk is growing
      if (daysAgo < 3) w *= 1.6; // and busy this week
      if (rng.next() > w / 1.6) continue;
      const hour = rng.weighted([[6, 2], [7, 4], [8, 7], [9, 9], [10, 9], [11, 9], [12, 8], [13, 8], [14, 8], [15, 8], [16, 7], [17, 6], [18, 5], [19, 4], [20, 3], [21, 2], [22, 1]] as const);
      day.setUTCHours(hour, rng.int(0, 59), rng.int(0, 59), rng.int(0, 999));
      if (day.getTime() > this.now - 10 * MINUTE) continue;
      out.push(day);
    }
    while (out.length < count) out.push(new Date(this.now - rng.next() * SPAN_DAYS * DAY));
    return out.sort((a, b) => a.getTime() - b.getTime());
  }

  private finalStatus(ageHours: number): TicketStatus {
    const w = this.rng.weighted.bind(this.rng);
    if (ageHours < 8) return w([['new', 55], ['open', 22], ['pending', 13], ['solved', 10]] as const);
    if (ageHours < 48) return w([['new', 14], ['open', 28], ['pending', 24], ['on_hold', 8], ['solved', 26]] as const);
    if (ageHours < 24 * 7) return w([['open', 14], ['pending', 18], ['on_hold', 10], ['solved', 33], ['closed', 25]] as const);
    return w([['open', 5], ['pending', 6], ['on_hold', 6], ['solved', 10], ['closed', 73]] as const);
  }

  private priorityFor(info: C.IntentInfo, vip: boolean): Priority {
    const w = this.rng.weighted.bind(this.rng);
    let p: Priority =
      info.urgency === 'urgent'
        ? w([['urgent', 6], ['high', 4]] as const)
        : info.urgency === 'high'
          ? w([['high', 6], ['normal', 4]] as const)
          : info.urgency === 'low'
            ? w([['low', 6], ['normal', 4]] as const)
            : w([['normal', 80], ['low', 8], ['high', 10], ['urgent', 2]] as const);
    if (vip && p === 'normal' && this.rng.chance(0.4)) p = 'high';
    return p;
  }

  private makePlans(count: number): Plan[] {
    const rng = this.rng;
    const intents = Object.keys(C.INTENTS);
    const totalWeight = this.customers.reduce((s, c) => s + c.weight, 0);
    const pickCustomer = () => {
      let r = rng.next() * totalWeight;
      for (const c of this.customers) {
        r -= c.weight;
        if (r < 0) return c;
      }
      return this.customers[this.customers.length - 1]!;
    };
    const plans: Plan[] = this.plannedTimes(count).map((at) => {
      const intent = rng.pick(intents);
      const info = C.INTENTS[intent]!;
      const requester = pickCustomer();
      return {
        at,
        intent,
        question: rng.pick(this.questions.get(intent)!),
        requester,
        channel: rng.weighted([['email', 45], ['web', 20], ['chat', 22], ['api', 5], ['phone', 8]] as const),
        priority: this.priorityFor(info, requester.vip),
        final: this.finalStatus((this.now - at.getTime()) / HOUR),
        untriaged: rng.chance(0.1),
        handoff: 'none',
      };
    });
    // Handoffs: a few bounced tickets (3+ handoffs), some escalations, a few still waiting for an answer.
    const older = plans.filter((p) => p.final !== 'new' && this.now - p.at.getTime() > DAY);
    const bounces = Math.min(older.length, Math.max(count >= 40 ? 3 : 0, Math.round(count * 0.015)));
    for (let i = 0; i < bounces; i++) {
      const candidates = older.filter((p) => p.handoff === 'none');
      if (candidates.length) rng.pick(candidates).handoff = 'bounce';
    }
    for (const p of plans) {
      if (p.handoff !== 'none') continue;
      if (p.final !== 'new' && rng.chance(0.07)) p.handoff = 'escalate';
      else if ((p.final === 'open' || p.final === 'pending') && rng.chance(0.06)) p.handoff = 'pending';
    }
    return plans;
  }

  private async seedTickets(count: number) {
    if (this.customers.length === 0) throw new Error('no demo customers to open tickets for');
    const followUpTarget = Math.floor(count * 0.04);
    const plans = this.makePlans(count - followUpTarget);
    let done = 0;
    const progress = () => {
      done++;
      if (done % 100 === 0) this.log(`  ${done} tickets…`);
    };
    this.log(`Opening ${count} tickets over the last ${SPAN_DAYS} days…`);
    for (const plan of plans) {
      await this.flushFollowUps(plan.at, followUpTarget, progress);
      const live = await this.playTicket(plan);
      progress();
      if (live?.status === 'closed' && live.closedAt && this.counts.followUps + this.followUpQueue.length < followUpTarget && this.rng.chance(0.2)) {
        const at = new Date(live.closedAt.getTime() + this.rng.logBetween(DAY, 12 * DAY));
        if (at.getTime() < this.now - 30 * MINUTE) this.followUpQueue.push({ at, original: live });
      }
    }
    await this.flushFollowUps(new Date(this.now), followUpTarget, progress);
    // Too few closed tickets came back: open the rest as ordinary tickets.
    const missing = count - this.tickets.length;
    if (missing > 0) {
      for (const plan of this.makePlans(missing)) {
        await this.playTicket(plan);
        progress();
      }
    }
  }

  private async flushFollowUps(until: Date, target: number, progress: () => void) {
    this.followUpQueue.sort((a, b) => a.at.getTime() - b.at.getTime());
    while (this.followUpQueue.length && this.followUpQueue[0]!.at <= until) {
      const { at, original } = this.followUpQueue.shift()!;
      if (this.counts.followUps >= target) continue;
      await this.playFollowUp(original, at);
      progress();
    }
  }

  /** Opens one ticket and plays its conversation; undefined when the ticket could not be opened. */
  private async playTicket(plan: Plan): Promise<Live | undefined> {
    const info = C.INTENTS[plan.intent]!;
    const group: C.ReplyGroup = C.GROUPS[info.group];
    const intentTeam = this.team(info.team);
    const tags = [tagOf(plan.intent), ...group.tags, ...(plan.requester.vip ? ['vip'] : [])];
    const customer: Actor = { kind: 'customer', id: plan.requester.id };
    const input = {
      subject: subjectFrom(plan.question),
      body: this.customerBody(plan.channel, plan.requester, plan.question, true),
      requesterId: plan.requester.id,
      channel: plan.channel,
      priority: plan.priority,
      tags,
      customFields: { intent: plan.intent },
      teamId: plan.untriaged ? undefined : intentTeam.id,
    };
    let opened: { ticket: Ticket; messageId: string };
    try {
      opened = await this.db.transaction().execute((tx) => openTicket(tx, customer, input));
    } catch (err) {
      // The workspace's default team may have nobody to route to: give the ticket to its intent's team instead.
      if (!(err instanceof HeedError) || !plan.untriaged) throw err;
      opened = await this.db.transaction().execute((tx) => openTicket(tx, customer, { ...input, teamId: intentTeam.id }));
    }
    const { ticket, messageId } = opened;
    const live: Live = {
      id: ticket.id,
      status: ticket.status,
      ownerId: ticket.owner_id,
      teamId: ticket.team_id,
      priority: ticket.priority,
      tags: ticket.tags,
      channel: plan.channel,
      requester: plan.requester,
      intent: plan.intent,
      questions: this.questions.get(plan.intent)!,
      createdAt: plan.at,
      updatedAt: plan.at,
      solvedAt: null,
      closedAt: null,
      handoffPending: false,
      followUp: false,
    };
    this.tickets.push(live);
    this.event(live.id, plan.at);
    this.messageTimes.push({ id: messageId, at: plan.at });
    this.counts.messages++;
    if (!this.firstTicketOf.has(plan.requester.id)) this.firstTicketOf.set(plan.requester.id, plan.at);

    await this.play(live, plan.at, this.script(plan, live, group, info));
    return live;
  }

  private async playFollowUp(original: Live, at: Date) {
    const rng = this.rng;
    const question = rng.pick(original.questions);
    const result = await addCustomerMessage(this.db, { kind: 'customer', id: original.requester.id }, {
      ticketId: original.id,
      body: this.customerBody(original.channel, original.requester, `${rng.pick(C.STILL_BROKEN)}${question}`, false),
      channel: original.channel,
    });
    if (!result.followUp) throw new Error('expected a follow-up ticket');
    const t = result.ticket;
    const live: Live = {
      ...original,
      id: t.id,
      status: t.status,
      ownerId: t.owner_id,
      teamId: t.team_id,
      priority: t.priority,
      tags: t.tags,
      createdAt: at,
      updatedAt: at,
      solvedAt: null,
      closedAt: null,
      handoffPending: false,
      followUp: true,
    };
    this.tickets.push(live);
    this.event(live.id, at);
    this.messageTimes.push({ id: result.message.id, at });
    this.counts.messages++;
    this.counts.followUps++;
    const info = C.INTENTS[live.intent]!;
    const group: C.ReplyGroup = C.GROUPS[info.group];
    const steps: Step[] = [];
    const roll = rng.next();
    if (roll < 0.5) steps.push(this.reply(live.priority, () => rng.pick(C.ACKS)));
    else if (roll < 0.8) steps.push(this.reply(live.priority, () => info.solve ?? group.solve, 'solved'));
    await this.play(live, at, steps);
  }

  /** Runs the steps, spaced by their gaps; squeezes them to end before now, and drops a closing that would be in the future. */
  private async play(live: Live, start: Date, steps: Step[]) {
    let total = steps.reduce((s, st) => s + st.gap, 0);
    const available = this.now - MINUTE - start.getTime();
    if (total > available) {
      const last = steps[steps.length - 1];
      if (last && (last as Step & { closing?: boolean }).closing) {
        steps = steps.slice(0, -1);
        total = steps.reduce((s, st) => s + st.gap, 0);
      }
    }
    const scale = total > available ? Math.max(0, available) / total : 1;
    let t = start.getTime();
    for (const step of steps) {
      t += step.gap * scale;
      const at = new Date(Math.max(t, live.updatedAt.getTime() + 1000));
      try {
        await step.run(live, at);
      } catch (err) {
        if (!(err instanceof HeedError)) throw err;
        this.counts.skipped++;
        if (this.counts.skipped <= 5) this.log(`  (skipped a step on a ticket: ${err.message})`);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Conversation scripts.

  private agentGap(priority: Priority): number {
    const [lo, hi] = ({ urgent: [4, 40], high: [12, 180], normal: [25, 480], low: [60, 1440] } as const)[priority];
    return this.rng.logBetween(lo, hi) * MINUTE;
  }
  private customerGap = () => this.rng.logBetween(8, 1800) * MINUTE;

  private script(plan: Plan, live: Live, group: C.ReplyGroup, info: C.IntentInfo): Step[] {
    const rng = this.rng;
    const p = plan.priority;
    const solve = () => info.solve ?? group.solve;
    const other = () => rng.pick(live.questions.filter((q) => q !== plan.question).length ? live.questions.filter((q) => q !== plan.question) : live.questions);
    const steps: Step[] = [];

    switch (plan.final) {
      case 'new':
        if (rng.chance(0.3)) steps.push(this.customer(`${rng.pick(C.CHASERS)}${other()}`));
        if (rng.chance(0.15)) steps.push(this.note(p, () => group.note));
        break;
      case 'open': {
        const roll = rng.next();
        if (roll < 0.4) {
          steps.push(this.reply(p, () => rng.pick(C.ACKS)));
          if (rng.chance(0.4)) steps.push(this.note(p, () => group.note));
        } else if (roll < 0.7) {
          steps.push(this.reply(p, () => group.ask, 'pending'), this.customer(group.answer));
        } else if (roll < 0.85) {
          steps.push(this.note(p, () => group.note), this.reply(p, () => rng.pick(C.ACKS)));
        } else {
          steps.push(this.reply(p, solve, 'solved'), this.customer(`${rng.pick(C.STILL_BROKEN)}${other()}`));
        }
        break;
      }
      case 'pending':
        if (rng.chance(0.3)) steps.push(this.note(p, () => group.note));
        steps.push(this.reply(p, () => group.ask, 'pending'));
        break;
      case 'on_hold':
        if (rng.chance(0.6)) steps.push(this.reply(p, () => group.ask, 'pending'), this.customer(group.answer));
        else steps.push(this.reply(p, () => rng.pick(C.ACKS)));
        steps.push(this.note(p, () => group.hold ?? C.GENERIC_HOLD, 'on_hold'));
        break;
      case 'solved':
      case 'closed': {
        const roll = rng.next();
        if (roll < 0.35) steps.push(this.reply(p, solve, 'solved'));
        else if (roll < 0.85) steps.push(this.reply(p, () => group.ask, 'pending'), this.customer(group.answer), this.reply(p, solve, 'solved'));
        else steps.push(this.note(p, () => group.note), this.reply(p, solve, 'solved'));
        break;
      }
    }

    // Handoffs come after the first thing an agent did (or first, on a ticket nobody has touched).
    const handoffs: Step[] = [];
    if (plan.untriaged) handoffs.push(this.reroute(plan, info.team));
    if (plan.handoff === 'escalate') handoffs.push(this.escalate(p));
    if (plan.handoff === 'bounce') handoffs.push(this.bounce());
    const at = handoffs.length && plan.untriaged ? 0 : Math.min(1, steps.length);
    steps.splice(at, 0, ...handoffs);
    if (plan.handoff === 'pending') steps.push(this.leavePending(p));

    if (plan.final === 'closed') {
      const close: Step & { closing?: boolean } = {
        gap: this.rng.logBetween(2 * DAY, 4 * DAY),
        run: async (t, when) => {
          const ticket = await updateTicket(this.db, this.agentActor(t.ownerId), t.id, { status: 'closed' });
          this.ticketChanged(t, when, ticket);
        },
        closing: true,
      };
      steps.push(close);
    }
    return steps;
  }

  private customer(text: string): Step {
    return {
      gap: this.customerGap(),
      run: async (t, at) => {
        const r = await addCustomerMessage(this.db, { kind: 'customer', id: t.requester.id }, {
          ticketId: t.id,
          body: this.customerBody(t.channel, t.requester, this.fill(text), false),
          channel: t.channel,
        });
        if (r.followUp) throw new Error('a demo conversation wrote to a closed ticket');
        this.messageAdded(t, at, r.message.id, r.ticket);
      },
    };
  }

  private reply(priority: Priority, text: () => string, status?: TicketStatus): Step {
    return {
      gap: this.agentGap(priority),
      run: async (t, at) => {
        const r = await addAgentMessage(this.db, { ticketId: t.id, agentId: t.ownerId, kind: 'reply', body: this.agentBody(t, this.fill(text())), status });
        this.messageAdded(t, at, r.message.id, r.ticket);
      },
    };
  }

  private note(priority: Priority, text: () => string, status?: TicketStatus): Step {
    return {
      gap: this.agentGap(priority) / 2,
      run: async (t, at) => {
        const r = await addAgentMessage(this.db, { ticketId: t.id, agentId: t.ownerId, kind: 'note', body: this.fill(text()), status });
        this.messageAdded(t, at, r.message.id, r.ticket);
        this.counts.notes++;
      },
    };
  }

  /** An untriaged ticket in the default team goes to the team its question belongs to. */
  private reroute(plan: Plan, teamKey: C.TeamKey): Step {
    const rng = this.rng;
    const target = this.team(teamKey);
    const outcome = plan.final === 'new' && rng.chance(0.5) ? 'pending' : rng.chance(0.85) ? 'accept' : 'decline';
    return {
      gap: this.agentGap(plan.priority),
      run: async (t, at) => {
        if (t.teamId === target.id || t.handoffPending) return;
        const note = this.fill(rng.pick(C.REROUTE_NOTES)).replace('{team}', target.name);
        await this.handoff(t, at, { toTeamId: target.id, note }, outcome);
      },
    };
  }

  /** The owner asks a lead (or a colleague) to take the ticket over. */
  private escalate(priority: Priority): Step {
    const rng = this.rng;
    const accept = rng.chance(0.65);
    return {
      gap: this.agentGap(priority),
      run: async (t, at) => {
        if (t.handoffPending) return;
        const team = [...this.teams.values()].find((x) => x.id === t.teamId);
        let to = team?.leadId && team.leadId !== t.ownerId && this.agents.has(team.leadId) ? team.leadId : undefined;
        to ??= rng.pick([...(team?.memberIds ?? []), ...this.adminIds()].filter((id) => id !== t.ownerId && this.agents.has(id)).concat(['']));
        if (!to) return;
        await this.handoff(t, at, { toAgentId: to, note: rng.pick(C.ESCALATION_NOTES) }, accept ? 'accept' : 'decline');
      },
    };
  }

  /** Nobody wants it: three or four accepted handoffs between teams, then a raised priority. */
  private bounce(): Step {
    const rng = this.rng;
    const hops = rng.int(3, 4);
    return {
      gap: this.agentGap('normal'),
      run: async (t, at) => {
        if (t.handoffPending) return;
        const order: C.TeamKey[] = ['cards', 'payments', 'accounts'];
        let when = at.getTime();
        for (let i = 0; i < hops; i++) {
          const current = [...this.teams.values()].find((x) => x.id === t.teamId);
          const choices = order.filter((k) => this.team(k).id !== current?.id);
          const target = this.team(choices[i % choices.length]!);
          const note = C.BOUNCE_NOTES[i % C.BOUNCE_NOTES.length]!.replace('{team}', target.name);
          await this.handoff(t, new Date(when), { toTeamId: target.id, note }, 'accept');
          when = t.updatedAt.getTime() + rng.logBetween(30, 600) * MINUTE;
        }
        if (when < this.now - MINUTE) {
          const ticket = await updateTicket(this.db, this.agentActor(t.ownerId), t.id, {
            priority: t.priority === 'urgent' ? 'urgent' : 'high',
            tags: [...new Set([...t.tags, 'escalated'])],
          });
          this.ticketChanged(t, new Date(when), ticket);
        }
      },
    };
  }

  /** A handoff asked for and not yet answered: something for the addressee's inbox. */
  private leavePending(priority: Priority): Step {
    const rng = this.rng;
    return {
      gap: this.agentGap(priority) / 2,
      run: async (t, at) => {
        if (t.handoffPending) return;
        const others = [...this.teams.values()].filter((x) => x.id !== t.teamId);
        if (rng.chance(0.5) && others.length) {
          const target = rng.pick(others);
          await this.handoff(t, at, { toTeamId: target.id, note: this.fill(rng.pick(C.REROUTE_NOTES)).replace('{team}', target.name) }, 'pending');
        } else {
          const candidates = [...this.agents.keys()].filter((id) => id !== t.ownerId);
          if (!candidates.length) return;
          await this.handoff(t, at, { toAgentId: rng.pick(candidates), note: rng.pick(C.ESCALATION_NOTES) }, 'pending');
        }
      },
    };
  }

  /** Requests a handoff at `at` and answers it a little later (or leaves it pending). */
  private async handoff(
    t: Live,
    at: Date,
    to: { toAgentId?: string; toTeamId?: string; note: string },
    outcome: 'accept' | 'decline' | 'pending',
  ) {
    const rng = this.rng;
    let answerer: Agent | undefined;
    if (outcome !== 'pending') {
      if (to.toAgentId) answerer = this.agents.get(to.toAgentId);
      else {
        const team = [...this.teams.values()].find((x) => x.id === to.toTeamId);
        const members = (team?.memberIds ?? []).filter((id) => id !== t.ownerId && this.agents.has(id));
        if (!members.length) return;
        answerer = this.agents.get(rng.pick(members));
      }
      if (!answerer) return;
    }
    const owner = this.agents.get(t.ownerId);
    if (!owner) return;
    const requested = await requestHandoff(this.db, { agentId: owner.id, role: owner.role }, { ticketId: t.id, ...to });
    this.event(t.id, at);
    t.updatedAt = at;
    if (outcome === 'pending' || !answerer) {
      this.handoffTimes.set(requested.handoff.id, { created: at, resolved: null });
      t.handoffPending = true;
      this.counts.handoffsPending++;
      return;
    }
    const answeredAt = new Date(Math.min(at.getTime() + rng.logBetween(5, 240) * MINUTE, Math.max(at.getTime() + 1000, this.now - MINUTE)));
    const actor = { agentId: answerer.id, role: answerer.role };
    if (outcome === 'accept') {
      const r = await acceptHandoff(this.db, actor, t.id);
      this.ticketChanged(t, answeredAt, r.ticket);
      this.counts.handoffsAccepted++;
    } else {
      await declineHandoff(this.db, actor, t.id, rng.pick(C.DECLINE_REASONS));
      t.updatedAt = answeredAt;
      this.counts.handoffsDeclined++;
    }
    this.event(t.id, answeredAt);
    this.handoffTimes.set(requested.handoff.id, { created: at, resolved: answeredAt });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Bookkeeping of what happened when.

  private event(ticketId: string, at: Date) {
    const list = this.ticketEvents.get(ticketId);
    if (list) list.push(at);
    else this.ticketEvents.set(ticketId, [at]);
  }

  private messageAdded(t: Live, at: Date, messageId: string, ticket: Ticket) {
    this.messageTimes.push({ id: messageId, at });
    this.counts.messages++;
    this.ticketChanged(t, at, ticket);
  }

  /** Follows the ticket's new state; solved_at and closed_at move with every status change, as statusStamps does. */
  private ticketChanged(t: Live, at: Date, ticket: Ticket) {
    if (ticket.status !== t.status) {
      t.solvedAt = ticket.status === 'solved' || ticket.status === 'closed' ? at : null;
      t.closedAt = ticket.status === 'closed' ? at : null;
    }
    t.status = ticket.status;
    t.ownerId = ticket.owner_id;
    t.teamId = ticket.team_id;
    t.priority = ticket.priority;
    t.tags = ticket.tags;
    t.updatedAt = at;
    this.event(t.id, at);
  }

  private adminIds() {
    return [...this.agents.values()].filter((a) => a.role === 'admin').map((a) => a.id);
  }

  private agentActor(id: string): Actor {
    return { kind: 'agent', id };
  }

  private fill(text: string) {
    return text.replace(/\{ref\}/g, () => String(this.rng.int(10000, 99999)));
  }

  private customerBody(channel: Channel, who: Cust, text: string, first: boolean): string {
    const rng = this.rng;
    switch (channel) {
      case 'email': {
        const greeting = rng.pick(['Hi,', 'Hello,', 'Hi there,', 'Good morning,', '']);
        const signOff = rng.pick(['Thanks,', 'Thank you,', 'Cheers,', 'Regards,', 'Best,']);
        return `${greeting ? `${greeting}\n\n` : ''}${text}\n\n${signOff}\n${who.first}`;
      }
      case 'web':
        return `${text}\n\n${who.name}`;
      case 'phone':
        return first ? `Voicemail transcript: "${text}"` : `Voicemail transcript: "${text}" Please call me back.`;
      case 'api':
        return `${text}\n\n(Sent from the in-app help form)`;
      default:
        return text;
    }
  }

  private agentBody(t: Live, text: string): string {
    const agent = firstName(this.agents.get(t.ownerId)?.name);
    if (t.channel === 'chat') return `Hi ${t.requester.first}! ${text}`;
    const signOff = this.rng.pick(['Best', 'Kind regards', 'Thanks', 'All the best']);
    return `Hi ${t.requester.first},\n\n${text}\n\n${signOff},\n${agent}`;
  }

  private async setAvailability() {
    for (const [handle, availability] of Object.entries(C.AVAILABILITY)) {
      const agent = this.demoAgents.get(handle);
      if (agent && this.created.agents.includes(agent.id)) await updateAgent(this.db, SYSTEM, agent.id, { availability });
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Backdating: plain UPDATEs of the rows this run created, so the desk looks like weeks of work.

  private async backdate(startEventId: number) {
    const db = this.db;
    const at = (ms: number) => new Date(Math.min(ms, this.now - MINUTE));
    const rng = makeRng(7);

    // Setup rows: before the first ticket.
    const setupStart = this.now - (SPAN_DAYS + 30) * DAY;
    const agentTimes = this.created.agents.map((id, i) => ({ id, values: [at(setupStart + i * 3 * HOUR)] }));
    const teamTimes = this.created.teams.map((id, i) => ({ id, values: [at(setupStart + DAY + i * HOUR)] }));
    const orgTimes = this.created.organizations.map((id) => ({ id, values: [at(setupStart + rng.logBetween(2 * DAY, 25 * DAY))] }));
    const customerTimes = this.created.customers.map((id) => {
      const first = this.firstTicketOf.get(id)?.getTime() ?? this.now - rng.next() * SPAN_DAYS * DAY;
      return { id, values: [at(Math.max(setupStart + 2 * DAY, first - rng.logBetween(HOUR, 30 * DAY)))] };
    });
    await setTimes(db, 'agents', ['created_at', 'updated_at'], agentTimes.map((r) => ({ id: r.id, values: [r.values[0]!, r.values[0]!] })));
    await setTimes(db, 'teams', ['created_at', 'updated_at'], teamTimes.map((r) => ({ id: r.id, values: [r.values[0]!, r.values[0]!] })));
    await setTimes(db, 'team_members', ['added_at'], teamTimes, 'team_id');
    await setTimes(db, 'organizations', ['created_at', 'updated_at'], orgTimes.map((r) => ({ id: r.id, values: [r.values[0]!, r.values[0]!] })));
    await setTimes(db, 'customers', ['created_at', 'updated_at'], customerTimes.map((r) => ({ id: r.id, values: [r.values[0]!, r.values[0]!] })));
    await setTimes(db, 'customer_identities', ['created_at'], customerTimes, 'customer_id');
    const entityTimes = [...agentTimes, ...teamTimes, ...orgTimes, ...customerTimes];
    if (entityTimes.length) {
      await sql`update events as e set created_at = v.at
        from unnest(${entityTimes.map((r) => r.id)}::text[]::uuid[], ${entityTimes.map((r) => r.values[0]!.toISOString())}::text[]::timestamptz[]) as v(id, at)
        where e.entity_id = v.id and e.ticket_id is null and e.id > ${startEventId}`.execute(db);
    }
    if (this.created.workspace && teamTimes[0]) {
      await sql`update events set created_at = ${new Date(teamTimes[0].values[0]!.getTime() + MINUTE).toISOString()}::timestamptz
        where action = 'workspace.updated' and id > ${startEventId}`.execute(db);
    }

    // Tickets, messages, handoffs.
    await setTimes(
      db,
      'tickets',
      ['created_at', 'updated_at', 'solved_at', 'closed_at'],
      this.tickets.map((t) => ({ id: t.id, values: [t.createdAt, t.updatedAt, t.solvedAt, t.closedAt] })),
    );
    await setTimes(db, 'messages', ['created_at'], this.messageTimes.map((m) => ({ id: m.id, values: [m.at] })));
    await setTimes(
      db,
      'handoffs',
      ['created_at', 'resolved_at'],
      [...this.handoffTimes].map(([id, h]) => ({ id, values: [h.created, h.resolved] })),
    );

    // Ticket events: each call made above wrote exactly one event on its ticket, in the order they were made.
    const events = this.tickets.length
      ? await db
          .selectFrom('events')
          .select(['id', 'ticket_id'])
          .where('id', '>', startEventId)
          .where('ticket_id', 'in', this.tickets.map((t) => t.id))
          .orderBy('id')
          .execute()
      : [];
    const seen = new Map<string, number>();
    const eventTimes: { id: number; at: Date }[] = [];
    let mismatched = 0;
    for (const e of events) {
      const times = this.ticketEvents.get(e.ticket_id!) ?? [];
      const i = seen.get(e.ticket_id!) ?? 0;
      seen.set(e.ticket_id!, i + 1);
      const time = times[Math.min(i, times.length - 1)];
      if (i >= times.length) mismatched++;
      if (time) eventTimes.push({ id: Number(e.id), at: time });
    }
    if (mismatched) this.log(`  (${mismatched} ticket events had no planned time; they keep their neighbours' times)`);
    if (eventTimes.length) {
      await sql`update events as e set created_at = v.at
        from unnest(${eventTimes.map((r) => String(r.id))}::text[]::int8[], ${eventTimes.map((r) => r.at.toISOString())}::text[]::timestamptz[]) as v(id, at)
        where e.id = v.id`.execute(db);
    }
  }

  // -------------------------------------------------------------------------------------------------------------

  private summary(seconds: string): string {
    const byStatus = new Map<TicketStatus, number>();
    for (const t of this.tickets) byStatus.set(t.status, (byStatus.get(t.status) ?? 0) + 1);
    const statuses = (['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const)
      .map((s) => `${byStatus.get(s) ?? 0} ${s.replace('_', ' ')}`)
      .join(', ');
    const bounced = this.tickets.filter((t) => t.tags.includes('escalated')).length;
    const c = this.counts;
    const teamNames = [...this.teams.values()].map((t) => t.name).join(', ');
    const defaultTeam = [...this.teams.values()].find((t) => t.id === this.defaultTeamId)?.name;
    const signIn = [...this.demoAgents.entries()].find(([h]) => h === C.ADMIN.handle) ?? [...this.demoAgents.entries()][0];
    return (
      `Demo workspace ready in ${seconds}s: ${this.demoAgents.size} demo agents (${this.created.agents.length} new; sign in as ` +
      `${signIn ? signIn[1].email : demoEmail(C.AGENTS[0]!.handle)} or any agent listed above, password ${C.DEMO_PASSWORD} for new ones), ` +
      `teams ${teamNames}${defaultTeam ? ` (default team ${defaultTeam})` : ''}, ${C.ORGANIZATIONS.length} organizations ` +
      `(${this.created.organizations.length} new), ${this.customers.length} customers (${this.created.customers.length} new), and ` +
      `${this.tickets.length} tickets over the last ${SPAN_DAYS} days (${statuses}) with ${c.messages} messages (${c.notes} internal notes), ` +
      `${c.handoffsAccepted + c.handoffsDeclined + c.handoffsPending} handoffs (${c.handoffsAccepted} accepted, ${c.handoffsDeclined} declined, ` +
      `${c.handoffsPending} awaiting an answer; ${bounced} tickets bounced 3+ times) and ${c.followUps} follow-up tickets` +
      `${c.skipped ? `; ${c.skipped} steps were skipped` : ''}. Customer questions: banking77 (PolyAI, CC BY 4.0).`
    );
  }
}

/** Sets timestamp columns of many rows in one statement. */
async function setTimes(
  db: Db,
  table: 'agents' | 'teams' | 'team_members' | 'organizations' | 'customers' | 'customer_identities' | 'tickets' | 'messages' | 'handoffs',
  columns: string[],
  rows: { id: string; values: (Date | null)[] }[],
  keyColumn = 'id',
) {
  if (rows.length === 0) return;
  const arrays = columns.map((_, i) => rows.map((r) => r.values[i]?.toISOString() ?? null));
  const names = ['id', ...columns.map((_, i) => `c${i}`)];
  await sql`update ${sql.table(table)} as t
    set ${sql.join(columns.map((c, i) => sql`${sql.ref(c)} = v.${sql.ref(`c${i}`)}`))}
    from unnest(${sql.join([sql`${rows.map((r) => r.id)}::text[]::uuid[]`, ...arrays.map((a) => sql`${a}::text[]::timestamptz[]`)])})
      as v(${sql.raw(names.join(', '))})
    where t.${sql.ref(keyColumn)} = v.id`.execute(db);
}
