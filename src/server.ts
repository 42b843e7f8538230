import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createAgent, updateAgent } from './agents/service.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { LocalDirectoryStorage } from './attachments/storage.ts';
import { startInboundSmtp } from './email/smtp-server.ts';
import { imapQueueSpec, startImapWorker } from './email/imap.ts';
import { createMailer, sendQueueSpec, workSendQueue } from './email/outbound.ts';
import { startJobs } from './jobs/jobs.ts';
import { knowledgeQueueSpec, startKnowledgeJobs } from './knowledge/jobs.ts';
import { startSurveyJobs, surveyQueueSpec } from './surveys/jobs.ts';
import { SYSTEM_MAIL_QUEUE, sendSystemEmail, systemMailQueueSpec } from './email/system-mail.ts';
import { startScheduler, tickQueueSpec } from './follow-through/scheduler.ts';
import { applyWorkspaceTimeZone } from './sla/calendars.ts';
import { RESYNC_QUEUE, resyncOpenTickets, resyncQueueSpec } from './sla/resync.ts';

export type Running = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

/** Opens the database, brings its schema up to date, and returns it. */
export async function openMigrated(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'poolSize'> & Partial<Pick<Config, 'namedStatements'>>): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize, namedStatements: config.namedStatements });
  try {
    await migrate(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/**
 * On a workspace without an active admin (a fresh install, or one where `heed demo` ran first), creates the
 * admin admin@heed.local with a random password, or resets that agent, and says how to sign in.
 */
async function ensureAdmin(database: Database, say: (line: string) => void) {
  const admin = await database.db.selectFrom('agents').select('id').where('role', '=', 'admin').where('active', '=', true).limit(1).executeTakeFirst();
  if (admin) return;
  const password = randomBytes(12).toString('base64url');
  const email = 'admin@heed.local';
  const existing = await database.db.selectFrom('agents').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) await updateAgent(database.db, { kind: 'system' }, existing.id, { role: 'admin', active: true, password });
  else await createAgent(database.db, { kind: 'system' }, { email, name: 'Admin', role: 'admin', password });
  await database.db.updateTable('workspace').set({ default_owner_id: existing?.id ?? null }).where('default_owner_id', 'is', null).where(() => sql<boolean>`${existing?.id ?? null}::uuid is not null`).execute();
  say(`No admin yet: created ${email} with the password ${password} (shown once; change it after signing in).`);
}

/** Starts Heed: database, migrations, HTTP server. */
export async function startServer(config: Config, say: (line: string) => void = console.log): Promise<Running> {
  // The HTTP modules load while the database opens.
  const [database, { buildApp }] = await Promise.all([openMigrated(config), import('./http/app.ts')]);
  await ensureAdmin(database, say);
  const storage = new LocalDirectoryStorage(config.attachmentsDir);
  if (config.workspaceTimeZone) await applyWorkspaceTimeZone(database.db, config.workspaceTimeZone);
  const jobs = await startJobs(database.db, [sendQueueSpec, tickQueueSpec, resyncQueueSpec, imapQueueSpec, knowledgeQueueSpec, systemMailQueueSpec, surveyQueueSpec]);
  await jobs.work(RESYNC_QUEUE, async () => {
    await resyncOpenTickets(database.db);
  });
  const mailer = config.outboundSmtpUrl ? createMailer(config.outboundSmtpUrl) : null;
  await workSendQueue(database.db, jobs, storage, mailer);
  await jobs.work<{ id: string }>(SYSTEM_MAIL_QUEUE, (data, meta) => sendSystemEmail(database.db, mailer, data.id, meta, config.publicUrl), { batchSize: 10 });
  await startScheduler(database.db, jobs, { intervalSeconds: config.schedulerIntervalSeconds });
  await startKnowledgeJobs(database.db, jobs, { intervalSeconds: 5 });
  await startSurveyJobs(database.db, jobs, { intervalSeconds: 5, publicUrl: config.publicUrl });
  const app = await buildApp({ database, storage, jobs, config }, { logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  await startImapWorker(database.db, storage, jobs, { pollSeconds: config.imapPollSeconds, log: (line) => app.log.warn(line) });
  await app.listen({ port: config.port, host: config.host });
  const smtp =
    config.inboundSmtpPort > 0
      ? await startInboundSmtp({
          db: database.db,
          storage,
          port: config.inboundSmtpPort,
          host: config.host,
          maxBytes: config.attachmentMaxBytes + 1024 * 1024,
          log: (line) => app.log.warn(line),
        })
      : null;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  say(`Heed is running at ${url} (${where}).`);
  if (smtp) say(`Receiving email by SMTP on ${config.host}:${smtp.port} for the addresses in /api/v1/mailboxes.`);
  say(`Sign in: POST ${url}/api/v1/auth/login {"email","password"}; API docs at ${url}/api/v1/openapi.json`);
  return {
    app,
    database,
    url,
    stop: async () => {
      await smtp?.close();
      await app.close();
      await jobs.stop();
      mailer?.close?.(); // the relay connections kept open by the pool
      await database.close();
    },
  };
}
