import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/app.ts';
import { createHub, type Hub } from './hub.ts';

const hubs = new WeakMap<FastifyInstance, Hub>();

/**
 * The one live-update hub of an app: one LISTEN connection per process, shared by the agents' stream and the
 * widget's conversation streams, and stopped before the app closes (so open streams end at once).
 */
export function appHub(app: FastifyInstance, ctx: AppContext): Hub {
  const known = hubs.get(app);
  if (known) return known;
  // Database handles may carry their URL (tests' do not go through the config).
  const hub = createHub({ database: ctx.database, databaseUrl: ctx.config.databaseUrl ?? ctx.database.url, log: (line) => app.log.warn(line) });
  app.addHook('preClose', async () => {
    await hub.stop();
  });
  hubs.set(app, hub);
  return hub;
}
