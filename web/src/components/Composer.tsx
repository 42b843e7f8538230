/**
 * Writing a public reply or an internal note. While a reply is typed the coach underlines the exact words of
 * each finding and lists the promises Heed will track; it advises, and sending is never blocked.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../api/endpoints.ts';
import type { TicketDetail } from '../api/types.ts';
import { useShortcuts } from '../hooks.ts';
import { label, statuses } from '../lib/format.ts';
import { segmentText, spanStillFits, type Span } from '../lib/segments.ts';
import { AttachPicker } from './AttachPicker.tsx';
import { CoachPanel } from './CoachPanel.tsx';
import { useCoach } from './useCoach.ts';

type Kind = 'reply' | 'note';

/** Text put into the reply from outside (a macro, an article link); a new `n` inserts it again. */
export type Insert = { text: string; n: number };

export function Composer(props: { ticket: TicketDetail; onSent(message: string): void; onTyping?(): void; insert?: Insert | null }) {
  const [kind, setKind] = useState<Kind>('reply');
  const [text, setText] = useState('');
  const [statusAfter, setStatusAfter] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const coach = useCoach(kind === 'reply' ? text : '', props.ticket.id);

  useShortcuts({ reply: () => start('reply'), note: () => start('note') });

  // Inserted text goes to the end of the reply being written, after a blank line.
  const inserted = props.insert;
  useEffect(() => {
    if (!inserted) return;
    setKind('reply');
    setText((t) => (t.trim() ? `${t.replace(/\s+$/, '')}\n\n${inserted.text}` : inserted.text));
    area.current?.focus();
  }, [inserted]);

  function start(k: Kind) {
    setKind(k);
    area.current?.focus();
  }

  // The field grows with the draft, so the underlines behind it never need to scroll.
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  const result = kind === 'reply' ? coach.result : null;
  const spans: Span[] = [];
  result?.findings.forEach((f, index) => {
    if (spanStillFits(coach.readText, text, f)) spans.push({ start: f.start, end: f.end, kind: f.kind, index });
  });
  result?.commitments.forEach((c, index) => {
    if (spanStillFits(coach.readText, text, c)) spans.push({ start: c.start, end: c.end, kind: 'commitment', index });
  });

  async function send() {
    if (!text.trim() || sending) return;
    setSending(true);
    setError(null);
    // Files go up first and travel with the message, so a reply's email carries them.
    const uploaded: string[] = [];
    for (const f of files) {
      try {
        uploaded.push((await api.attach(props.ticket.id, f)).id);
      } catch (err) {
        setError(`Not sent: ${f.name} could not be attached (${(err as Error).message})`);
        setSending(false);
        return;
      }
    }
    try {
      await api.send(props.ticket.id, { body: text, kind, status: statusAfter || undefined, attachmentIds: uploaded.length ? uploaded : undefined });
      setText('');
      setStatusAfter('');
      setFiles([]);
      props.onSent(kind === 'reply' ? 'Reply sent.' : 'Note added.');
    } catch (err) {
      setError(`Not sent: ${(err as Error).message}`);
    }
    setSending(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  }

  function select(span: { start: number; end: number }) {
    area.current?.focus();
    area.current?.setSelectionRange(span.start, span.end);
  }

  return (
    <section className={`composer ${kind}`} aria-label="Write a reply or note">
      <fieldset className="kind">
        <legend className="visually-hidden">Message type</legend>
        {(['reply', 'note'] as const).map((k) => (
          <label key={k} className={kind === k ? 'active' : undefined}>
            <input type="radio" name="composer-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {k === 'reply' ? 'Reply to customer' : 'Internal note'} <kbd aria-hidden="true">{k === 'reply' ? 'r' : 'n'}</kbd>
          </label>
        ))}
      </fieldset>
      <div className="editor">
        <div className="backdrop" aria-hidden="true">
          {segmentText(text, spans).map((s, i) =>
            s.span ? (
              <mark key={i} className={`coach-${s.span.kind}`} data-finding={s.span.kind === 'commitment' ? undefined : s.span.index}>
                {s.text}
              </mark>
            ) : (
              <span key={i}>{s.text}</span>
            ),
          )}
          {'\n'}
        </div>
        <label htmlFor="composer-text" className="visually-hidden">
          {kind === 'reply' ? 'Reply to the customer' : 'Internal note for the team'}
        </label>
        <textarea
          id="composer-text"
          ref={area}
          value={text}
          rows={5}
          placeholder={kind === 'reply' ? 'Write to the customer…' : 'Only agents see notes…'}
          onChange={(e) => {
            setText(e.target.value);
            props.onTyping?.();
          }}
          onKeyDown={onKeyDown}
          aria-describedby="coach-panel"
        />
      </div>
      <CoachPanel id="coach-panel" active={kind === 'reply' && text.trim() !== ''} coach={coach} result={result} onPick={select} />
      <AttachPicker files={files} onChange={setFiles} disabled={sending} />
      <div className="composer-actions">
        <div className="field inline">
          <label htmlFor="status-after">Then set status</label>
          <select id="status-after" value={statusAfter} onChange={(e) => setStatusAfter(e.target.value)}>
            <option value="">Leave as {label(props.ticket.status).toLowerCase()}</option>
            {statuses
              .filter((s) => s !== 'new' && s !== 'closed' && s !== props.ticket.status)
              .map((s) => (
                <option key={s} value={s}>{label(s)}</option>
              ))}
          </select>
        </div>
        <button type="button" className="primary" onClick={() => void send()} disabled={sending || !text.trim()}>
          {sending ? 'Sending…' : kind === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
