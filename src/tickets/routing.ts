import { sql } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { HeedError } from '../http/errors.ts';

export type RoutingDecision = {
  ownerId: string;
  teamId: string | null;
  reason: 'round_robin' | 'team_lead' | 'default_owner';
};

/**
 * Chooses the accountable owner of a new ticket: round-robin among the available active members of the
 * target team (the requested team, else the workspace default team), then the team lead, then the workspace
 * default owner. Turns come from a sequence, so concurrent creations never wait on each other.
 */
export async function routeNewTicket(db: Queryable, requestedTeamId: string | null | undefined): Promise<RoutingDecision> {
  const ws = await db.selectFrom('workspace').select(['default_owner_id', 'default_team_id']).executeTakeFirstOrThrow();
  const teamId = requestedTeamId ?? ws.default_team_id;
  if (teamId) {
    const team = await db
      .selectFrom('teams as t')
      .leftJoin('agents as l', (j) => j.onRef('l.id', '=', 't.lead_id').on('l.active', '=', true))
      .select([
        't.id',
        'l.id as leadId',
        sql<string[]>`coalesce((
          select array_agg(a.id order by a.id) from team_members m join agents a on a.id = m.agent_id
          where m.team_id = t.id and a.active and a.availability = 'available'), '{}')`.as('available'),
      ])
      .where('t.id', '=', teamId)
      .executeTakeFirst();
    if (!team) throw new HeedError('reference_not_found', 'teamId: no such team');
    if (team.available.length > 0) {
      const { turn } = await sql<{ turn: number }>`select nextval('routing_turn_seq') as turn`.execute(db).then((r) => r.rows[0]!);
      return { ownerId: team.available[turn % team.available.length]!, teamId, reason: 'round_robin' };
    }
    if (team.leadId) return { ownerId: team.leadId, teamId, reason: 'team_lead' };
  }
  if (ws.default_owner_id) {
    const owner = await db.selectFrom('agents').select('id').where('id', '=', ws.default_owner_id).where('active', '=', true).executeTakeFirst();
    if (owner) return { ownerId: owner.id, teamId: teamId ?? null, reason: 'default_owner' };
  }
  throw new HeedError('no_owner_available', 'no agent can own this ticket: set a workspace default owner (PATCH /api/v1/workspace)');
}
