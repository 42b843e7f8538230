/** Search results over subjects and every message, best match first. */
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { SearchHit } from '../api/types.ts';
import { useTitle } from '../hooks.ts';
import { TicketRow } from './TicketRow.tsx';
import { useListKeys } from './useListKeys.ts';

export function SearchPage(props: { q: string }) {
  useTitle(`Search: ${props.q}`);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keys = useListKeys((hits ?? []).map((h) => `/tickets/${h.ticket.id}`));
  const now = new Date();

  useEffect(() => {
    if (!props.q) return;
    const abort = new AbortController();
    api
      .search(props.q, abort.signal)
      .then((r) => setHits(r.items))
      .catch((err: Error) => {
        if (err.name !== 'AbortError') setError(err.message);
      });
    return () => abort.abort();
  }, [props.q]);

  return (
    <section className="queue" aria-labelledby="search-title">
      <header className="page-head">
        <h1 id="search-title">Search: “{props.q}”</h1>
        {hits && <p className="hint">{hits.length === 1 ? '1 ticket' : `${hits.length} tickets`}{hits.length === 50 ? ' (the best 50)' : ''}</p>}
      </header>
      {!props.q && <p className="empty">Type words to look for in the search box above.</p>}
      {error && <p className="error" role="alert">Search failed: {error}</p>}
      {props.q && !hits && !error && <p role="status" className="loading">Searching…</p>}
      {hits?.length === 0 && <p className="empty">No ticket matches “{props.q}”.</p>}
      {hits && hits.length > 0 && (
        <ol className="ticket-list" aria-label="Search results">
          {hits.map((h, i) => (
            <TicketRow key={h.ticket.id} ticket={h.ticket} now={now} snippet={h.matchedIn === 'message' ? h.snippet : null} selected={keys.selected === i} linkRef={keys.linkRef(i)} />
          ))}
        </ol>
      )}
    </section>
  );
}
