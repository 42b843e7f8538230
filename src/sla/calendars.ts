import type { Db, Queryable } from '../db/database.ts';
import { dbNow } from '../db/database.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { calendarProblems, type Calendar, type Holiday, type Period } from './calendar.ts';
import { resyncOpenTickets } from './resync.ts';
import { calendarFromRow, forgetSettings, type StoredCalendar } from './policies.ts';

export type CalendarInput = { name: string; timeZone: string; periods: Period[]; holidays?: Holiday[]; isDefault?: boolean };

/** Refuses an impossible calendar with every problem, each naming the field it is about. */
function check(c: Calendar): void {
  const problems = calendarProblems(c);
  if (problems.length === 0) return;
  const details = problems.map((message) => ({ field: /^([\w.[\]]+):/.exec(message)?.[1] ?? 'periods', message }));
  throw new HeedError('validation_failed', problems.join('; '), details);
}

export async function listCalendars(db: Queryable): Promise<StoredCalendar[]> {
  const rows = await db.selectFrom('business_calendars').selectAll().orderBy('is_default', 'desc').orderBy('name').execute();
  return rows.map(calendarFromRow);
}

export async function getCalendar(db: Queryable, id: string): Promise<StoredCalendar> {
  const r = await db.selectFrom('business_calendars').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('business hours calendar');
  return calendarFromRow(r);
}

export async function createCalendar(db: Db, actor: Actor, input: CalendarInput): Promise<StoredCalendar> {
  const holidays = input.holidays ?? [];
  check({ timeZone: input.timeZone, periods: input.periods, holidays });
  const created = await db.transaction().execute(async (tx) => {
    if (input.isDefault) await tx.updateTable('business_calendars').set({ is_default: false }).where('is_default', '=', true).execute();
    const r = await tx
      .insertInto('business_calendars')
      .values({ name: input.name, time_zone: input.timeZone, periods: JSON.stringify(input.periods), holidays: JSON.stringify(holidays), is_default: input.isDefault ?? false })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'calendar.created', entity: 'calendar', entityId: r.id, actor, after: input });
    return calendarFromRow(r);
  });
  forgetSettings();
  return created;
}

/** Changes a calendar. The caller queues a resync (`RESYNC_QUEUE`) so open tickets get new due times. */
export async function updateCalendar(db: Db, actor: Actor, id: string, patch: Partial<CalendarInput>): Promise<StoredCalendar> {
  const updated = await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('business_calendars').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('business hours calendar');
    if (patch.isDefault === false && before.is_default) {
      throw new HeedError('rule_violation', 'isDefault: make another calendar the default instead; the workspace always has one');
    }
    const next = calendarFromRow(before);
    const merged: Calendar = { timeZone: patch.timeZone ?? next.timeZone, periods: patch.periods ?? next.periods, holidays: patch.holidays ?? next.holidays };
    check(merged);
    const diff = changes(
      { name: next.name, timeZone: next.timeZone, periods: next.periods, holidays: next.holidays, isDefault: next.isDefault },
      { name: patch.name, timeZone: patch.timeZone, periods: patch.periods, holidays: patch.holidays, isDefault: patch.isDefault },
    );
    if (!diff.changed) return next;
    if (patch.isDefault) await tx.updateTable('business_calendars').set({ is_default: false }).where('is_default', '=', true).where('id', '<>', id).execute();
    const r = await tx
      .updateTable('business_calendars')
      .set({
        name: patch.name,
        time_zone: patch.timeZone,
        periods: patch.periods && JSON.stringify(patch.periods),
        holidays: patch.holidays && JSON.stringify(patch.holidays),
        is_default: patch.isDefault,
        updated_at: dbNow(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'calendar.updated', entity: 'calendar', entityId: id, actor, before: diff.before, after: diff.after });
    return calendarFromRow(r);
  });
  forgetSettings();
  return updated;
}

export async function deleteCalendar(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('business_calendars').select(['id', 'name', 'is_default']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!c) throw notFound('business hours calendar');
    if (c.is_default) throw new HeedError('rule_violation', 'the default calendar cannot be deleted; make another one the default first');
    const used = await tx.selectFrom('sla_policies').select('name').where('calendar_id', '=', id).executeTakeFirst();
    if (used) throw new HeedError('conflict', `the SLA policy "${used.name}" uses this calendar`);
    await tx.deleteFrom('business_calendars').where('id', '=', id).execute();
    await recordEvent(tx, { action: 'calendar.deleted', entity: 'calendar', entityId: id, actor, before: { name: c.name } });
  });
  forgetSettings();
}

/** WORKSPACE_TIMEZONE: the workspace's zone and its default calendar's, set at start. */
export async function applyWorkspaceTimeZone(db: Db, timeZone: string): Promise<void> {
  const w = await db.selectFrom('workspace').select('timezone').executeTakeFirstOrThrow();
  const cal = await db.selectFrom('business_calendars').select(['id', 'time_zone']).where('is_default', '=', true).executeTakeFirst();
  if (w.timezone === timeZone && (!cal || cal.time_zone === timeZone)) return;
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('workspace').set({ timezone: timeZone }).execute();
    if (cal) await tx.updateTable('business_calendars').set({ time_zone: timeZone, updated_at: dbNow() }).where('id', '=', cal.id).execute();
  });
  forgetSettings();
  await resyncOpenTickets(db);
}
