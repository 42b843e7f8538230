import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const bin = path.resolve(import.meta.dirname, '../bin/heed.js');

/** A TCP port nobody listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

export type HeedProcess = { proc: ChildProcess; url: string };

/**
 * A real `heed start` process of a test's own (see processDatabase for its database), resolved once it prints
 * `readyText`; rejects with its output if it exits first. The caller kills it.
 */
export async function spawnHeed(env: Record<string, string>, readyText = 'Heed is running'): Promise<HeedProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, [bin, 'start'], {
    env: { ...process.env, INBOUND_SMTP_PORT: '0', LOG_LEVEL: 'silent', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      if (out.includes(readyText)) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`heed exited with ${code}: ${out}`)));
  });
  return { proc, url: `http://127.0.0.1:${port}` };
}
