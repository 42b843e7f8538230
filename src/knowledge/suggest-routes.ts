import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { HeedError } from '../http/errors.ts';
import { errorResponses, IdParams, Line, Text } from '../http/schemas.ts';
import { computeGroups, defaultWindow, storedGroups } from './groups.ts';
import { ticketSuggestions } from './ticket-suggestions.ts';
import { suggestArticles } from './suggest.ts';

const SuggestionJson = z.object({ articleId: z.string(), title: z.string(), slug: z.string(), score: z.number(), snippet: z.string() });
const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export function suggestionRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = database.db;

  // Public: the customer-facing form shows confident suggestions before a customer writes in. Only published
  // articles are ever indexed.
  r.post('/api/v1/knowledge/suggest', {
    config: { access: 'public', rateLimit: { max: 120, timeWindow: 60_000 } },
    schema: {
      tags: ['knowledge'],
      body: z.object({
        subject: Line(500).optional(),
        body: Text(20_000).refine((s) => s.trim().length > 0, 'must not be empty'),
        limit: z.number().int().min(1).max(20).default(5),
        locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as "en" or "pt-BR"').default('en'),
      }).strict(),
      response: { 200: z.object({ items: z.array(SuggestionJson), confident: z.boolean() }), ...errorResponses },
    },
  }, async (req) => suggestArticles(db, req.body));

  r.get('/api/v1/tickets/:id/suggestions', {
    schema: {
      tags: ['knowledge'],
      params: IdParams,
      response: {
        200: z.object({
          articles: z.array(SuggestionJson.extend({ url: z.string() })),
          confident: z.boolean(),
          macros: z.array(z.object({ macroId: z.string(), name: z.string(), score: z.number() })),
          similarTickets: z.array(z.object({
            ticketId: z.string(), number: z.number(), subject: z.string(), status: z.string(), score: z.number(),
            solvedAt: z.date().nullable(),
          })),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => ticketSuggestions(db, req.params.id));

  r.get('/api/v1/insights/repeated-inquiries', {
    schema: {
      tags: ['knowledge'],
      querystring: z.object({
        since: Instant.optional(),
        until: Instant.optional(),
        minSize: z.coerce.number().int().min(2).max(100_000).default(2),
        fresh: z.enum(['true', 'false']).default('false'),
      }).strict(),
      response: {
        200: z.object({
          groups: z.array(z.object({
            id: z.string(), label: z.string(), size: z.number(), ticketIds: z.array(z.string()),
            articleId: z.string().nullable(), keyTerms: z.array(z.string()),
          })),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => {
    const q = req.query;
    const isDefault = q.since === undefined && q.until === undefined;
    const base = defaultWindow();
    const window = { since: q.since ? new Date(q.since) : base.since, until: q.until ? new Date(q.until) : base.until };
    if (window.since >= window.until) throw new HeedError('validation_failed', 'since: must be before until', [{ field: 'since', message: 'must be before until' }]);
    let groups = q.fresh === 'true' ? null : await storedGroups(db, isDefault ? 'default' : window);
    groups ??= await computeGroups(db, window, { isDefault });
    return { groups: groups.filter((g) => g.size >= q.minSize) };
  });
}
