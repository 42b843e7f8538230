/** A queue view: one page of tickets at a time ("Load more" follows the cursor), never the whole table. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Ticket } from '../api/types.ts';
import { useTitle } from '../hooks.ts';
import type { QueueView } from '../lib/queues.ts';
import { TicketRow } from './TicketRow.tsx';
import { useListKeys } from './useListKeys.ts';

const PAGE = 25;

export function QueuePage(props: { view: QueueView }) {
  useTitle(props.view.label);
  const [items, setItems] = useState<Ticket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const keys = useListKeys(items.map((t) => `/tickets/${t.id}`));

  const load = useCallback(
    async (after: string | null) => {
      setState(after ? 'more' : 'loading');
      setError(null);
      try {
        const page = await api.tickets(props.view.query, { cursor: after ?? undefined, limit: PAGE });
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (err) {
        setError((err as Error).message);
      }
      setState('ready');
    },
    [props.view],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section className="queue" aria-labelledby="queue-title">
      <header className="page-head">
        <h1 id="queue-title">{props.view.label}</h1>
        <p className="hint">{props.view.hint}</p>
      </header>
      {error && <p className="error" role="alert">Could not load the tickets: {error}</p>}
      {state === 'loading' ? (
        <p role="status" className="loading">Loading tickets…</p>
      ) : items.length === 0 && !error ? (
        <p className="empty">Nothing here right now.</p>
      ) : (
        <ol className="ticket-list" aria-label={`${props.view.label}: tickets`}>
          {items.map((t, i) => (
            <TicketRow key={t.id} ticket={t} now={now} selected={keys.selected === i} linkRef={keys.linkRef(i)} />
          ))}
        </ol>
      )}
      {cursor && state !== 'loading' && (
        <button type="button" className="load-more" onClick={() => void load(cursor)} disabled={state === 'more'}>
          {state === 'more' ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
