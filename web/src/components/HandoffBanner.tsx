/** A pending handoff on the ticket: accept or decline (with a reason) for the receiver, cancel for the sender. */
import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import type { TicketDetail } from '../api/types.ts';
import { useSession } from '../session.tsx';

export function HandoffBanner(props: { ticket: TicketDetail; onChanged(message: string): void }) {
  const session = useSession();
  const h = props.ticket.pendingHandoff;
  const [declining, setDeclining] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!h) return null;

  const me = session.me;
  const inTeam = h.toTeamId !== null && h.toAgentId === null && session.teams.some((t) => t.id === h.toTeamId && t.memberIds.includes(me.id));
  const addressed = h.toAgentId === me.id || inTeam;
  // Admins may answer any handoff, except one they asked for themselves: that one they cancel.
  const mayAnswer = addressed || (me.role === 'admin' && h.requestedById !== me.id);
  const mayCancel = h.requestedById === me.id || props.ticket.ownerId === me.id || me.role === 'admin';
  const to = h.toAgentId ? session.agentName(h.toAgentId) : `the team ${session.teamName(h.toTeamId)}`;

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      props.onChanged(message);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  }

  function decline(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    if (!reason) return setError('Say why, so the owner knows what to do next.');
    void run(() => api.declineHandoff(props.ticket.id, reason), 'Handoff declined; the owner has your reason.');
  }

  return (
    <section className="handoff-banner" aria-labelledby="handoff-title">
      <h2 id="handoff-title">
        {session.agentName(h.fromAgentId)} asks {h.toAgentId === me.id ? 'you' : to} to take over this ticket
      </h2>
      <blockquote className="handoff-note">{h.note}</blockquote>
      {mayAnswer && !declining && (
        <div className="banner-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => api.acceptHandoff(props.ticket.id), 'You own this ticket now.')}>
            Accept handoff
          </button>
          <button type="button" disabled={busy} onClick={() => setDeclining(true)}>Decline…</button>
        </div>
      )}
      {mayAnswer && declining && (
        <form onSubmit={decline} className="decline-form" noValidate>
          <label htmlFor="decline-reason">Why are you declining? (required)</label>
          <textarea id="decline-reason" name="reason" rows={3} required autoFocus />
          <div className="banner-actions">
            <button type="submit" className="primary" disabled={busy}>Decline handoff</button>
            <button type="button" onClick={() => setDeclining(false)}>Back</button>
          </div>
        </form>
      )}
      {!addressed && mayCancel && (
        <div className="banner-actions">
          <span className="hint">You stay the owner until {to} accepts.</span>
          <button type="button" disabled={busy} onClick={() => void run(() => api.cancelHandoff(props.ticket.id), 'Handoff cancelled.')}>
            Cancel handoff
          </button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
