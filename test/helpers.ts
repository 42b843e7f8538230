/**
 * Test helpers: a fresh migrated database per test file (copied from the template prepared by scripts/test.ts),
 * the HTTP app driven through app.inject(), and factories for the rows a test needs.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDirectoryStorage } from '../src/attachments/storage.ts';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildApp } from '../src/http/app.ts';
import { createAgent } from '../src/agents/service.ts';
import { issueToken } from '../src/auth/tokens.ts';
import type { Role } from '../src/db/types.ts';

export const dbKind = (process.env.HEED_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** A new database holding only the migrated schema; closing it also drops it. */
export async function freshDatabase(): Promise<Database> {
  if (dbKind === 'postgres') {
    const url = process.env.HEED_TEST_PG_URL!;
    const template = process.env.HEED_TEST_PG_TEMPLATE!;
    const name = `heed_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 12 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const templatePath = process.env.HEED_TEST_PGLITE_TEMPLATE;
  if (templatePath && fs.existsSync(templatePath)) {
    return openDatabase({ pgliteTemplate: new Blob([fs.readFileSync(templatePath)]) });
  }
  const database = await openDatabase({});
  await migrate(database.db);
  return database;
}

export type Caller = { agentId: string; token: string; email: string };

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  admin: Caller;
  /** Sends a request as the given caller (default: the admin), JSON in and out. */
  call(opts: InjectOptions & { as?: Caller | null }): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  agent(opts?: { role?: Role; name?: string; availability?: 'available' | 'away' | 'offline' }): Promise<Caller>;
  close(): Promise<void>;
};

let counter = 0;

/** The HTTP app on a fresh database, with one admin who is the workspace default owner. */
export async function testApp(): Promise<TestApp> {
  const database = await freshDatabase();
  const attachmentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heed-att-'));
  const app = await buildApp({
    database,
    storage: new LocalDirectoryStorage(attachmentsDir),
    config: { sessionTtlHours: 24, cookieSecure: 'false', publicUrl: 'http://localhost', attachmentMaxBytes: 1024 * 1024 },
  });
  const agent: TestApp['agent'] = async (opts = {}) => {
    counter += 1;
    const email = `agent${counter}-${randomBytes(3).toString('hex')}@example.test`;
    const a = await createAgent(database.db, { kind: 'system' }, {
      email,
      name: opts.name ?? `Agent ${counter}`,
      role: opts.role ?? 'agent',
      password: 'correct horse battery',
      availability: opts.availability,
    });
    const t = await issueToken(database.db, { agentId: a.id, kind: 'api', name: 'test' });
    return { agentId: a.id, token: t.token, email };
  };
  const admin = await agent({ role: 'admin', name: 'Ada Admin' });
  const call: TestApp['call'] = async ({ as, ...opts }) => {
    const who = as === undefined ? admin : as;
    const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
    if (who) headers.authorization = `Bearer ${who.token}`;
    const res = await app.inject({ ...opts, headers });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.statusCode, body, headers: res.headers };
  };
  return {
    app,
    database,
    admin,
    call,
    agent,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}

/** Creates a ticket through the API and returns its JSON. */
export async function createTicket(t: TestApp, overrides: Record<string, unknown> = {}, as?: Caller) {
  counter += 1;
  const res = await t.call({
    method: 'POST',
    url: '/api/v1/tickets',
    as,
    payload: { subject: `Question ${counter}`, body: 'My card has not arrived yet.', requester: { email: `customer${counter}@example.com` }, ...overrides },
  });
  if (res.status !== 201) throw new Error(`ticket create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; number: number; ownerId: string; teamId: string | null; status: string; requesterId: string };
}
