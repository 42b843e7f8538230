/**
 * The queue views in the sidebar and the ticket-list query each one sends. There is no count endpoint, so a
 * view's count comes from one small page: exact up to COUNT_LIMIT, "50+" beyond.
 */
export type QueueId = 'mine' | 'waiting' | 'due' | 'breached' | 'all' | `team-${string}`;
export type QueueView = { id: QueueId; label: string; hint: string; query: Record<string, string> };

export const COUNT_LIMIT = 50;
/** What "due soon" means: a running SLA clock falls due within this many hours. */
export const DUE_SOON_HOURS = 4;

/** The views for the signed-in agent at `now`, with one view for each team they belong to. */
export function queueViews(me: { id: string }, teams: readonly { id: string; name: string; memberIds: string[] }[], now: Date): QueueView[] {
  const dueBefore = new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000).toISOString();
  const views: QueueView[] = [
    { id: 'mine', label: 'My tickets', hint: 'Tickets you own, most recently active first', query: { ownerId: me.id, sort: 'updated' } },
    { id: 'waiting', label: 'Waiting on us', hint: 'The customer spoke last; longest wait first', query: { waitingOnUs: 'true' } },
    { id: 'due', label: 'Due soon', hint: `An SLA target falls due within ${DUE_SOON_HOURS} hours`, query: { sort: 'due', dueBefore } },
    { id: 'breached', label: 'Breached', hint: 'A running SLA clock is past its target', query: { breached: 'true', sort: 'due' } },
  ];
  for (const t of teams) {
    if (t.memberIds.includes(me.id)) views.push({ id: `team-${t.id}`, label: `Team ${t.name}`, hint: `Tickets of the team ${t.name}`, query: { teamId: t.id, sort: 'updated' } });
  }
  views.push({ id: 'all', label: 'All tickets', hint: 'Every ticket, newest first', query: { sort: 'newest' } });
  return views;
}

/** The count shown beside a view, from one page of at most COUNT_LIMIT tickets. */
export function countLabel(page: { items: unknown[]; nextCursor: string | null }): string {
  return page.nextCursor ? `${page.items.length}+` : String(page.items.length);
}
