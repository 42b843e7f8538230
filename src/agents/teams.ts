import { sql } from 'kysely';
import { dbNow, type Db, type Queryable } from '../db/database.ts';
import type { Team } from '../db/types.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';

export type TeamWithMembers = Team & { member_ids: string[] };
export type TeamInput = { name: string; leadId?: string | null; memberIds?: string[] };

const withMembers = (db: Queryable) =>
  db
    .selectFrom('teams as t')
    .selectAll('t')
    .select(
      sql<string[]>`coalesce((select array_agg(m.agent_id order by m.added_at, m.agent_id) from team_members m where m.team_id = t.id), '{}')`.as(
        'member_ids',
      ),
    );

export async function getTeam(db: Queryable, id: string): Promise<TeamWithMembers> {
  const team = await withMembers(db).where('t.id', '=', id).executeTakeFirst();
  if (!team) throw notFound('team');
  return team;
}

export const listTeams = (db: Queryable) => withMembers(db).orderBy('t.name').execute();

/** Refuses ids that are not active agents, naming the field that holds them (leadId or memberIds). */
async function assertActiveAgents(tx: Queryable, ids: string[], leadId: string | null | undefined) {
  if (ids.length === 0) return;
  const found = await tx.selectFrom('agents').select('id').where('id', 'in', ids).where('active', '=', true).execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (!missing.length) return;
  const field = leadId && missing.includes(leadId) ? 'leadId' : 'memberIds';
  throw new HeedError('reference_not_found', `${field}: no active agent with id ${missing.join(', ')}`, { field, agentIds: missing });
}

async function setMembers(tx: Queryable, teamId: string, memberIds: string[]) {
  await tx.deleteFrom('team_members').where('team_id', '=', teamId).where('agent_id', 'not in', memberIds.length ? memberIds : ['00000000-0000-0000-0000-000000000000']).execute();
  if (memberIds.length) {
    await tx
      .insertInto('team_members')
      .values(memberIds.map((agent_id) => ({ team_id: teamId, agent_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The lead is always a member of the team they lead. */
function membersWithLead(memberIds: string[], leadId: string | null | undefined) {
  const set = new Set(memberIds);
  if (leadId) set.add(leadId);
  return [...set];
}

export async function createTeam(db: Db, actor: Actor, input: TeamInput): Promise<TeamWithMembers> {
  return db.transaction().execute(async (tx) => {
    const members = membersWithLead(input.memberIds ?? [], input.leadId);
    await assertActiveAgents(tx, members, input.leadId);
    const team = await tx
      .insertInto('teams')
      .values({ name: input.name, lead_id: input.leadId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setMembers(tx, team.id, members);
    await recordEvent(tx, { action: 'team.created', entity: 'team', entityId: team.id, actor, after: { name: input.name, leadId: input.leadId ?? null, memberIds: members } });
    return getTeam(tx, team.id);
  });
}

export async function updateTeam(db: Db, actor: Actor, id: string, patch: Partial<TeamInput>): Promise<TeamWithMembers> {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('teams').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('team');
    const current = await getTeam(tx, id);
    const leadId = patch.leadId === undefined ? before.lead_id : patch.leadId;
    const members = membersWithLead(patch.memberIds ?? current.member_ids, leadId);
    await assertActiveAgents(tx, members.filter((m) => !current.member_ids.includes(m)), leadId);
    await tx.updateTable('teams').set({ name: patch.name, lead_id: leadId, updated_at: dbNow() }).where('id', '=', id).execute();
    await setMembers(tx, id, members);
    const diff = changes({ name: before.name, leadId: before.lead_id, memberIds: current.member_ids }, { name: patch.name, leadId, memberIds: members });
    if (diff.changed) await recordEvent(tx, { action: 'team.updated', entity: 'team', entityId: id, actor, before: diff.before, after: diff.after });
    return getTeam(tx, id);
  });
}

/** Deletes a team that no ticket and no pending handoff points at. */
export async function deleteTeam(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const team = await tx.selectFrom('teams').select(['id', 'name']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!team) throw notFound('team');
    const used = await tx.selectFrom('tickets').select('id').where('team_id', '=', id).limit(1).executeTakeFirst();
    const handoff = await tx.selectFrom('handoffs').select('id').where('to_team_id', '=', id).limit(1).executeTakeFirst();
    if (used || handoff) throw new HeedError('conflict', 'tickets or handoffs refer to this team: move them to another team first');
    await tx.updateTable('workspace').set({ default_team_id: null }).where('default_team_id', '=', id).execute();
    await tx.deleteFrom('teams').where('id', '=', id).execute();
    await recordEvent(tx, { action: 'team.deleted', entity: 'team', entityId: id, actor, before: { name: team.name } });
  });
}
