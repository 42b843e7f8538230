import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PostgresQueryCompiler, sql, type KyselyPlugin } from 'kysely';
import { LocalDirectoryStorage, type AttachmentStorage } from '../attachments/storage.ts';
import { createAgent } from '../agents/service.ts';
import type { Database, Db } from '../db/database.ts';
import { startJobs } from '../jobs/jobs.ts';
import { dovecotInstalled, startDovecot, type Dovecot } from '../../test/dovecot.ts';
import { freshDatabase, testApp, type TestApp } from '../../test/helpers.ts';
import { ensureImapPolling, imapQueueSpec, pollMailbox, startImapWorker, type ImapSettingsInput } from './imap.ts';
import { createMailbox, updateMailbox } from './mailboxes.ts';

const system = { kind: 'system' as const };
let counter = 0;

/** A raw message; each call makes a new Message-ID unless one is given. */
function mail(o: { from?: string; to?: string; subject?: string; body?: string; messageId?: string; attachment?: string } = {}): string {
  counter++;
  const head = [
    `From: ${o.from ?? `customer${counter}@example.com`}`,
    `To: ${o.to ?? 'support@heed.test'}`,
    `Subject: ${o.subject ?? `Question ${counter}`}`,
    `Message-ID: <${o.messageId ?? `imap-${counter}-${process.pid}@example.com`}>`,
    'Date: Sat, 28 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
  ];
  const text = o.body ?? `Message number ${counter}.`;
  if (!o.attachment) return [...head, 'Content-Type: text/plain; charset=utf-8', '', text, ''].join('\r\n');
  return [
    ...head,
    'Content-Type: multipart/mixed; boundary="part"',
    '',
    '--part',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '--part',
    'Content-Type: text/plain; name="note.txt"',
    'Content-Disposition: attachment; filename="note.txt"',
    '',
    o.attachment,
    '--part--',
    '',
  ].join('\r\n');
}

const messageIdOf = (raw: string) => /^Message-ID: <([^>]+)>/m.exec(raw)![1]!;

/** A Kysely plugin that fails the queries whose SQL matches, from the nth match on, while `armed`. */
function failing(pattern: RegExp, from: number) {
  const compiler = new PostgresQueryCompiler();
  const state = { armed: true, seen: 0 };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (state.armed && pattern.test(compiler.compileQuery(args.node, args.queryId).sql) && ++state.seen >= from) {
        throw new Error('injected failure: the database went away');
      }
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { plugin, state };
}

