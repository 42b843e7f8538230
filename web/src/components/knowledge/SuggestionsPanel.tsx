/**
 * Suggestions for a ticket, in the side panel: help-center articles to link in the reply, macros to use (their
 * rendered reply goes into the composer; their actions change the ticket), and similar solved tickets to read.
 */
import { useEffect, useState } from 'react';
import { label } from '../../lib/format.ts';
import { followLink } from '../../router.ts';
import { articleLinkText, knowledge, type Macro, type Suggestions } from './api.ts';

type Props = { ticketId: string; onInsert(text: string): void; onChanged(): void };

/** The Suggestions section of a ticket's side panel. */
export function SuggestionsPanel(props: Props) {
  const [data, setData] = useState<Suggestions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    setError(null);
    knowledge
      .suggestions(props.ticketId, ctl.signal)
      .then(setData)
      .catch((err: Error) => !ctl.signal.aborted && setError(err.message));
    return () => ctl.abort();
  }, [props.ticketId, tick]);

  async function use(macroId: string, name: string) {
    setBusy(macroId);
    setProblem(null);
    setStatus(null);
    try {
      const r = await knowledge.applyMacro(props.ticketId, macroId);
      props.onInsert(r.body);
      setStatus(`Used “${name}”: its reply is in the composer, ready to review.`);
      props.onChanged();
    } catch (err) {
      setProblem(`“${name}” was not used: ${(err as Error).message}`);
    }
    setBusy(null);
  }

  const insertLink = (title: string, url: string) => {
    props.onInsert(articleLinkText(title, url, location.origin));
    setStatus(`Link to “${title}” put in the composer.`);
  };

  const empty = data && data.articles.length === 0 && data.macros.length === 0 && data.similarTickets.length === 0;
  return (
    <section aria-labelledby="side-suggestions" className="suggestions" aria-busy={!data && !error}>
      <h2 id="side-suggestions">Suggestions</h2>
      {error ? (
        <div className="error" role="alert">
          Could not load suggestions: {error} <button type="button" className="link-button" onClick={() => setTick((n) => n + 1)}>Try again</button>
        </div>
      ) : !data ? (
        <p className="hint" role="status">Looking for suggestions…</p>
      ) : empty ? (
        <p className="hint">No suggestions yet.</p>
      ) : (
        <>
          {data.articles.length > 0 && (
            <>
              <h3 id="suggested-articles">Articles{data.confident && <span className="badge">likely answer</span>}</h3>
              <ul className="suggestion-list" aria-labelledby="suggested-articles">
                {data.articles.map((a) => (
                  <li key={a.articleId}>
                    <span className="suggestion-title">{a.url ? <a href={a.url} target="_blank" rel="noopener noreferrer">{a.title}</a> : a.title}</span>
                    {a.snippet && <span className="hint snippet">{a.snippet}</span>}
                    {a.url && <button type="button" onClick={() => insertLink(a.title, a.url!)} aria-label={`Insert link to ${a.title}`}>Insert link</button>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.macros.length > 0 && (
            <>
              <h3 id="suggested-macros">Macros</h3>
              <ul className="suggestion-list" aria-labelledby="suggested-macros">
                {data.macros.map((m) => (
                  <li key={m.macroId}>
                    <span className="suggestion-title">{m.name}</span>
                    <button type="button" disabled={busy !== null} onClick={() => void use(m.macroId, m.name)} aria-label={`Use macro ${m.name}`}>Use</button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {data.similarTickets.length > 0 && (
            <>
              <h3 id="similar-tickets">Similar solved tickets</h3>
              <ul className="suggestion-list" aria-labelledby="similar-tickets">
                {data.similarTickets.map((t) => (
                  <li key={t.ticketId}>
                    <a href={`/tickets/${t.ticketId}`} onClick={(e) => followLink(e, `/tickets/${t.ticketId}`)}>#{t.number} {t.subject}</a>
                    <span className="hint"> · {label(t.status)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <MacroPicker ticketBusy={busy !== null} onUse={(m) => void use(m.id, m.name)} />
      {status && <p className="notice" role="status">{status}</p>}
      {problem && <p className="error" role="alert">{problem}</p>}
    </section>
  );
}

/** Any active macro, for when the one wanted is not among the suggestions. */
function MacroPicker(props: { ticketBusy: boolean; onUse(m: Macro): void }) {
  const [macros, setMacros] = useState<Macro[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    const ctl = new AbortController();
    knowledge.macros({ active: 'true' }).then((r) => !ctl.signal.aborted && setMacros(r.items)).catch(() => !ctl.signal.aborted && setMacros([]));
    return () => ctl.abort();
  }, []);
  if (!macros || macros.length === 0) return null;
  const m = macros.find((x) => x.id === chosen);
  return (
    <div className="macro-picker">
      <label htmlFor="macro-picker">Any macro</label>
      <select id="macro-picker" value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">Choose a macro…</option>
        {macros.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
      </select>
      <button type="button" disabled={!m || props.ticketBusy} aria-label="Use the chosen macro" onClick={() => m && props.onUse(m)}>Use</button>
    </div>
  );
}
