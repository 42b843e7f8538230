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

/** Runs one statement on the PostgreSQL server the tests use, outside any test database. */
async function onServer(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.HEED_TEST_PG_URL! });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new, empty database on the test server (a copy of `template` when given), its URL and how to drop it. */
async function serverDatabase(prefix: string, template?: string) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(`create database ${name}${template ? ` template ${template}` : ''}`);
  const u = new URL(process.env.HEED_TEST_PG_URL!);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}

/**
 * Settings for a Heed process of a test's own (a CLI run, a server child process): a new empty database on
 * PostgreSQL, or a new data directory for PGlite; `cleanup` removes it.
 */
export async function processDatabase(prefix: string): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  if (dbKind === 'postgres') {
    const created = await serverDatabase(prefix);
    return { env: { DATABASE_URL: created.url }, cleanup: created.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  return { env: { DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A new database holding only the migrated schema; closing it also drops it. */
export async function freshDatabase(): Promise<Database> {
  if (dbKind === 'postgres') {
    const created = await serverDatabase('heed_t', process.env.HEED_TEST_PG_TEMPLATE!);
    const database = await openDatabase({ databaseUrl: created.url, poolSize: 12 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await created.drop();
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
    // As behind a proxy: tests give each simulated client its own address with X-Forwarded-For.
    config: { sessionTtlHours: 24, cookieSecure: 'false', publicUrl: 'http://localhost', attachmentMaxBytes: 1024 * 1024, trustProxy: true },
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