describe('IMAP polling against a real Dovecot', { skip: dovecotInstalled() ? false : 'dovecot is not installed (apt-get install dovecot-imapd)' }, () => {
  let database: Database;
  let db: Db;
  let dovecot: Dovecot;
  let storage: AttachmentStorage;
  let dir: string;

  before(async () => {
    [database, dovecot] = await Promise.all([freshDatabase(), startDovecot()]);
    db = database.db;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-imap-'));
    storage = new LocalDirectoryStorage(dir);
    const owner = await createAgent(db, system, { email: 'owner@heed.test', name: 'Owner', role: 'admin' });
    await db.updateTable('workspace').set({ default_owner_id: owner.id }).execute();
  });
  after(async () => {
    await dovecot?.close();
    await database?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A mailbox polling its own new folder of the test server. */
  async function mailbox(folder: string, imap: ImapSettingsInput = {}) {
    const client = await dovecot.connect();
    await client.mailboxCreate(folder);
    if (imap.moveTo) await client.mailboxCreate(imap.moveTo);
    await client.logout();
    const address = `${folder.toLowerCase()}@heed.test`;
    const m = await createMailbox(db, system, {
      address,
      name: folder,
      imap: { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, password: dovecot.password, folder, ...imap },
    });
    return { id: m.id, address, folder };
  }

  /** UIDs and \Seen flags of a folder's messages. */
  async function folder(name: string): Promise<{ uid: number; seen: boolean }[]> {
    const client = await dovecot.connect();
    try {
      const lock = await client.getMailboxLock(name);
      try {
        if (!client.mailbox || client.mailbox.exists === 0) return [];
        const out: { uid: number; seen: boolean }[] = [];
        for await (const m of client.fetch('1:*', { uid: true, flags: true })) out.push({ uid: m.uid, seen: m.flags?.has('\\Seen') ?? false });
        return out.sort((a, b) => a.uid - b.uid);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
  }

  const state = (id: string) => db.selectFrom('mailbox_imap').selectAll().where('mailbox_id', '=', id).executeTakeFirstOrThrow();
  /** Ticket messages filed for a Message-ID (inbound ones). */
  const filed = async (messageId: string) =>
    (await db.selectFrom('message_emails').select('ticket_id').where('message_id_header', '=', messageId).where('direction', '=', 'inbound').execute()).length;
  // By envelope recipient: a message that could not be filed is kept without its mailbox.
  const inbound = (box: { address: string }) =>
    db
      .selectFrom('inbound_emails')
      .select(['message_id', 'outcome', 'reason', 'received_via', 'envelope_to', 'raw'])
      .where(sql<boolean>`${box.address} = any(envelope_to)`)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  const events = (id: string, action: string) => db.selectFrom('events').select(['before', 'after']).where('entity_id', '=', id).where('action', '=', action).execute();

  it('appended messages become ticket messages once each, flagged \\Seen; a second poll imports nothing new', async () => {
    const box = await mailbox('Basic');
    const raws = [mail({ to: box.address }), mail({ to: box.address, from: 'Ann <ann@example.com>', subject: 'Card' }), mail({ to: box.address })];
    const uids = [];
    for (const raw of raws) uids.push(await dovecot.append(box.folder, raw));

    const first = await pollMailbox(db, storage, box.id);
    assert.deepEqual(first, { status: 'ok', imported: 3, more: false, error: null });
    for (const raw of raws) assert.equal(await filed(messageIdOf(raw)), 1, messageIdOf(raw));
    const rows = await inbound(box);
    assert.deepEqual(rows.map((r) => [r.outcome, r.received_via, r.envelope_to]), raws.map(() => ['ticketed', 'imap', [box.address]]));
    assert.deepEqual(rows.map((r) => Buffer.from(r.raw).toString()), raws, 'the raw bytes are kept as the server had them');
    assert.deepEqual(await folder(box.folder), uids.map((uid) => ({ uid, seen: true })));
    const s = await state(box.id);
    assert.equal(s.last_uid, uids[2]);
    assert.ok(s.uidvalidity! > 0);
    assert.ok(s.last_polled_at);
    assert.equal(s.last_error, null);
    assert.equal(s.lease_token, null, 'the poll let go of the mailbox');

    assert.deepEqual(await pollMailbox(db, storage, box.id), { status: 'ok', imported: 0, more: false, error: null });
    assert.equal((await inbound(box)).length, 3);

    const late = mail({ to: box.address });
    const lateUid = await dovecot.append(box.folder, late);
    assert.equal((await pollMailbox(db, storage, box.id)).imported, 1);
    assert.equal(await filed(messageIdOf(late)), 1);
    assert.equal((await state(box.id)).last_uid, lateUid);
  });

  it('moves or deletes each message after it is committed', async () => {
    const moving = await mailbox('MoveFrom', { afterImport: 'move', moveTo: 'MoveTo' });
    const deleting = await mailbox('DeleteFrom', { afterImport: 'delete' });
    const moved = [mail({ to: moving.address }), mail({ to: moving.address })];
    const deleted = [mail({ to: deleting.address }), mail({ to: deleting.address })];
    for (const raw of moved) await dovecot.append(moving.folder, raw);
    for (const raw of deleted) await dovecot.append(deleting.folder, raw);

    assert.equal((await pollMailbox(db, storage, moving.id)).imported, 2);
    assert.equal((await pollMailbox(db, storage, deleting.id)).imported, 2);
    for (const raw of [...moved, ...deleted]) assert.equal(await filed(messageIdOf(raw)), 1);
    assert.deepEqual(await folder('MoveFrom'), []);
    assert.equal((await folder('MoveTo')).length, 2);
    assert.deepEqual(await folder('DeleteFrom'), []);
    assert.equal((await pollMailbox(db, storage, moving.id)).imported, 0);
  });

  it('a move the server refuses leaves the message filed once, and says so on the mailbox', async () => {
    const box = await mailbox('MoveRefused', { afterImport: 'move', moveTo: 'Vanished' });
    const client = await dovecot.connect();
    await client.mailboxDelete('Vanished');
    await client.logout();
    const raw = mail({ to: box.address });
    const uid = await dovecot.append(box.folder, raw);
    const r = await pollMailbox(db, storage, box.id);
    assert.equal(r.status, 'ok');
    assert.equal(r.imported, 1);
    assert.match(r.error!, new RegExp(`UID ${uid}.*move it to Vanished`));
    assert.equal((await state(box.id)).last_error, r.error);
    assert.equal((await state(box.id)).last_uid, uid, 'filed, so not read again');
    assert.equal((await pollMailbox(db, storage, box.id)).imported, 0);
    assert.equal(await filed(messageIdOf(raw)), 1);
  });

  it('a recreated folder (new UIDVALIDITY) is read again from UID 1 without filing anything twice', async () => {
    const box = await mailbox('Renumbered');
    const old = [mail({ to: box.address }), mail({ to: box.address })];
    for (const raw of old) await dovecot.append(box.folder, raw);
    assert.equal((await pollMailbox(db, storage, box.id)).imported, 2);
    const before = await state(box.id);

    const client = await dovecot.connect();
    await client.mailboxDelete(box.folder);
    await client.mailboxCreate(box.folder);
    await client.logout();
    const fresh = mail({ to: box.address });
    for (const raw of [...old, fresh]) await dovecot.append(box.folder, raw);

    assert.equal((await pollMailbox(db, storage, box.id)).imported, 3);
    for (const raw of [...old, fresh]) assert.equal(await filed(messageIdOf(raw)), 1, messageIdOf(raw));
    assert.deepEqual((await inbound(box)).map((r) => r.outcome), ['ticketed', 'ticketed', 'duplicate', 'duplicate', 'ticketed']);
    const after = await state(box.id);
    assert.notEqual(after.uidvalidity, before.uidvalidity);
    assert.equal(after.last_uid, 3);
    const changed = await events(box.id, 'mailbox.imap_uidvalidity_changed');
    assert.equal(changed.length, 1);
  });

  it('a poll while the server is down records the error once; the first poll after it is back imports', async () => {
    const box = await mailbox('Outage');
    const raw = mail({ to: box.address });
    await dovecot.append(box.folder, raw);
    await dovecot.stop();
    try {
      const down = await pollMailbox(db, storage, box.id, { timeoutMs: 2000 });
      assert.equal(down.status, 'failed');
      assert.match(down.error!, /ECONNREFUSED/);
      const s = await state(box.id);
      assert.match(s.last_error!, /ECONNREFUSED/);
      assert.ok(s.last_polled_at);
      assert.equal(s.lease_token, null);
      assert.equal((await pollMailbox(db, storage, box.id, { timeoutMs: 2000 })).status, 'failed');
      assert.equal((await events(box.id, 'mailbox.imap_failed')).length, 1, 'the same error again writes no second event');
    } finally {
      await dovecot.start();
    }
    assert.deepEqual(await pollMailbox(db, storage, box.id), { status: 'ok', imported: 1, more: false, error: null });
    assert.equal(await filed(messageIdOf(raw)), 1);
    assert.equal((await state(box.id)).last_error, null);
    assert.equal((await events(box.id, 'mailbox.imap_recovered')).length, 1);
  });

  it('a wrong password or a missing folder is an error on the mailbox, not a crash', async () => {
    const box = await mailbox('Misconfigured');
    await updateMailbox(db, system, box.id, { imap: { password: 'not the password' } });
    const refused = await pollMailbox(db, storage, box.id);
    assert.equal(refused.status, 'failed');
    assert.match((await state(box.id)).last_error!, /authentication failed/i);
    assert.doesNotMatch(refused.error!, /not the password/);
    await updateMailbox(db, system, box.id, { imap: { password: dovecot.password, folder: 'NoSuchFolder' } });
    assert.equal((await pollMailbox(db, storage, box.id)).status, 'failed');
    assert.match((await state(box.id)).last_error!, /NoSuchFolder|exist/i);
  });

  it('a message that cannot be routed is a dead letter, kept whole, and still flagged', async () => {
    const box = await mailbox('Unroutable');
    const loop = mail({ to: box.address, from: box.address }); // from our own address: refused to avoid a mail loop
    const uid = await dovecot.append(box.folder, loop);
    assert.equal((await pollMailbox(db, storage, box.id)).imported, 1);
    const [row] = await inbound(box);
    assert.equal(row!.outcome, 'dead_letter');
    assert.match(row!.reason!, /own address/);
    assert.equal(Buffer.from(row!.raw).toString(), loop);
    assert.deepEqual(await folder(box.folder), [{ uid, seen: true }]);
    assert.equal((await state(box.id)).last_uid, uid);
  });

  it('storage failing on the 3rd message: that message waits in the dead letters, the others are filed, all are flagged', async () => {
    const box = await mailbox('StorageFault');
    let puts = 0;
    const flaky: AttachmentStorage = {
      put: (data) => (++puts === 3 ? Promise.reject(new Error('disk full')) : storage.put(data)),
      get: (key) => storage.get(key),
      exists: (key) => storage.exists(key),
    };
    const raws = Array.from({ length: 5 }, (_, i) => mail({ to: box.address, attachment: `attachment ${i}` }));
    for (const raw of raws) await dovecot.append(box.folder, raw);
    assert.equal((await pollMailbox(db, flaky, box.id)).imported, 5);
    const rows = await inbound(box);
    assert.deepEqual(rows.map((r) => r.outcome), ['ticketed', 'ticketed', 'dead_letter', 'ticketed', 'ticketed']);
    assert.match(rows[2]!.reason!, /could not be filed: disk full/);
    assert.equal(Buffer.from(rows[2]!.raw).toString(), raws[2], 'nothing lost: the raw message is kept for a retry');
    assert.deepEqual([0, 1, 3, 4].map((i) => messageIdOf(raws[i]!)), rows.filter((r) => r.outcome === 'ticketed').map((r) => r.message_id));
    assert.ok((await folder(box.folder)).every((m) => m.seen));
  });

  it('the database failing on the 3rd message stops the poll there; the next poll resumes without loss or duplicates', async () => {
    const box = await mailbox('DatabaseFault');
    const raws = Array.from({ length: 5 }, () => mail({ to: box.address }));
    const uids = [];
    for (const raw of raws) uids.push(await dovecot.append(box.folder, raw));
    const fault = failing(/insert into "?inbound_emails"?/, 3);

    const broken = await pollMailbox(db.withPlugin(fault.plugin), storage, box.id);
    assert.equal(broken.status, 'failed');
    assert.equal(broken.imported, 2);
    assert.match(broken.error!, /injected failure/);
    assert.equal((await state(box.id)).last_uid, uids[1]);
    assert.deepEqual((await folder(box.folder)).map((m) => m.seen), [true, true, false, false, false]);
    assert.equal((await inbound(box)).length, 2, 'the 3rd message was not stored at all');

    fault.state.armed = false;
    assert.equal((await pollMailbox(db, storage, box.id)).imported, 3);
    for (const raw of raws) assert.equal(await filed(messageIdOf(raw)), 1);
    assert.deepEqual((await inbound(box)).map((r) => r.outcome), raws.map(() => 'ticketed'));
    assert.ok((await folder(box.folder)).every((m) => m.seen));
    assert.equal((await state(box.id)).last_error, null);
  });

  it('a crash after a message is committed but before the position moves: the message comes back as a duplicate only', async () => {
    const box = await mailbox('PositionFault');
    const raws = Array.from({ length: 4 }, () => mail({ to: box.address }));
    for (const raw of raws) await dovecot.append(box.folder, raw);
    const fault = failing(/^update "mailbox_imap" set "last_uid"/, 2);

    const broken = await pollMailbox(db.withPlugin(fault.plugin), storage, box.id);
    assert.equal(broken.status, 'failed');
    assert.equal(broken.imported, 2, 'the 2nd message was filed before the position failed to move');
    assert.equal((await pollMailbox(db, storage, box.id)).imported, 3);
    for (const raw of raws) assert.equal(await filed(messageIdOf(raw)), 1);
    assert.deepEqual((await inbound(box)).map((r) => r.outcome), ['ticketed', 'ticketed', 'duplicate', 'ticketed', 'ticketed']);
  });

  it('a large backlog is taken in bounded batches, and two polls at once never both take the mailbox', async () => {
    const box = await mailbox('Backlog');
    const raws = Array.from({ length: 7 }, () => mail({ to: box.address }));
    for (const raw of raws) await dovecot.append(box.folder, raw);
    const [a, b] = await Promise.all([pollMailbox(db, storage, box.id, { batchSize: 3 }), pollMailbox(db, storage, box.id, { batchSize: 3 })]);
    assert.deepEqual([a.status, b.status].sort(), ['busy', 'ok']);
    assert.deepEqual([a, b].find((r) => r.status === 'ok'), { status: 'ok', imported: 3, more: true, error: null });
    assert.deepEqual(await pollMailbox(db, storage, box.id, { batchSize: 3 }), { status: 'ok', imported: 3, more: true, error: null });
    assert.deepEqual(await pollMailbox(db, storage, box.id, { batchSize: 3 }), { status: 'ok', imported: 1, more: false, error: null });
    for (const raw of raws) assert.equal(await filed(messageIdOf(raw)), 1);
  });

  it('the job queue polls each enabled mailbox and queues its next poll; a disabled one is left alone', { timeout: 60_000 }, async () => {
    const box = await mailbox('Scheduled');
    const off = await mailbox('Disabled', { enabled: false });
    const jobs = await startJobs(db, [imapQueueSpec], { pollSeconds: 0.5 });
    try {
      await ensureImapPolling(db, jobs);
      await ensureImapPolling(db, jobs);
      const { rows: queued } = await sql<{ singleton_key: string }>`select singleton_key from pgboss.job where name = ${imapQueueSpec.name}`.execute(db);
      assert.equal(queued.filter((j) => j.singleton_key === box.id).length, 1, 'one queued poll per mailbox, however often it is ensured');
      assert.equal(queued.filter((j) => j.singleton_key === off.id).length, 0);

      const first = mail({ to: box.address });
      await dovecot.append(box.folder, first);
      await dovecot.append(off.folder, mail({ to: off.address }));
      await startImapWorker(db, storage, jobs, { pollSeconds: 1 });
      await until(async () => (await filed(messageIdOf(first))) === 1);
      const second = mail({ to: box.address });
      await dovecot.append(box.folder, second);
      await until(async () => (await filed(messageIdOf(second))) === 1);
      assert.equal((await inbound(off)).length, 0);
      assert.equal((await state(off.id)).last_polled_at, null);
    } finally {
      await jobs.stop();
    }
  });
});

async function until(f: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await f()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('IMAP settings through the mailbox API', () => {
  let t: TestApp;
  const password = 'app-password-never-shown';
  const imap = { host: 'imap.example.com', port: 993, user: 'support@example.com', password };
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const post = (body: object) => t.call({ method: 'POST', url: '/api/v1/mailboxes', payload: body });
  const patch = (id: string, body: object) => t.call({ method: 'PATCH', url: `/api/v1/mailboxes/${id}`, payload: body });
  const fieldOf = (res: { body: { error: { code: string; details?: { field: string }[] } } }) => res.body.error.details?.map((d) => d.field);

  it('creates, shows and changes the settings, and never returns the password', async () => {
    const created = await post({ address: 'imap@heed.test', name: 'IMAP', imap });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.imap, {
      host: 'imap.example.com',
      port: 993,
      secure: true,
      user: 'support@example.com',
      folder: 'INBOX',
      afterImport: 'seen',
      moveTo: null,
      enabled: true,
      lastPolledAt: null,
      lastError: null,
    });
    const id = created.body.id;
    for (const res of [created, await t.call({ method: 'GET', url: `/api/v1/mailboxes/${id}` }), await t.call({ method: 'GET', url: '/api/v1/mailboxes' })]) {
      assert.equal(res.status, 200 + (res === created ? 1 : 0));
      assert.ok(!JSON.stringify(res.body).includes(password), 'the password is never sent back');
      assert.ok(!JSON.stringify(res.body).includes('"password"'));
    }
    const events = await t.database.db.selectFrom('events').select(['before', 'after']).where('entity_id', '=', id).execute();
    assert.ok(events.length >= 2);
    assert.ok(!JSON.stringify(events).includes(password), 'nor written to the audit trail');

    // Another folder keeps the password and starts the import over.
    await t.database.db.updateTable('mailbox_imap').set({ last_uid: 42, uidvalidity: 7 }).where('mailbox_id', '=', id).execute();
    const moved = await patch(id, { imap: { folder: 'Support', afterImport: 'move', moveTo: 'Support/Done' } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.imap.folder, 'Support');
    assert.equal(moved.body.imap.moveTo, 'Support/Done');
    const row = await t.database.db.selectFrom('mailbox_imap').selectAll().where('mailbox_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.password, password);
    assert.equal(row.last_uid, 0);
    assert.equal(row.uidvalidity, null);

    const renamed = await patch(id, { name: 'Renamed' });
    assert.equal(renamed.body.imap.folder, 'Support', 'a patch without imap leaves it as it is');
    const off = await patch(id, { imap: null });
    assert.equal(off.status, 200);
    assert.equal(off.body.imap, null);
  });

  it('refuses a bad port, a move without a folder, missing credentials and unknown fields, and creates nothing', async () => {
    const cases: [object, string][] = [
      [{ ...imap, port: 0 }, 'imap.port'],
      [{ ...imap, port: 65536 }, 'imap.port'],
      [{ ...imap, port: '993' }, 'imap.port'],
      [{ ...imap, host: '  ' }, 'imap.host'],
      [{ ...imap, afterImport: 'move' }, 'imap.moveTo'],
      [{ ...imap, afterImport: 'move', moveTo: 'INBOX' }, 'imap.moveTo'],
      [{ ...imap, afterImport: 'archive' }, 'imap.afterImport'],
      [{ host: 'imap.example.com', user: 'x' }, 'imap.password'],
      [{ host: 'imap.example.com', password }, 'imap.user'],
      [{ ...imap, token: 'x' }, 'imap'],
    ];
    for (const [settings, field] of cases) {
      const res = await post({ address: 'refused@heed.test', name: 'Refused', imap: settings });
      assert.equal(res.status, 400, JSON.stringify(settings));
      assert.equal(res.body.error.code, 'validation_failed');
      assert.ok(fieldOf(res)?.some((f) => f.startsWith(field)), `${JSON.stringify(settings)} names ${field}: ${JSON.stringify(res.body)}`);
    }
    const list = await t.call({ method: 'GET', url: '/api/v1/mailboxes' });
    assert.ok(!list.body.items.some((m: { address: string }) => m.address === 'refused@heed.test'));

    const plain = await post({ address: 'plain@heed.test', name: 'Plain' });
    assert.equal(plain.body.imap, null);
    const incomplete = await patch(plain.body.id, { imap: { host: 'imap.example.com' } });
    assert.equal(incomplete.status, 400);
    assert.deepEqual(fieldOf(incomplete), ['imap.user']);
    const agent = await t.agent();
    const forbidden = await t.call({ method: 'PATCH', url: `/api/v1/mailboxes/${plain.body.id}`, payload: { imap }, as: agent });
    assert.equal(forbidden.status, 403);
  });
});
