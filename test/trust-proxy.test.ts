/**
 * Per-IP limits must see the real client: X-Forwarded-For is believed only from a proxy the operator names
 * (TRUST_PROXY), never by default, or anyone could dodge the limits by making up addresses.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { LocalDirectoryStorage } from '../src/attachments/storage.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { freshDatabase } from './helpers.ts';

describe('TRUST_PROXY', () => {
  it('reads false (the default), true, a number of hops and proxy addresses; refuses anything else', () => {
    const trust = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;
    assert.equal(trust(), false);
    assert.equal(trust('true'), true);
    assert.equal(trust('2'), 2);
    assert.equal(trust('10.0.0.1, 10.0.0.0/8'), '10.0.0.1, 10.0.0.0/8');
    assert.throws(() => trust('everyone'), /TRUST_PROXY/);
  });

  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  async function submissions(trustProxy: boolean): Promise<number[]> {
    const database = await freshDatabase();
    // Someone must own the tickets the form opens.
    const owner = await database.db.insertInto('agents').values({ email: 'owner@example.test', name: 'Owner' }).returning('id').executeTakeFirstOrThrow();
    await database.db.updateTable('workspace').set({ default_owner_id: owner.id }).execute();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-tp-'));
    const app = await buildApp({ database, storage: new LocalDirectoryStorage(dir), config: { sessionTtlHours: 1, cookieSecure: 'false', publicUrl: 'http://localhost', attachmentMaxBytes: 1024 * 1024, trustProxy } });
    cleanups.push(async () => {
      await app.close();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/public/tickets',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
        payload: JSON.stringify({ name: 'Ana', email: `ana${i}@example.com`, subject: `Question ${i}`, body: 'Hello' }),
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  }

  it('by default, made-up X-Forwarded-For addresses do not escape the per-IP limit', async () => {
    const statuses = await submissions(false);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(201));
    assert.equal(statuses[10], 429);
  });

  it('behind a trusted proxy, each forwarded client has its own limit', async () => {
    const statuses = await submissions(true);
    assert.deepEqual(statuses, Array(11).fill(201));
  });
});
