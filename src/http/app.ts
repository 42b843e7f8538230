import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { registerAuth } from './auth.ts';
import { fromDatabaseError, HeedError, type ErrorBody } from './errors.ts';
import { authRoutes } from '../auth/routes.ts';
import { agentRoutes } from '../agents/routes.ts';
import { teamRoutes } from '../agents/team-routes.ts';
import { customerRoutes } from '../customers/routes.ts';
import { organizationRoutes } from '../customers/organization-routes.ts';
import { ticketRoutes } from '../tickets/routes.ts';
import { handoffRoutes } from '../tickets/handoff-routes.ts';
import { searchRoutes } from '../search/routes.ts';
import { healthRoutes } from './health.ts';
import { attachmentRoutes } from '../attachments/routes.ts';
import { emailRoutes } from '../email/routes.ts';
import { commitmentRoutes } from '../commitments/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { followThroughRoutes } from '../follow-through/routes.ts';
import { slaRoutes } from '../sla/routes.ts';
import { coachRoutes } from '../coach/routes.ts';
import { realtimeRoutes } from '../realtime/routes.ts';
import { articleRoutes } from '../knowledge/articles/routes.ts';
import { helpCenterRoutes } from '../knowledge/help/routes.ts';
import { macroRoutes } from '../knowledge/macros/routes.ts';
import { suggestionRoutes } from '../knowledge/suggest-routes.ts';
import { publicRoutes } from '../public/routes.ts';
import { widgetRoutes } from '../widget/routes.ts';
import { portalRoutes } from '../portal/routes.ts';
import { surveyRoutes } from '../surveys/routes.ts';
import type { AttachmentStorage } from '../attachments/storage.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { webBuilt, webDist } from '../../web/build.ts';
import { registerWebApp } from '../../web/serve.ts';

export type AppContext = {
  database: Database;
  storage: AttachmentStorage;
  /** The job queue; absent in tests that do not need background work. */
  jobs?: Jobs;
  /** databaseUrl: live updates on PostgreSQL LISTEN on a connection of their own. */
  config: Pick<Config, 'sessionTtlHours' | 'cookieSecure' | 'publicUrl' | 'attachmentMaxBytes'> & Partial<Pick<Config, 'databaseUrl' | 'publicRateLimitPerMinute' | 'trustProxy'>>;
};

/** Builds the HTTP application: every route, schema and the central error handler. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean | object; web?: string | false } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // Only a proxy the operator names may say who the client is; otherwise X-Forwarded-For could dodge the per-IP limits.
    trustProxy: proxyTrust(ctx.config.trustProxy),
    // Long enough that an over-long id reaches validation and gets a 400 naming it.
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: (err, _req, reply) => {
      const body: ErrorBody = { error: { code: 'bad_request', message: err.code === 'FST_ERR_BAD_URL' ? 'the URL is not valid' : err.message } };
      void reply.code(400 as never).send(body as never);
    },
    // Per-request lines cost throughput; errors are still logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((err, req, reply) => {
    const heed = toHeedError(err);
    if (heed.status >= 500) req.log.error({ err, url: req.url, method: req.method }, 'request failed');
    const body: ErrorBody = { error: { code: heed.code, message: heed.message } };
    if (heed.details !== undefined) body.error.details = heed.details;
    return reply.status(heed.status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const body: ErrorBody = { error: { code: 'route_not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } };
    return reply.status(404).send(body);
  });

  await app.register(fastifyCookie);
  // Only routes that opt in (sign-in) are limited; the store is per process.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Heed API', version: '1', description: 'The HTTP API of the Heed help desk.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerAuth(app, ctx.database.db);

  healthRoutes(app, ctx);
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  authRoutes(app, ctx);
  agentRoutes(app, ctx);
  teamRoutes(app, ctx);
  customerRoutes(app, ctx);
  organizationRoutes(app, ctx);
  ticketRoutes(app, ctx);
  handoffRoutes(app, ctx);
  searchRoutes(app, ctx);
  attachmentRoutes(app, ctx);
  emailRoutes(app, ctx);
  commitmentRoutes(app, ctx);
  notificationRoutes(app, ctx);
  followThroughRoutes(app, ctx);
  slaRoutes(app, ctx);
  coachRoutes(app, ctx);
  realtimeRoutes(app, ctx);
  articleRoutes(app, ctx);
  helpCenterRoutes(app, ctx);
  macroRoutes(app, ctx);
  suggestionRoutes(app, ctx);
  publicRoutes(app, ctx);
  widgetRoutes(app, ctx);
  portalRoutes(app, ctx);
  surveyRoutes(app, ctx);
  // The web app (web/dist) when it is built, or the directory given; false serves the API alone.
  const web = opts.web ?? (webBuilt() ? webDist : false);
  if (web) await registerWebApp(app, web);
  return app;
}

/** TRUST_PROXY as Fastify takes it: a number of hops becomes "trust the first n addresses". */
function proxyTrust(setting: boolean | number | string | undefined): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting ?? false;
}

function toHeedError(err: unknown): HeedError {
  if (err instanceof HeedError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      field: fieldName(v.instancePath, err.validationContext),
      message: v.message ?? 'invalid',
    }));
    const first = details[0];
    return new HeedError('validation_failed', first ? `${first.field}: ${first.message}` : 'invalid request', details);
  }
  if (isResponseSerializationError(err)) return new HeedError('internal', 'internal error');
  const fromDb = fromDatabaseError(err);
  if (fromDb) return fromDb;
  const fe = err as FastifyError;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new HeedError('payload_too_large', 'the request body is too large');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new HeedError('unsupported_media_type', 'send the body as application/json');
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new HeedError(fe.statusCode === 429 ? 'rate_limited' : 'bad_request', fe.message);
  }
  return new HeedError('internal', 'internal error');
}

function fieldName(instancePath: string, context: string | undefined): string {
  const parts = instancePath.split('/').filter(Boolean);
  const where = context === 'body' || !context ? '' : `${context}.`;
  return parts.length ? `${where}${parts.join('.')}` : context ?? 'body';
}
