import { z } from 'zod';
import { Line, Uuid } from '../http/schemas.ts';
import { TimeZone } from '../customers/schemas.ts';
import { ChannelEnum, Tag } from '../tickets/schemas.ts';
import type { StoredCalendar, Policy } from './policies.ts';

const HourMinute = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, "must be a time of day 'HH:MM' (24:00 allowed as an end)");

export const PeriodBody = z
  .object({ day: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)], { message: 'must be 1 (Monday) to 7 (Sunday)' }), start: HourMinute, end: HourMinute })
  .strict();
export const HolidayBody = z.object({ date: z.iso.date({ message: "must be a date 'YYYY-MM-DD'" }), name: Line(200).optional() }).strict();

export const CalendarBody = z
  .object({
    name: Line(120),
    timeZone: TimeZone,
    periods: z.array(PeriodBody).max(100),
    holidays: z.array(HolidayBody).max(2000).optional(),
    isDefault: z.boolean().optional(),
  })
  .strict();

export const CalendarJson = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  periods: z.array(z.object({ day: z.number(), start: z.string(), end: z.string() })),
  holidays: z.array(z.object({ date: z.string(), name: z.string().optional() })),
  isDefault: z.boolean(),
});

export const presentCalendar = (c: StoredCalendar): z.infer<typeof CalendarJson> => ({
  id: c.id,
  name: c.name,
  timeZone: c.timeZone,
  periods: c.periods,
  holidays: c.holidays,
  isDefault: c.isDefault,
});

// A business-minute target: at least one minute, at most a year of business time.
const Minutes = z.number().int().min(1).max(60 * 24 * 365);
const MetricTargets = z.object({ firstResponse: Minutes, nextResponse: Minutes, resolution: Minutes }).strict();
export const TargetsBody = z.object({ urgent: MetricTargets, high: MetricTargets, normal: MetricTargets, low: MetricTargets }).strict();

export const ConditionsBody = z
  .object({
    teamIds: z.array(Uuid).max(100).optional(),
    channels: z.array(ChannelEnum).max(5).optional(),
    tags: z.array(Tag).max(50).optional(),
    organizationIds: z.array(Uuid).max(500).optional(),
    plans: z.array(Line(120)).max(50).optional(),
  })
  .strict();

export const PolicyBody = z
  .object({
    name: Line(120),
    position: z.number().int().min(0).max(100_000).optional(),
    enabled: z.boolean().optional(),
    calendarId: Uuid,
    conditions: ConditionsBody.optional(),
    targets: TargetsBody,
    honorExpectations: z.boolean().optional(),
  })
  .strict();
export type PolicyInput = z.infer<typeof PolicyBody>;

export const PolicyJson = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number(),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  calendarId: z.string(),
  conditions: z.record(z.string(), z.unknown()),
  targets: TargetsBody,
  honorExpectations: z.boolean(),
});

export const presentPolicy = (p: Policy): z.infer<typeof PolicyJson> => ({ ...p });
