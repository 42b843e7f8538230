import { z } from 'zod';
import type { Handoff, Message, SlaClock, Ticket } from '../db/types.ts';
import type { TicketDetail } from './queries.ts';
import { AttachmentJson, presentAttachment } from '../attachments/presenter.ts';

export const TicketJson = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  status: z.string(),
  priority: z.string(),
  channel: z.string(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  requesterId: z.string(),
  teamId: z.string().nullable(),
  ownerId: z.string(),
  handoffCount: z.number(),
  bounced: z.boolean(),
  followUpOfId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  solvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Who wrote the last public message, and since when the customer waits on us (null: we spoke last). */
  lastPublicFrom: z.enum(['customer', 'agent']).nullable(),
  waitingSince: z.string().nullable(),
  firstRepliedAt: z.string().nullable(),
  /** The earliest due time of the ticket's running SLA clocks. */
  nextDueAt: z.string().nullable(),
  /** The reply time the customer was told to expect. */
  expectedReplyBy: z.string().nullable(),
  followUpAt: z.string().nullable(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentTicket = (t: Ticket): z.infer<typeof TicketJson> => ({
  id: t.id,
  number: t.number,
  subject: t.subject,
  status: t.status,
  priority: t.priority,
  channel: t.channel,
  tags: t.tags,
  customFields: t.custom_fields,
  requesterId: t.requester_id,
  teamId: t.team_id,
  ownerId: t.owner_id,
  handoffCount: t.handoff_count,
  bounced: t.bounced,
  followUpOfId: t.follow_up_of_id,
  createdAt: t.created_at.toISOString(),
  updatedAt: t.updated_at.toISOString(),
  solvedAt: iso(t.solved_at),
  closedAt: iso(t.closed_at),
  lastPublicFrom: t.last_public_from,
  waitingSince: iso(t.waiting_since),
  firstRepliedAt: iso(t.first_replied_at),
  nextDueAt: iso(t.next_due_at),
  expectedReplyBy: iso(t.expected_reply_by),
  followUpAt: iso(t.follow_up_at),
});

export const CoachJson = z.object({
  language: z.string(),
  findings: z.array(
    z.object({
      kind: z.enum(['cant_focus', 'blame', 'channel_redirect', 'no_acknowledgement']),
      start: z.number(),
      end: z.number(),
      excerpt: z.string(),
      message: z.string(),
      suggestion: z.string(),
    }),
  ),
  commitments: z.array(z.object({ phrase: z.string(), start: z.number(), end: z.number(), due: z.string().nullable(), action: z.string() })),
});

export const MessageJson = z.object({
  id: z.string(),
  ticketId: z.string(),
  kind: z.enum(['reply', 'note']),
  direction: z.enum(['inbound', 'outbound']),
  channel: z.string(),
  author: z.object({ type: z.enum(['agent', 'customer', 'system']), id: z.string().nullable() }),
  body: z.string(),
  bodyHtml: z.string().nullable(),
  createdAt: z.string(),
  /** The reply coach's reading of an agent's public reply when it was sent (kept for coaching, never blocking). */
  coach: CoachJson.nullable().optional(),
  /** Email details: threading ids, the new text without quoted history, and the delivery state of outbound mail. */
  email: z
    .object({
      messageId: z.string(),
      from: z.string(),
      to: z.array(z.string()),
      cc: z.array(z.string()),
      newText: z.string().nullable(),
      deliveryStatus: z.enum(['queued', 'sent', 'failed']).nullable(),
      deliveryError: z.string().nullable(),
      sentAt: z.string().nullable(),
    })
    .nullable()
    .optional(),
});

export const presentMessage = (m: Message): z.infer<typeof MessageJson> => ({
  id: m.id,
  ticketId: m.ticket_id,
  kind: m.kind,
  direction: m.direction,
  channel: m.channel,
  author: m.author_agent_id
    ? { type: 'agent', id: m.author_agent_id }
    : m.author_customer_id
      ? { type: 'customer', id: m.author_customer_id }
      : { type: 'system', id: null },
  body: m.body_text,
  bodyHtml: m.body_html,
  createdAt: m.created_at.toISOString(),
  coach: (m.coach as z.infer<typeof CoachJson> | null) ?? null,
});

export const HandoffJson = z.object({
  id: z.string(),
  ticketId: z.string(),
  fromAgentId: z.string(),
  requestedById: z.string(),
  toAgentId: z.string().nullable(),
  toTeamId: z.string().nullable(),
  note: z.string(),
  status: z.enum(['pending', 'accepted', 'declined', 'cancelled']),
  declineReason: z.string().nullable(),
  resolvedById: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const presentHandoff = (h: Handoff): z.infer<typeof HandoffJson> => ({
  id: h.id,
  ticketId: h.ticket_id,
  fromAgentId: h.from_agent_id,
  requestedById: h.requested_by_id,
  toAgentId: h.to_agent_id,
  toTeamId: h.to_team_id,
  note: h.note,
  status: h.status,
  declineReason: h.decline_reason,
  resolvedById: h.resolved_by_id,
  createdAt: h.created_at.toISOString(),
  resolvedAt: iso(h.resolved_at),
});

export const EventJson = z.object({
  id: z.number(),
  action: z.string(),
  actor: z.object({ type: z.enum(['agent', 'customer', 'system']), id: z.string().nullable() }),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});

export const SlaClockJson = z.object({
  metric: z.enum(['first_response', 'next_response', 'resolution']),
  target: z.number(),
  policyId: z.string().nullable(),
  startedAt: z.string(),
  dueAt: z.string().nullable(),
  warnedAt: z.string().nullable(),
  breachedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  met: z.boolean().nullable(),
  usedMinutes: z.number(),
});

export const presentClock = (c: SlaClock): z.infer<typeof SlaClockJson> => ({
  metric: c.metric,
  target: c.target_minutes,
  policyId: c.policy_id,
  startedAt: c.cycle_started_at.toISOString(),
  dueAt: iso(c.due_at),
  warnedAt: iso(c.warned_at),
  breachedAt: iso(c.breached_at),
  pausedAt: iso(c.paused_at),
  stoppedAt: iso(c.stopped_at),
  met: c.met,
  usedMinutes: Math.round(c.elapsed_minutes * 100) / 100,
});

export const TicketDetailJson = TicketJson.extend({
  requester: z.object({
    id: z.string(),
    name: z.string().nullable(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    organizationId: z.string().nullable(),
    timezone: z.string().nullable(),
    expectations: z.record(z.string(), z.unknown()),
  }),
  /** The SLA clocks: target in business minutes; dueAt while running, pausedAt while waiting on the customer. */
  sla: z.array(SlaClockJson),
  pendingHandoff: HandoffJson.nullable(),
  handoffs: z.array(HandoffJson),
  messages: z.array(MessageJson),
  attachments: z.array(AttachmentJson),
  events: z.array(EventJson),
});

export const presentTicketDetail = (d: TicketDetail): z.infer<typeof TicketDetailJson> => {
  const handoffs = d.handoffs.map(presentHandoff);
  return {
    ...presentTicket(d.ticket),
    requester: {
      id: d.requester.id,
      name: d.requester.name,
      emails: d.requester.identities.filter((i) => i.kind === 'email').map((i) => i.value),
      phones: d.requester.identities.filter((i) => i.kind === 'phone').map((i) => i.value),
      organizationId: d.requester.organization_id,
      timezone: d.requester.timezone,
      expectations: d.requester.expectations,
    },
    sla: d.clocks.map(presentClock),
    pendingHandoff: handoffs.find((h) => h.status === 'pending') ?? null,
    handoffs,
    messages: d.messages.map((m) => {
      const e = d.emails.find((x) => x.message_id === m.id);
      return {
        ...presentMessage(m),
        email: e
          ? {
              messageId: e.message_id_header,
              from: e.from_address,
              to: e.to_addresses,
              cc: e.cc_addresses,
              newText: e.new_text,
              deliveryStatus: e.delivery_status,
              deliveryError: e.delivery_error,
              sentAt: iso(e.sent_at),
            }
          : null,
      };
    }),
    attachments: d.attachments.map(presentAttachment),
    events: d.events.map((e) => ({
      id: e.id,
      action: e.action,
      actor: { type: e.actor_kind, id: e.actor_id },
      before: e.before,
      after: e.after,
      createdAt: e.created_at.toISOString(),
    })),
  };
};
