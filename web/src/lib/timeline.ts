/**
 * The ticket's one timeline: messages and the events worth reading, oldest first. Events that only restate a
 * message (the message itself is on the timeline) are left out.
 */
import type { HeedEvent, Message } from '../api/types.ts';

export type TimelineItem = { type: 'message'; at: string; message: Message } | { type: 'event'; at: string; event: HeedEvent };

const restatesMessage = new Set(['message.added', 'message.note_added', 'message.auto_reply_recorded', 'attachment.added']);

/** Messages and events merged by time; a message sorts before an event of the same instant (the cause first). */
export function buildTimeline(messages: readonly Message[], events: readonly HeedEvent[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...messages.map((m) => ({ type: 'message' as const, at: m.createdAt, message: m })),
    ...events.filter((e) => !restatesMessage.has(e.action)).map((e) => ({ type: 'event' as const, at: e.createdAt, event: e })),
  ];
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.at.localeCompare(b.item.at) || rank(a.item) - rank(b.item) || a.i - b.i)
    .map((x) => x.item);
}

const rank = (t: TimelineItem) => (t.type === 'message' ? 0 : 1);

type Names = { agent(id: string | null): string };

const fieldLabels: Record<string, string> = { status: 'status', priority: 'priority', subject: 'subject', tags: 'tags' };

function show(v: unknown): string {
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'none';
  if (typeof v === 'string') return v.replace(/_/g, ' ');
  return JSON.stringify(v);
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** What changed between two sets of custom fields: "boxes from 2 to 3", "carrier set to DHL", "order removed". */
export function customFieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(after)) {
    if (!(k in before)) out.push(`${k} set to ${show(v)}`);
    else if (JSON.stringify(before[k]) !== JSON.stringify(v)) out.push(`${k} from ${show(before[k])} to ${show(v)}`);
  }
  for (const k of Object.keys(before)) if (!(k in after)) out.push(`${k} removed`);
  return out;
}

/** One readable line for an event, naming agents by name. */
export function describeEvent(e: HeedEvent, names: Names): string {
  const who = e.actor.type === 'agent' ? names.agent(e.actor.id) : e.actor.type === 'customer' ? 'The customer' : 'Heed';
  const before = obj(e.before);
  const after = obj(e.after);
  switch (e.action) {
    case 'ticket.created':
      return `${who} opened the ticket`;
    case 'ticket.updated': {
      const changes = Object.keys(after)
        .filter((k) => k in fieldLabels)
        .map((k) => `${fieldLabels[k]} from ${show(before[k])} to ${show(after[k])}`);
      if ('customFields' in after) {
        const fields = customFieldChanges(obj(before.customFields), obj(after.customFields));
        if (fields.length) changes.push(`the custom fields (${fields.join(', ')})`);
      }
      return changes.length ? `${who} changed ${changes.join(', ')}` : `${who} edited the ticket`;
    }
    case 'handoff.requested': {
      const to = after.toAgentId ? names.agent(String(after.toAgentId)) : 'a team';
      return `${who} asked ${to} to take over: “${show(after.note)}”`;
    }
    case 'handoff.accepted':
      return `${who} accepted the handoff and now owns the ticket`;
    case 'handoff.declined':
      return `${who} declined the handoff${after.reason ? `: “${show(after.reason)}”` : ''}`;
    case 'handoff.cancelled':
      return `${who} cancelled the handoff`;
    case 'commitment.created':
      return `Promise recorded: “${show(after.text)}”`;
    case 'commitment.updated':
      return after.status ? `Promise marked ${show(after.status)}` : 'Promise edited';
    case 'commitment.missed':
      return `A promise was missed: “${show(after.text ?? before.text ?? '')}”`;
    case 'ticket.eta_updated':
      return 'Heed told the customer the new expected reply time';
    case 'ticket.follow_up_due':
      return 'A follow-up fell due';
    case 'email.send_failed':
      return 'An email could not be delivered';
    default:
      return `${who}: ${e.action.replace(/[._]/g, ' ')}`;
  }
}
