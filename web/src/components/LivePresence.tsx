/** A calm line on a ticket saying which other agents have it open, and who is typing. */
import type { Present } from '../hooks/livePresence.ts';
import { presenceLabel } from '../hooks/livePresence.ts';

export function LivePresence(props: { others: Present[] }) {
  const text = presenceLabel(props.others);
  // The live region stays mounted so screen readers announce changes, and empties when nobody else is here.
  return (
    <p className="notice presence" role="status" aria-live="polite" hidden={!text}>
      {text && <span className="presence-dot" aria-hidden="true">●</span>} {text}
    </p>
  );
}
