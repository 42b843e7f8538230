import { sql } from 'kysely';
import { containing, dbNow, type Db, type Queryable, type Tx } from '../../db/database.ts';
import type { Macro, MacroAction, Ticket } from '../../db/types.ts';
import { changes, recordEvent, type Actor } from '../../events/record.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { HeedError, notFound } from '../../http/errors.ts';
import { changeTicket, getTicket, lockTicket } from '../../tickets/service.ts';
import { renderMacro, valuesFrom } from './render.ts';
import type { CreateMacroInput, UpdateMacroInput } from './schemas.ts';

type AgentActor = { kind: 'agent'; id: string };

const nameTaken = (name: string) =>
  new HeedError('conflict', `name: a macro named "${name}" already exists`, [{ field: 'name', message: 'already used by another macro' }]);

const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === '23505';

/** Refuses a name another macro already has, ignoring case. */
async function assertNameFree(tx: Queryable, name: string, exceptId?: string): Promise<void> {
  let q = tx.selectFrom('macros').select('id').where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw nameTaken(name);
}

/** Creates a macro; a name already used (in any case) is a conflict. */
export async function createMacro(db: Db, actor: AgentActor, input: CreateMacroInput): Promise<Macro> {
  try {
    return await db.transaction().execute(async (tx) => {
      await assertNameFree(tx, input.name);
      const m = await tx
        .insertInto('macros')
        .values({ name: input.name, body: input.body, actions: JSON.stringify(input.actions), tags: input.tags, active: input.active, created_by: actor.id, updated_at: dbNow() })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(tx, { action: 'macro.created', entity: 'macro', entityId: m.id, actor, after: { name: m.name, actions: m.actions, active: m.active } });
      return m;
    });
  } catch (err) {
    // Two admins creating the same name at once: the unique index decides, the loser hears why.
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

/** One macro by id, or 404. */
export async function getMacro(db: Queryable, id: string): Promise<Macro> {
  const m = await db.selectFrom('macros').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound('macro');
  return m;
}

/** Macros by name (case-insensitive), optionally only (in)active ones or those whose name or body holds `q`. */
export async function listMacros(db: Queryable, opts: { active?: boolean; q?: string; limit: number; cursor?: string }) {
  let query = db.selectFrom('macros').selectAll().select(sql<string>`lower(name)`.as('sort_key'));
  if (opts.active !== undefined) query = query.where('active', '=', opts.active);
  if (opts.q) {
    const like = containing(opts.q);
    query = query.where(({ eb, or }) => or([eb('name', 'ilike', like), eb('body', 'ilike', like)]));
  }
  const after = decodeCursor(opts.cursor, ['text', 'uuid']);
  if (after) query = query.where(sql<boolean>`(lower(name), id) > (${after[0]}::text, ${after[1]}::uuid)`);
  const rows = await query.orderBy(sql`lower(name)`).orderBy('id').limit(opts.limit + 1).execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { items: page as Macro[], nextCursor: rows.length > opts.limit && last ? encodeCursor([last.sort_key, last.id]) : null };
}

/** Changes the given fields of a macro. */
export async function updateMacro(db: Db, actor: AgentActor, id: string, patch: UpdateMacroInput): Promise<Macro> {
  try {
    return await db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('macros').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!before) throw notFound('macro');
      if (patch.name !== undefined) await assertNameFree(tx, patch.name, id);
      const diff = changes<Record<string, unknown>>(
        { name: before.name, body: before.body, actions: before.actions, tags: before.tags, active: before.active },
        { ...patch },
      );
      if (!diff.changed) return before;
      const m = await tx
        .updateTable('macros')
        .set({
          name: patch.name,
          body: patch.body,
          actions: patch.actions && JSON.stringify(patch.actions),
          tags: patch.tags,
          active: patch.active,
          updated_at: dbNow(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // Bodies can be long; the event says that the body changed, not what it says.
      const trim = (o: Record<string, unknown>) => ('body' in o ? { ...o, body: `${String(o.body).length} characters` } : o);
      await recordEvent(tx, { action: 'macro.updated', entity: 'macro', entityId: id, actor, before: trim(diff.before), after: trim(diff.after) });
      return m;
    });
  } catch (err) {
    if (isUniqueViolation(err) && patch.name) throw nameTaken(patch.name);
    throw err;
  }
}

/** Deletes a macro. */
export async function deleteMacro(db: Db, actor: AgentActor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const gone = await tx.deleteFrom('macros').where('id', '=', id).returning(['id', 'name']).executeTakeFirst();
    if (!gone) throw notFound('macro');
    await recordEvent(tx, { action: 'macro.deleted', entity: 'macro', entityId: id, actor, before: { name: gone.name } });
  });
}

