/**
 * Heed with real mail on both sides, for email tests: a fresh database with an admin (and an API token) and the
 * support@heed.test mailbox, Heed's inbound SMTP server, the send queue working through a pooled mailer, and a sink
 * standing in for the customers' mail provider.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createAgent } from '../src/agents/service.ts';
import { LocalDirectoryStorage } from '../src/attachments/storage.ts';
import { issueToken } from '../src/auth/tokens.ts';
import type { Database } from '../src/db/database.ts';
import { createMailbox } from '../src/email/mailboxes.ts';
import { createMailer, sendQueueSpec, workSendQueue } from '../src/email/outbound.ts';
import { startInboundSmtp } from '../src/email/smtp-server.ts';
import { buildApp } from '../src/http/app.ts';
import { startJobs, type Jobs } from '../src/jobs/jobs.ts';
import { freshDatabase } from './helpers.ts';
import { startSink } from './smtp-sink.ts';

export type MailRig = {
  database: Database;
  jobs: Jobs;
  app: FastifyInstance;
  inbound: { port: number; close(): Promise<void> };
  sink: Awaited<ReturnType<typeof startSink>>;
  /** The admin's API token. */
  token: string;
  storage: LocalDirectoryStorage;
  close(): Promise<void>;
};

export async function startMailRig(opts: { ownerName: string; dirPrefix: string }): Promise<MailRig> {
  const database = await freshDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${opts.dirPrefix}-`));
  const storage = new LocalDirectoryStorage(dir);
  const admin = await createAgent(database.db, { kind: 'system' }, { email: 'owner@heed.test', name: opts.ownerName, role: 'admin' });
  const token = (await issueToken(database.db, { agentId: admin.id, kind: 'api' })).token;
  await createMailbox(database.db, { kind: 'system' }, { address: 'support@heed.test', name: 'Heed Support' });
  const sink = await startSink();
  const jobs = await startJobs(database.db, [sendQueueSpec], { pollSeconds: 0.5 });
  const mailer = createMailer(`smtp://127.0.0.1:${sink.port}?ignoreTLS=true`);
  await workSendQueue(database.db, jobs, storage, mailer);
  const inbound = await startInboundSmtp({ db: database.db, storage, port: 0, host: '127.0.0.1', maxBytes: 2 * 1024 * 1024 });
  const app = await buildApp({ database, storage, jobs, config: { sessionTtlHours: 1, cookieSecure: 'false', publicUrl: 'http://x', attachmentMaxBytes: 1024 * 1024 } });
  return {
    database, jobs, app, inbound, sink, token, storage,
    close: async () => {
      await inbound.close();
      await app.close();
      await jobs.stop();
      mailer.close?.();
      await sink.close();
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
