import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createAgent } from './agents/service.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { LocalDirectoryStorage } from './attachments/storage.ts';

export type Running = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

/** Opens the database, brings its schema up to date, and returns it. */
export async function openMigrated(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'poolSize'>): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  try {
    await migrate(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** On a workspace without agents, creates the first admin with a random password and says how to sign in. */
async function ensureFirstAdmin(database: Database, say: (line: string) => void) {
  const any = await database.db.selectFrom('agents').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const password = randomBytes(12).toString('base64url');
  const email = 'admin@heed.local';
  await createAgent(database.db, { kind: 'system' }, { email, name: 'Admin', role: 'admin', password });
  say(`First start: created the admin ${email} with the password ${password} (shown once; change it after signing in).`);
}

/** Starts Heed: database, migrations, HTTP server. */
export async function startServer(config: Config, say: (line: string) => void = console.log): Promise<Running> {
  // The HTTP modules load while the database opens.
  const [database, { buildApp }] = await Promise.all([openMigrated(config), import('./http/app.ts')]);
  await ensureFirstAdmin(database, say);
  const storage = new LocalDirectoryStorage(config.attachmentsDir);
  const app = await buildApp({ database, storage, config }, { logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
  const where = database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  say(`Heed is running at ${url} (${where}).`);
  say(`Sign in: POST ${url}/api/v1/auth/login {"email","password"}; API docs at ${url}/api/v1/openapi.json`);
  return {
    app,
    database,
    url,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}
