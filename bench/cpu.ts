import fs from 'node:fs';
import os from 'node:os';

/** CPU time in clock ticks (1/100 s) of the machine, the server, PostgreSQL's processes and this process. */
type Snapshot = { at: number; busy: number; server: number; postgres: number; self: number };

const TICKS = 100;

function procTicks(pid: number | 'self'): { comm: string; ticks: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    // Fields after "(comm)": state is [0], utime [11], stime [12], and the time of children it has reaped,
    // cutime [13] and cstime [14]: PostgreSQL's postmaster reaps its backends, so a connection that closed
    // during the measurement still counts.
    return { comm: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

export function snapshot(serverPid: number): Snapshot {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const busy = cpu.slice(0, 8).reduce((s, x) => s + x, 0) - idle;
  let postgres = 0;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const p = procTicks(Number(d));
    if (p && p.comm === 'postgres') postgres += p.ticks;
  }
  return { at: performance.now(), busy, server: procTicks(serverPid)?.ticks ?? 0, postgres, self: procTicks('self')?.ticks ?? 0 };
}

/** Where the CPU went between two snapshots, in % of one core (the machine has os.cpus().length cores). */
export type CpuShare = { cores: number; machineBusy: number; server: number; postgres: number; benchClient: number; other: number; loadAvg1: number };

export function cpuShare(a: Snapshot, b: Snapshot): CpuShare {
  const seconds = (b.at - a.at) / 1000;
  const pct = (ticks: number) => Math.round((ticks / TICKS / seconds) * 1000) / 10;
  const machineBusy = pct(b.busy - a.busy);
  const server = pct(b.server - a.server);
  const postgres = pct(b.postgres - a.postgres);
  const benchClient = pct(b.self - a.self);
  return {
    cores: os.cpus().length,
    machineBusy,
    server,
    postgres,
    benchClient,
    other: Math.round(Math.max(0, machineBusy - server - postgres - benchClient) * 10) / 10,
    loadAvg1: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

function machineBusyTicks(): number {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return cpu.slice(0, 8).reduce((s, x) => s + x, 0) - (cpu[3] ?? 0) - (cpu[4] ?? 0);
}

/**
 * The machine is shared: waits (at most maxSeconds) until it has been mostly idle for two seconds in a row,
 * so a scenario does not start while something else is using the cores. Returns the last busy % seen.
 */
export async function waitForQuiet(maxSeconds = 90, busyPct = 25): Promise<{ waitedS: number; busyPct: number }> {
  const t0 = performance.now();
  const cores = os.cpus().length;
  let quiet = 0;
  let last = 0;
  while (quiet < 2 && performance.now() - t0 < maxSeconds * 1000) {
    const a = machineBusyTicks();
    await new Promise((r) => setTimeout(r, 1000));
    last = (machineBusyTicks() - a) / cores;
    quiet = last <= busyPct ? quiet + 1 : 0;
  }
  return { waitedS: Math.round((performance.now() - t0) / 100) / 10, busyPct: Math.round(last) };
}
