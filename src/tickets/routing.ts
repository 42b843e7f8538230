import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { HeedError } from '../http/errors.ts';

export type RoutingDecision = {
  ownerId: string;
  teamId: string | null;
  reason: 'round_robin' | 'team_lead' | 'default_owner';
};

/** The workspace's fallbacks: its default team and its default owner while that agent is active. */
const workspaceDefaults = (db: Queryable) =>
  db
    .selectFrom('workspace as w')
    .leftJoin('agents as a', (j) => j.onRef('a.id', '=', 'w.default_owner_id').on('a.active', '=', true))
    .select(['w.default_team_id as teamId', 'a.id as ownerId'])
    .executeTakeFirstOrThrow();

/** A team's lead (if active), its available active members, and the next routing turn, in one query. */
const teamCandidates = (db: Queryable, teamId: string) =>
  db
    .selectFrom('teams as t')
    .leftJoin('agents as l', (j) => j.onRef('l.id', '=', 't.lead_id').on('l.active', '=', true))
    .select([
      'l.id as leadId',
      sql<string[]>`coalesce((
        select array_agg(a.id order by a.id) from team_members m join agents a on a.id = m.agent_id
        where m.team_id = t.id and a.active and a.availability = 'available'), '{}')`.as('available'),
      sql<number>`nextval('routing_turn_seq')`.as('turn'),
    ])
    .where('t.id', '=', teamId)
    .executeTakeFirst();

/**
 * Chooses the accountable owner of a new ticket: round-robin among the available active members of the
 * target team (the requested team, else the workspace default team), then the team lead, then the workspace
 * default owner. Turns come from a sequence, so concurrent creations never wait on each other.
 */
export async function routeNewTicket(db: Queryable, requestedTeamId: string | null | undefined): Promise<RoutingDecision> {
  let defaults: Awaited<ReturnType<typeof workspaceDefaults>> | undefined;
  const teamId = requestedTeamId ?? (defaults = await workspaceDefaults(db)).teamId;
  if (teamId) {
    const team = await teamCandidates(db, teamId);
    if (!team) throw new HeedError('reference_not_found', 'teamId: no such team');
    if (team.available.length > 0) {
      return { ownerId: team.available[Number(team.turn) % team.available.length]!, teamId, reason: 'round_robin' };
    }
    if (team.leadId) return { ownerId: team.leadId, teamId, reason: 'team_lead' };
  }
  defaults ??= await workspaceDefaults(db);
  if (defaults.ownerId) return { ownerId: defaults.ownerId, teamId: teamId ?? null, reason: 'default_owner' };
  throw new HeedError('no_owner_available', 'no agent can own this ticket: set a workspace default owner (PATCH /api/v1/workspace)');
}
