/** The reply coach on a draft: read again 400 ms after the agent stops typing; stale answers are dropped. */
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Coach } from '../api/types.ts';

export type CoachState = { result: Coach | null; readText: string; pending: boolean; failed: boolean };

const idle: CoachState = { result: null, readText: '', pending: false, failed: false };

export function useCoach(text: string, ticketId: string, delayMs = 400): CoachState {
  const [state, setState] = useState<CoachState>(idle);
  useEffect(() => {
    if (!text.trim()) {
      setState(idle);
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api
        .coach(text, ticketId, abort.signal)
        .then((result) => setState({ result, readText: text, pending: false, failed: false }))
        .catch((err: Error) => {
          if (err.name !== 'AbortError') setState((s) => ({ ...s, pending: false, failed: true }));
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text, ticketId, delayMs]);
  return state;
}
