import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { processDatabase } from './helpers.ts';

const bin = path.resolve(import.meta.dirname, '../bin/heed.js');

function heed(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('heed CLI', () => {
  // A database of its own: a data directory on PGlite, a new database on PostgreSQL.
  let env: Record<string, string> = {};
  let cleanup = async () => {};
  before(async () => {
    ({ env, cleanup } = await processDatabase('heed_cli'));
  });
  after(() => cleanup());

  it('answers bad usage with one line and exit code 2', async () => {
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['create-admin', '--password', 'long-enough-pw'], /needs --email/],
      [['create-admin', '--email', 'not-an-email', '--password', 'long-enough-pw'], /not an email/],
      [['create-admin', '--email', 'a@b.example', '--password', 'short'], /at least 10/],
      [['migrate', '--bogus'], /bogus/],
      [['demo', '--tickets', 'many'], /--tickets/],
      [['start'], /PORT/, { PORT: 'eighty' }],
      [['start'], /DATABASE_URL/, { DATABASE_URL: 'mysql://x' }],
    ];
    for (const [args, message, extra] of cases) {
      const r = await heed(args, { ...env, ...extra });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message);
      assert.equal(r.err.trim().split('\n').length, 1, 'one line');
    }
  });

  it('migrates, creates an admin who can then sign in, and updates an existing one', async () => {
    const m = await heed(['migrate'], env);
    assert.equal(m.code, 0, m.err);
    assert.match(m.out, /Schema up to date/);
    const c = await heed(['create-admin', '--email', 'Boss@Example.com', '--password', 'a-long-password', '--name', 'The Boss'], env);
    assert.equal(c.code, 0, c.err);
    assert.match(c.out, /Created the admin boss@example.com/);
    const again = await heed(['create-admin', '--email', 'boss@example.com', '--password', 'another-long-password'], env);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /now an admin/);
    const { openDatabase } = await import('../src/db/database.ts');
    const { verifyPassword } = await import('../src/auth/tokens.ts');
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      const row = await database.db.selectFrom('agents').selectAll().where('email', '=', 'boss@example.com').executeTakeFirstOrThrow();
      assert.equal(row.role, 'admin');
      assert.equal(row.name, 'The Boss');
      assert.ok(await verifyPassword(row.password_hash, 'another-long-password'));
      assert.ok(!(await verifyPassword(row.password_hash, 'a-long-password')));
    } finally {
      await database.close();
    }
  });

  it('prints help with exit code 0', async () => {
    const r = await heed(['help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /create-admin --email E --password P/);
  });

  it('import-eml files a directory of .eml and mbox files as if delivered to a mailbox', async () => {
    const { openDatabase } = await import('../src/db/database.ts');
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      await database.db.insertInto('mailboxes').values({ address: 'help@heed.test', name: 'Help' }).onConflict((oc) => oc.doNothing()).execute();
    } finally {
      await database.close();
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-eml-'));
    fs.writeFileSync(path.join(dir, 'one.eml'), 'From: ann@example.com\r\nTo: help@heed.test\r\nSubject: Lost card\r\nMessage-ID: <one@example.com>\r\n\r\nI lost my card.\r\n');
    fs.writeFileSync(
      path.join(dir, 'two.mbox'),
      'From ann@example.com Mon Jan  1 00:00:00 2024\nFrom: ann@example.com\nSubject: Second\nMessage-ID: <two@example.com>\n\nSecond message\n\nFrom ben@example.com Mon Jan  1 00:00:00 2024\nFrom: ben@example.com\nSubject: Third\nMessage-ID: <three@example.com>\n\n>From the start\n',
    );
    const r = await heed(['import-eml', dir, '--to', 'help@heed.test'], env);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Imported 3 messages from 2 files: 3 ticketed\./);
    const bad = await heed(['import-eml', '/no/such/dir'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /does not exist/);
    const badTo = await heed(['import-eml', '/tmp', '--to', 'nope'], env);
    assert.equal(badTo.code, 2);
  });
});
