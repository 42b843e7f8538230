/** The app: restores the session (or shows sign-in), then the workspace. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, onSignedOut, setCsrfToken } from './api/client.ts';
import { api } from './api/endpoints.ts';
import type { Agent, Team } from './api/types.ts';
import { SignIn } from './components/SignIn.tsx';
import { Workspace } from './components/Workspace.tsx';
import { makeSession, SessionContext } from './session.tsx';

type State = { kind: 'loading' } | { kind: 'signed-out'; notice?: string } | { kind: 'failed'; message: string } | { kind: 'in'; me: Agent; agents: Agent[]; teams: Team[] };

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const enter = useCallback(async (me: Agent) => {
    const [agents, teams] = await Promise.all([api.agents(), api.teams()]);
    setState({ kind: 'in', me, agents: agents.items, teams: teams.items });
  }, []);

  useEffect(() => {
    onSignedOut(() => {
      setCsrfToken(null);
      setState({ kind: 'signed-out', notice: 'Your session has ended. Sign in again to go on.' });
    });
    // The cookie (if any) says who we are; the session endpoint gives back the CSRF token changes must carry.
    api
      .session()
      .then(async (s) => {
        // Nobody signed in, or (without a CSRF token) a session that could read but not change anything: sign in.
        if (!s.agent || !s.csrfToken) return setState({ kind: 'signed-out' });
        setCsrfToken(s.csrfToken);
        await enter(s.agent);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) return setState({ kind: 'signed-out' });
        setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
  }, [enter]);

  const signOut = useCallback(() => {
    api.logout().catch(() => {}).finally(() => {
      setCsrfToken(null);
      setState({ kind: 'signed-out', notice: 'You are signed out.' });
    });
  }, []);

  const session = useMemo(() => (state.kind === 'in' ? makeSession(state.me, state.agents, state.teams, signOut) : null), [state, signOut]);

  if (state.kind === 'loading') return <p className="boot" role="status">Loading Heed…</p>;
  if (state.kind === 'failed') return <p className="boot" role="alert">Heed could not start: {state.message}</p>;
  if (state.kind === 'signed-out' || !session) {
    return (
      <SignIn
        notice={state.kind === 'signed-out' ? state.notice : undefined}
        onSignedIn={async (csrf, me) => {
          setCsrfToken(csrf);
          await enter(me);
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <Workspace />
    </SessionContext.Provider>
  );
}
