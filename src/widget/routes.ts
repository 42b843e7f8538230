import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/app.ts';

/** Placeholder until this part of the customer-facing domain lands. */
export function widgetRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
