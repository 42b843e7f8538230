import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { dbKind, freshDatabase } from '../../test/helpers.ts';
import type { Database } from './database.ts';

// On PostgreSQL the naming wraps node-postgres's pool (prepared.ts); on PGlite the dialect speaks the protocol
// itself (pglite-prepared.ts). Both follow one rule, so one set of tests.
describe(`named statements (${dbKind})`, () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.close());

  /** Runs `work` on one pooled connection and returns that connection's named statements. */
  async function onOneConnection(work: (tx: Database['db']) => Promise<void>): Promise<string[]> {
    return database.db.connection().execute(async (db) => {
      await work(db);
      const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
      return rows.map((r) => r.statement);
    });
  }

  it('names a statement with parameters the second time a connection runs it, and only then', async () => {
    const marker = 'select 1 + $1::int as once_only';
    const repeated = 'select 2 + $1::int as twice';
    const bare = 'select 3 as no_parameters';
    const named = await onOneConnection(async (db) => {
      await sql.raw(marker.replace('$1', "'1'")).execute(db); // no parameters: never named
      await db.executeQuery(CompiledQuery.raw(marker, [1]));
      for (let i = 0; i < 2; i++) await db.executeQuery(CompiledQuery.raw(repeated, [i]));
      for (let i = 0; i < 3; i++) await sql.raw(bare).execute(db);
    });
    assert.ok(named.includes(repeated), `expected the repeated statement among ${JSON.stringify(named)}`);
    assert.ok(!named.includes(marker), 'a statement run once is not named');
    assert.ok(!named.includes(bare), 'a statement without parameters is not named');
  });

  it('gives the same answers named as unnamed, for many parameter values', async () => {
    await database.db.connection().execute(async (db) => {
      for (let i = 0; i < 12; i++) {
        const row = await db.executeQuery<{ v: number }>(CompiledQuery.raw('select $1::int * 2 as v', [i]));
        assert.equal(row.rows[0]!.v, i * 2);
      }
    });
  });

  it('survives a table changing under a named statement: one error, then the statement runs unnamed', async () => {
    await sql`create table prepared_probe (a int)`.execute(database.db);
    await sql`insert into prepared_probe values (1)`.execute(database.db);
    await sql`create table prepared_typed (a int, at timestamptz, tags text[], doc jsonb)`.execute(database.db);
    const text = 'select * from prepared_probe where a = $1';
    const run = (db: Database['db']) => db.executeQuery<Record<string, number>>(CompiledQuery.raw(text, [1]));
    await database.db.connection().execute(async (db) => {
      await run(db);
      await run(db); // named now
      await sql`alter table prepared_probe add column b int default 7`.execute(db); // same connection: PGlite has one
      await assert.rejects(run(db), (err: { code?: string }) => err.code === '0A000');
      const after = await run(db);
      assert.deepEqual(after.rows[0], { a: 1, b: 7 });
    });
  });

  it('passes dates, arrays, JSON and nulls the same way named and unnamed, and reports rows affected', async () => {
    const at = new Date('2026-03-29T01:30:00Z');
    const insert = 'insert into prepared_typed (a, at, tags, doc) values ($1, $2, $3, $4)';
    await database.db.connection().execute(async (db) => {
      for (let i = 0; i < 3; i++) {
        const r = await db.executeQuery(CompiledQuery.raw(insert, [i, at, ['x', `t${i}`, 'with "quotes", commas'], JSON.stringify({ i, s: "it's" })]));
        assert.equal(r.numAffectedRows, 1n);
      }
      await db.executeQuery(CompiledQuery.raw(insert, [9, null, null, null]));
      for (let round = 0; round < 2; round++) {
        const r = await db.executeQuery<{ a: number; at: Date | null; tags: string[] | null; doc: { i: number; s: string } | null }>(
          CompiledQuery.raw('select a, at, tags, doc from prepared_typed where a >= $1 order by a', [0]),
        );
        assert.equal(r.rows.length, 4);
        assert.deepEqual(r.rows[2], { a: 2, at, tags: ['x', 't2', 'with "quotes", commas'], doc: { i: 2, s: "it's" } });
        assert.deepEqual(r.rows[3], { a: 9, at: null, tags: null, doc: null });
      }
      const updated = await db.executeQuery(CompiledQuery.raw('update prepared_typed set a = a + $1 where a < 3', [10]));
      assert.equal(updated.numAffectedRows, 3n);
    });
  });

  it('reports an error in a named statement as PostgreSQL does, and the connection goes on working', async () => {
    await database.db.connection().execute(async (db) => {
      const divide = 'select 10 / $1::int as v';
      assert.equal((await db.executeQuery<{ v: number }>(CompiledQuery.raw(divide, [2]))).rows[0]!.v, 5);
      assert.equal((await db.executeQuery<{ v: number }>(CompiledQuery.raw(divide, [5]))).rows[0]!.v, 2); // named now
      await assert.rejects(db.executeQuery(CompiledQuery.raw(divide, [0])), (err: { code?: string }) => err.code === '22012');
      assert.equal((await db.executeQuery<{ v: number }>(CompiledQuery.raw(divide, [10]))).rows[0]!.v, 1);
      const broken = 'select from where $1';
      for (let i = 0; i < 3; i++) await assert.rejects(db.executeQuery(CompiledQuery.raw(broken, [1])), (err: { code?: string }) => err.code === '42601');
    });
  });

  it('rolls back a named statement\'s write with its transaction', async () => {
    const insert = 'insert into prepared_typed (a) values ($1)';
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        for (let i = 100; i < 103; i++) await tx.executeQuery(CompiledQuery.raw(insert, [i]));
        throw new Error('abandon');
      }),
      /abandon/,
    );
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from prepared_typed where a >= 100`.execute(database.db);
    assert.equal(rows[0]!.n, 0);
  });
});
