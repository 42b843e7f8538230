import { parseArgs } from 'node:util';

export type DbKind = 'pglite' | 'postgres';

export type BenchArgs = {
  tickets: number;
  dbs: DbKind[];
  /** Seconds of measured load per scenario (a 2 s warm-up comes before). */
  duration: number;
  connections: number;
  /** Server URL without a database name; the bench drops and creates heed_bench on it. */
  pgUrl: string;
  /** Skip these scenarios (comma list of create,queue,search,startup,pgbench,explain). */
  skip: Set<string>;
  /** Keep the PGlite data directory after the run (it is deleted otherwise). */
  keep: boolean;
};

const usage = `Usage: npm run bench -- [--tickets N] [--db pglite|postgres|both] [--duration S]
       [--connections C] [--pg-url postgres://postgres@127.0.0.1:5432/] [--skip create,queue,search,startup,pgbench,explain] [--keep]`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      tickets: { type: 'string', default: '100000' },
      db: { type: 'string', default: 'both' },
      duration: { type: 'string', default: '12' },
      connections: { type: 'string', default: '10' },
      'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/' },
      skip: { type: 'string', default: '' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const tickets = Number(values.tickets);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!Number.isInteger(tickets) || tickets < 100) throw new Error(`--tickets must be a whole number ≥ 100\n${usage}`);
  if (!(duration > 0)) throw new Error(`--duration must be a positive number of seconds\n${usage}`);
  if (!Number.isInteger(connections) || connections < 1) throw new Error(`--connections must be a whole number ≥ 1\n${usage}`);
  const db = values.db;
  if (db !== 'pglite' && db !== 'postgres' && db !== 'both') throw new Error(`--db must be pglite, postgres or both\n${usage}`);
  return {
    tickets,
    dbs: db === 'both' ? ['postgres', 'pglite'] : [db],
    duration,
    connections,
    pgUrl: values['pg-url'].endsWith('/') ? values['pg-url'] : `${values['pg-url']}/`,
    keep: values.keep,
    skip: new Set(values.skip.split(',').map((s) => s.trim()).filter(Boolean)),
  };
}