function assertActive(m: Macro, doing: string): void {
  if (!m.active) {
    throw new HeedError('conflict', `macro "${m.name}" is inactive and cannot be ${doing}`, { macroId: m.id, name: m.name });
  }
}

/** The macro's body rendered for a ticket, the customer who asked and the calling agent. */
async function renderFor(tx: Queryable, body: string, ticket: Ticket, agentId: string): Promise<string> {
  const [customer, email, agent, workspace] = await Promise.all([
    tx.selectFrom('customers').select('name').where('id', '=', ticket.requester_id).executeTakeFirst(),
    tx.selectFrom('customer_identities').select('value').where('customer_id', '=', ticket.requester_id).where('kind', '=', 'email')
      .orderBy('created_at').orderBy('value').limit(1).executeTakeFirst(),
    tx.selectFrom('agents').select('name').where('id', '=', agentId).executeTakeFirst(),
    tx.selectFrom('workspace').select('name').executeTakeFirst(),
  ]);
  return renderMacro(body, valuesFrom({
    customer: { name: customer?.name ?? null, email: email?.value ?? null },
    ticket: { number: ticket.number, subject: ticket.subject, status: ticket.status },
    agent: { name: agent?.name ?? null },
    workspace: { name: workspace?.name ?? null },
  }));
}

/** A macro rendered for a ticket without changing anything. */
export async function renderMacroForTicket(db: Db, actor: AgentActor, macroId: string, ticketId: string): Promise<{ body: string; actions: MacroAction[] }> {
  const m = await getMacro(db, macroId);
  assertActive(m, 'rendered');
  const ticket = await getTicket(db, ticketId);
  return { body: await renderFor(db, m.body, ticket, actor.id), actions: m.actions };
}

/** The ticket's tags and status after the actions, applied in order (the last set_status wins). */
export function planActions(ticket: Pick<Ticket, 'tags'>, actions: MacroAction[]): { tags: string[]; status?: Ticket['status'] } {
  let tags = [...ticket.tags];
  let status: Ticket['status'] | undefined;
  for (const a of actions) {
    if (a.type === 'set_status') status = a.status;
    else if (a.type === 'add_tag' && !tags.includes(a.tag)) tags.push(a.tag);
    else if (a.type === 'remove_tag') tags = tags.filter((t) => t !== a.tag);
  }
  return { tags, status };
}

/**
 * Applies a macro's actions to a ticket in one transaction (through the same code path as a ticket edit, so a
 * refused status move changes nothing), counts the use and returns the rendered body for the agent to edit
 * and send. It sends nothing itself.
 */
export async function applyMacro(db: Db, actor: AgentActor, ticketId: string, macroId: string): Promise<{ body: string; ticket: Ticket }> {
  return db.transaction().execute(async (tx: Tx) => {
    const m = await getMacro(tx, macroId);
    assertActive(m, 'applied');
    const before = await lockTicket(tx, ticketId);
    const plan = planActions(before, m.actions);
    if (plan.tags.length > 30) {
      throw new HeedError('rule_violation', 'tags: the ticket would have more than 30 tags', [{ field: 'tags', message: 'at most 30 tags' }]);
    }
    const tagsChanged = JSON.stringify(plan.tags) !== JSON.stringify(before.tags);
    const ticket = await changeTicket(tx, actor, ticketId, { status: plan.status, tags: tagsChanged ? plan.tags : undefined });
    await tx.updateTable('macros').set({ usage_count: sql<number>`usage_count + 1` }).where('id', '=', macroId).execute();
    await recordEvent(tx, { action: 'macro.applied', entity: 'macro', entityId: macroId, ticketId, actor, after: { name: m.name, actions: m.actions } });
    return { body: await renderFor(tx, m.body, ticket, actor.id), ticket };
  });
}
