/** The count beside each queue view, refreshed when the agent moves between pages or changes something, and every minute. */
import { useEffect, useState } from 'react';
import { CHANGED } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { COUNT_LIMIT, countLabel, type QueueView } from '../lib/queues.ts';
import type { Route } from '../router.ts';

export function useQueueCounts(views: QueueView[], route: Route): Record<string, string> {
  const [counts, setCounts] = useState<Record<string, string>>({});
  const routeKey = JSON.stringify(route);
  useEffect(() => {
    const abort = new AbortController();
    const refresh = () =>
      views.forEach((v) => {
        api
          .tickets(v.query, { limit: COUNT_LIMIT, signal: abort.signal })
          .then((page) => setCounts((c) => ({ ...c, [v.id]: countLabel(page) })))
          .catch(() => {}); // a count that fails stays as it was; the view itself reports errors
      });
    refresh();
    const t = setInterval(refresh, 60_000);
    let soon: ReturnType<typeof setTimeout> | undefined;
    const onChanged = () => {
      clearTimeout(soon);
      soon = setTimeout(refresh, 300);
    };
    window.addEventListener(CHANGED, onChanged);
    return () => {
      abort.abort();
      clearInterval(t);
      clearTimeout(soon);
      window.removeEventListener(CHANGED, onChanged);
    };
  }, [views, routeKey]);
  return counts;
}
