import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { principalOf } from '../http/auth.ts';
import { HeedError } from '../http/errors.ts';
import { errorResponses, IdParams, Line, Uuid } from '../http/schemas.ts';
import { addAttachment, getAttachment, listAttachments } from './service.ts';
import { getTicket } from '../tickets/service.ts';
import { AttachmentJson, presentAttachment as present } from './presenter.ts';

const ContentType = z
  .string()
  .max(200)
  .regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type such as image/png')
  .catch('application/octet-stream');

/** Upload is the raw request body (any content type); download always comes as a file, never rendered inline. */
export function attachmentRoutes(app: FastifyInstance, { database, storage, config }: AppContext): void {
  const { db } = database;
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.attachmentMaxBytes }, (_req, body, done) => done(null, body));
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/v1/tickets/:id/attachments', {
      bodyLimit: config.attachmentMaxBytes,
      schema: {
        tags: ['attachments'],
        params: IdParams,
        querystring: z.object({ filename: Line(255).refine((f) => !/[\\/]/.test(f), 'must be a file name without a path'), messageId: Uuid.optional() }),
        response: { 201: AttachmentJson, ...errorResponses },
      },
    }, async (req, reply) => {
      const data = req.body;
      if (!Buffer.isBuffer(data) || data.length === 0) throw new HeedError('validation_failed', 'body: send the file bytes as the request body', [{ field: 'body', message: 'empty' }]);
      const contentType = ContentType.parse(String(req.headers['content-type'] ?? '').split(';')[0]!.trim());
      const row = await addAttachment(db, storage, { kind: 'agent', id: principalOf(req).agentId }, {
        ticketId: req.params.id,
        messageId: req.query.messageId,
        filename: req.query.filename,
        contentType,
        data,
      });
      return reply.status(201).send(present(row));
    });

    r.get('/api/v1/tickets/:id/attachments', {
      schema: { tags: ['attachments'], params: IdParams, response: { 200: z.object({ items: z.array(AttachmentJson) }), ...errorResponses } },
    }, async (req) => {
      await getTicket(db, req.params.id);
      return { items: (await listAttachments(db, req.params.id)).map(present) };
    });

    r.get('/api/v1/attachments/:id', {
      schema: { tags: ['attachments'], params: IdParams },
    }, async (req, reply) => {
      const a = await getAttachment(db, req.params.id);
      const bytes = await storage.get(a.storage_key);
      const ascii = a.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .header('content-type', a.content_type)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    });
  });
}
