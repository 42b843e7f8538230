import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../http/app.ts';
import { ErrorResponse, errorResponses } from '../http/schemas.ts';
import { registerPublicCors } from './cors.ts';
import { contactFormRoutes } from './form-routes.ts';
import { PublicTicketBody, ReceiptJson } from './schemas.ts';
import { decoyReceipt, submitPublicTicket, type Submitted } from './service.ts';

const present = (s: Submitted) => ({ reference: s.reference, number: s.number, expectedReplyBy: s.expectedReplyBy?.toISOString() ?? null });

/** The public ticket API (no sign-in, abuse-protected), its CORS for the widget's sites, and the hosted form. */
export function publicRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.database;
  const perMinute = ctx.config.publicRateLimitPerMinute ?? 10;
  registerPublicCors(app, db);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/public/tickets', {
    config: { access: 'public', ...(perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}) },
    schema: {
      tags: ['public'],
      summary: 'Open a ticket as a customer (the contact form and widget use this)',
      body: PublicTicketBody,
      response: { 201: ReceiptJson, 429: ErrorResponse, ...errorResponses },
    },
  }, async (req, reply) => {
    const { website, ...input } = req.body;
    if (website && website.trim() !== '') {
      // The honeypot: people never see this field. Answer as if it worked so the bot learns nothing.
      req.log.info({ ip: req.ip }, 'public ticket: honeypot filled, nothing stored');
      return reply.status(201).send(present(await decoyReceipt(db)));
    }
    return reply.status(201).send(present(await submitPublicTicket(db, ctx.storage, input)));
  });

  contactFormRoutes(app, ctx);
}
