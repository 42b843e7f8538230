import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/app.ts';
import { HeedError } from '../../http/errors.ts';
import { renderMarkdown } from '../markdown.ts';
import { slugMax, slugPattern } from '../articles/slug.ts';
import { type SafeHtml } from './html.ts';
import { articlePage, errorPage, homePage, layout, localeQuery, searchPage } from './pages.ts';
import { countView, publishedArticle, publishedList, recordFeedback, searchHelp, workspaceName } from './service.ts';

const localePattern = /^[a-z]{2}(-[A-Z]{2})?$/;
const maxQuery = 500;
// No scripts at all; inline styles for the one stylesheet; images from https or this site.
const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A page that says what went wrong, in HTML (never JSON) under /help. */
class HelpPageError extends Error {
  constructor(
    readonly status: number,
    readonly heading: string,
    readonly text: string,
  ) {
    super(text);
  }
}

const missing = () => new HelpPageError(404, 'Page not found', 'We could not find that article. It may have moved or been removed.');

function localeOf(req: FastifyRequest): string {
  const raw = one((req.query as Query).locale);
  if (raw === undefined || raw === '') return 'en';
  if (!localePattern.test(raw)) throw new HelpPageError(400, 'Bad request', 'The locale must be a language code such as "en" or "pt-BR".');
  return raw;
}

function slugOf(req: FastifyRequest): string {
  const slug = (req.params as { slug: string }).slug;
  if (slug.length > slugMax || !slugPattern.test(slug)) throw missing();
  return slug;
}

/** The public help center: home, articles, search and "Was this helpful?" feedback, as server-rendered HTML. */
export function helpCenterRoutes(app: FastifyInstance, { database }: AppContext): void {
  const { db } = database;

  const send = async (reply: FastifyReply, o: { status?: number; title: string; locale: string; content: SafeHtml }) => {
    const workspace = await workspaceName(db).catch(() => 'Heed');
    const status = o.status ?? 200;
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', status === 200 && reply.request.method === 'GET' ? 'public, max-age=60' : 'no-store')
      .header('content-security-policy', csp)
      .header('x-content-type-options', 'nosniff');
    return reply.send(layout({ title: o.title, lang: o.locale.split('-')[0] ?? 'en', workspace, locale: o.locale, content: o.content }));
  };

  void app.register(async (scope) => {
    // Form posts only here: the feedback buttons send application/x-www-form-urlencoded.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 2048 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    scope.setErrorHandler(async (err, req, reply) => {
      let locale = 'en';
      try {
        locale = localeOf(req);
      } catch {
        // keep en for the error page itself
      }
      if (err instanceof HelpPageError) return send(reply, { status: err.status, title: err.heading, locale, content: errorPage(err.heading, err.text, locale) });
      if (err instanceof HeedError && err.code === 'not_found') {
        const e = missing();
        return send(reply, { status: 404, title: e.heading, locale, content: errorPage(e.heading, e.text, locale) });
      }
      const status = (err as FastifyError).statusCode ?? 500;
      if (status === 429) return send(reply, { status, title: 'Too many requests', locale, content: errorPage('Too many requests', 'Please wait a minute before trying again.', locale) });
      if (status === 413) return send(reply, { status, title: 'Too large', locale, content: errorPage('Too large', 'The form sent too much data.', locale) });
      if (status >= 400 && status < 500) return send(reply, { status, title: 'Bad request', locale, content: errorPage('Bad request', 'The request could not be understood.', locale) });
      req.log.error({ err, url: req.url }, 'help center page failed');
      return send(reply, { status: 500, title: 'Something went wrong', locale, content: errorPage('Something went wrong', 'Please try again in a moment.', locale) });
    });

    const pub = { config: { access: 'public' as const }, schema: { hide: true } };

    scope.get('/help', pub, async (req, reply) => {
      const locale = localeOf(req);
      const workspace = await workspaceName(db);
      return send(reply, { title: 'Help center', locale, content: homePage(workspace, locale, await publishedList(db, locale)) });
    });

    scope.get('/help/articles/:slug', pub, async (req, reply) => {
      const locale = localeOf(req);
      const a = await publishedArticle(db, locale, slugOf(req));
      if (!a) throw missing();
      try {
        await countView(db, a.id);
      } catch (err) {
        req.log.warn({ err }, 'could not count an article view');
      }
      const thanks = one((req.query as Query).thanks) === '1';
      return send(reply, {
        title: a.title,
        locale,
        content: articlePage({ title: a.title, slug: a.slug, category: a.category, updatedAt: new Date(a.updated_at), bodyHtml: renderMarkdown(a.body), locale, thanks }),
      });
    });

    scope.post('/help/articles/:slug/feedback', {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: { hide: true },
    }, async (req, reply) => {
      const locale = localeOf(req);
      const slug = slugOf(req);
      const body = req.body as Record<string, unknown> | undefined;
      const helpful = body && typeof body === 'object' ? body.helpful : undefined;
      if (helpful !== 'yes' && helpful !== 'no') throw new HelpPageError(400, 'Bad request', 'Answer with Yes or No (helpful=yes or helpful=no).');
      await recordFeedback(db, { locale, slug, helpful: helpful === 'yes' });
      const back = `/help/articles/${slug}${localeQuery(locale)}${locale === 'en' ? '?' : '&'}thanks=1`;
      return reply.status(303).header('cache-control', 'no-store').header('location', back).send();
    });

    scope.get('/help/search', pub, async (req, reply) => {
      const locale = localeOf(req);
      const raw = one((req.query as Query).q) ?? '';
      if (raw.length > maxQuery) throw new HelpPageError(400, 'Search too long', `Please search with at most ${maxQuery} characters.`);
      const q = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
      const found = q ? await searchHelp(db, q, locale) : null;
      return send(reply, { title: q ? `Search: ${q}` : 'Search', locale, content: searchPage(q, locale, found) });
    });

    // Anything else under /help is an HTML 404, not the API's JSON (nor the web app).
    scope.get('/help/*', pub, async (req, reply) => {
      if ((req.params as { '*': string })['*'] === '') return reply.redirect('/help', 301);
      throw missing();
    });
  });
}
