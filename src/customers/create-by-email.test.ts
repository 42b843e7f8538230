import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../../test/helpers.ts';
import type { Database } from '../db/database.ts';
import { createByEmail, findOrCreateByEmail } from './service.ts';

describe('a customer made from an email address', () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.close());

  const countOf = async (table: string, where = sql`true`) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(database.db)).rows[0]!.n;

  it('is written with its identity and its audit event, all or none', async () => {
    const made = await database.db.transaction().execute((tx) => createByEmail(tx, { kind: 'system' }, ' Ada@Example.COM ', 'Ada'));
    assert.equal(made.created, true);
    const identity = await database.db.selectFrom('customer_identities').select(['customer_id', 'value']).where('kind', '=', 'email').where('value', '=', 'ada@example.com').executeTakeFirstOrThrow();
    assert.equal(identity.customer_id, made.id);
    assert.equal(await countOf('events', sql`action = 'customer.created' and entity_id = ${made.id}`), 1);
    const found = await findOrCreateByEmail(database.db, { kind: 'system' }, 'ADA@example.com');
    assert.deepEqual(found, { id: made.id, created: false });
  });

  it('uses the customer another delivery created first, and leaves no second customer or event behind', async () => {
    const first = await findOrCreateByEmail(database.db, { kind: 'system' }, 'bob@example.com', 'Bob');
    const customers = await countOf('customers');
    const events = await countOf('events');
    // The caller had found the address unknown a moment before the other delivery committed.
    const second = await database.db.transaction().execute((tx) => createByEmail(tx, { kind: 'system' }, 'bob@example.com', 'Bob'));
    assert.deepEqual(second, { id: first.id, created: false });
    assert.equal(await countOf('customers'), customers);
    assert.equal(await countOf('events'), events);
  });

  it('two deliveries at once from a new address make one customer', async (t) => {
    if (database.kind === 'pglite') return t.skip('PGlite runs one transaction at a time');
    const [a, b] = await Promise.all([
      database.db.transaction().execute((tx) => createByEmail(tx, { kind: 'system' }, 'carol@example.com')),
      database.db.transaction().execute((tx) => createByEmail(tx, { kind: 'system' }, 'carol@example.com')),
    ]);
    assert.equal(a.id, b.id);
    assert.deepEqual([a.created, b.created].sort(), [false, true]);
    assert.equal(await countOf('customer_identities', sql`value = 'carol@example.com'`), 1);
    assert.equal(await countOf('events', sql`action = 'customer.created' and entity_id = ${a.id}`), 1);
  });
});
