/**
 * The sidebar's views for the signed-in agent: the ticket queues of queues.ts (My tickets narrowed to open ones),
 * Handoffs to accept and Commitments due, each with the name its count has in GET /api/v1/tickets/counts.
 */
import { queueViews, type QueueView } from './queues.ts';

export type SidebarView = QueueView & { countKey: string; kind: 'tickets' | 'commitments' };
export type ViewCount = { count: number; capped: boolean };

/** The views in sidebar order: mine, handoffs, commitments, then the shared queues, teams and All. */
export function agentViews(me: { id: string }, teams: readonly { id: string; name: string; memberIds: string[] }[], now: Date): SidebarView[] {
  const base = queueViews(me, teams, now).map((v): SidebarView => {
    const countKey = v.id.startsWith('team-') ? `team:${v.id.slice('team-'.length)}` : v.id;
    if (v.id === 'mine') {
      return { ...v, hint: 'Open tickets you own, most recently active first', query: { ...v.query, open: 'true' }, countKey, kind: 'tickets' };
    }
    return { ...v, countKey, kind: 'tickets' };
  });
  const handoffs: SidebarView = {
    id: 'handoffs' as QueueView['id'],
    label: 'Handoffs to accept',
    hint: 'Tickets handed to you or to a team of yours, waiting for an answer',
    query: { handoffTo: 'me', sort: 'updated' },
    countKey: 'handoffs',
    kind: 'tickets',
  };
  const commitments: SidebarView = {
    id: 'commitments' as QueueView['id'],
    label: 'Commitments due',
    hint: 'Promises you made to customers, soonest due first',
    query: { status: 'open', ownerId: me.id },
    countKey: 'commitments',
    kind: 'commitments',
  };
  const [mine, ...rest] = base;
  return mine ? [mine, handoffs, commitments, ...rest] : [handoffs, commitments, ...rest];
}

/** The count beside a view: exact, or "10000+" past the server's cap. */
export function viewCountLabel(c: ViewCount | undefined): string {
  if (!c) return '…';
  return c.capped ? `${c.count}+` : String(c.count);
}
