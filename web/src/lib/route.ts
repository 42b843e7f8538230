/** The app's pages and the paths that show them. */
export type Route =
  | { page: 'queue'; view: string }
  | { page: 'ticket'; id: string }
  | { page: 'search'; q: string };

/** The page a path shows; anything unknown shows the agent's own queue. */
export function parseRoute(path: string): Route {
  const url = new URL(path, 'http://x');
  const ticket = /^\/tickets\/([0-9a-f-]{36})$/i.exec(url.pathname);
  if (ticket?.[1]) return { page: 'ticket', id: ticket[1] };
  const queue = /^\/queue\/([\w-]+)$/.exec(url.pathname);
  if (queue?.[1]) return { page: 'queue', view: queue[1] };
  if (url.pathname === '/search') return { page: 'search', q: url.searchParams.get('q') ?? '' };
  return { page: 'queue', view: 'mine' };
}

