import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from './app.ts';

export function healthRoutes(app: FastifyInstance, { database }: AppContext): void {
  const publicRoute = { config: { access: 'public' as const }, schema: { hide: true } };
  /** The process is up. */
  app.get('/healthz', publicRoute, async () => ({ status: 'ok' }));
  /** The process can serve: the database answers. */
  app.get('/readyz', publicRoute, async (_req, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ready', database: database.kind };
    } catch {
      return reply.status(503).send({ error: { code: 'unavailable', message: 'the database does not answer' } });
    }
  });
}
