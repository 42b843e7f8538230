/** Handing a ticket to another agent or a team: the note for the next owner is required. */
import { useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import type { TicketDetail } from '../api/types.ts';
import { useSession } from '../session.tsx';
import { Dialog } from './Dialog.tsx';

export function HandoffDialog(props: { open: boolean; ticket: TicketDetail; onClose(): void; onDone(message: string): void }) {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const agents = session.agents.filter((a) => a.active && a.id !== props.ticket.ownerId);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const target = String(form.get('target') ?? '');
    const note = String(form.get('note') ?? '').trim();
    if (!target) return setError('Choose who takes the ticket over.');
    if (!note) return setError('Write a note: what is going on, what was tried, what the customer was promised.');
    const [type, id] = target.split(':') as ['agent' | 'team', string];
    setBusy(true);
    setError(null);
    try {
      await api.handOff(props.ticket.id, type === 'agent' ? { toAgentId: id, note } : { toTeamId: id, note });
      props.onDone(`Handoff sent to ${type === 'agent' ? session.agentName(id) : `the team ${session.teamName(id)}`}. You stay the owner until it is accepted.`);
    } catch (err) {
      setError((err as Error).message);
    }
    setBusy(false);
  }

  return (
    <Dialog open={props.open} onClose={props.onClose} title={`Hand off #${props.ticket.number}`}>
      <form onSubmit={submit} className="handoff-form" noValidate>
        <div className="field">
          <label htmlFor="handoff-target">Hand off to</label>
          <select id="handoff-target" name="target" defaultValue="" required>
            <option value="" disabled>Choose an agent or a team</option>
            <optgroup label="Agents">
              {agents.map((a) => (
                <option key={a.id} value={`agent:${a.id}`}>
                  {a.name}{a.availability !== 'available' ? ` (${a.availability})` : ''}
                </option>
              ))}
            </optgroup>
            {session.teams.length > 0 && (
              <optgroup label="Teams">
                {session.teams.map((t) => (
                  <option key={t.id} value={`team:${t.id}`}>{t.name}</option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor="handoff-note">Note for the next owner (required)</label>
          <textarea id="handoff-note" name="note" rows={5} required aria-describedby="handoff-note-hint" />
          <p id="handoff-note-hint" className="hint">What is going on, what has been tried, and what the customer was promised.</p>
        </div>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={props.onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? 'Handing off…' : 'Hand off'}</button>
        </div>
      </form>
    </Dialog>
  );
}
