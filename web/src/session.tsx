/** Who is signed in, and the directory of agents and teams every page names people from. */
import { createContext, useContext } from 'react';
import type { Agent, Team } from './api/types.ts';

export type Session = {
  me: Agent;
  agents: Agent[];
  teams: Team[];
  agentName(id: string | null): string;
  teamName(id: string | null): string;
  signOut(): void;
};

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only used below the workspace, which renders once signed in. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in workspace');
  return s;
}

/** Builds the session value with name look-ups over the directory. */
export function makeSession(me: Agent, agents: Agent[], teams: Team[], signOut: () => void): Session {
  const byId = new Map(agents.map((a) => [a.id, a]));
  const teamsById = new Map(teams.map((t) => [t.id, t]));
  return {
    me,
    agents,
    teams,
    agentName: (id) => (id === me.id ? `${me.name} (you)` : (id && byId.get(id)?.name) || 'an agent'),
    teamName: (id) => (id && teamsById.get(id)?.name) || 'a team',
    signOut,
  };
}
