import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { LocalDirectoryStorage } from '../attachments/storage.ts';
import { createAgent } from '../agents/service.ts';
import type { Database } from '../db/database.ts';
import { freshDatabase } from '../../test/helpers.ts';
import { createMailbox } from './mailboxes.ts';
import { recordInboundEmail, type InboundResult } from './ingest.ts';
import { isMbox, splitMbox } from './mbox.ts';

const corpus = path.resolve(import.meta.dirname, '../../../shared/corpora/emails');

describe('the email corpus through the inbound pipeline', () => {
  let database: Database;
  let dir: string;
  const results: { file: string; result: InboundResult }[] = [];
  let units = 0;

  before(async () => {
    assert.ok(fs.existsSync(corpus), `the email corpus is expected at ${corpus}`);
    database = await freshDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-corpus-'));
    await createAgent(database.db, { kind: 'system' }, { email: 'owner@heed.test', name: 'Owner', role: 'admin' });
    await createMailbox(database.db, { kind: 'system' }, { address: 'support@heed.test', name: 'Support' });
    const storage = new LocalDirectoryStorage(dir);
    const files = fs.readdirSync(path.join(corpus, 'messages')).sort();
    for (const file of files) {
      const raw = fs.readFileSync(path.join(corpus, 'messages', file));
      const messages = isMbox(raw) ? splitMbox(raw) : [raw];
      for (const m of messages) {
        units++;
        // Every message is delivered to the support mailbox, as an SMTP server would see it.
        results.push({ file, result: await recordInboundEmail(database.db, storage, { raw: m, via: 'import', envelopeTo: ['support@heed.test'] }) });
      }
    }
  });
  after(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('files every message in exactly one place, and keeps every raw message', async () => {
    assert.ok(units >= 234, `${units} messages read`);
    assert.equal(results.length, units);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from inbound_emails`.execute(database.db);
    assert.equal(rows[0]!.n, units, 'one inbound row per message');
    const byOutcome: Record<string, number> = {};
    for (const r of results) byOutcome[r.result.outcome] = (byOutcome[r.result.outcome] ?? 0) + 1;
    console.log('corpus outcomes:', JSON.stringify(byOutcome));
    const ticketed = results.filter((r) => r.result.outcome === 'ticketed');
    const linked = await sql<{ n: number }>`select count(*)::int as n from inbound_emails i join messages m on m.id = i.message_id_ref where i.outcome = 'ticketed'`.execute(database.db);
    assert.equal(linked.rows[0]!.n, ticketed.length, 'every ticketed email is a ticket message');
    for (const r of results.filter((x) => x.result.outcome === 'dead_letter')) {
      assert.ok(r.result.reason, `${r.file} has a reason`);
      console.log(`dead letter: ${r.file}: ${r.result.reason}`);
    }
    const sizes = await sql<{ ok: boolean }>`select bool_and(length(raw) = size_bytes) as ok from inbound_emails`.execute(database.db);
    assert.equal(sizes.rows[0]!.ok, true, 'the raw bytes are kept whole');
  });

  it('recognises the corpus bounces and automatic replies', async () => {
    const manifest = fs.readFileSync(path.join(corpus, 'manifest.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
    // A true duplicate (same Message-ID, sender and content as an earlier file) counts as what its original was.
    const originals = await sql<{ id: string; outcome: string }>`
      select d.id, o.outcome from inbound_emails d
      join inbound_emails o on o.message_id = d.message_id and o.from_address is not distinct from d.from_address
        and o.body_hash = d.body_hash and o.outcome <> 'duplicate'
      where d.outcome = 'duplicate'`.execute(database.db);
    const original = new Map(originals.rows.map((r) => [r.id, r.outcome]));
    const outcomeOf = (f: string) => {
      const r = results.find((x) => x.file === f)!.result;
      return r.outcome === 'duplicate' ? original.get(r.id) : r.outcome;
    };
    assert.equal(original.size, results.filter((r) => r.result.outcome === 'duplicate').length, 'every duplicate has its original');
    for (const [file, , , , , , , features] of manifest) {
      const tags = features!.split(',');
      if (tags.includes('bounce-dsn')) assert.equal(outcomeOf(file!), 'bounce', `${file} is a DSN bounce`);
      if (tags.includes('auto-reply')) assert.equal(outcomeOf(file!), 'auto_reply', `${file} is an automatic reply`);
      if (tags.includes('abuse-report-arf')) assert.equal(outcomeOf(file!), 'bounce', `${file} is an abuse report`);
    }
  });

  it('keeps non-UTF-8 text readable: windows-1252, ISO-8859-1 and Japanese', async () => {
    const { rows } = await sql<{ body_text: string }>`select m.body_text from messages m`.execute(database.db);
    const all = rows.map((r) => r.body_text).join('\n');
    assert.doesNotMatch(all, /\u0000/);
    assert.ok(rows.length > 100);
    const replacement = rows.filter((r) => r.body_text.includes('\uFFFD')).length;
    assert.ok(replacement <= 5, `${replacement} messages contain U+FFFD replacement characters`);
  });
});
