import type { Db, Queryable } from '../db/database.ts';
import { dbNow } from '../db/database.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';

export type MailboxInput = { address: string; name: string; teamId?: string | null };

async function assertTeam(tx: Queryable, teamId: string | null | undefined) {
  if (!teamId) return;
  const t = await tx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!t) throw new HeedError('reference_not_found', 'teamId: no such team');
}

export const listMailboxes = (db: Queryable) => db.selectFrom('mailboxes').selectAll().orderBy('address').execute();

export async function getMailbox(db: Queryable, id: string) {
  const m = await db.selectFrom('mailboxes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound('mailbox');
  return m;
}

export async function createMailbox(db: Db, actor: Actor, input: MailboxInput) {
  return db.transaction().execute(async (tx) => {
    await assertTeam(tx, input.teamId);
    const m = await tx
      .insertInto('mailboxes')
      .values({ address: input.address, name: input.name, team_id: input.teamId ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'mailbox.created', entity: 'workspace', entityId: m.id, actor, after: input });
    return m;
  });
}

export async function updateMailbox(db: Db, actor: Actor, id: string, patch: Partial<MailboxInput>) {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('mailboxes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('mailbox');
    await assertTeam(tx, patch.teamId);
    const values = { address: patch.address, name: patch.name, team_id: patch.teamId };
    const diff = changes(before as unknown as Record<string, unknown>, values);
    if (!diff.changed) return before;
    const m = await tx.updateTable('mailboxes').set({ ...values, updated_at: dbNow() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'mailbox.updated', entity: 'workspace', entityId: id, actor, before: diff.before, after: diff.after });
    return m;
  });
}

export async function deleteMailbox(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (tx) => {
    const m = await tx.deleteFrom('mailboxes').where('id', '=', id).returning(['id', 'address']).executeTakeFirst();
    if (!m) throw notFound('mailbox');
    await recordEvent(tx, { action: 'mailbox.deleted', entity: 'workspace', entityId: id, actor, before: { address: m.address } });
  });
}
