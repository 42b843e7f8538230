import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { dbKind, freshDatabase } from '../../test/helpers.ts';
import type { Database } from './database.ts';

// The naming wraps node-postgres's pool; PGlite has no pool, so there is nothing to test on it.
describe('named statements (PostgreSQL)', { skip: dbKind !== 'postgres' && 'PostgreSQL only: PGlite sends its own statements' }, () => {
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
    const text = 'select * from prepared_probe where a = $1';
    const run = (db: Database['db']) => db.executeQuery<Record<string, number>>(CompiledQuery.raw(text, [1]));
    await database.db.connection().execute(async (db) => {
      await run(db);
      await run(db); // named now
      await sql`alter table prepared_probe add column b int default 7`.execute(database.db);
      await assert.rejects(run(db), (err: { code?: string }) => err.code === '0A000');
      const after = await run(db);
      assert.deepEqual(after.rows[0], { a: 1, b: 7 });
    });
  });
});
