/** The conversation: customer messages, agent replies, internal notes, Heed's own notices and events, oldest first. */
import type { Message, TicketDetail } from '../api/types.ts';
import { channelLabel, dateTime } from '../lib/format.ts';
import { looseFiles } from '../lib/files.ts';
import { buildTimeline, describeEvent } from '../lib/timeline.ts';
import { useSession } from '../session.tsx';
import { FileList } from './FileList.tsx';
import { MessageBody } from './MessageBody.tsx';

export function Timeline(props: { ticket: TicketDetail }) {
  const session = useSession();
  const t = props.ticket;
  const items = buildTimeline(t.messages, t.events);
  const customer = t.requester.name || t.requester.emails[0] || 'The customer';

  function author(m: Message): { who: string; role: string; tone: string } {
    if (m.author.type === 'customer') return { who: m.author.id === t.requester.id ? customer : 'A customer', role: 'Customer', tone: 'customer' };
    if (m.author.type === 'system') return { who: 'Heed', role: 'Notice sent by Heed', tone: 'system' };
    const who = session.agentName(m.author.id);
    return m.kind === 'note' ? { who, role: 'Internal note', tone: 'note' } : { who, role: 'Reply', tone: 'agent' };
  }

  const loose = looseFiles(t.attachments, t.messages.map((m) => m.id));

  return (
    <>
    <ol className="timeline" aria-label="Conversation and events">
      {items.map((item) => {
        if (item.type === 'event') {
          return (
            <li key={`e${item.event.id}`} className="event">
              <span>{describeEvent(item.event, { agent: session.agentName })}</span> <time dateTime={item.at}>{dateTime(item.at)}</time>
            </li>
          );
        }
        const m = item.message;
        const a = author(m);
        const files = t.attachments.filter((f) => f.messageId === m.id);
        return (
          <li key={m.id} className={`message ${a.tone}`}>
            <article aria-label={`${a.role} from ${a.who}`}>
              <header>
                <strong>{a.who}</strong>
                <span className="role">{a.role}</span>
                {a.tone === 'customer' && <span className="channel">via {channelLabel(m.channel)}</span>}
                <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
              </header>
              <MessageBody message={m} title={`${a.role} from ${a.who}`} />
              <FileList files={files} />
              {m.email?.deliveryStatus && (
                <p className={`delivery ${m.email.deliveryStatus}`}>
                  Email {m.email.deliveryStatus}
                  {m.email.deliveryError ? `: ${m.email.deliveryError}` : ''}
                </p>
              )}
              {m.coach && m.coach.findings.length > 0 && (
                <details className="coach-kept">
                  <summary>Coach noted {m.coach.findings.length === 1 ? '1 thing' : `${m.coach.findings.length} things`}</summary>
                  <ul>
                    {m.coach.findings.map((f, i) => (
                      <li key={i}>
                        “{f.excerpt}”: {f.message}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </article>
          </li>
        );
      })}
    </ol>
    {loose.length > 0 && (
      <section className="ticket-files" aria-labelledby="ticket-files">
        <h2 id="ticket-files">Files on this ticket</h2>
        <FileList files={loose} label="Files on this ticket" />
      </section>
    )}
    </>
  );
}
