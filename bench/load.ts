import autocannon, { type Request } from 'autocannon';
import { cpuShare, snapshot, waitForQuiet, type CpuShare } from './cpu.ts';

export type LoadResult = {
  name: string;
  requests: number;
  reqPerSec: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** The first few non-2xx response bodies, to say what went wrong. */
  errorSamples: string[];
  /** CPU use during the measured part, in % of one core: server (Node), PostgreSQL, this load generator, anything else. */
  cpu: CpuShare;
  /** How long the run waited for other work on the machine to finish, and how busy it was then (% of all cores). */
  quiet: { waitedS: number; busyPct: number };
};

export type LoadOptions = {
  name: string;
  url: string;
  token: string;
  duration: number;
  connections: number;
  request: Request;
  serverPid: number;
  warmupSeconds?: number;
  /** Requests per second across all connections (autocannon's overallRate); unset: as fast as the server answers. */
  rate?: number;
};

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);

/** Runs autocannon against one request shape; latencies are kept per response so p95 is exact. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const quiet = await waitForQuiet();
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  const request: Request = {
    ...o.request,
    onResponse: (status, body) => {
      if (status >= 300 && errorSamples.length < 5) errorSamples.push(`${status} ${body.slice(0, 300)}`);
    },
  };
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.duration,
    timeout: 30,
    headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
    requests: [request],
    ...(o.rate ? { overallRate: o.rate } : {}),
    ...(o.warmupSeconds ? { warmup: { connections: o.connections, duration: o.warmupSeconds } } : {}),
  });
  let before = snapshot(o.serverPid);
  let measuring = !o.warmupSeconds;
  // With a warm-up, autocannon emits 'response' on this instance only for the measured run.
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (!measuring) (measuring = true), (before = snapshot(o.serverPid));
    latencies.push(ms);
  });
  const r = await instance;
  const cpu = cpuShare(before, snapshot(o.serverPid));
  latencies.sort((a, b) => a - b);
  const mean = latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1);
  return {
    name: o.name,
    requests: latencies.length,
    reqPerSec: latencies.length / (r.duration > 0 ? r.duration : o.duration),
    latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), max: latencies.at(-1) ?? NaN, mean },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count])),
    errorSamples,
    cpu,
    quiet,
  };
}
