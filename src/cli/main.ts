import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { LocalDirectoryStorage } from '../attachments/storage.ts';
import { emailFiles, importEmails } from '../email/import.ts';
import { z } from 'zod';
import { createAgent } from '../agents/service.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openMigrated, startServer } from '../server.ts';
import { HeedError } from '../http/errors.ts';
import { Email } from '../http/schemas.ts';
import { seedDemo } from '../demo/seed.ts';

const usage = `Usage: heed <command> [options]

Commands:
  start                                  run Heed (HTTP API) on PORT, with data in DATA_DIR or DATABASE_URL
  migrate                                bring the database schema up to date and exit
  create-admin --email E --password P [--name N]
                                         add an admin agent (or make an existing agent an admin with this password)
  import-eml FILE|DIR [--to MAILBOX]      file .eml or mbox files through the email pipeline, as if delivered to MAILBOX
  coach [TEXT | -] [--now ISO] [--tz ZONE] [--json]
                                         read a draft reply with the reply coach (stdin when TEXT is - or absent)
  kb import DIR | kb export DIR          upsert knowledge articles from Markdown files with front matter, or write them all out
  demo [--tickets N]                     fill the workspace with demo agents, teams, customers and N tickets (default 300)
  help                                   show this help

Settings come from environment variables; see README.md.`;

class UsageError extends Error {}

/** Runs one CLI command; resolves to the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'start':
        return await start(rest);
      case 'migrate':
        return await runMigrate(rest);
      case 'create-admin':
        return await createAdmin(rest);
      case 'demo':
        return await demo(rest);
      case 'import-eml':
        return await importEml(rest);
      case 'coach': {
        const { coachCommand } = await import('../coach/cli.ts');
        return await coachCommand(rest, { stdin: process.stdin, out: (l) => process.stdout.write(l), err: (l) => process.stderr.write(l) });
      }
      case 'kb': {
        const { kbCommand } = await import('../knowledge/kb-cli.ts');
        const io = { out: (l: string) => process.stdout.write(l), err: (l: string) => process.stderr.write(l) };
        return await kbCommand(rest, io, () => openMigrated(loadConfig()));
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(usage);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}" (try: heed help)`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      console.error(`heed: ${err.message}`);
      return 2;
    }
    if (err instanceof HeedError) {
      console.error(`heed: ${err.message}`);
      return 1;
    }
    console.error(`heed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

async function start(args: string[]): Promise<number> {
  parse(args, {});
  const config = loadConfig();
  // A fresh clone has no built web app yet: build it once, so `npm start` stays the only command.
  const { ensureWebBuilt } = await import('../../web/build.ts');
  await ensureWebBuilt((line) => console.log(line));
  const running = await startServer(config);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('Heed is stopping…');
  await running.stop();
  return 0;
}

async function runMigrate(args: string[]): Promise<number> {
  parse(args, {});
  const database = await openMigrated(loadConfig());
  const applied = await database.db.selectFrom('heed_migrations' as never).select('name' as never).execute();
  await database.close();
  console.log(`Schema up to date (${applied.length} migrations).`);
  return 0;
}

async function createAdmin(args: string[]): Promise<number> {
  const v = parse(args, { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } });
  if (!v.email) throw new UsageError('create-admin needs --email');
  if (!v.password) throw new UsageError('create-admin needs --password');
  const email = Email.safeParse(v.email);
  if (!email.success) throw new UsageError(`--email: "${v.email}" is not an email address`);
  if (v.password.length < 10) throw new UsageError('--password must be at least 10 characters');
  const database = await openMigrated(loadConfig());
  try {
    const existing = await database.db.selectFrom('agents').select('id').where('email', '=', email.data).executeTakeFirst();
    if (existing) {
      const { updateAgent } = await import('../agents/service.ts');
      await updateAgent(database.db, { kind: 'system' }, existing.id, { role: 'admin', password: v.password, active: true });
      console.log(`${email.data} is now an admin with the new password.`);
    } else {
      await createAgent(database.db, { kind: 'system' }, { email: email.data, name: v.name?.trim() || email.data.split('@')[0]!, role: 'admin', password: v.password });
      console.log(`Created the admin ${email.data}.`);
    }
  } finally {
    await database.close();
  }
  return 0;
}

async function demo(args: string[]): Promise<number> {
  const v = parse(args, { tickets: { type: 'string' } });
  const n = z.coerce.number().int().min(1).max(100_000).safeParse(v.tickets ?? '300');
  if (!n.success) throw new UsageError('--tickets must be a whole number from 1 to 100000');
  const database = await openMigrated(loadConfig());
  try {
    const summary = await seedDemo(database.db, { tickets: n.data, log: (l) => console.log(l) });
    console.log(summary);
  } finally {
    await database.close();
  }
  return 0;
}

async function importEml(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { to: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const [target, extra] = parsed.positionals;
  if (!target || extra) throw new UsageError('import-eml needs exactly one FILE or DIR');
  if (!fs.existsSync(target)) throw new UsageError(`import-eml: ${target} does not exist`);
  const to = parsed.values.to;
  if (to !== undefined && !Email.safeParse(to).success) throw new UsageError(`--to: "${to}" is not an email address`);
  const files = emailFiles(target);
  if (files.length === 0) throw new UsageError(`import-eml: no .eml or mbox files in ${target}`);
  const config = loadConfig();
  const database = await openMigrated(config);
  const bar = new SingleBar({ format: 'Importing [{bar}] {value}/{total} files, {messages} messages', stream: process.stderr, noTTYOutput: false }, Presets.shades_classic);
  bar.start(files.length, 0, { messages: 0 });
  try {
    const result = await importEmails(database.db, new LocalDirectoryStorage(config.attachmentsDir), files, to ? [to.toLowerCase()] : [], (p) => bar.update(p.done, { messages: p.messages }));
    bar.stop();
    const outcomes = Object.entries(result.outcomes).map(([k, v]) => `${v} ${k.replace('_', ' ')}`).join(', ');
    console.log(`Imported ${result.messages} messages from ${result.files} files: ${outcomes}.`);
  } finally {
    bar.stop();
    await database.close();
  }
  return 0;
}
