import { CompiledQuery, PostgresQueryCompiler, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import type { Db } from '../src/db/database.ts';
import { searchTickets } from '../src/search/service.ts';
import { listTickets } from '../src/tickets/queries.ts';
import { ListQuery, CreateTicketBody } from '../src/tickets/schemas.ts';
import { createTicket } from '../src/tickets/service.ts';
import { resolveToken } from '../src/auth/tokens.ts';

/** Records the SQL of every query the product code sends, so the plans examined are the ones it runs. */
class Capture implements KyselyPlugin {
  readonly queries: CompiledQuery[] = [];
  private readonly compiler = new PostgresQueryCompiler();
  transformQuery(args: PluginTransformQueryArgs) {
    this.queries.push(this.compiler.compileQuery(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

/** One line of SQL: comments removed (they would swallow the rest once newlines go), whitespace collapsed. */
export const oneLine = (text: string) => text.replace(/--[^\n]*/g, ' ').replace(/\s+/g, ' ').trim();

export type Plan = { label: string; sql: string; executionMs: number | null; planningMs: number | null; plan: string };

/** EXPLAIN ANALYZE, twice (the first warms the cache), after the SET LOCAL statements the product sent before the query. */
async function explain(db: Db, label: string, q: CompiledQuery, settings: CompiledQuery[]): Promise<Plan> {
  const run = () =>
    db.transaction().execute(async (tx) => {
      for (const setting of settings) await tx.executeQuery(setting);
      return tx.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]));
    });
  await run();
  const lines = (await run()).rows.map((r) => Object.values(r)[0]!);
  const plan = lines.join('\n');
  const num = (re: RegExp) => {
    const m = re.exec(plan);
    return m ? Number(m[1]) : null;
  };
  return { label, sql: oneLine(q.sql), executionMs: num(/Execution Time: ([\d.]+) ms/), planningMs: num(/Planning Time: ([\d.]+) ms/), plan };
}

/** EXPLAIN ANALYZE of the queue page and of searches (as the product issues them), and the statements of one ticket create. */
export async function diagnose(db: Db, teamId: string, searchTerms: string[]) {
  const plans: Plan[] = [];
  // A SET LOCAL the product sends applies to the statements after it (in its transaction), so also to their plans.
  const explainAll = async (label: string, queries: CompiledQuery[]) => {
    const settings: CompiledQuery[] = [];
    let n = 0;
    for (const q of queries) {
      if (/^\s*set\s/i.test(q.sql)) settings.push(q);
      else plans.push(await explain(db, `${label}${n++ ? ` (query ${n})` : ''}`, q, [...settings]));
    }
  };
  const queue = new Capture();
  await listTickets(db.withPlugin(queue), ListQuery.parse({ teamId, status: 'open', sort: 'priority', limit: '50' }));
  await explainAll('queue page', queue.queries);
  for (const term of searchTerms) {
    const search = new Capture();
    await searchTickets(db.withPlugin(search), term, 20);
    await explainAll(`search "${term}"`, search.queries);
  }
  // One create with a new requester (the heavier half of the create mix), preceded by the per-request token lookup.
  const create = new Capture();
  const admin = await db.selectFrom('agents').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
  await resolveToken(db.withPlugin(create), 'heed_s_diagnostic-token-that-matches-nothing');
  const ticket = await createTicket(db.withPlugin(create), { kind: 'agent', id: admin.id }, CreateTicketBody.parse({
    subject: 'Diagnostic ticket',
    body: 'Counting the statements of one ticket creation.',
    requester: { email: `diagnostic.${Date.now()}@example.net` },
    teamId,
  }));
  const createStatements = create.queries.map((q) => ({ sql: oneLine(q.sql), parameters: [...q.parameters] }));
  // Ids the application generated for the new rows: a replay must make new ones each time.
  const messages = await db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute();
  const newIds = [ticket.id, ...messages.map((m) => m.id)];
  return { plans, createStatements, newIds };
}
