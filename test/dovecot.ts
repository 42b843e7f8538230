/**
 * A private Dovecot IMAP server for one test file: its own configuration, runtime directory and maildir under a
 * temp directory, one passwd-file user, plaintext login on a free 127.0.0.1 port. The system's Dovecot service is
 * never used. Needs the `dovecot` binary (Debian: dovecot-imapd).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export type Dovecot = {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A logged-in client of the test's own (the caller logs it out). */
  connect(): Promise<ImapFlow>;
  /** Appends a raw message to a folder (IMAP APPEND) and returns its UID. */
  append(folder: string, raw: string | Buffer): Promise<number>;
  /** Stops the server (the mail stays); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
};

/** Whether this machine can run the tests that need Dovecot. */
export function dovecotInstalled(): boolean {
  return spawnSync('dovecot', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once the server answers with its greeting. */
async function greeting(port: number, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setTimeout(1000);
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not answer on port ${port}`);
}

function config(dir: string, port: number, mailUid: number, mailGid: number): string {
  const me = os.userInfo();
  // Run as root, Dovecot uses its own dovecot/dovenull users and refuses mail access as root: the mail
  // belongs to `nobody`. Run as anyone else, every process runs as that user and nothing is chrooted.
  const unprivileged =
    me.uid === 0
      ? []
      : [
          `default_login_user = ${me.username}`,
          `default_internal_user = ${me.username}`,
          `default_internal_group = ${execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim()}`,
        ];
  return [
    `instance_name = heed-test-${path.basename(dir)}`,
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    'first_valid_uid = 1',
    'auth_failure_delay = 0',
    `mail_location = maildir:${dir}/mail/%u`,
    ...unprivileged,
    `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir}/passwd\n}`,
    `userdb {\n  driver = static\n  args = uid=${mailUid} gid=${mailGid} home=${dir}/mail/%u\n}`,
    // Without the auth penalty a test of a wrong password does not slow down the logins after it.
    `service anvil {\n${me.uid === 0 ? '' : '  chroot =\n'}  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}`,
    `service imap-login {\n${me.uid === 0 ? '' : '  chroot =\n'}  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
    '',
  ].join('\n');
}

/** Starts a private Dovecot and returns how to reach and drive it. */
export async function startDovecot(): Promise<Dovecot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-dovecot-'));
  fs.chmodSync(dir, 0o755);
  const me = os.userInfo();
  const [mailUid, mailGid] = me.uid === 0 ? [65534, 65534] : [me.uid, me.gid];
  fs.mkdirSync(path.join(dir, 'mail'));
  fs.chownSync(path.join(dir, 'mail'), mailUid, mailGid);
  const user = 'heed';
  const password = 'imap-test-password';
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), config(dir, port, mailUid, mailGid));

  let child: ChildProcess | null = null;
  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);

  const start = async () => {
    if (child) return;
    const c = spawn('dovecot', ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    c.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    c.once('exit', () => {
      if (child === c) child = null;
    });
    child = c;
    try {
      await greeting(port);
    } catch (err) {
      const log = fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : '';
      throw new Error(`${(err as Error).message}\n${stderr}\n${log.slice(-2000)}`);
    }
  };
  const stop = async () => {
    const c = child;
    if (!c) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill('SIGTERM');
    await exited;
    child = null;
  };
  const connect = async () => {
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false, disableAutoIdle: true });
    client.on('error', () => {}); // a test that stops the server leaves clients to fail on their own
    await client.connect();
    return client;
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    connect,
    start,
    stop,
    async append(folder, raw) {
      const client = await connect();
      try {
        const r = await client.append(folder, raw);
        if (!r || !r.uid) throw new Error(`APPEND to ${folder} returned no UID`);
        return r.uid;
      } finally {
        await client.logout();
      }
    },
    async close() {
      await stop();
      process.off('exit', killOnExit);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
