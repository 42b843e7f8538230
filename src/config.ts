import path from 'node:path';
import { z } from 'zod';

/** Every setting Heed reads from the environment, validated once at start. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_NAMED_STATEMENTS: z.enum(['true', 'false']).default('true'),
  ATTACHMENTS_DIR: z.string().min(1).optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(1024).default(25),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  OUTBOUND_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
  COOKIE_SECURE: z
    .enum(['true', 'false', 'auto'])
    .default('auto'),
  WORKSPACE_TIMEZONE: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Paris')
    .optional(),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  IMAP_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(10),
  // Whose X-Forwarded-For to believe: `false` (no one: the client is the connection's address), `true` (anyone;
  // only behind a proxy that always sets it), a number of proxy hops, or proxy addresses / CIDRs, comma-separated.
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2}|[\d.:a-fA-F/]+(,\s*[\d.:a-fA-F/]+)*)$/, 'must be true, false, a number of hops, or proxy addresses separated by commas')
    .default('false'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  poolSize: number;
  /** Name repeated statements so PostgreSQL parses and plans them once per connection (off behind a pooler that cannot keep them). */
  namedStatements: boolean;
  attachmentsDir: string;
  attachmentMaxBytes: number;
  inboundSmtpPort: number;
  outboundSmtpUrl?: string;
  publicUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  sessionTtlHours: number;
  cookieSecure: 'true' | 'false' | 'auto';
  /** Sets the workspace's (and default calendar's) time zone at start when given. */
  workspaceTimeZone?: string;
  schedulerIntervalSeconds: number;
  imapPollSeconds: number;
  /** Public ticket submissions per IP per minute; 0 turns the per-IP limit off (benchmarks). */
  publicRateLimitPerMinute: number;
  /** Fastify's trustProxy: whose X-Forwarded-For gives the client's address (rate limits per IP use it). */
  trustProxy: boolean | number | string;
};

export class ConfigError extends Error {}

/** Reads and validates settings; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  const shownHost = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    poolSize: c.DATABASE_POOL_SIZE,
    namedStatements: c.DATABASE_NAMED_STATEMENTS === 'true',
    attachmentsDir: path.resolve(c.ATTACHMENTS_DIR ?? path.join(c.DATA_DIR, 'attachments')),
    attachmentMaxBytes: c.ATTACHMENT_MAX_MB * 1024 * 1024,
    inboundSmtpPort: c.INBOUND_SMTP_PORT,
    outboundSmtpUrl: c.OUTBOUND_SMTP_URL,
    publicUrl: c.PUBLIC_URL ?? `http://${shownHost}:${c.PORT}`,
    logLevel: c.LOG_LEVEL,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    cookieSecure: c.COOKIE_SECURE,
    workspaceTimeZone: c.WORKSPACE_TIMEZONE,
    schedulerIntervalSeconds: c.SCHEDULER_INTERVAL_SECONDS,
    imapPollSeconds: c.IMAP_POLL_SECONDS,
    publicRateLimitPerMinute: c.PUBLIC_RATE_LIMIT_PER_MINUTE,
    trustProxy: c.TRUST_PROXY === 'true' ? true : c.TRUST_PROXY === 'false' ? false : /^\d+$/.test(c.TRUST_PROXY) ? Number(c.TRUST_PROXY) : c.TRUST_PROXY,
  };
}
