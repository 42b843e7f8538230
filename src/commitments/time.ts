import type { Queryable } from '../db/database.ts';
import { addBusinessDays, isBusinessDay, type Calendar } from '../sla/calendar.ts';
import { loadSettings } from '../sla/policies.ts';

/** How a ticket reads time: the customer's zone (else the workspace's), the workspace's business days and hours. */
export type TicketTime = { timeZone: string; calendar: Calendar; dayStart: string; dayEnd: string; defaultDays: number };

export async function ticketTime(db: Queryable, ticketId: string | null): Promise<TicketTime> {
  const [w, customer, settings] = await Promise.all([
    db.selectFrom('workspace').select(['timezone', 'day_start', 'day_end', 'commitment_default_days']).executeTakeFirstOrThrow(),
    ticketId
      ? db
          .selectFrom('tickets as t')
          .innerJoin('customers as c', 'c.id', 't.requester_id')
          .select('c.timezone')
          .where('t.id', '=', ticketId)
          .executeTakeFirst()
      : undefined,
    loadSettings(db),
  ]);
  const calendar = [...settings.calendars.values()].find((c) => c.isDefault) ?? {
    timeZone: w.timezone,
    periods: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, start: w.day_start, end: w.day_end })),
    holidays: [],
  };
  return {
    timeZone: customer?.timezone ?? w.timezone,
    calendar,
    dayStart: w.day_start,
    dayEnd: w.day_end,
    defaultDays: w.commitment_default_days,
  };
}

/** Options for the shared commitment extractor, read in the ticket's time. */
export function extractorOptions(t: TicketTime, at: Date) {
  return {
    now: at,
    timeZone: t.timeZone,
    dayStart: t.dayStart,
    dayEnd: t.dayEnd,
    isBusinessDay: (isoDate: string) => isBusinessDay(t.calendar, isoDate),
  };
}

/** When a promise that names no time is due: the end of the business day, `commitment_default_days` business days on. */
export async function defaultCommitmentDue(db: Queryable, ticketId: string, at: Date): Promise<Date> {
  const t = await ticketTime(db, ticketId);
  return addBusinessDays(t.calendar, at, Math.max(1, t.defaultDays), t.dayEnd);
}
