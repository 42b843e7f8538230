/** A ticket: the whole conversation and its events, the composer, and a side panel with the customer and clocks. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Commitment, TicketDetail } from '../api/types.ts';
import { useShortcuts, useTitle } from '../hooks.ts';
import { channelLabel } from '../lib/format.ts';
import { useSession } from '../session.tsx';
import { Composer, type Insert } from './Composer.tsx';
import { HandoffBanner } from './HandoffBanner.tsx';
import { HandoffDialog } from './HandoffDialog.tsx';
import { LivePresence } from './LivePresence.tsx';
import { useLiveTicket } from '../hooks/liveTicket.ts';
import { SidePanel } from './SidePanel.tsx';
import { Timeline } from './Timeline.tsx';

export function TicketPage(props: { id: string }) {
  const { me } = useSession();
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [commitments, setCommitments] = useState<Commitment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [handingOff, setHandingOff] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [insert, setInsert] = useState<Insert | null>(null);
  useTitle(ticket ? `#${ticket.number} ${ticket.subject}` : 'Ticket');

  const reload = useCallback(async () => {
    try {
      const [t, c] = await Promise.all([api.ticket(props.id), api.commitments(props.id)]);
      setTicket(t);
      setCommitments(c.items);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [props.id]);

  useEffect(() => {
    void reload();
  }, [reload]);
  const live = useLiveTicket(props.id, me.id, () => void reload());

  const solve = async () => {
    if (!ticket || ticket.status === 'solved' || ticket.status === 'closed') return;
    try {
      await api.updateTicket(ticket.id, { status: 'solved' });
      setNotice('Marked solved.');
      await reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  useShortcuts({ solve: () => void solve() });

  if (!ticket) {
    return error ? <p className="error" role="alert">Could not open the ticket: {error}</p> : <p role="status" className="loading">Opening the ticket…</p>;
  }
  const mayHandOff = (ticket.ownerId === me.id || me.role === 'admin') && !ticket.pendingHandoff && ticket.status !== 'closed';

  return (
    <article className="ticket" aria-labelledby="ticket-title">
      <header className="ticket-head">
        <div>
          <p className="number">#{ticket.number} · {channelLabel(ticket.channel)}</p>
          <h1 id="ticket-title">{ticket.subject}</h1>
        </div>
        <div className="ticket-actions">
          {mayHandOff && (
            <button type="button" onClick={() => setHandingOff(true)}>Hand off…</button>
          )}
        </div>
      </header>
      <LivePresence others={live.others} />
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      <div className="ticket-body">
        <div className="conversation">
          {ticket.pendingHandoff && <HandoffBanner ticket={ticket} onChanged={(msg) => { setNotice(msg); void reload(); }} />}
          <Timeline ticket={ticket} />
          <Composer ticket={ticket} insert={insert} onTyping={live.typing} onSent={(msg) => { setNotice(msg); void reload(); }} />
        </div>
        <SidePanel ticket={ticket} commitments={commitments} onChanged={() => void reload()} onError={setError} onInsert={(text) => setInsert((i) => ({ text, n: (i?.n ?? 0) + 1 }))} />
      </div>
      <HandoffDialog
        open={handingOff}
        ticket={ticket}
        onClose={() => setHandingOff(false)}
        onDone={(msg) => {
          setHandingOff(false);
          setNotice(msg);
          void reload();
        }}
      />
    </article>
  );
}
