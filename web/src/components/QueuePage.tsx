/**
 * A queue view: one page of tickets at a time ("Load more" follows the cursor), never the whole table. Live
 * events bump `version`; the list then reloads in place, keeping the pages already loaded and the selection.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Ticket } from '../api/types.ts';
import { useTitle } from '../hooks.ts';
import { applyFilters, filtersSearch, hasFilters, readFilters } from '../lib/filters.ts';
import { reloadPlan } from '../lib/listReload.ts';
import type { QueueView } from '../lib/queues.ts';
import { navigate, useSearch } from '../router.ts';
import { QueueFilters } from './QueueFilters.tsx';
import { TicketRow } from './TicketRow.tsx';
import { useListKeys } from './useListKeys.ts';

const PAGE = 25;

type Rows = { items: Ticket[]; cursor: string | null };

/** Fetches `sizes` pages one after another from the start of the list. */
async function fetchPages(query: Record<string, string>, sizes: number[], signal: AbortSignal): Promise<Rows> {
  const items: Ticket[] = [];
  let cursor: string | null = null;
  for (const limit of sizes) {
    const page = await api.tickets(query, { cursor: cursor ?? undefined, limit, signal });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items, cursor };
}

export function QueuePage(props: { view: QueueView; version: number }) {
  useTitle(props.view.label);
  const [rows, setRows] = useState<Rows>({ items: [], cursor: null });
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<string | null>(null);
  const now = new Date();
  const keys = useListKeys(rows.items.map((t) => `/tickets/${t.id}`));
  const filters = readFilters(useSearch());
  const filtersKey = filtersSearch(filters);
  const queryKey = JSON.stringify(applyFilters(props.view.query, filters));
  // The latest request wins: a reload started later must not be overwritten by an earlier, slower one.
  const latest = useRef<AbortController | null>(null);
  const shown = useRef(0);
  shown.current = rows.items.length;
  const loaded = useRef(false);
  const loadedFilters = useRef(filtersKey);

  function start(): AbortController {
    latest.current?.abort();
    const ctl = new AbortController();
    latest.current = ctl;
    return ctl;
  }

  async function run(ctl: AbortController, sizes: number[], after: string | null, quiet: boolean) {
    if (!quiet) setState(after ? 'more' : 'loading');
    try {
      const query = JSON.parse(queryKey) as Record<string, string>;
      const got = after ? await api.tickets(query, { cursor: after, limit: PAGE, signal: ctl.signal }).then((p) => ({ items: p.items, cursor: p.nextCursor })) : await fetchPages(query, sizes, ctl.signal);
      if (ctl.signal.aborted) return;
      setRows((prev) => (after ? { items: [...prev.items, ...got.items], cursor: got.cursor } : got));
      setError(null);
    } catch (err) {
      if (ctl.signal.aborted) return;
      setError((err as Error).message);
    }
    loaded.current = true;
    setState('ready');
  }

  // First load and new filters show "Loading"; live events and the view's query moving with the clock reload quietly.
  useEffect(() => {
    const ctl = start();
    const quiet = loaded.current && loadedFilters.current === filtersKey;
    loadedFilters.current = filtersKey;
    void run(ctl, reloadPlan(quiet ? shown.current : 0, PAGE), null, quiet);
    return () => ctl.abort();
  }, [queryKey, props.version]);

  const { items, cursor } = rows;
  return (
    <section className="queue" aria-labelledby="queue-title">
      <header className="page-head">
        <h1 id="queue-title">{props.view.label}</h1>
        <p className="hint">{props.view.hint}</p>
      </header>
      <QueueFilters filters={filters} onChange={(f) => navigate(`/queue/${props.view.id}${filtersSearch(f)}`, { replace: true })} />
      {error && <p className="error" role="alert">Could not load the tickets: {error}</p>}
      {state === 'loading' ? (
        <p role="status" className="loading">Loading tickets…</p>
      ) : items.length === 0 && !error ? (
        <p className="empty">{hasFilters(filters) ? 'No tickets match these filters.' : 'Nothing here right now.'}</p>
      ) : (
        <ol className="ticket-list" aria-label={`${props.view.label}: tickets`}>
          {items.map((t, i) => (
            <TicketRow key={t.id} ticket={t} now={now} selected={keys.selected === i} linkRef={keys.linkRef(i)} />
          ))}
        </ol>
      )}
      {cursor && state !== 'loading' && (
        <button type="button" className="load-more" onClick={() => void run(start(), [], cursor, false)} disabled={state === 'more'}>
          {state === 'more' ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
