import { sql } from 'kysely';
import { containing, dbNow, type Db, type Queryable } from '../db/database.ts';
import type { Organization } from '../db/types.ts';
import { changes, recordEvent, type Actor } from '../events/record.ts';
import { notFound } from '../http/errors.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import type { OrganizationInput } from './schemas.ts';

export type OrganizationDetail = Organization & { customer_count: number };

export async function getOrganization(db: Queryable, id: string): Promise<OrganizationDetail> {
  const org = await db
    .selectFrom('organizations as o')
    .selectAll('o')
    .select(sql<number>`(select count(*)::int from customers c where c.organization_id = o.id)`.as('customer_count'))
    .where('o.id', '=', id)
    .executeTakeFirst();
  if (!org) throw notFound('organization');
  return org;
}

export async function createOrganization(db: Db, actor: Actor, input: OrganizationInput): Promise<OrganizationDetail> {
  return db.transaction().execute(async (tx) => {
    const org = await tx
      .insertInto('organizations')
      .values({
        name: input.name,
        domains: input.domains ?? [],
        notes: input.notes ?? null,
        attributes: JSON.stringify(input.attributes ?? {}),
        expectations: JSON.stringify(input.expectations ?? {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(tx, { action: 'organization.created', entity: 'organization', entityId: org.id, actor, after: input });
    return getOrganization(tx, org.id);
  });
}

export async function updateOrganization(db: Db, actor: Actor, id: string, input: Partial<OrganizationInput>): Promise<OrganizationDetail> {
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('organizations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('organization');
    const diff = changes(before as unknown as Record<string, unknown>, input);
    if (!diff.changed) return getOrganization(tx, id);
    await tx
      .updateTable('organizations')
      .set({
        name: input.name,
        domains: input.domains,
        notes: input.notes,
        attributes: input.attributes && JSON.stringify(input.attributes),
        expectations: input.expectations && JSON.stringify(input.expectations),
        updated_at: dbNow(),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(tx, { action: 'organization.updated', entity: 'organization', entityId: id, actor, before: diff.before, after: diff.after });
    return getOrganization(tx, id);
  });
}

export async function listOrganizations(db: Queryable, opts: { q?: string; limit: number; cursor?: string }) {
  let query = db
    .selectFrom('organizations as o')
    .selectAll('o')
    .select(sql<number>`(select count(*)::int from customers c where c.organization_id = o.id)`.as('customer_count'));
  if (opts.q) {
    const like = containing(opts.q);
    query = query.where(({ eb, or }) => or([eb('o.name', 'ilike', like), eb(sql`array_to_string(o.domains, ' ')`, 'ilike', like)]));
  }
  const after = decodeCursor(opts.cursor, ['text', 'uuid']);
  if (after) query = query.where(sql<boolean>`(lower(o.name), o.id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await query.orderBy(sql`lower(o.name)`).orderBy('o.id').limit(opts.limit + 1).execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > opts.limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null };
}
