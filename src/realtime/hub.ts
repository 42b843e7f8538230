/**
 * The process's fan-out: one listener on the database, any number of subscribers (the SSE streams of the
 * agents connected to this process). The listener starts with the first subscriber, so a process nobody
 * watches holds no extra connection.
 */
import type { Database } from '../db/database.ts';
import { decodeEvent, type LiveEvent } from './events.ts';
import { startListener, type Listener } from './listener.ts';

/** What a subscriber is handed: the event, its JSON as heard (sent on as it is), or word that some were missed. */
export type Delivery = { kind: 'event'; event: LiveEvent; json: string } | { kind: 'gap' } | { kind: 'closing' };
export type Subscriber = (d: Delivery) => void;

export type Hub = {
  /** Adds a subscriber once the listener is in effect; resolves to its unsubscribe function. */
  subscribe(fn: Subscriber): Promise<() => void>;
  /** Tells every subscriber the process is stopping, then stops listening. */
  stop(): Promise<void>;
  subscriberCount(): number;
};

export type HubOptions = { database: Database; databaseUrl?: string; log(line: string): void };

/** A hub for this process. Nothing connects until the first subscribe(). */
export function createHub(opts: HubOptions): Hub {
  const subscribers = new Set<Subscriber>();
  let listener: Promise<Listener> | null = null;
  let stopped = false;

  const deliver = (d: Delivery) => {
    for (const fn of subscribers) {
      try {
        fn(d);
      } catch (err) {
        opts.log(`live updates: a subscriber failed: ${(err as Error).message}`);
      }
    }
  };

  const ensureListening = () => {
    listener ??= startListener({
      database: opts.database,
      databaseUrl: opts.databaseUrl,
      log: opts.log,
      onGap: () => deliver({ kind: 'gap' }),
      onPayload: (json) => {
        const event = decodeEvent(json);
        if (event) deliver({ kind: 'event', event, json });
      },
    }).catch((err: unknown) => {
      listener = null; // the next subscriber tries again
      throw err;
    });
    return listener;
  };

  return {
    async subscribe(fn) {
      if (stopped) throw new Error('the process is stopping');
      await ensureListening();
      subscribers.add(fn);
      return () => void subscribers.delete(fn);
    },
    async stop() {
      stopped = true;
      deliver({ kind: 'closing' });
      subscribers.clear();
      const l = await listener?.catch(() => null);
      listener = null;
      await l?.stop();
    },
    subscriberCount: () => subscribers.size,
  };
}
