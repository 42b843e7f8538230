/**
 * The widget's live stream: Server-Sent Events saying only that this conversation changed (the widget then
 * refetches it). Nothing about other tickets, and no agent ids, reach the customer.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database.ts';
import type { Hub, Delivery } from '../realtime/hub.ts';
import { now } from '../time/clock.ts';
import type { Conversation } from './service.ts';

const HEARTBEAT_MS = 25_000;
const RETRY_MS = 3_000;
const MAX_BUFFERED_BYTES = 256 * 1024;

type StreamInput = { db: Queryable; hub: Hub; conversation: Conversation; req: FastifyRequest; reply: FastifyReply; maxSeconds: number };

/** Holds the response open and writes `changed` for each public change of the conversation's ticket. */
export async function conversationStream({ db, hub, conversation, req, reply, maxSeconds }: StreamInput): Promise<void> {
  let ticketId = conversation.ticketId;
  reply.hijack();
  const res = reply.raw;
  let closed = false;
  let unsubscribe = () => {};
  const timers: NodeJS.Timeout[] = [];
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    timers.forEach((t) => clearTimeout(t));
    if (!res.writableEnded) res.end();
  };
  let held: string[] | null = [];
  const write = (chunk: string) => {
    if (closed || res.destroyed) return close();
    if (held) return void held.push(chunk);
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const changed = () => write('data: {"type":"changed"}\n\n');
  const onDelivery = (d: Delivery) => {
    if (d.kind === 'closing') return close();
    if (d.kind === 'gap') return changed();
    const e = d.event;
    if (e.ticketId !== ticketId) return;
    if (e.type === 'ticket.updated' || (e.type === 'message.added' && e.kind === 'reply')) changed();
  };
  req.raw.on('close', close);
  res.on('error', close);
  // Headers set on the reply (CORS) are not written by a hijacked reply: carry them over.
  const carried = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([k]) => k.startsWith('access-control-') || k === 'vary')) as Record<string, string>;
  try {
    unsubscribe = await hub.subscribe(onDelivery);
  } catch (err) {
    req.log.error({ err }, 'widget live updates unavailable');
    res.writeHead(200, { ...carried, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write('retry: 30000\n\ndata: {"type":"unavailable"}\n\n');
    return close();
  }
  if (closed) return unsubscribe();
  res.writeHead(200, {
    ...carried,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const first = [`retry: ${RETRY_MS}\n\n`, 'data: {"type":"ready"}\n\n', ...held];
  held = null;
  write(first.join(''));

  // Each beat says the customer is still here (last_seen_at) and ends the stream of a token that expired.
  const heartbeat = async () => {
    const row = await db
      .updateTable('conversation_tokens')
      .set({ last_seen_at: now() })
      .where('token_hash', '=', conversation.tokenHash)
      .where('expires_at', '>', now())
      .returning('ticket_id')
      .executeTakeFirst()
      .catch(() => ({ ticket_id: ticketId }));
    if (!row) return close();
    if (row.ticket_id !== ticketId) {
      ticketId = row.ticket_id; // a follow-up ticket continues the conversation
      changed();
    }
    write(': keep-alive\n\n');
    if (!closed) timers[0] = setTimeout(() => void heartbeat(), HEARTBEAT_MS);
  };
  timers[0] = setTimeout(() => void heartbeat(), HEARTBEAT_MS);
  timers[1] = setTimeout(close, maxSeconds * 1000);
}
