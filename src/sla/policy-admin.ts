import type { Db, Queryable } from '../db/database.ts';
import { dbNow } from '../db/database.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { forgetSettings, policyFromRow, type Policy } from './policies.ts';
import type { PolicyInput } from './schemas.ts';

async function assertCalendar(tx: Queryable, id: string | undefined) {
  if (!id) return;
  const c = await tx.selectFrom('business_calendars').select('id').where('id', '=', id).executeTakeFirst();
  if (!c) throw new HeedError('reference_not_found', 'calendarId: no such business hours calendar');
}

export async function listPolicies(db: Queryable): Promise<Policy[]> {
  const rows = await db.selectFrom('sla_policies').selectAll().orderBy('is_default').orderBy('position').orderBy('name').execute();
  return rows.map(policyFromRow);
}

export async function getPolicy(db: Queryable, id: string): Promise<Policy> {
  const r = await db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('SLA policy');
  return policyFromRow(r);
}

export async function createPolicy(db: Db, actor: Actor, input: PolicyInput): Promise<Policy> {
  const p = await db.transaction().execute(async (tx) => {
    await assertCalendar(tx, input.calendarId);
    const r = await tx
      .insertInto('sla_policies')
      .values({
        name: input.name,
        position: input.position ?? 100,
        enabled: input.enabled ?? true,
        calendar_id: input.calendarId,
        conditions: JSON.stringify(input.conditions ?? {}),
        targets: JSON.stringify(input.targets),
        honor_expectations: input.honorExpectations ?? true,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'sla_policy.created', entity: 'sla_policy', entityId: r.id, actor, after: input });
    return policyFromRow(r);
  });
  forgetSettings();
  return p;
}

/** Changes a policy. The default policy applies when no other matches: it keeps no conditions and stays enabled. */
export async function updatePolicy(db: Db, actor: Actor, id: string, patch: Partial<PolicyInput>): Promise<Policy> {
  const p = await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('sla_policies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('SLA policy');
    const before = policyFromRow(row);
    if (before.isDefault && patch.enabled === false) throw new HeedError('rule_violation', 'enabled: the default policy cannot be disabled');
    if (before.isDefault && patch.conditions && Object.keys(patch.conditions).length) {
      throw new HeedError('rule_violation', 'conditions: the default policy applies when no other does, so it takes no conditions');
    }
    await assertCalendar(tx, patch.calendarId);
    const diff = changes<Record<string, unknown>>({ ...before }, { ...patch });
    if (!diff.changed) return before;
    const r = await tx
      .updateTable('sla_policies')
      .set({
        name: patch.name,
        position: patch.position,
        enabled: patch.enabled,
        calendar_id: patch.calendarId,
        conditions: patch.conditions && JSON.stringify(patch.conditions),
        targets: patch.targets && JSON.stringify(patch.targets),
        honor_expectations: patch.honorExpectations,
        updated_at: dbNow(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'sla_policy.updated', entity: 'sla_policy', entityId: id, actor, before: diff.before, after: diff.after });
    return policyFromRow(r);
  });
  forgetSettings();
  return p;
}

export async function deletePolicy(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const r = await tx.selectFrom('sla_policies').select(['id', 'name', 'is_default']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r) throw notFound('SLA policy');
    if (r.is_default) throw new HeedError('rule_violation', 'the default policy cannot be deleted; change its targets instead');
    await tx.deleteFrom('sla_policies').where('id', '=', id).execute();
    await recordEvent(tx, { action: 'sla_policy.deleted', entity: 'sla_policy', entityId: id, actor, before: { name: r.name } });
  });
  forgetSettings();
}
