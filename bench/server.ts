import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type Server = {
  proc: ChildProcess;
  url: string;
  /** Milliseconds from spawning `node bin/heed.js start` to the first 200 from /readyz. */
  readyMs: number;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Spawns the server exactly as `npm start` does (node bin/heed.js start) and polls /readyz until it answers. */
export async function startServer(env: Record<string, string>, logFile: string): Promise<Server> {
  const port = await freePort();
  const childEnv: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', INBOUND_SMTP_PORT: '0', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const log = fs.openSync(logFile, 'a');
  const t0 = performance.now();
  const proc = spawn(process.execPath, [path.join(repoRoot, 'bin/heed.js'), 'start'], { cwd: repoRoot, env: childEnv, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  let exited: number | null = null;
  proc.once('exit', (code) => (exited = code ?? -1));
  for (;;) {
    if (exited !== null) throw new Error(`the server exited with ${exited} before it was ready; see ${logFile}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 120_000) throw new Error(`the server was not ready within 120 s; see ${logFile}`);
    await sleep(5);
  }
  const readyMs = performance.now() - t0;
  return {
    proc,
    url,
    readyMs,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const done = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process in MB, from /proc (current and peak). */
export function rssMb(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error(`login answered without a token: ${JSON.stringify(body)}`);
  return body.token;
}

export { sleep };
