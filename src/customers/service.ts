import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { containing, dbNow, type Db, type Queryable } from '../db/database.ts';
import type { Customer } from '../db/types.ts';
import { changes, eventRow, recordEvent, type Actor } from '../events/record.ts';
import { HeedError, notFound } from '../http/errors.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { identitiesFrom, normalizeIdentity, type Identity } from './identities.ts';
import type { CustomerInput } from './schemas.ts';

export type CustomerDetail = Customer & {
  identities: Identity[];
  organization: { id: string; name: string } | null;
};

async function assertOrganization(tx: Queryable, id: string | null | undefined) {
  if (!id) return;
  const org = await tx.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst();
  if (!org) throw new HeedError('reference_not_found', 'organizationId: no such organization');
}

async function addIdentities(tx: Queryable, customerId: string, identities: Identity[]) {
  if (!identities.length) return;
  const taken = await tx
    .selectFrom('customer_identities')
    .select(['kind', 'value', 'customer_id'])
    .where(({ eb, or, and }) => or(identities.map((i) => and([eb('kind', '=', i.kind), eb('value', '=', i.value)]))))
    .execute();
  const other = taken.filter((t) => t.customer_id !== customerId);
  if (other.length) {
    throw new HeedError('already_exists', `${other.map((o) => o.value).join(', ')} already belongs to another customer`, {
      identities: other.map((o) => ({ kind: o.kind, value: o.value, customerId: o.customer_id })),
    });
  }
  await tx
    .insertInto('customer_identities')
    .values(identities.map((i) => ({ customer_id: customerId, kind: i.kind, value: i.value })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function createCustomer(db: Db, actor: Actor, input: CustomerInput): Promise<CustomerDetail> {
  return db.transaction().execute(async (tx) => {
    await assertOrganization(tx, input.organizationId);
    const c = await tx
      .insertInto('customers')
      .values({
        name: input.name ?? null,
        organization_id: input.organizationId ?? null,
        timezone: input.timezone ?? null,
        attributes: JSON.stringify(input.attributes ?? {}),
        expectations: JSON.stringify(input.expectations ?? {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const identities = identitiesFrom(input);
    await addIdentities(tx, c.id, identities);
    await recordEvent(tx, { action: 'customer.created', entity: 'customer', entityId: c.id, actor, after: { name: input.name ?? null, identities } });
    return getCustomer(tx, c.id);
  });
}

export async function getCustomer(db: Queryable, id: string): Promise<CustomerDetail> {
  const c = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('customer');
  const [identities, organization] = await Promise.all([
    db.selectFrom('customer_identities').select(['kind', 'value']).where('customer_id', '=', id).orderBy('created_at').orderBy('value').execute(),
    c.organization_id
      ? db.selectFrom('organizations').select(['id', 'name']).where('id', '=', c.organization_id).executeTakeFirst()
      : undefined,
  ]);
  return { ...c, identities, organization: organization ?? null };
}

/** Replaces the given fields; identity lists given replace that kind of identity. */
export async function updateCustomer(db: Db, actor: Actor, id: string, input: CustomerInput): Promise<CustomerDetail> {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('customers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('customer');
    await assertOrganization(tx, input.organizationId);
    const values = {
      name: input.name,
      organization_id: input.organizationId,
      timezone: input.timezone,
      attributes: input.attributes,
      expectations: input.expectations,
    };
    const diff = changes(before as unknown as Record<string, unknown>, values);
    await tx
      .updateTable('customers')
      .set({
        name: values.name,
        organization_id: values.organization_id,
        timezone: values.timezone,
        attributes: values.attributes && JSON.stringify(values.attributes),
        expectations: values.expectations && JSON.stringify(values.expectations),
        updated_at: dbNow(),
      })
      .where('id', '=', id)
      .execute();
    const identityChanges: Record<string, string[]> = {};
    for (const [kind, list] of [['email', input.emails], ['phone', input.phones], ['external', input.externalIds]] as const) {
      if (!list) continue;
      const wanted = identitiesFrom({ [kind === 'external' ? 'externalIds' : `${kind}s`]: list });
      const keep = wanted.map((w) => w.value);
      let del = tx.deleteFrom('customer_identities').where('customer_id', '=', id).where('kind', '=', kind);
      if (keep.length) del = del.where('value', 'not in', keep);
      await del.execute();
      await addIdentities(tx, id, wanted);
      identityChanges[kind] = keep;
    }
    if (diff.changed || Object.keys(identityChanges).length) {
      await recordEvent(tx, {
        action: 'customer.updated',
        entity: 'customer',
        entityId: id,
        actor,
        before: diff.before,
        after: { ...diff.after, ...(Object.keys(identityChanges).length ? { identities: identityChanges } : {}) },
      });
    }
    return getCustomer(tx, id);
  });
}

/** Customers matching a name, email, phone or external id fragment; newest first, cursor-paginated. */
export async function listCustomers(db: Queryable, opts: { q?: string; organizationId?: string; limit: number; cursor?: string }) {
  let query = db.selectFrom('customers as c').selectAll('c').select(sql<string>`c.created_at::text`.as('ck'));
  if (opts.organizationId) query = query.where('c.organization_id', '=', opts.organizationId);
  if (opts.q) {
    // ILIKE ignores case, so the fragment matches identities as they are stored (emails in lower case).
    const like = containing(opts.q);
    query = query.where(({ eb, or, exists, selectFrom }) =>
      or([
        eb('c.name', 'ilike', like),
        exists(
          selectFrom('customer_identities as i')
            .select('i.id')
            .whereRef('i.customer_id', '=', 'c.id')
            .where('i.value', 'ilike', like),
        ),
      ]),
    );
  }
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']);
  if (after) query = query.where(sql<boolean>`(c.created_at, c.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(opts.limit + 1).execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page,
    nextCursor: rows.length > opts.limit && last ? encodeCursor([last.ck, last.id]) : null,
  };
}

/** Finds the customer behind an email address, or creates one; used when a message arrives. */
export async function findOrCreateByEmail(tx: Queryable, actor: Actor, email: string, name?: string): Promise<{ id: string; created: boolean }> {
  const value = normalizeIdentity('email', email);
  const found = await tx.selectFrom('customer_identities').select('customer_id').where('kind', '=', 'email').where('value', '=', value).executeTakeFirst();
  if (found) return { id: found.customer_id, created: false };
  return createByEmail(tx, actor, value, name);
}

/**
 * Creates the customer of an email address the caller has just found unknown: the customer, its identity and the
 * audit event in one statement. Two deliveries creating the same new customer at once: the second waits on the
 * identity's unique index, writes no identity and no event, and then uses the first's customer.
 */
export async function createByEmail(tx: Queryable, actor: Actor, email: string, name?: string): Promise<{ id: string; created: boolean }> {
  const value = normalizeIdentity('email', email);
  const id = randomUUID();
  const event = eventRow({ action: 'customer.created', entity: 'customer', entityId: id, actor, after: { name: name ?? null, identities: [{ kind: 'email', value }] } });
  const { rows } = await sql<{ identified: string | null }>`
    with c as (insert into customers (id, name) values (${id}, ${name ?? null}) returning id),
    i as (
      insert into customer_identities (customer_id, kind, value) select id, 'email', ${value} from c
      on conflict do nothing returning customer_id
    ),
    e as (
      insert into events (action, entity, entity_id, actor_kind, actor_id, after)
      select ${event.action}, ${event.entity}, customer_id, ${event.actor_kind}, ${event.actor_id}::uuid, ${event.after}::jsonb from i
    )
    select (select customer_id from i) as identified`.execute(tx);
  if (rows[0]?.identified) return { id, created: true };
  await tx.deleteFrom('customers').where('id', '=', id).execute();
  const winner = await tx.selectFrom('customer_identities').select('customer_id').where('kind', '=', 'email').where('value', '=', value).executeTakeFirstOrThrow();
  return { id: winner.customer_id, created: false };
}
