/** One ticket in a list: number, subject, state, who owns it, and how long the customer has waited. */
import type { Ticket } from '../api/types.ts';
import { elapsed, label, relative } from '../lib/format.ts';
import { followLink } from '../router.ts';
import { useSession } from '../session.tsx';

export function TicketRow(props: { ticket: Ticket; selected: boolean; now: Date; snippet?: string | null; linkRef?: (el: HTMLAnchorElement | null) => void }) {
  const { agentName } = useSession();
  const t = props.ticket;
  const overdue = t.nextDueAt !== null && new Date(t.nextDueAt) < props.now;
  return (
    <li className={`ticket-row${props.selected ? ' selected' : ''}`}>
      <a href={`/tickets/${t.id}`} ref={props.linkRef} aria-current={props.selected ? 'true' : undefined} onClick={(e) => followLink(e, `/tickets/${t.id}`)}>
        <span className="row-main">
          <span className="number">#{t.number}</span>
          <span className="subject">{t.subject}</span>
        </span>
        {props.snippet && <Snippet text={props.snippet} />}
        <span className="row-meta">
          <span className={`badge status-${t.status}`}>{label(t.status)}</span>
          {t.priority !== 'normal' && <span className={`badge priority-${t.priority}`}>{label(t.priority)}</span>}
          <span>{agentName(t.ownerId)}</span>
          {t.waitingSince ? <span className="waiting">waiting {elapsed(t.waitingSince, props.now)}</span> : <span>updated {relative(t.updatedAt, props.now)}</span>}
          {t.nextDueAt && <span className={overdue ? 'overdue' : 'due'}>{overdue ? 'overdue' : `due ${relative(t.nextDueAt, props.now)}`}</span>}
        </span>
      </a>
    </li>
  );
}

/** A search snippet; the server marks matched words with « and ». */
function Snippet(props: { text: string }) {
  const parts = props.text.split(/[«»]/);
  return (
    <span className="snippet">
      {parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <span key={i}>{p}</span>))}
    </span>
  );
}
