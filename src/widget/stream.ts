/**
 * The widget's live stream: Server-Sent Events saying only that this conversation changed (the widget then
 * refetches it). Nothing about other tickets, and no agent ids, reach the customer.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database.ts';
import { openEventStream } from '../realtime/event-stream.ts';
import type { Hub } from '../realtime/hub.ts';
import { now } from '../time/clock.ts';
import type { Conversation } from './service.ts';

const MAX_BUFFERED_BYTES = 256 * 1024;
const changed = { type: 'changed' };

type StreamInput = { db: Queryable; hub: Hub; conversation: Conversation; req: FastifyRequest; reply: FastifyReply; maxSeconds: number };

/** Holds the response open and sends `changed` for each public change of the conversation's ticket. */
export async function conversationStream({ db, hub, conversation, req, reply, maxSeconds }: StreamInput): Promise<void> {
  let ticketId = conversation.ticketId;
  await openEventStream({
    req,
    reply,
    hub,
    name: 'widget stream',
    ready: { type: 'ready' },
    translate: (d) => {
      if (d.kind === 'closing') return 'close';
      if (d.kind === 'gap') return [changed];
      const e = d.event;
      if (e.ticketId !== ticketId) return [];
      return e.type === 'ticket.updated' || (e.type === 'message.added' && e.kind === 'reply') ? [changed] : [];
    },
    // Each beat says the customer is still here (last_seen_at) and ends the stream of a token that expired.
    stillThere: async () => {
      const row = await db
        .updateTable('conversation_tokens')
        .set({ last_seen_at: now() })
        .where('token_hash', '=', conversation.tokenHash)
        .where('expires_at', '>', now())
        .returning('ticket_id')
        .executeTakeFirst();
      if (!row) return false;
      if (row.ticket_id === ticketId) return true;
      ticketId = row.ticket_id; // a follow-up ticket continues the conversation
      return [changed];
    },
    maxSeconds,
    maxBufferedBytes: MAX_BUFFERED_BYTES,
  });
}
