/** The requester's other tickets (the ten most recent), so the agent sees the customer's whole story. */
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Ticket } from '../api/types.ts';
import { label, relative } from '../lib/format.ts';
import { followLink } from '../router.ts';

export function OtherTickets(props: { requesterId: string; ticketId: string }) {
  const [items, setItems] = useState<Ticket[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    api
      .tickets({ requesterId: props.requesterId, sort: 'newest' }, { limit: 10, signal: ctl.signal })
      .then((p) => setItems(p.items))
      .catch(() => !ctl.signal.aborted && setFailed(true));
    return () => ctl.abort();
  }, [props.requesterId]);

  const others = (items ?? []).filter((t) => t.id !== props.ticketId);
  const now = new Date();
  return (
    <section aria-labelledby="side-other">
      <h2 id="side-other">Other tickets</h2>
      {failed ? (
        <p className="hint">Could not load the customer's other tickets.</p>
      ) : items === null ? (
        <p className="hint">Loading…</p>
      ) : others.length === 0 ? (
        <p className="hint">No other tickets from this customer.</p>
      ) : (
        <ul className="other-tickets">
          {others.map((t) => (
            <li key={t.id}>
              <a href={`/tickets/${t.id}`} onClick={(e) => followLink(e, `/tickets/${t.id}`)}>
                #{t.number} {t.subject}
              </a>
              <span className="hint"> · {label(t.status)} · {relative(t.createdAt, now)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
