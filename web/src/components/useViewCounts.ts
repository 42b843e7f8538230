/**
 * The counts beside the sidebar's views, in one request to GET /api/v1/tickets/counts; refreshed when the agent
 * moves between pages or changes something, and every minute.
 */
import { useEffect, useState } from 'react';
import { CHANGED, request } from '../api/client.ts';
import type { SidebarView, ViewCount } from '../lib/views.ts';

export function useViewCounts(views: SidebarView[], routeKey: string): Record<string, ViewCount> {
  const [counts, setCounts] = useState<Record<string, ViewCount>>({});
  const keys = views.map((v) => v.countKey).join(',');
  useEffect(() => {
    const abort = new AbortController();
    const refresh = () =>
      request<{ counts: Record<string, ViewCount> }>('GET', '/api/v1/tickets/counts', { query: { views: keys }, signal: abort.signal })
        .then((r) => setCounts(r.counts))
        .catch(() => {}); // counts that fail stay as they were; the views themselves report errors
    void refresh();
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
  }, [keys, routeKey]);
  return counts;
}
