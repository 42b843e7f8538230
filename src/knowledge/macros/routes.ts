import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/app.ts';

/** Placeholder until this part of the knowledge domain lands. */
export function macroRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
