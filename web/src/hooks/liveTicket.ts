/**
 * An open ticket kept live: it reloads when something happens on it (a message from the customer or a
 * colleague, a status change, a handoff), says "I am viewing" while open and "typing" while the agent writes,
 * and tracks which other agents are on it (collision detection).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { csrfToken } from '../api/client.ts';
import type { PresenceState } from '../../../src/realtime/types.ts';
import { liveReady, onLive } from './liveEvents.ts';
import { applyPresence, presentAt, TYPING_EVERY_MS, VIEWING_EVERY_MS, type Others, type Present } from './livePresence.ts';

const RELOAD_DEBOUNCE_MS = 250;
/** The least time between two answers to a newcomer's "viewing" (so two agents do not echo each other). */
const ANSWER_EVERY_MS = 5_000;

/**
 * Announces presence without going through request(): presence changes nothing on screen, so it must not
 * trigger the refreshes that follow a change. `keepalive` lets "left" go out while the page unloads.
 */
function sendPresence(ticketId: string, state: PresenceState): void {
  const csrf = csrfToken();
  void fetch(`/api/v1/tickets/${ticketId}/presence`, {
    method: 'POST',
    credentials: 'same-origin',
    keepalive: state === 'left',
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify({ state }),
  }).catch(() => {}); // presence is best effort: a lost beat is covered by the next
}

/** Keeps ticket `ticketId` live for agent `meId`; `reload` is called (debounced) when the ticket changed. */
export function useLiveTicket(ticketId: string, meId: string, reload: () => void): { others: Present[]; typing(): void } {
  const [others, setOthers] = useState<Others>({});
  const [now, setNow] = useState(() => Date.now());
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const lastTyping = useRef(0);
  const lastAnswer = useRef(0);
  const known = useRef<Others>({});

  useEffect(() => {
    let soon: ReturnType<typeof setTimeout> | undefined;
    const off = onLive((m) => {
      if (m.type === 'ready') return sendPresence(ticketId, 'viewing');
      if (m.type === 'resync') {
        known.current = {};
        setOthers({}); // presence heard before the gap may be stale; the others answer our beat
        sendPresence(ticketId, 'viewing');
        clearTimeout(soon);
        soon = setTimeout(() => reloadRef.current(), RELOAD_DEBOUNCE_MS);
        return;
      }
      if (m.type === 'unavailable' || m.ticketId !== ticketId) return;
      if (m.type === 'presence') {
        if (m.agentId === meId) return;
        const at = Date.now();
        // A newcomer should not wait for our next beat to learn we are here.
        if (!known.current[m.agentId] && m.state !== 'left' && at - lastAnswer.current > ANSWER_EVERY_MS) {
          lastAnswer.current = at;
          sendPresence(ticketId, 'viewing');
        }
        known.current = applyPresence(known.current, m, at);
        setOthers(known.current);
        setNow(at);
        return;
      }
      clearTimeout(soon);
      soon = setTimeout(() => reloadRef.current(), RELOAD_DEBOUNCE_MS);
    });
    // Announced once our stream listens, so the answers of agents already here reach us.
    if (liveReady()) sendPresence(ticketId, 'viewing');
    const beat = setInterval(() => sendPresence(ticketId, 'viewing'), VIEWING_EVERY_MS);
    const tick = setInterval(() => setNow(Date.now()), 5_000); // lets stale presence and "typing" fade
    const leave = () => sendPresence(ticketId, 'left');
    window.addEventListener('pagehide', leave);
    return () => {
      off();
      clearTimeout(soon);
      clearInterval(beat);
      clearInterval(tick);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [ticketId, meId]);

  const typing = useCallback(() => {
    const at = Date.now();
    if (at - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = at;
    sendPresence(ticketId, 'typing');
  }, [ticketId]);

  return { others: presentAt(others, now), typing };
}
