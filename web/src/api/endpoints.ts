/** The API calls the app makes, one typed function each. */
import { request, upload } from './client.ts';
import type { Agent, Attachment, Coach, Commitment, Handoff, Message, Organization, Page, SearchHit, Team, Ticket, TicketDetail } from './types.ts';

/** What PATCH /api/v1/tickets/:id changes; tags and custom fields replace the stored ones whole. */
export type TicketPatch = { status?: string; priority?: string; tags?: string[]; customFields?: Record<string, unknown> };

export const api = {
  login: (email: string, password: string) =>
    request<{ csrfToken: string; agent: Agent }>('POST', '/api/v1/auth/login', { body: { email, password } }),
  logout: () => request<void>('POST', '/api/v1/auth/logout'),
  me: () => request<Agent>('GET', '/api/v1/agents/me'),
  session: () => request<{ agent: Agent | null; csrfToken: string | null }>('GET', '/api/v1/auth/session'),
  agents: () => request<{ items: Agent[] }>('GET', '/api/v1/agents'),
  teams: () => request<{ items: Team[] }>('GET', '/api/v1/teams'),
  tickets: (query: Record<string, string>, opts: { cursor?: string; limit?: number; signal?: AbortSignal } = {}) =>
    request<Page<Ticket>>('GET', '/api/v1/tickets', { query: { ...query, cursor: opts.cursor, limit: opts.limit ?? 25 }, signal: opts.signal }),
  search: (q: string, signal?: AbortSignal) => request<{ items: SearchHit[] }>('GET', '/api/v1/search', { query: { q, limit: 50 }, signal }),
  ticket: (id: string) => request<TicketDetail>('GET', `/api/v1/tickets/${id}`),
  updateTicket: (id: string, body: TicketPatch) => request<Ticket>('PATCH', `/api/v1/tickets/${id}`, { body }),
  send: (id: string, body: { body: string; kind: 'reply' | 'note'; status?: string; attachmentIds?: string[] }) =>
    request<{ ticket: Ticket; message: Message }>('POST', `/api/v1/tickets/${id}/messages`, { body }),
  attach: (ticketId: string, file: File, messageId?: string) =>
    upload<Attachment>(`/api/v1/tickets/${ticketId}/attachments`, file, { filename: file.name, messageId }),
  coach: (text: string, ticketId: string, signal?: AbortSignal) => request<Coach>('POST', '/api/v1/coach', { body: { text, ticketId }, signal }),
  commitments: (ticketId: string) => request<{ items: Commitment[] }>('GET', `/api/v1/tickets/${ticketId}/commitments`),
  organization: (id: string) => request<Organization>('GET', `/api/v1/organizations/${id}`),
  handOff: (ticketId: string, body: { toAgentId?: string; toTeamId?: string; note: string }) =>
    request<{ handoff: Handoff }>('POST', `/api/v1/tickets/${ticketId}/handoff`, { body }),
  acceptHandoff: (ticketId: string) => request<{ handoff: Handoff }>('POST', `/api/v1/tickets/${ticketId}/handoff/accept`),
  declineHandoff: (ticketId: string, reason: string) =>
    request<{ handoff: Handoff }>('POST', `/api/v1/tickets/${ticketId}/handoff/decline`, { body: { reason } }),
  cancelHandoff: (ticketId: string) => request<{ handoff: Handoff }>('POST', `/api/v1/tickets/${ticketId}/handoff/cancel`),
};
