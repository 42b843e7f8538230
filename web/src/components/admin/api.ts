/** The admin API calls, one typed function each. */
import type { z } from 'zod';
import { request } from '../../api/client.ts';
import type { Agent, Team } from '../../api/types.ts';
import type { CalendarJson, PolicyJson } from '../../../../src/sla/schemas.ts';

export type Calendar = z.infer<typeof CalendarJson>;
export type Policy = z.infer<typeof PolicyJson>;
export type Imap = { host: string; port: number; secure: boolean; user: string; folder: string; afterImport: 'seen' | 'move' | 'delete'; moveTo: string | null; enabled: boolean; lastPolledAt: string | null; lastError: string | null };
export type Mailbox = { id: string; address: string; name: string; teamId: string | null; imap: Imap | null; createdAt: string };
export type ApiToken = { id: string; name: string | null; agentId: string; createdAt: string; lastUsedAt: string | null };

type Items<T> = { items: T[] };

export const admin = {
  agents: () => request<Items<Agent>>('GET', '/api/v1/agents', { query: { includeInactive: 'true' } }),
  createAgent: (body: { email: string; name: string; role: string; password?: string }) => request<Agent>('POST', '/api/v1/agents', { body }),
  updateAgent: (id: string, body: Partial<{ role: string; availability: string; active: boolean; name: string }>) => request<Agent>('PATCH', `/api/v1/agents/${id}`, { body }),
  teams: () => request<Items<Team>>('GET', '/api/v1/teams'),
  createTeam: (body: { name: string }) => request<Team>('POST', '/api/v1/teams', { body }),
  updateTeam: (id: string, body: { name?: string; leadId?: string | null; memberIds?: string[] }) => request<Team>('PATCH', `/api/v1/teams/${id}`, { body }),
  mailboxes: () => request<Items<Mailbox>>('GET', '/api/v1/mailboxes'),
  createMailbox: (body: object) => request<Mailbox>('POST', '/api/v1/mailboxes', { body }),
  updateMailbox: (id: string, body: object) => request<Mailbox>('PATCH', `/api/v1/mailboxes/${id}`, { body }),
  calendars: () => request<Items<Calendar>>('GET', '/api/v1/business-hours'),
  createCalendar: (body: object) => request<Calendar>('POST', '/api/v1/business-hours', { body }),
  updateCalendar: (id: string, body: object) => request<Calendar>('PATCH', `/api/v1/business-hours/${id}`, { body }),
  importHolidays: (id: string, ics: string) => request<Calendar>('POST', `/api/v1/business-hours/${id}/holidays/import`, { body: { ics } }),
  policies: () => request<Items<Policy>>('GET', '/api/v1/sla-policies'),
  createPolicy: (body: object) => request<Policy>('POST', '/api/v1/sla-policies', { body }),
  updatePolicy: (id: string, body: object) => request<Policy>('PATCH', `/api/v1/sla-policies/${id}`, { body }),
  deletePolicy: (id: string) => request<void>('DELETE', `/api/v1/sla-policies/${id}`),
  tokens: () => request<Items<ApiToken>>('GET', '/api/v1/tokens'),
  createToken: (body: { name: string; agentId?: string }) => request<ApiToken & { token: string }>('POST', '/api/v1/tokens', { body }),
  revokeToken: (id: string) => request<void>('DELETE', `/api/v1/tokens/${id}`),
};
