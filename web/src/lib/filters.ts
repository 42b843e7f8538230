/**
 * A queue's filters and sort, kept in the page's URL (?status=open&priority=high&tag=refund&sort=oldest) so a
 * reload or a shared link shows the same list. Values the API would refuse are dropped when the URL is read.
 */
import { priorities, statuses } from './format.ts';

export const sorts = ['newest', 'oldest', 'updated', 'priority', 'due', 'waiting'] as const;
export const sortNames: Record<(typeof sorts)[number], string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  updated: 'Recently updated',
  priority: 'Highest priority',
  due: 'Soonest due',
  waiting: 'Longest waiting',
};

export type QueueFilters = { status?: string; priority?: string; tag?: string; sort?: string };
const KEYS = ['status', 'priority', 'tag', 'sort'] as const;
const TAG = /^[\p{L}\p{N}_\-:.]{1,50}$/u;

function allowed(key: (typeof KEYS)[number], value: string): boolean {
  if (key === 'status') return (statuses as readonly string[]).includes(value);
  if (key === 'priority') return (priorities as readonly string[]).includes(value);
  if (key === 'sort') return (sorts as readonly string[]).includes(value);
  return TAG.test(value);
}

/** The filters named in a URL's query string. */
export function readFilters(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const out: QueueFilters = {};
  for (const k of KEYS) {
    const raw = params.get(k);
    const v = k === 'tag' ? raw?.trim().toLowerCase() : raw;
    if (v && allowed(k, v)) out[k] = v;
  }
  return out;
}

/** The query string for `filters` ('' when none), in a fixed order so equal filters give equal URLs. */
export function filtersSearch(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const k of KEYS) if (filters[k]) params.set(k, filters[k]);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The list query for a view narrowed by filters: the filters' sort replaces the view's, and a chosen status
 * replaces the view's "open only" (otherwise asking for solved tickets in My tickets could never match).
 */
export function applyFilters(query: Record<string, string>, filters: QueueFilters): Record<string, string> {
  const out = { ...query };
  if (filters.status) delete out.open;
  for (const k of KEYS) if (filters[k]) out[k] = filters[k];
  return out;
}

export function hasFilters(filters: QueueFilters): boolean {
  return KEYS.some((k) => Boolean(filters[k]));
}
