import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../db/database.ts';
import { HeedError } from '../http/errors.ts';

export type RoutingDecision = {
  ownerId: string;
  teamId: string | null;
  reason: 'round_robin' | 'team_lead' | 'default_owner';
};

type Candidates = {
  team_id: string | null;
  team_found: string | null;
  lead_id: string | null;
  available: string[];
  default_owner: string | null;
  turn: number;
};

/** What the clocks of a new ticket need to know about its requester. */
export type RequesterFacts = { organization_id: string | null; customer_expectations: unknown; organization_expectations: unknown };

/**
 * Everything a new ticket needs read before it is written, in one statement: owner candidates and requester. The
 * ticket's number is drawn by its insert (the column's default), so a read made in advance wastes none.
 */
export type NewTicketFacts = { candidates: Candidates; requester: RequesterFacts | null };

/**
 * The read behind NewTicketFacts, as SQL another statement can embed (the email intake reads it with its routing
 * facts): the team is the requested one, else the workspace default team.
 */
export function newTicketFactsSql(requestedTeam: RawBuilder<string | null>, requester: RawBuilder<string | null>) {
  return sql<Candidates & { requester: RequesterFacts | null }>`
    with w as (
      select w.default_team_id, a.id as default_owner
      from workspace w left join agents a on a.id = w.default_owner_id and a.active
    ),
    target as (select coalesce(${requestedTeam}, (select default_team_id from w)) as id),
    tm as (
      select t.id, l.id as lead_id
      from teams t left join agents l on l.id = t.lead_id and l.active
      where t.id = (select id from target)
    )
    select (select id from target) as team_id,
      (select id from tm) as team_found,
      (select lead_id from tm) as lead_id,
      coalesce((
        select array_agg(a.id order by a.id) from team_members m join agents a on a.id = m.agent_id
        where m.team_id = (select id from tm) and a.active and a.availability = 'available'), '{}') as available,
      (select default_owner from w) as default_owner,
      nextval('routing_turn_seq') as turn,
      (select json_build_object('organization_id', c.organization_id, 'customer_expectations', c.expectations,
          'organization_expectations', o.expectations)
        from customers c left join organizations o on o.id = c.organization_id where c.id = ${requester}) as requester`;
}

function readFacts(db: Queryable, requestedTeamId: string | null | undefined, requesterId: string | null) {
  return newTicketFactsSql(sql`${requestedTeamId ?? null}::uuid`, sql`${requesterId}::uuid`)
    .execute(db)
    .then((r) => r.rows[0]!);
}

/** Splits the read into routing candidates and requester facts. */
export function asNewTicketFacts(row: Candidates & { requester: RequesterFacts | null }): NewTicketFacts {
  const { requester, ...candidates } = row;
  return { candidates: { ...candidates, turn: Number(candidates.turn) }, requester };
}

/**
 * Chooses the accountable owner of a new ticket: round-robin among the available active members of the
 * target team (the requested team, else the workspace default team), then the team lead, then the workspace
 * default owner. One query reads every candidate; turns come from a sequence, so concurrent creations never
 * wait on each other.
 */
export async function routeNewTicket(db: Queryable, requestedTeamId: string | null | undefined): Promise<RoutingDecision> {
  return chooseOwner(await readFacts(db, requestedTeamId, null));
}

/** The owner candidates of a new ticket with its requester's facts (see routeNewTicket). */
export async function prepareNewTicket(db: Queryable, requestedTeamId: string | null | undefined, requesterId: string): Promise<NewTicketFacts> {
  return asNewTicketFacts(await readFacts(db, requestedTeamId, requesterId));
}

export function chooseOwner(c: Candidates): RoutingDecision {
  if (c.team_id && !c.team_found) throw new HeedError('reference_not_found', 'teamId: no such team');
  if (c.available.length > 0) {
    return { ownerId: c.available[Number(c.turn) % c.available.length]!, teamId: c.team_id, reason: 'round_robin' };
  }
  if (c.lead_id) return { ownerId: c.lead_id, teamId: c.team_id, reason: 'team_lead' };
  if (c.default_owner) return { ownerId: c.default_owner, teamId: c.team_id, reason: 'default_owner' };
  throw new HeedError('no_owner_available', 'no agent can own this ticket: set a workspace default owner (PATCH /api/v1/workspace)');
}
