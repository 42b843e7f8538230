import type { Queryable } from '../db/database.ts';
import type { Channel, Priority, SlaMetric } from '../db/types.ts';
import type { Calendar } from './calendar.ts';

export type Targets = Record<Priority, { firstResponse: number; nextResponse: number; resolution: number }>;
export type Conditions = {
  teamIds?: string[];
  channels?: Channel[];
  /** Any of these tags. */
  tags?: string[];
  organizationIds?: string[];
  /** The customer's (or their organization's) plan, from expectations. */
  plans?: string[];
};

export type Policy = {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  isDefault: boolean;
  calendarId: string;
  conditions: Conditions;
  targets: Targets;
  honorExpectations: boolean;
};

export type StoredCalendar = Calendar & { id: string; name: string; isDefault: boolean };

/** What a ticket offers for choosing its policy. */
export type PolicySubject = {
  teamId: string | null;
  channel: Channel;
  tags: string[];
  organizationId: string | null;
  plan: string | null;
};

export type Settings = { policies: Policy[]; calendars: Map<string, StoredCalendar> };

const metricKey: Record<SlaMetric, 'firstResponse' | 'nextResponse' | 'resolution'> = {
  first_response: 'firstResponse',
  next_response: 'nextResponse',
  resolution: 'resolution',
};

const hits = <T>(wanted: T[] | undefined, value: T | null) => !wanted || wanted.length === 0 || (value !== null && wanted.includes(value));

/** The first enabled policy (by position) whose conditions all hold; the default policy when none does. */
export function choosePolicy(policies: Policy[], s: PolicySubject): Policy {
  const candidates = policies.filter((p) => p.enabled && !p.isDefault).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  for (const p of candidates) {
    const c = p.conditions;
    if (!hits(c.teamIds, s.teamId) || !hits(c.channels, s.channel) || !hits(c.organizationIds, s.organizationId)) continue;
    if (c.plans?.length && !(s.plan && c.plans.some((x) => x.toLowerCase() === s.plan!.toLowerCase()))) continue;
    if (c.tags?.length && !c.tags.some((t) => s.tags.includes(t))) continue;
    return p;
  }
  const fallback = policies.find((p) => p.isDefault);
  if (!fallback) throw new Error('no default SLA policy: the workspace must keep one');
  return fallback;
}

/**
 * The target of one metric in business minutes. A response time promised to the customer (by contract or by
 * sales, in their expectations) applies to first and next responses when it is shorter than the policy's.
 */
export function targetMinutes(p: Policy, priority: Priority, metric: SlaMetric, promisedResponseMinutes: number | null): number {
  const t = p.targets[priority][metricKey[metric]];
  if (metric !== 'resolution' && p.honorExpectations && promisedResponseMinutes && promisedResponseMinutes < t) return promisedResponseMinutes;
  return t;
}

// Policies and calendars are read on every ticket change; they change rarely. Each process keeps them for a few
// seconds (another process's edit is seen within CACHE_MS; the editing process clears its copy at once). The copy
// belongs to one database: a Kysely instance and its transactions share one dialect adapter, which keys it.
const CACHE_MS = 5_000;
let cached = new WeakMap<object, { at: number; settings: Promise<Settings> }>();

export function forgetSettings(): void {
  cached = new WeakMap();
}

export function loadSettings(db: Queryable): Promise<Settings> {
  const key = db.getExecutor().adapter;
  const t = Date.now();
  const hit = cached.get(key);
  if (hit && t - hit.at < CACHE_MS) return hit.settings;
  const settings = readSettings(db);
  cached.set(key, { at: t, settings });
  settings.catch(() => {
    if (cached.get(key)?.settings === settings) cached.delete(key);
  });
  return settings;
}

async function readSettings(db: Queryable): Promise<Settings> {
  const [policies, calendars] = await Promise.all([readPolicyRows(db), readCalendarRows(db)]);
  return {
    policies: policies.map(policyFromRow),
    calendars: new Map(calendars.map((c) => [c.id, calendarFromRow(c)])),
  };
}

type PolicyRow = Awaited<ReturnType<typeof readPolicyRows>>[number];
const readPolicyRows = (db: Queryable) => db.selectFrom('sla_policies').selectAll().execute();
type CalendarRow = Awaited<ReturnType<typeof readCalendarRows>>[number];
const readCalendarRows = (db: Queryable) => db.selectFrom('business_calendars').selectAll().execute();

export function policyFromRow(r: PolicyRow): Policy {
  return {
    id: r.id,
    name: r.name,
    position: r.position,
    enabled: r.enabled,
    isDefault: r.is_default,
    calendarId: r.calendar_id,
    conditions: r.conditions as Conditions,
    targets: r.targets as Targets,
    honorExpectations: r.honor_expectations,
  };
}

export function calendarFromRow(r: CalendarRow): StoredCalendar {
  return {
    id: r.id,
    name: r.name,
    isDefault: r.is_default,
    timeZone: r.time_zone,
    periods: r.periods as StoredCalendar['periods'],
    holidays: r.holidays as StoredCalendar['holidays'],
  };
}
