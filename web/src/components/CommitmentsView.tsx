/** Commitments due: the agent's open promises, soonest due first, and a Missed tab; one page at a time. */
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api/client.ts';
import type { Commitment, Page } from '../api/types.ts';
import { useTitle } from '../hooks.ts';
import { dateTime, relative } from '../lib/format.ts';
import { followLink } from '../router.ts';
import { useSession } from '../session.tsx';

type Tab = 'open' | 'missed';
const PAGE = 25;

export function CommitmentsView() {
  useTitle('Commitments due');
  const { me } = useSession();
  const [tab, setTab] = useState<Tab>('open');
  const [items, setItems] = useState<Commitment[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<string | null>(null);
  const now = new Date();

  const load = useCallback(
    async (after: string | null) => {
      setState(after ? 'more' : 'loading');
      setError(null);
      try {
        const page = await request<Page<Commitment>>('GET', '/api/v1/commitments', { query: { status: tab, ownerId: me.id, limit: PAGE, cursor: after ?? undefined } });
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (err) {
        setError((err as Error).message);
      }
      setState('ready');
    },
    [tab, me.id],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section className="queue" aria-labelledby="commitments-title">
      <header className="page-head">
        <h1 id="commitments-title">Commitments due</h1>
        <p className="hint">Promises you made to customers, soonest due first</p>
      </header>
      <div className="tabs" role="group" aria-label="Which promises">
        <button type="button" aria-pressed={tab === 'open'} onClick={() => setTab('open')}>Due</button>
        <button type="button" aria-pressed={tab === 'missed'} onClick={() => setTab('missed')}>Missed</button>
      </div>
      {error && <p className="error" role="alert">Could not load the promises: {error}</p>}
      {state === 'loading' ? (
        <p role="status" className="loading">Loading promises…</p>
      ) : items.length === 0 && !error ? (
        <p className="empty">{tab === 'open' ? 'No open promises. Nothing is due.' : 'No missed promises.'}</p>
      ) : (
        <ol className="ticket-list" aria-label={tab === 'open' ? 'Promises due' : 'Missed promises'}>
          {items.map((c) => {
            const overdue = tab === 'open' && new Date(c.dueAt) < now;
            return (
              <li key={c.id} className="ticket-row">
                <a href={`/tickets/${c.ticketId}`} onClick={(e) => followLink(e, `/tickets/${c.ticketId}`)}>
                  <span className="row-main">
                    <span className="subject">{c.text}</span>
                  </span>
                  <span className="row-meta">
                    <time dateTime={c.dueAt} title={dateTime(c.dueAt)} className={overdue || tab === 'missed' ? 'overdue' : undefined}>
                      {tab === 'missed' ? `missed, was due ${dateTime(c.dueAt)}` : overdue ? `overdue since ${dateTime(c.dueAt)}` : `due ${relative(c.dueAt, now)}`}
                    </time>
                    {!c.dueStated && <span>no time was named: the workspace default applies</span>}
                    <span>{c.source === 'reply' ? 'read from a reply' : 'added by hand'}</span>
                  </span>
                </a>
              </li>
            );
          })}
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
