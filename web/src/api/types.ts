/**
 * The API's JSON shapes, inferred from the server's own response schemas (type-only imports: nothing of the
 * server reaches the bundle), so the app and the API cannot drift apart unnoticed.
 */
import type { z } from 'zod';
import type { AgentJson, TeamJson } from '../../../src/agents/presenter.ts';
import type { AttachmentJson } from '../../../src/attachments/presenter.ts';
import type { CommitmentJson } from '../../../src/commitments/presenter.ts';
import type { OrganizationJson } from '../../../src/customers/presenter.ts';
import type { CoachJson, EventJson, HandoffJson, MessageJson, SlaClockJson, TicketDetailJson, TicketJson } from '../../../src/tickets/presenter.ts';

export type Agent = z.infer<typeof AgentJson>;
export type Team = z.infer<typeof TeamJson>;
export type Ticket = z.infer<typeof TicketJson>;
export type TicketDetail = z.infer<typeof TicketDetailJson>;
export type Message = z.infer<typeof MessageJson>;
export type HeedEvent = z.infer<typeof EventJson>;
export type Handoff = z.infer<typeof HandoffJson>;
export type SlaClock = z.infer<typeof SlaClockJson>;
export type Coach = z.infer<typeof CoachJson>;
export type Commitment = z.infer<typeof CommitmentJson>;
export type Attachment = z.infer<typeof AttachmentJson>;
export type Organization = z.infer<typeof OrganizationJson>;
export type Page<T> = { items: T[]; nextCursor: string | null };
export type SearchHit = { ticket: Ticket; rank: number; snippet: string; matchedIn: 'subject' | 'message' | 'fuzzy' };
