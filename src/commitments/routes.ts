import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { errorResponses, IdParams } from '../http/schemas.ts';
import { getTicket } from '../tickets/service.ts';
import { CommitmentJson, presentCommitment } from './presenter.ts';
import { CreateCommitmentBody, ListCommitmentsQuery, UpdateCommitmentBody } from './schemas.ts';
import { addCommitment, listCommitments, updateCommitment } from './service.ts';

// A ticket holds a handful of promises; the bound only keeps one answer from growing without limit.
const PER_TICKET = 1000;

export function commitmentRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const agent = (req: Parameters<typeof principalOf>[0]) => ({ kind: 'agent' as const, id: principalOf(req).agentId });

  r.get('/api/v1/commitments', {
    schema: {
      tags: ['commitments'],
      querystring: ListCommitmentsQuery,
      response: { 200: z.object({ items: z.array(CommitmentJson), nextCursor: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => {
    const q = req.query;
    const c = decodeCursor(q.cursor, ['timestamp', 'uuid']);
    const rows = await listCommitments(db, {
      status: q.status,
      ownerId: q.ownerId,
      ticketId: q.ticketId,
      dueBefore: q.dueBefore ? new Date(q.dueBefore) : undefined,
      limit: q.limit + 1,
      after: c ? { due: new Date(c[0] as string), id: c[1] as string } : undefined,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    // due_at is always written from a JavaScript Date, so milliseconds carry the whole key.
    const nextCursor = rows.length > q.limit && last ? encodeCursor([last.due_at.toISOString(), last.id]) : null;
    return { items: page.map(presentCommitment), nextCursor };
  });

  r.get('/api/v1/tickets/:id/commitments', {
    schema: { tags: ['commitments'], params: IdParams, response: { 200: z.object({ items: z.array(CommitmentJson) }), ...errorResponses } },
  }, async (req) => {
    const ticket = await getTicket(db, req.params.id);
    const rows = await listCommitments(db, { ticketId: ticket.id, limit: PER_TICKET });
    return { items: rows.map(presentCommitment) };
  });

  r.post('/api/v1/tickets/:id/commitments', {
    schema: { tags: ['commitments'], params: IdParams, body: CreateCommitmentBody, response: { 201: CommitmentJson, ...errorResponses } },
  }, async (req, reply) => {
    const b = req.body;
    const c = await addCommitment(db, agent(req), req.params.id, { text: b.text, action: b.action ?? null, dueAt: b.dueAt ? new Date(b.dueAt) : null });
    return reply.status(201).send(presentCommitment(c));
  });

  r.patch('/api/v1/commitments/:id', {
    schema: { tags: ['commitments'], params: IdParams, body: UpdateCommitmentBody, response: { 200: CommitmentJson, ...errorResponses } },
  }, async (req) => {
    const b = req.body;
    const c = await updateCommitment(db, agent(req), req.params.id, {
      text: b.text,
      status: b.status,
      ownerId: b.ownerId,
      dueAt: b.dueAt ? new Date(b.dueAt) : undefined,
    });
    return presentCommitment(c);
  });
}
