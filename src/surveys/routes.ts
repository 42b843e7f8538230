import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { HeedError } from '../http/errors.ts';
import { errorResponses, Text } from '../http/schemas.ts';
import type { SafeHtml } from '../knowledge/help/html.ts';
import { answerSurvey, COMMENT_MAX, surveyByToken, type SurveyView } from './answer.ts';
import { csatReport } from './csat.ts';
import { surveyErrorPage, surveyLayout, surveyPage } from './pages.ts';

// No scripts; the one inline stylesheet; the comment form posts back here.
const csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const perIp = { max: 30, timeWindow: 60_000 };
const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const TokenParams = z.object({ token: z.string() });
const RatingJson = z.union([z.number(), z.enum(['good', 'bad'])]);
const AnswerJson = z.object({ rating: RatingJson, comment: z.string().nullable() });

const shown = (s: SurveyView) => ({ rating: s.scale === 'binary' && s.rating !== null ? (s.rating >= 4 ? 'good' as const : 'bad' as const) : s.rating!, comment: s.comment });
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Survey pages (/survey/:token), the public answer API and the CSAT insight. */
export function surveyRoutes(app: FastifyInstance, { database }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.post('/api/v1/public/surveys/:token', {
    config: { access: 'public', rateLimit: perIp },
    schema: {
      tags: ['surveys'],
      params: TokenParams,
      body: z.object({ rating: z.union([z.number().int().min(1).max(5), z.enum(['good', 'bad'])], { message: 'must be 1-5 or "good"/"bad"' }), comment: Text(COMMENT_MAX).nullable().optional() }).strict(),
      response: { 200: AnswerJson, ...errorResponses },
    },
  }, async (req) => shown(await answerSurvey(db, req.params.token, { rating: req.body.rating, comment: req.body.comment ?? null })));

  r.get('/api/v1/insights/csat', {
    schema: {
      tags: ['surveys'],
      querystring: z.object({ since: Instant.optional(), until: Instant.optional(), groupBy: z.enum(['agent', 'team', 'channel', 'none']).default('none') }).strict(),
      response: {
        200: z.object({
          groups: z.array(z.object({
            key: z.string().nullable(), name: z.string(), responses: z.number(), sent: z.number(), responseRate: z.number().nullable(),
            csat: z.number().nullable(), mean: z.number().nullable(),
            distribution: z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number(), 5: z.number() }),
            lowRatings: z.number(),
            comments: z.array(z.object({ ticketNumber: z.number(), rating: z.number(), comment: z.string(), answeredAt: z.date() })),
          })),
        }),
        ...errorResponses,
      },
    },
  }, async (req) => {
    const until = req.query.until ? new Date(req.query.until) : new Date();
    const since = req.query.since ? new Date(req.query.since) : new Date(until.getTime() - 30 * 86_400_000);
    if (since >= until) throw new HeedError('validation_failed', 'since: must be before until', [{ field: 'since', message: 'must be before until' }]);
    return { groups: await csatReport(db, { since, until, groupBy: req.query.groupBy }) };
  });

  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 32 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    const workspaceName = async () => (await db.selectFrom('workspace').select('name').executeTakeFirst())?.name ?? 'Heed';
    const send = async (reply: FastifyReply, o: { status?: number; title: string; content: SafeHtml }) => {
      const workspace = await workspaceName().catch(() => 'Heed');
      return reply
        .status(o.status ?? 200)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', csp)
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'no-referrer')
        .send(surveyLayout({ title: o.title, workspace, content: o.content }));
    };
    const page = (status: number, heading: string, text: string) => ({ status, title: heading, content: surveyErrorPage(heading, text) });

    scope.setErrorHandler(async (err, req, reply) => {
      if (err instanceof HeedError) {
        if (err.code === 'not_found') return send(reply, page(404, 'Survey not found', 'This survey link is not valid. Please use the link from your email.'));
        if (err.code === 'conflict') return send(reply, page(409, 'Already answered', 'Your answer has been recorded and can no longer be changed. Thank you.'));
        if (err.code === 'rule_violation') return send(reply, page(410, 'Survey closed', err.message));
        if (err.code === 'validation_failed') return send(reply, page(400, 'Not a valid answer', err.message));
      }
      const status = (err as FastifyError).statusCode ?? 500;
      if (status === 429) return send(reply, page(429, 'Too many requests', 'Please wait a minute before trying again.'));
      if (status === 413) return send(reply, page(413, 'Too large', 'The form sent too much data.'));
      if (status >= 400 && status < 500) return send(reply, page(status, 'Bad request', 'The request could not be understood.'));
      req.log.error({ err, url: req.url }, 'survey page failed');
      return send(reply, page(500, 'Something went wrong', 'Please try again in a moment.'));
    });

    const cfg = { config: { access: 'public' as const, rateLimit: perIp }, schema: { hide: true } };

    // One click from the email records the rating (idempotent); without ?rating the page shows the question. No
    // HEAD route: a link checker's HEAD must not answer for the customer.
    scope.get('/survey/:token', { ...cfg, exposeHeadRoute: false }, async (req, reply) => {
      const token = (req.params as { token: string }).token;
      const rating = one((req.query as Record<string, unknown>).rating);
      const s = rating === undefined || rating === '' ? await surveyByToken(db, token) : await answerSurvey(db, token, { rating });
      return send(reply, { title: 'How did we do?', content: surveyPage(s, token) });
    });

    scope.post('/survey/:token', cfg, async (req, reply) => {
      const token = (req.params as { token: string }).token;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const comment = typeof body.comment === 'string' ? body.comment.replace(/\r\n/g, '\n') : null;
      if (comment !== null && (comment.includes('\u0000') || comment.length > COMMENT_MAX)) {
        throw new HeedError('validation_failed', `comment: must be at most ${COMMENT_MAX} characters, without NUL characters`);
      }
      await answerSurvey(db, token, { rating: body.rating, comment });
      return reply.status(303).header('cache-control', 'no-store').header('location', `/survey/${token}`).send();
    });
  });
}
