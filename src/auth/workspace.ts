import type { Db, Queryable } from '../db/database.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { HeedError } from '../http/errors.ts';

export type WorkspaceSettings = {
  name: string;
  timezone: string;
  defaultOwnerId: string | null;
  defaultTeamId: string | null;
  dayStart: string;
  dayEnd: string;
  commitmentDefaultDays: number;
  etaMinutesPerInquiry: number;
  widgetOrigins: string[];
  portalOrganizationTickets: boolean;
  surveyScale: 'five' | 'binary';
  surveyQuietDays: number;
};
export type WorkspacePatch = Partial<{
  name: string;
  timezone: string;
  defaultOwnerId: string;
  defaultTeamId: string | null;
  dayStart: string;
  dayEnd: string;
  commitmentDefaultDays: number;
  etaMinutesPerInquiry: number;
  widgetOrigins: string[];
  portalOrganizationTickets: boolean;
  surveyScale: 'five' | 'binary';
  surveyQuietDays: number;
}>;

// The workspace is one row; its events need an entity id, and this one stands for it.
export const WORKSPACE_ENTITY_ID = '00000000-0000-0000-0000-000000000000';

export async function getWorkspace(db: Queryable): Promise<WorkspaceSettings> {
  const w = await db.selectFrom('workspace').selectAll().executeTakeFirstOrThrow();
  return {
    name: w.name,
    timezone: w.timezone,
    defaultOwnerId: w.default_owner_id,
    defaultTeamId: w.default_team_id,
    dayStart: w.day_start,
    dayEnd: w.day_end,
    commitmentDefaultDays: w.commitment_default_days,
    etaMinutesPerInquiry: w.eta_minutes_per_inquiry,
    widgetOrigins: w.widget_origins,
    portalOrganizationTickets: w.portal_organization_tickets,
    surveyScale: w.survey_scale,
    surveyQuietDays: w.survey_quiet_days,
  };
}

/** Changes the workspace's name, time zone, default owner or default team, checking that they exist. */
export async function updateWorkspace(db: Db, actor: Actor, patch: WorkspacePatch): Promise<WorkspaceSettings> {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('workspace').selectAll().forUpdate().executeTakeFirstOrThrow();
    if (patch.defaultOwnerId) {
      const a = await tx.selectFrom('agents').select('id').where('id', '=', patch.defaultOwnerId).where('active', '=', true).executeTakeFirst();
      if (!a) throw new HeedError('reference_not_found', 'defaultOwnerId: no active agent with this id');
    }
    if (patch.defaultTeamId) {
      const t = await tx.selectFrom('teams').select('id').where('id', '=', patch.defaultTeamId).executeTakeFirst();
      if (!t) throw new HeedError('reference_not_found', 'defaultTeamId: no such team');
    }
    const dayStart = patch.dayStart ?? before.day_start;
    const dayEnd = patch.dayEnd ?? before.day_end;
    if (dayStart >= dayEnd) throw new HeedError('validation_failed', `dayEnd: must be after dayStart (${dayStart})`);
    const values = {
      name: patch.name,
      timezone: patch.timezone,
      default_owner_id: patch.defaultOwnerId,
      default_team_id: patch.defaultTeamId,
      day_start: patch.dayStart,
      day_end: patch.dayEnd,
      commitment_default_days: patch.commitmentDefaultDays,
      eta_minutes_per_inquiry: patch.etaMinutesPerInquiry,
      widget_origins: patch.widgetOrigins,
      portal_organization_tickets: patch.portalOrganizationTickets,
      survey_scale: patch.surveyScale,
      survey_quiet_days: patch.surveyQuietDays,
    };
    const diff = changes(before as unknown as Record<string, unknown>, values);
    if (diff.changed) {
      await tx.updateTable('workspace').set(values).execute();
      // The default calendar keeps the workspace's zone unless an admin gave it another.
      if (patch.timezone && patch.timezone !== before.timezone) {
        await tx.updateTable('business_calendars').set({ time_zone: patch.timezone }).where('is_default', '=', true).where('time_zone', '=', before.timezone).execute();
      }
      await recordEvent(tx, { action: 'workspace.updated', entity: 'workspace', entityId: WORKSPACE_ENTITY_ID, actor, before: diff.before, after: diff.after });
    }
    return getWorkspace(tx);
  });
}
