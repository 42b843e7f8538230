/**
 * Who else is on a ticket, from the presence events heard (pure: tested in test/web.test.ts). Presence is
 * never stored by the server, so what an agent sees here decays by itself: an agent not heard from for 45 s has
 * gone (a closed laptop sends no "left"), and "typing" fades back to "viewing" after a few quiet seconds.
 */
import type { PresenceState } from '../../../src/realtime/types.ts';

export const PRESENCE_EXPIRES_MS = 45_000;
export const TYPING_FADES_MS = 8_000;
/** How often an open ticket says "still viewing" (well inside the expiry, so one lost beat does not matter). */
export const VIEWING_EVERY_MS = 20_000;
/** The least time between two "typing" announcements while the agent keeps typing. */
export const TYPING_EVERY_MS = 4_000;

export type Seen = { name: string; state: PresenceState; at: number; typedAt: number | null };
export type Others = Record<string, Seen>;
export type Present = { agentId: string; name: string; typing: boolean };

/** The map after one presence event heard at `at`. */
export function applyPresence(others: Others, e: { agentId: string; agentName: string; state: PresenceState }, at: number): Others {
  const next = { ...others };
  if (e.state === 'left') {
    delete next[e.agentId];
    return next;
  }
  const before = others[e.agentId];
  next[e.agentId] = { name: e.agentName, state: e.state, at, typedAt: e.state === 'typing' ? at : (before?.typedAt ?? null) };
  return next;
}

/** The agents present at `now`, typing ones first, then by name. */
export function presentAt(others: Others, now: number): Present[] {
  return Object.entries(others)
    .filter(([, s]) => now - s.at < PRESENCE_EXPIRES_MS)
    .map(([agentId, s]) => ({ agentId, name: s.name, typing: s.typedAt !== null && now - s.typedAt < TYPING_FADES_MS }))
    .sort((a, b) => Number(b.typing) - Number(a.typing) || a.name.localeCompare(b.name));
}

const names = (list: Present[]) =>
  list.length <= 2 ? list.map((p) => p.name).join(' and ') : `${list.slice(0, -1).map((p) => p.name).join(', ')} and ${list[list.length - 1]!.name}`;

/** The calm sentence shown on the ticket: "Bo is viewing", "Bo is typing…", "Bo and Cy are viewing". */
export function presenceLabel(list: Present[]): string {
  if (!list.length) return '';
  const typing = list.filter((p) => p.typing);
  const viewing = list.filter((p) => !p.typing);
  const part = (group: Present[], verb: string) => `${names(group)} ${group.length === 1 ? 'is' : 'are'} ${verb}`;
  if (!typing.length) return part(viewing, 'viewing');
  if (!viewing.length) return `${part(typing, 'typing')}…`;
  return `${part(typing, 'typing')}… · ${part(viewing, 'viewing')}`;
}
