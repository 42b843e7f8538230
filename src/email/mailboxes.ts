import type { Db, Queryable } from '../db/database.ts';
import { dbNow } from '../db/database.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { saveImapSettings, type ImapSettingsInput } from './imap.ts';

/** `imap`: settings to create or change, `null` to stop polling; absent leaves them as they are. */
export type MailboxInput = { address: string; name: string; teamId?: string | null; imap?: ImapSettingsInput | null };

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

/** Creates a mailbox (and its IMAP settings); `jobs` queues the first IMAP poll. */
export async function createMailbox(db: Db, actor: Actor, input: MailboxInput, jobs?: Jobs) {
  return db.transaction().execute(async (tx) => {
    await assertTeam(tx, input.teamId);
    const m = await tx
      .insertInto('mailboxes')
      .values({ address: input.address, name: input.name, team_id: input.teamId ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    const { imap, ...fields } = input; // the IMAP settings get an event of their own, without the password
    await recordEvent(tx, { action: 'mailbox.created', entity: 'workspace', entityId: m.id, actor, after: fields });
    if (imap) await saveImapSettings(tx, actor, m.id, imap, jobs);
    return m;
  });
}

/** Changes a mailbox (and its IMAP settings); `jobs` queues a poll when IMAP is enabled. */
export async function updateMailbox(db: Db, actor: Actor, id: string, patch: Partial<MailboxInput>, jobs?: Jobs) {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('mailboxes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('mailbox');
    await assertTeam(tx, patch.teamId);
    if (patch.imap !== undefined) await saveImapSettings(tx, actor, id, patch.imap, jobs);
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
