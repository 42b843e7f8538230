/**
 * The people of the demo help desk: agents, teams (and the workspace's default team), organizations and
 * customers. Each is found by email or name and created only when missing, so a second run reuses them.
 */
import { sql } from 'kysely';
import { createAgent, updateAgent } from '../agents/service.ts';
import { createTeam, getTeam, updateTeam } from '../agents/teams.ts';
import { getWorkspace, updateWorkspace } from '../auth/workspace.ts';
import { createOrganization } from '../customers/organizations.ts';
import { createCustomer } from '../customers/service.ts';
import type { Db } from '../db/database.ts';
import type { Agent, Role } from '../db/types.ts';
import type { Actor } from '../events/record.ts';
import { HeedError } from '../http/errors.ts';
import * as C from './content.ts';
import { makeRng } from './random.ts';
import { ascii, demoEmail, firstName } from './text.ts';

const SYSTEM: Actor = { kind: 'system' };
const CUSTOMER_COUNT = 150;

export type TeamInfo = { key: C.TeamKey; id: string; name: string; leadId: string | null; memberIds: string[] };

/** A customer who opens demo tickets; the weight makes some of them write far more often than others. */
export type Cust = { id: string; name: string; first: string; vip: boolean; weight: number };

/** The ids of the rows this run created (rather than found), whose timestamps the backdating moves. */
export type Created = { agents: string[]; teams: string[]; organizations: string[]; customers: string[]; workspace: boolean };

export type People = {
  /** Every active agent of the workspace, demo or not, by id. */
  agents: Map<string, Agent>;
  /** The demo agents, by handle. */
  demoAgents: Map<string, Agent>;
  teams: Map<C.TeamKey, TeamInfo>;
  defaultTeamId: string | null;
  customers: Cust[];
  created: Created;
};

/** Finds or creates the demo agents, teams, organizations and customers, and gives the workspace a default team. */
export async function ensurePeople(db: Db, log: (line: string) => void): Promise<People> {
  const created: Created = { agents: [], teams: [], organizations: [], customers: [], workspace: false };
  const demoAgents = await ensureAgents(db, log, created);
  const agents = new Map((await db.selectFrom('agents').selectAll().where('active', '=', true).execute()).map((a) => [a.id, a]));
  const teams = await ensureTeams(db, demoAgents, created);
  const defaultTeamId = await ensureDefaultTeam(db, teams, created);
  const name = (id: string | null) => [...teams.values()].find((t) => t.id === id)?.name ?? 'another team';
  log(`Teams: ${[...teams.values()].map((t) => `${t.name} (${t.memberIds.length} members)`).join(', ')}; default team ${name(defaultTeamId)}.`);
  const orgs = await ensureOrganizations(db, log, created);
  const customers = await ensureCustomers(db, log, orgs, created);
  return { agents, demoAgents, teams, defaultTeamId, customers, created };
}

/** A demo team by key. */
export function teamOf(people: People, key: C.TeamKey): TeamInfo {
  const t = people.teams.get(key);
  if (!t) throw new Error(`demo team ${key} is missing`);
  return t;
}

/** Sets some new demo agents away or offline, at the end so that routing during the run used all of them. */
export async function setAvailability(db: Db, people: People) {
  for (const [handle, availability] of Object.entries(C.AVAILABILITY)) {
    const agent = people.demoAgents.get(handle);
    if (agent && people.created.agents.includes(agent.id)) await updateAgent(db, SYSTEM, agent.id, { availability });
  }
}

/** The demo agents by handle, with the demo admin when the workspace has no active admin (or had it from a run before). */
async function ensureAgents(db: Db, log: (line: string) => void, created: Created): Promise<Map<string, Agent>> {
  const anyAdmin = await db.selectFrom('agents').select('id').where('role', '=', 'admin').where('active', '=', true).limit(1).executeTakeFirst();
  const demoAdmin = await db.selectFrom('agents').select('id').where('email', '=', demoEmail(C.ADMIN.handle)).executeTakeFirst();
  const specs: { spec: C.DemoAgent; role: Role }[] = C.AGENTS.map((spec) => ({ spec, role: 'agent' as Role }));
  if (!anyAdmin || demoAdmin) specs.unshift({ spec: C.ADMIN, role: 'admin' });

  const out = new Map<string, Agent>();
  log(`Demo agents (password for new ones: ${C.DEMO_PASSWORD}):`);
  for (const { spec, role } of specs) {
    const email = demoEmail(spec.handle);
    let agent = await db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirst();
    let how = 'existing, password unchanged';
    if (!agent) {
      agent = await createAgent(db, SYSTEM, { email, name: spec.name, role, password: C.DEMO_PASSWORD, skills: spec.skills });
      created.agents.push(agent.id);
      how = 'new';
    } else if (!agent.active) {
      agent = await updateAgent(db, SYSTEM, agent.id, { active: true });
      how = 'existing, reactivated';
    }
    out.set(spec.handle, agent);
    log(`  ${email}  ${agent.name} (${agent.role}; ${how})`);
  }
  return out;
}

