/**
 * A small router over the History API: the app has a handful of pages, so a matcher and a `navigate` are
 * enough. Heed serves index.html for every page path, so reloads and shared links work.
 */
import { useSyncExternalStore } from 'react';
import { parseRoute, type Route as PageRoute } from './lib/route.ts';

/** The pages of lib/route.ts, and the admin pages (/admin/<section>). */
export type Route = PageRoute | { page: 'admin'; section: string };

const CHANGE = 'heed:navigate';

function subscribe(fn: () => void): () => void {
  window.addEventListener('popstate', fn);
  window.addEventListener(CHANGE, fn);
  return () => {
    window.removeEventListener('popstate', fn);
    window.removeEventListener(CHANGE, fn);
  };
}

const current = () => location.pathname + location.search;

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, current);
  const admin = /^\/admin(?:\/([\w-]+))?\/?$/.exec(new URL(path, 'http://x').pathname);
  if (admin) return { page: 'admin', section: admin[1] ?? 'agents' };
  return parseRoute(path);
}

/** The current query string ('?a=b' or ''); re-renders when it changes. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => location.search);
}

/** Goes to a page of the app without reloading. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (path === current()) return;
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(CHANGE));
  window.scrollTo(0, 0);
}

/** Click handler for in-app links: plain clicks navigate, modified clicks open a tab as usual. */
export function followLink(e: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; preventDefault(): void }, path: string): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(path);
}
