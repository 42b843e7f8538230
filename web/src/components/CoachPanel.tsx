/** What the coach found in the draft, with suggestions, and the promises Heed will record when it is sent. */
import type { Coach } from '../api/types.ts';
import { dateTime } from '../lib/format.ts';
import type { CoachState } from './useCoach.ts';

const kindNames: Record<Coach['findings'][number]['kind'], string> = {
  cant_focus: 'Dwells on what we can’t do',
  blame: 'Blame',
  channel_redirect: 'Sends the customer elsewhere',
  no_acknowledgement: 'Complaint not acknowledged',
};

export function CoachPanel(props: { id: string; active: boolean; coach: CoachState; result: Coach | null; onPick(span: { start: number; end: number }): void }) {
  const r = props.active ? props.result : null;
  return (
    <div id={props.id} className="coach" aria-live="polite">
      {props.active && props.coach.pending && !r && <p className="hint">The coach is reading…</p>}
      {props.active && props.coach.failed && <p className="hint">The coach is not available right now; you can still send.</p>}
      {r && r.findings.length > 0 && (
        <>
          <h3>Coach</h3>
          <ul className="findings">
            {r.findings.map((f, i) => (
              <li key={`${f.kind}-${f.start}-${i}`} className={`finding coach-${f.kind}`}>
                <p>
                  <strong>{kindNames[f.kind]}:</strong>{' '}
                  <button type="button" className="excerpt" onClick={() => props.onPick(f)} title="Select these words in the draft">
                    “{f.excerpt}”
                  </button>
                </p>
                <p>{f.message}</p>
                <p className="suggestion">
                  <strong>Try:</strong> {f.suggestion}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      {r && r.commitments.length > 0 && (
        <>
          <h3>Promises Heed will track when you send</h3>
          <ul className="promises">
            {r.commitments.map((c, i) => (
              <li key={`${c.start}-${i}`}>
                <button type="button" className="excerpt" onClick={() => props.onPick(c)}>“{c.phrase}”</button>{' '}
                <span>{c.due ? <>due <time dateTime={c.due}>{dateTime(c.due)}</time></> : 'no time stated: the workspace default applies'}</span>
                <span className="hint"> · {c.action}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {r && r.findings.length === 0 && r.commitments.length === 0 && <p className="hint">The coach has nothing to add.</p>}
    </div>
  );
}