/** The demo teams; a team found by name gets the demo agents it lacks as members. */
async function ensureTeams(db: Db, demoAgents: Map<string, Agent>, created: Created): Promise<Map<C.TeamKey, TeamInfo>> {
  const idOf = (handle: string) => {
    const a = demoAgents.get(handle);
    if (!a) throw new Error(`demo agent ${handle} is missing`);
    return a.id;
  };
  const out = new Map<C.TeamKey, TeamInfo>();
  for (const [key, spec] of Object.entries(C.TEAMS) as [C.TeamKey, (typeof C.TEAMS)[C.TeamKey]][]) {
    const leadId = idOf(spec.lead);
    const memberIds = spec.members.map(idOf);
    const existing = await db.selectFrom('teams').select('id').where(sql<string>`lower(name)`, '=', spec.name.toLowerCase()).executeTakeFirst();
    let team;
    if (!existing) {
      team = await createTeam(db, SYSTEM, { name: spec.name, leadId, memberIds });
      created.teams.push(team.id);
    } else {
      const current = await getTeam(db, existing.id);
      const missing = [leadId, ...memberIds].filter((id) => !current.member_ids.includes(id));
      team = missing.length ? await updateTeam(db, SYSTEM, existing.id, { memberIds: [...current.member_ids, ...new Set(missing)] }) : current;
    }
    out.set(key, { key, id: team.id, name: team.name, leadId: team.lead_id, memberIds: team.member_ids });
  }
  return out;
}

/** The workspace's default team, which untriaged tickets go to; set to the demo's when there is none. */
async function ensureDefaultTeam(db: Db, teams: Map<C.TeamKey, TeamInfo>, created: Created): Promise<string> {
  const current = (await getWorkspace(db)).defaultTeamId;
  if (current) return current;
  const id = teams.get(C.DEFAULT_TEAM)!.id;
  await updateWorkspace(db, SYSTEM, { defaultTeamId: id });
  created.workspace = true;
  return id;
}

/** The demo organizations by domain, and whether they have a response-time promise (their people count as VIPs). */
async function ensureOrganizations(db: Db, log: (line: string) => void, created: Created): Promise<Map<string, { id: string; vip: boolean }>> {
  const out = new Map<string, { id: string; vip: boolean }>();
  const existing = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where(sql<string>`lower(name)`, 'in', C.ORGANIZATIONS.map((o) => o.name.toLowerCase()))
    .execute();
  const byName = new Map(existing.map((o) => [o.name.toLowerCase(), o.id]));
  for (const o of C.ORGANIZATIONS) {
    let id = byName.get(o.name.toLowerCase());
    if (!id) {
      const org = await createOrganization(db, SYSTEM, {
        name: o.name,
        domains: [o.domain],
        notes: o.notes ?? null,
        attributes: o.attributes,
        expectations: o.expectations ?? {},
      });
      id = org.id;
      created.organizations.push(id);
    }
    out.set(o.domain, { id, vip: Boolean(o.expectations?.responseTimeMinutes) });
  }
  log(`Organizations: ${out.size} (${created.organizations.length} new).`);
  return out;
}

type CustomerSpec = {
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
};

/** The demo customers: a third of them work at a demo organization, some have a plan with promises. */
function customerSpecs(orgs: Map<string, { id: string; vip: boolean }>): CustomerSpec[] {
  // A generator of its own, so that the same customers come out however many tickets are asked for.
  const rng = makeRng(150);
  const used = new Set<string>();
  const specs: CustomerSpec[] = [];
  const agentNames = C.AGENTS.map((a) => a.name);
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
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
  return specs;
}

/** The demo customers, found by email address or created. */
async function ensureCustomers(db: Db, log: (line: string) => void, orgs: Map<string, { id: string; vip: boolean }>, created: Created) {
  const specs = customerSpecs(orgs);
  const existing = await db
    .selectFrom('customer_identities as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .select(['i.value', 'c.id', 'c.name'])
    .where('i.kind', '=', 'email')
    .where('i.value', 'in', specs.map((s) => s.email))
    .execute();
  const byEmail = new Map(existing.map((e) => [e.value, e]));
  const out: Cust[] = [];
  for (const s of specs) {
    const found = byEmail.get(s.email);
    let id = found?.id;
    if (!id) {
      id = await createDemoCustomer(db, s);
      if (!id) continue;
      created.customers.push(id);
    }
    const name = found?.name ?? s.name;
    out.push({ id, name, first: firstName(name), vip: s.vip, weight: s.weight });
  }
  log(`Customers: ${out.length} (${created.customers.length} new).`);
  return out;
}

/** Creates a customer; when a phone number or external id already belongs to someone else, with just the email address. */
async function createDemoCustomer(db: Db, s: CustomerSpec): Promise<string | undefined> {
  const { vip: _vip, weight: _weight, email, ...input } = s;
  const taken = (err: unknown) => err instanceof HeedError && err.code === 'already_exists';
  try {
    return (await createCustomer(db, SYSTEM, { ...input, emails: [email] })).id;
  } catch (err) {
    if (!taken(err)) throw err;
  }
  try {
    return (await createCustomer(db, SYSTEM, { ...input, phones: undefined, externalIds: undefined, emails: [email] })).id;
  } catch (err) {
    if (!taken(err)) throw err;
    return undefined;
  }
}
