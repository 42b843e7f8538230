/** The events of the live stream, shared by the server and the web app (no Node.js types here). */

export type PresenceState = 'viewing' | 'typing' | 'left';

export type LiveEvent =
  | { type: 'ticket.created'; ticketId: string; number: number; ownerId: string; teamId: string | null; actorId: string | null }
  | { type: 'ticket.updated'; ticketId: string; fields: string[]; actorId: string | null }
  | { type: 'message.added'; ticketId: string; messageId: string; kind: 'reply' | 'note'; direction: 'inbound' | 'outbound'; actorId: string | null }
  | {
      type: 'handoff.requested' | 'handoff.answered';
      ticketId: string;
      handoffId: string;
      status: 'pending' | 'accepted' | 'declined' | 'cancelled';
      toAgentId: string | null;
      toTeamId: string | null;
      actorId: string | null;
    }
  | { type: 'presence'; ticketId: string; agentId: string; agentName: string; state: PresenceState };

/** What the stream sends besides events: "ready" once listening, "resync" when events may have been missed, "unavailable" when this process cannot listen. */
export type StreamMessage = LiveEvent | { type: 'ready'; agentId: string } | { type: 'resync' } | { type: 'unavailable' };
