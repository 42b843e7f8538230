/** Beside the conversation: the ticket's state (editable), the requester, the SLA clocks and the promises made. */
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Commitment, Organization, SlaClock, TicketDetail } from '../api/types.ts';
import { dateTime, elapsed, label, minutes, priorities, relative, statuses } from '../lib/format.ts';
import { useSession } from '../session.tsx';
import { CustomFieldsEditor } from './CustomFieldsEditor.tsx';
import { OtherTickets } from './OtherTickets.tsx';
import { SuggestionsPanel } from './knowledge/SuggestionsPanel.tsx';
import { TagsEditor } from './TagsEditor.tsx';
import type { TicketPatch } from '../api/endpoints.ts';

const metricNames: Record<SlaClock['metric'], string> = {
  first_response: 'First response',
  next_response: 'Next response',
  resolution: 'Resolution',
};

export function SidePanel(props: { ticket: TicketDetail; commitments: Commitment[]; onChanged(): void; onError(message: string): void; onInsert(text: string): void }) {
  const session = useSession();
  const t = props.ticket;
  const now = new Date();
  const [org, setOrg] = useState<Organization | null>(null);

  useEffect(() => {
    if (!t.requester.organizationId) return;
    api.organization(t.requester.organizationId).then(setOrg).catch(() => setOrg(null));
  }, [t.requester.organizationId]);

  /** Saves one change; says whether it went through (a refusal is shown and the ticket reloaded as stored). */
  async function save(patch: TicketPatch, what: string): Promise<boolean> {
    try {
      await api.updateTicket(t.id, patch);
      props.onChanged();
      return true;
    } catch (err) {
      props.onError(`The ${what} ${what.endsWith('s') ? 'were' : 'was'} not changed: ${(err as Error).message}`);
      props.onChanged();
      return false;
    }
  }

  const change = (field: 'status' | 'priority', value: string) => save({ [field]: value }, field);

  return (
    <aside className="side" aria-label="Ticket details">
      <section aria-labelledby="side-ticket">
        <h2 id="side-ticket">Ticket</h2>
        <div className="field">
          <label htmlFor="ticket-status">Status</label>
          <select id="ticket-status" value={t.status} onChange={(e) => void change('status', e.target.value)}>
            {statuses.map((s) => (
              <option key={s} value={s}>{label(s)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ticket-priority">Priority</label>
          <select id="ticket-priority" value={t.priority} onChange={(e) => void change('priority', e.target.value)}>
            {priorities.map((p) => (
              <option key={p} value={p}>{label(p)}</option>
            ))}
          </select>
        </div>
        <dl className="facts">
          <dt>Owner</dt>
          <dd>{session.agentName(t.ownerId)}</dd>
          {t.teamId && (
            <>
              <dt>Team</dt>
              <dd>{session.teamName(t.teamId)}</dd>
            </>
          )}
          <dt>Opened</dt>
          <dd><time dateTime={t.createdAt}>{dateTime(t.createdAt)}</time></dd>
          {t.waitingSince && (
            <>
              <dt>Waiting on us</dt>
              <dd>for {elapsed(t.waitingSince, now)}</dd>
            </>
          )}
          {t.expectedReplyBy && (
            <>
              <dt>Reply promised by</dt>
              <dd><time dateTime={t.expectedReplyBy}>{dateTime(t.expectedReplyBy)}</time></dd>
            </>
          )}
          {t.bounced && (
            <>
              <dt>Handoffs</dt>
              <dd className="overdue">Bounced: handed off {t.handoffCount} times</dd>
            </>
          )}
        </dl>
        <TagsEditor tags={t.tags} onSave={(tags) => save({ tags }, 'tags')} />
        <CustomFieldsEditor fields={t.customFields} onSave={(customFields) => save({ customFields }, 'custom fields')} />
      </section>

      <section aria-labelledby="side-requester">
        <h2 id="side-requester">Requester</h2>
        <p className="requester-name">{t.requester.name || t.requester.emails[0] || 'Unknown'}</p>
        <dl className="facts">
          {t.requester.emails.length > 0 && (
            <>
              <dt>Email</dt>
              {t.requester.emails.map((e) => <dd key={e}>{e}</dd>)}
            </>
          )}
          {t.requester.phones.length > 0 && (
            <>
              <dt>Phone</dt>
              {t.requester.phones.map((p) => <dd key={p}>{p}</dd>)}
            </>
          )}
          {t.requester.organizationId && (
            <>
              <dt>Organization</dt>
              <dd>{org?.name ?? '…'}</dd>
            </>
          )}
          {t.requester.timezone && (
            <>
              <dt>Time zone</dt>
              <dd>{t.requester.timezone}</dd>
            </>
          )}
        </dl>
        <Expectations title="Expectations" value={t.requester.expectations} />
        {org && <Expectations title={`Expectations of ${org.name}`} value={org.expectations} />}
      </section>

      <SuggestionsPanel ticketId={t.id} onInsert={props.onInsert} onChanged={props.onChanged} />

      <OtherTickets requesterId={t.requesterId} ticketId={t.id} />

      <section aria-labelledby="side-sla">
        <h2 id="side-sla">SLA</h2>
        {t.sla.length === 0 ? (
          <p className="hint">No SLA policy applies to this ticket.</p>
        ) : (
          <ul className="clocks">
            {t.sla.map((c) => (
              <li key={c.metric} className={clockTone(c)}>
                <span className="clock-name">{metricNames[c.metric]}</span>
                <span className="clock-target">target {minutes(c.target)}</span>
                <span className="clock-state">{clockState(c, now)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="side-commitments">
        <h2 id="side-commitments">Promises</h2>
        {props.commitments.length === 0 ? (
          <p className="hint">No promises made on this ticket yet.</p>
        ) : (
          <ul className="commitments">
            {props.commitments.map((c) => (
              <li key={c.id} className={`commitment ${c.status}`}>
                <span className="commitment-text">“{c.text}”</span>
                <span className="hint">
                  {label(c.status)} · due <time dateTime={c.dueAt}>{dateTime(c.dueAt)}</time>
                  {c.status === 'open' && new Date(c.dueAt) < now ? ' (late)' : ''} · {session.agentName(c.ownerId)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}

function clockTone(c: SlaClock): string {
  if (c.breachedAt && !c.stoppedAt) return 'clock breached';
  if (c.met === false) return 'clock breached';
  if (c.pausedAt) return 'clock paused';
  return 'clock';
}

function clockState(c: SlaClock, now: Date): string {
  if (c.stoppedAt) return c.met === false ? 'missed' : 'met';
  if (c.breachedAt) return `breached ${relative(c.breachedAt, now)}`;
  if (c.pausedAt) return 'paused while we wait on the customer';
  if (c.dueAt) return `due ${dateTime(c.dueAt)} (${relative(c.dueAt, now)})`;
  return 'running';
}

/** What sales or a contract promised this customer: plan, response time, named contact, promises, notes. */
function Expectations(props: { title: string; value: Record<string, unknown> }) {
  const v = props.value;
  const text = (k: string) => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : null);
  const promises = Array.isArray(v.promises) ? v.promises.filter((p): p is string => typeof p === 'string') : [];
  const response = typeof v.responseTimeMinutes === 'number' ? v.responseTimeMinutes : null;
  if (!text('plan') && !text('namedContact') && !text('notes') && response === null && promises.length === 0) return null;
  return (
    <div className="expectations">
      <h3>{props.title}</h3>
      <dl className="facts">
        {text('plan') && (<><dt>Plan</dt><dd>{text('plan')}</dd></>)}
        {response !== null && (<><dt>Promised response time</dt><dd>{minutes(response)}</dd></>)}
        {text('namedContact') && (<><dt>Named contact</dt><dd>{text('namedContact')}</dd></>)}
        {promises.length > 0 && (<><dt>Promised</dt>{promises.map((p) => <dd key={p}>{p}</dd>)}</>)}
        {text('notes') && (<><dt>Notes</dt><dd>{text('notes')}</dd></>)}
      </dl>
    </div>
  );
}
