import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { processDatabase } from '../../test/helpers.ts';
import { freePort, spawnHeed } from '../../test/heed-process.ts';


describe('crash safety of inbound SMTP', () => {
  let env: Record<string, string> = {};
  let cleanup = async () => {};
  let child: ChildProcess | null = null;

  before(async () => {
    ({ env, cleanup } = await processDatabase('heed_crash'));
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    await migrate(database.db);
    await database.db.insertInto('agents').values({ email: 'owner@heed.test', name: 'Owner', role: 'admin' }).execute();
    const owner = await database.db.selectFrom('agents').select('id').executeTakeFirstOrThrow();
    await database.db.updateTable('workspace').set({ default_owner_id: owner.id }).execute();
    await database.db.insertInto('mailboxes').values({ address: 'support@heed.test', name: 'Support' }).execute();
    await database.close();
  });
  after(async () => {
    child?.kill('SIGKILL');
    await cleanup();
  });

  async function startHeed(smtpPort: number): Promise<ChildProcess> {
    return (await spawnHeed({ ...env, INBOUND_SMTP_PORT: String(smtpPort) }, 'Receiving email by SMTP')).proc;
  }

  it('kill -9 while 500 messages arrive: after a restart and the client retrying, each is stored exactly once', { timeout: 180_000 }, async () => {
    const smtpPort = await freePort();
    child = await startHeed(smtpPort);
    const total = 500;
    const acked = new Set<number>();
    // Each client keeps its connection open between messages, as mail servers do.
    const transport = () =>
      nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: 1, connectionTimeout: 2000, socketTimeout: 5000 });
    let clients = [transport(), transport(), transport(), transport()];
    const send = (i: number) =>
      clients[i % clients.length]!.sendMail({
        from: `customer${i % 50}@example.com`,
        to: 'support@heed.test',
        subject: `Order ${i}`,
        text: `Where is order ${i}?`,
        messageId: `<crash-${i}@example.com>`,
      });
    // Four clients send at once; the process is killed mid-stream, without warning.
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        if (i === 200 && !killed) {
          killed = true;
          child!.kill('SIGKILL');
        }
        try {
          await send(i);
          acked.add(i);
        } catch {
          // not acknowledged: the client will retry it
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    assert.ok(killed);
    assert.ok(acked.size < total, 'some messages went unacknowledged while Heed was down');
    for (const c of clients) c.close();
    clients = [transport()];
    child = await startHeed(smtpPort);
    // Like a real MTA, the client retries everything that was not acknowledged with 250.
    for (let i = 0; i < total; i++) if (!acked.has(i)) await send(i).then(() => acked.add(i));
    assert.equal(acked.size, total);
    for (const c of clients) c.close();
    child.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));
    child = null;

    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const rows = await database.db.selectFrom('message_emails').select('message_id_header').where('direction', '=', 'inbound').execute();
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.message_id_header, (counts.get(r.message_id_header) ?? 0) + 1);
      for (let i = 0; i < total; i++) assert.equal(counts.get(`crash-${i}@example.com`), 1, `message ${i} stored exactly once`);
      assert.equal(rows.length, total);
    } finally {
      await database.close();
    }
  });
});
