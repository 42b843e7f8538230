import type { DbKind } from './args.ts';
import type { SearchQuery } from './corpus.ts';
import type { Plan } from './explain.ts';
import type { LoadResult } from './load.ts';
import type { PgbenchResult } from './pgbench.ts';
import type { Probe } from './scenarios.ts';
import type { MatchCount, SeedInfo } from './seed.ts';

export type StartupRun = { readyMs: number; idleRssMb: number };

export type DbResult = {
  kind: DbKind;
  /** The commit (and whether src/ had uncommitted changes) when the server was started for the load. */
  commit?: string;
  seed?: SeedInfo & { diskMb: number };
  /** Subjects and messages each search query matches in the seeded data. */
  matches?: MatchCount[];
  loads: LoadResult[];
  pgbench?: PgbenchResult;
  /** pgbench replaying the statements of one ticket create (new requester), without Node. */
  createReplay?: { statements: number; extended?: PgbenchResult; prepared?: PgbenchResult };
  /** Server RSS after the load scenarios and a few idle seconds. */
  rssAfterLoadMb?: number;
  startup?: { runs: StartupRun[]; readyMs: number; idleRssMb: number };
  probes: { queue: Probe[]; search: (Probe & SearchQuery)[] };
  diagnostics?: { plans: Plan[]; createStatements: { sql: string; parameters: unknown[] }[]; newIds: string[] };
  errors: string[];
};

export type Check = { db: DbKind; what: string; goal: string; value: string; pass: boolean | null };

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '—');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');

/** The targets, judged on this run's figures (null: reported, no goal). */
export function checks(r: DbResult, tickets: number): Check[] {
  const out: Check[] = [];
  const load = (name: string) => r.loads.find((l) => l.name === name);
  const scale = tickets >= 1_000_000 ? '' : ` (goal is for 1M; run at ${f0(tickets)})`;
  const create = load('create');
  if (create) {
    const tps = r.pgbench && 'tps' in r.pgbench ? r.pgbench.tps : NaN;
    if (r.kind === 'postgres') {
      out.push({ db: r.kind, what: 'ticket create req/s', goal: '≥ 1,500', value: f0(create.reqPerSec), pass: create.reqPerSec >= 1500 && create.non2xx === 0 });
      out.push({ db: r.kind, what: 'create vs pgbench insert tps', goal: '≥ 25%', value: `${f1((100 * create.reqPerSec) / tps)}% of ${f0(tps)}`, pass: Number.isFinite(tps) ? create.reqPerSec >= 0.25 * tps : null });
    } else {
      out.push({ db: r.kind, what: 'ticket create req/s', goal: '≥ 500', value: f0(create.reqPerSec), pass: create.reqPerSec >= 500 && create.non2xx === 0 });
    }
  }
  const queue = load('queue');
  if (queue) out.push({ db: r.kind, what: `queue page p99${scale}`, goal: r.kind === 'postgres' ? '≤ 25 ms' : '(PG goal ≤ 25 ms)', value: `${f1(queue.latencyMs.p99)} ms`, pass: r.kind === 'postgres' ? queue.latencyMs.p99 <= 25 && queue.non2xx === 0 : null });
  const search = load('search');
  if (search) out.push({ db: r.kind, what: `search p95${scale}`, goal: '≤ 60 ms', value: `${f1(search.latencyMs.p95)} ms`, pass: search.latencyMs.p95 <= 60 && search.non2xx === 0 });
  if (r.startup) {
    out.push({ db: r.kind, what: 'time to first request', goal: '≤ 3 s', value: `${f0(r.startup.readyMs)} ms`, pass: r.startup.readyMs <= 3000 });
    out.push({ db: r.kind, what: 'idle RSS (Node process)', goal: r.kind === 'postgres' ? '≤ 300 MB' : 'report', value: `${f0(r.startup.idleRssMb)} MB`, pass: r.kind === 'postgres' ? r.startup.idleRssMb <= 300 : null });
  }
  for (const l of r.loads) if (l.non2xx || l.errors) out.push({ db: r.kind, what: `${l.name}: errors`, goal: '0', value: `${l.non2xx} non-2xx, ${l.errors} errors`, pass: false });
  return out;
}

export function loadTable(results: DbResult[]): string {
  const head = '| database | scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | requests | non-2xx | errors | CPU % server / PG / load gen / other |';
  const rows = results.flatMap((r) =>
    r.loads.map((l) => {
      const cpu = `${f0(l.cpu.server)} / ${f0(l.cpu.postgres)} / ${f0(l.cpu.benchClient)} / ${f0(l.cpu.other)}`;
      return `| ${r.kind} | ${l.name} | ${f0(l.reqPerSec)} | ${f1(l.latencyMs.p50)} | ${f1(l.latencyMs.p95)} | ${f1(l.latencyMs.p99)} | ${f1(l.latencyMs.max)} | ${f0(l.requests)} | ${l.non2xx} | ${l.errors} | ${cpu} |`;
    }),
  );
  const pgb = results.flatMap((r) => {
    const line = (what: string, p: PgbenchResult | undefined) =>
      p && 'tps' in p ? [`| ${r.kind} | ${what} | ${f0(p.tps)} | | | | | | | | latency avg ${f1(p.latencyMs ?? NaN)} ms |`] : [];
    const replay = r.createReplay;
    return [
      ...line('pgbench: single-row INSERT (-c 10 -j 2)', r.pgbench),
      ...(replay ? line(`pgbench: Heed's create transaction replayed (${replay.statements} statements, -M extended)`, replay.extended) : []),
      ...(replay ? line(`pgbench: Heed's create transaction replayed (${replay.statements} statements, -M prepared)`, replay.prepared) : []),
    ];
  });
  return [head, '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|', ...rows, ...pgb].join('\n');
}

export function checkTable(cs: Check[]): string {
  const mark = (p: boolean | null) => (p === null ? 'report' : p ? 'PASS' : 'FAIL');
  return ['| database | measure | goal | value | result |', '|---|---|---|---|---|', ...cs.map((c) => `| ${c.db} | ${c.what} | ${c.goal} | ${c.value} | ${mark(c.pass)} |`)].join('\n');
}

export function searchTable(results: DbResult[]): string {
  const rows = results.flatMap((r) =>
    r.probes.search.map((p) => {
      const m = r.matches?.find((x) => x.q === p.q);
      return `| ${r.kind} | ${p.q} | ${p.band} | ${m ? f0(m.tickets) : '—'} | ${m ? f0(m.messages) : '—'} | ${p.items ?? p.status} | ${f1(p.medianMs)} |`;
    }),
  );
  return [
    '| database | query | kind | matching subjects | matching messages | hits returned | median ms (one at a time) |',
    '|---|---|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
