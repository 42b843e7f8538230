/**
 * The plumbing of a Server-Sent Events response fed by the process's hub, shared by the agents' stream and the
 * widget's conversation stream: hijack the reply, subscribe before the head is written (what arrives meanwhile is
 * held, so a client that sees the head is already listening), cut off a client too far behind, beat every 25 s,
 * end after maxSeconds so streams move between processes, and say "unavailable" in the stream rather than with a
 * 5xx when live updates cannot start.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Delivery, Hub } from './hub.ts';

const HEARTBEAT_MS = 25_000;
const RETRY_MS = 3_000;
const UNAVAILABLE_RETRY_MS = 30_000;

/** One event's data: an object, or its JSON text as the hub delivered it (sent as is). */
export type EventData = object | string;

export type EventStreamOptions = {
  req: FastifyRequest;
  reply: FastifyReply;
  hub: Hub;
  /** The `data` of the first event, once subscribed. */
  ready: object;
  /** What one delivery from the hub becomes for this client: events to send (objects, or JSON text), or `close`. */
  translate: (d: Delivery) => EventData[] | 'close';
  /**
   * Called every beat: false ends the stream (signed out, token expired). It may return events to send first.
   * A failure to check (a database hiccup) is not an ending.
   */
  stillThere: () => Promise<boolean | EventData[]>;
  maxSeconds: number;
  /** A client this far behind is cut off; it reconnects and refreshes what it shows. */
  maxBufferedBytes: number;
  /** Name for the log line when live updates are unavailable. */
  name: string;
};

export async function openEventStream(o: EventStreamOptions): Promise<void> {
  const { req, reply } = o;
  // Headers set on the reply before (CORS) are not written by a hijacked reply: carry them over.
  const carried = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([k]) => k.startsWith('access-control-') || k === 'vary')) as Record<string, string>;
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
    if (res.writableLength > o.maxBufferedBytes) close();
  };
  const send = (events: EventData[]) => {
    if (events.length) write(events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join(''));
  };
  const onDelivery = (d: Delivery) => {
    const out = o.translate(d);
    if (out === 'close') close();
    else send(out);
  };
  req.raw.on('close', close);
  res.on('error', close);

  try {
    unsubscribe = await o.hub.subscribe(onDelivery);
  } catch (err) {
    // Said in the stream rather than as a 5xx: the browser keeps working and asks again later.
    req.log.error({ err }, `${o.name}: live updates unavailable`);
    res.writeHead(200, { ...carried, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write(`retry: ${UNAVAILABLE_RETRY_MS}\n\ndata: {"type":"unavailable"}\n\n`);
    return close();
  }
  if (closed) return unsubscribe();
  res.writeHead(200, {
    ...carried,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no', // nginx would otherwise hold events back
  });
  const first = [`retry: ${RETRY_MS}\n\n`, `data: ${JSON.stringify(o.ready)}\n\n`, ...held];
  held = null;
  write(first.join(''));
  // A client gone by now was closed by that write: arm nothing, or an hour's timer would keep the process alive.
  if (closed) return;

  const heartbeat = async () => {
    const still = await o.stillThere().catch(() => true);
    if (still === false) return close();
    if (Array.isArray(still)) send(still);
    write(': keep-alive\n\n');
    if (!closed) timers[0] = setTimeout(() => void heartbeat(), HEARTBEAT_MS).unref();
  };
  // The open response keeps the process alive while the stream lasts; its timers need not (unref).
  timers[0] = setTimeout(() => void heartbeat(), HEARTBEAT_MS).unref();
  timers[1] = setTimeout(close, o.maxSeconds * 1000).unref();
}
