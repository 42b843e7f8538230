import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/app.ts';
import { principalOf } from '../../http/auth.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { ArticleJson, ArticleSummaryJson, ArticleVersionJson, presentArticle, presentArticleSummary, presentVersion } from './presenter.ts';
import { CreateArticleBody, ListArticlesQuery, UpdateArticleBody } from './schemas.ts';
import { createArticle, deleteArticle, getArticle, listArticles, listVersions, updateArticle } from './service.ts';

const base = '/api/v1/knowledge/articles';
const tags = ['knowledge'];

/** Knowledge articles: create, list, read, edit with versions, delete (admins). */
export function articleRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const actor = (req: Parameters<typeof principalOf>[0]) => ({ kind: 'agent' as const, id: principalOf(req).agentId });

  r.post(base, {
    schema: { tags, body: CreateArticleBody, response: { 201: ArticleJson, 413: errorResponses[400], ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(presentArticle(await createArticle(db, actor(req), req.body))));

  r.get(base, {
    schema: {
      tags,
      querystring: ListArticlesQuery,
      response: { 200: z.object({ items: z.array(ArticleSummaryJson), nextCursor: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => {
    const page = await listArticles(db, { ...req.query, q: req.query.q || undefined, category: req.query.category || undefined });
    return { items: page.items.map(presentArticleSummary), nextCursor: page.nextCursor };
  });

  r.get(`${base}/:id`, {
    schema: { tags, params: IdParams, response: { 200: ArticleJson, ...errorResponses } },
  }, async (req) => presentArticle(await getArticle(db, req.params.id)));

  r.patch(`${base}/:id`, {
    schema: { tags, params: IdParams, body: UpdateArticleBody, response: { 200: ArticleJson, 413: errorResponses[400], ...errorResponses } },
  }, async (req) => presentArticle(await updateArticle(db, actor(req), req.params.id, req.body)));

  r.delete(`${base}/:id`, {
    config: { access: 'admin' },
    schema: { tags, params: IdParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await deleteArticle(db, actor(req), req.params.id);
    return reply.status(204).send(null);
  });

  r.get(`${base}/:id/versions`, {
    schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(ArticleVersionJson) }), ...errorResponses } },
  }, async (req) => ({ items: (await listVersions(db, req.params.id)).map(presentVersion) }));
}
