import type { Db, Queryable } from '../db/database.ts';
import { recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import type { AttachmentStorage } from './storage.ts';

export type AttachmentInput = {
  ticketId: string;
  messageId?: string | null;
  filename: string;
  contentType: string;
  data: Buffer;
};

/**
 * Stores the bytes first, then records the row and its event in one transaction. A failure after the bytes
 * are written leaves only an unreferenced, content-addressed file, never a row without its bytes.
 */
export async function addAttachment(db: Db, storage: AttachmentStorage, actor: Actor, input: AttachmentInput) {
  const { key, sha256 } = await storage.put(input.data);
  return db.transaction().execute(async (tx) => {
    const ticket = await tx.selectFrom('tickets').select(['id', 'status']).where('id', '=', input.ticketId).forUpdate().executeTakeFirst();
    if (!ticket) throw notFound('ticket');
    if (ticket.status === 'closed') throw new HeedError('ticket_closed', 'the ticket is closed and cannot change');
    if (input.messageId) {
      const m = await tx.selectFrom('messages').select('id').where('id', '=', input.messageId).where('ticket_id', '=', input.ticketId).executeTakeFirst();
      if (!m) throw new HeedError('reference_not_found', 'messageId: no such message on this ticket');
    }
    const row = await tx
      .insertInto('attachments')
      .values({
        ticket_id: input.ticketId,
        message_id: input.messageId ?? null,
        filename: input.filename,
        content_type: input.contentType,
        size_bytes: input.data.length,
        sha256,
        storage_key: key,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, {
      action: 'attachment.added',
      entity: 'ticket',
      entityId: input.ticketId,
      ticketId: input.ticketId,
      actor,
      after: { attachmentId: row.id, filename: row.filename, sizeBytes: row.size_bytes },
    });
    return row;
  });
}

export async function getAttachment(db: Queryable, id: string) {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('attachment');
  return row;
}

export const listAttachments = (db: Queryable, ticketId: string) =>
  db.selectFrom('attachments').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
