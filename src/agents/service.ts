import { sql } from 'kysely';
import { dbNow, type Db, type Queryable } from '../db/database.ts';
import type { Agent, Availability, Role } from '../db/types.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { hashPassword } from '../auth/tokens.ts';
import { HeedError, notFound } from '../http/errors.ts';

export type AgentInput = {
  email: string;
  name: string;
  role?: Role;
  password?: string;
  skills?: string[];
  availability?: Availability;
};

export type AgentPatch = Partial<Omit<AgentInput, 'email'>> & { email?: string; active?: boolean };

/** Adds an agent; the first admin of a workspace also becomes its default owner. */
export async function createAgent(db: Db, actor: Actor, input: AgentInput): Promise<Agent> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (tx) => {
    const agent = await tx
      .insertInto('agents')
      .values({
        email: input.email,
        name: input.name,
        role: input.role ?? 'agent',
        password_hash: passwordHash,
        skills: input.skills ?? [],
        availability: input.availability ?? 'available',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (agent.role === 'admin') {
      await tx.updateTable('workspace').set({ default_owner_id: agent.id }).where('default_owner_id', 'is', null).execute();
    }
    await recordEvent(tx, {
      action: 'agent.created',
      entity: 'agent',
      entityId: agent.id,
      actor,
      after: { email: agent.email, name: agent.name, role: agent.role },
    });
    return agent;
  });
}

export async function getAgent(db: Queryable, id: string): Promise<Agent> {
  const agent = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!agent) throw notFound('agent');
  return agent;
}

export async function listAgents(db: Queryable, opts: { includeInactive?: boolean } = {}): Promise<Agent[]> {
  let q = db.selectFrom('agents').selectAll().orderBy('name').orderBy('id');
  if (!opts.includeInactive) q = q.where('active', '=', true);
  return q.execute();
}

/** Changes an agent. Refuses to leave the workspace without an active admin or to deactivate an owner of open work. */
export async function updateAgent(db: Db, actor: Actor, id: string, patch: AgentPatch): Promise<Agent> {
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('agents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('agent');
    const losesAdmin =
      before.role === 'admin' && before.active && (patch.role === 'agent' || patch.active === false);
    if (losesAdmin) await assertAnotherAdmin(tx, id);
    if (patch.active === false && before.active) await assertOwnsNothing(tx, id);
    const values = {
      email: patch.email,
      name: patch.name,
      role: patch.role,
      skills: patch.skills,
      availability: patch.availability,
      active: patch.active,
    };
    const diff = changes(before as unknown as Record<string, unknown>, values);
    if (!diff.changed && !passwordHash) return before;
    const agent = await tx
      .updateTable('agents')
      .set({ ...values, password_hash: passwordHash, updated_at: dbNow() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (patch.active === false) {
      await tx.updateTable('auth_tokens').set({ revoked_at: dbNow() }).where('agent_id', '=', id).where('revoked_at', 'is', null).execute();
    }
    const after = passwordHash ? { ...diff.after, password: 'changed' } : diff.after;
    await recordEvent(tx, { action: 'agent.updated', entity: 'agent', entityId: id, actor, before: diff.before, after });
    return agent;
  });
}

async function assertAnotherAdmin(tx: Queryable, id: string) {
  const other = await tx
    .selectFrom('agents')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .where('id', '<>', id)
    .limit(1)
    .executeTakeFirst();
  if (!other) throw new HeedError('rule_violation', 'the workspace must keep at least one active admin');
}

async function assertOwnsNothing(tx: Queryable, id: string) {
  const owned = await tx
    .selectFrom('tickets')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('owner_id', '=', id)
    .where('status', '<>', 'closed')
    .executeTakeFirstOrThrow();
  if (owned.n > 0) {
    throw new HeedError('agent_owns_tickets', `the agent owns ${owned.n} ticket(s) that are not closed: hand them off first`, {
      tickets: owned.n,
    });
  }
  const ws = await tx.selectFrom('workspace').select('default_owner_id').executeTakeFirstOrThrow();
  if (ws.default_owner_id === id) {
    throw new HeedError('agent_owns_tickets', 'the agent is the workspace default owner: choose another default owner first');
  }
}
