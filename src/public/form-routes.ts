import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../http/app.ts';
import { HeedError } from '../http/errors.ts';
import type { SafeHtml } from '../knowledge/help/html.ts';
import { suggestArticles } from '../knowledge/suggest.ts';
import { confirmForm, formLayout, problemPage, requestForm, sentPage, type FieldErrors, type FormValues } from './form-pages.ts';
import { RequestFields } from './schemas.ts';
import { decoyReceipt, submitPublicTicket, workspaceZone, type PublicFile } from './service.ts';
import { fileProblem, maxFiles, storedType } from './uploads.ts';

// No scripts at all; inline styles for the one stylesheet; forms post only here.
const csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const FormFields = z.object({ name: RequestFields.name, email: RequestFields.email, subject: RequestFields.subject, message: RequestFields.body });

const blank: FormValues = { name: '', email: '', subject: '', message: '' };
const str = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '');
const valuesOf = (b: Record<string, unknown>): FormValues => ({ name: str(b.name), email: str(b.email), subject: str(b.subject), message: str(b.message) });

/** Checks the fields; the problems by field (empty when all is well) and the cleaned values. */
function validate(v: FormValues): { errors: FieldErrors; clean?: z.infer<typeof FormFields> } {
  const r = FormFields.safeParse(v);
  if (r.success) return { errors: {}, clean: r.data };
  const errors: FieldErrors = {};
  for (const i of r.error.issues) {
    const f = String(i.path[0] ?? 'form') as keyof FieldErrors;
    const label = { name: 'Name', email: 'Email address', subject: 'Subject', message: 'Message' }[f as keyof FormValues] ?? 'This field';
    const msg = f === 'email' && v.email.trim() !== '' ? 'must be an email address such as name@example.com' : v[f as keyof FormValues]?.trim() === '' ? 'is required' : i.message;
    errors[f] ??= `${label} ${msg}`;
  }
  return { errors };
}

/** "Tuesday 1 December at 14:00 CET" in the workspace's time zone. */
export function replyTime(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(at);
}

/**
 * Refuses a post made from another site. The form carries no cookie or session, so a forged post could do no
 * more than a direct one; the check keeps other sites from using their visitors' browsers (and IP addresses)
 * to send requests through this form, around the per-IP limit.
 */
function sameSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  // The host only: behind a proxy that ends TLS without X-Forwarded-Proto the scheme seen here is http.
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

class PageError extends Error {
  constructor(readonly status: number, readonly heading: string, readonly text: string) {
    super(text);
  }
}

/** The hosted contact form at /support/new: two steps without JavaScript, files on the last one. */
export function contactFormRoutes(app: FastifyInstance, { database, storage, config }: AppContext): void {
  const { db } = database;
  const perMinute = config.publicRateLimitPerMinute ?? 10;

  const send = async (reply: FastifyReply, title: string, content: SafeHtml, status = 200) => {
    const { name } = await workspaceZone(db).catch(() => ({ name: 'Heed' }));
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', csp)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .send(formLayout({ title, workspace: name, content }));
  };

  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    await scope.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: config.attachmentMaxBytes + 1, files: maxFiles * 4, fields: 20, fieldSize: 256 * 1024, parts: maxFiles * 4 + 20 },
    });

    scope.setErrorHandler(async (err, _req, reply) => {
      if (err instanceof PageError) return send(reply, err.heading, problemPage(err.heading, err.text), err.status);
      const status = (err as FastifyError).statusCode ?? (err instanceof HeedError ? err.status : 500);
      if (status === 429) return send(reply, 'Too many requests', problemPage('Too many requests', 'Please wait a minute before sending another request.'), 429);
      if (status === 413) return send(reply, 'Too large', problemPage('Too large', 'The form sent too much data. Attach fewer or smaller files.'), 413);
      if (status >= 400 && status < 500) return send(reply, 'Something is wrong', problemPage('Something is wrong', 'We could not read the form. Please try again.'), status);
      reply.log.error({ err }, 'contact form failed');
      return send(reply, 'Something went wrong', problemPage('Something went wrong', 'Please try again in a moment.'), 500);
    });

    scope.get('/support/new', { config: { access: 'public' }, schema: { hide: true } }, (_req, reply) => send(reply, 'Contact support', requestForm(blank)));

    // Step one posted: check the fields, then offer articles that may already answer the question.
    scope.post('/support/new', {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } },
      schema: { hide: true },
    }, async (req, reply) => {
      if (!sameSite(req)) throw new PageError(403, 'Not allowed', 'This form can only be sent from this site.');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const v = valuesOf(body);
      const { errors, clean } = validate(v);
      if (!clean || body.step === 'edit') return send(reply, 'Contact support', requestForm(v, errors), clean ? 200 : 400);
      const found = await suggestArticles(db, { subject: clean.subject, body: clean.message, limit: 3 });
      const offered = found.confident ? found.items : [];
      return send(reply, offered.length ? 'Before you send' : 'Almost done', confirmForm(v, offered));
    });

    // Step two: the fields again (hidden), the files, and the honeypot; all checked before anything is stored.
    scope.post('/support/new/send', {
      config: { access: 'public', ...(perMinute > 0 ? { rateLimit: { max: perMinute, timeWindow: 60_000 } } : {}) },
      bodyLimit: maxFiles * config.attachmentMaxBytes + 1024 * 1024,
      schema: { hide: true },
    }, async (req, reply) => {
      if (!sameSite(req)) throw new PageError(403, 'Not allowed', 'This form can only be sent from this site.');
      if (!req.isMultipart()) throw new PageError(415, 'Something is wrong', 'Please send the form from the contact page.');
      const fields: Record<string, string> = {};
      const files: PublicFile[] = [];
      const refused: string[] = [];
      let chosen = 0;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (typeof part.value === 'string') fields[part.fieldname] = part.value;
            continue;
          }
          const data = await part.toBuffer();
          if (part.fieldname !== 'attachments' || (part.filename === '' && data.length === 0)) continue;
          chosen += 1;
          const size = part.file.truncated ? config.attachmentMaxBytes + 1 : data.length;
          const why = fileProblem({ filename: part.filename, contentType: part.mimetype, size }, config.attachmentMaxBytes);
          if (why) refused.push(`${part.filename || 'A file'} ${why}.`);
          else files.push({ filename: part.filename.trim(), contentType: storedType(part.filename, part.mimetype), data });
        }
      } catch (err) {
        const code = (err as FastifyError).code;
        // A cut-off or malformed upload is the sender's problem, never a 500.
        if (code !== 'FST_FILES_LIMIT' && code !== 'FST_PARTS_LIMIT') throw new PageError(400, 'Something is wrong', 'We could not read the form. Please try again.');
        chosen = Number.POSITIVE_INFINITY;
      }
      const v = valuesOf(fields);
      if (fields.website) {
        req.log.info({ ip: req.ip }, 'contact form: honeypot filled, nothing stored');
        const decoy = await decoyReceipt(db);
        return send(reply, 'Request received', sentPage({ reference: decoy.reference, email: v.email, replyBy: null }));
      }
      const { errors, clean } = validate(v);
      if (!clean) return send(reply, 'Contact support', requestForm(v, errors), 400);
      if (chosen > maxFiles) refused.unshift(`Attach at most ${maxFiles} files.`);
      if (refused.length) {
        return send(reply, 'Almost done', confirmForm(v, [], { attachments: `${refused.join(' ')} Please choose your files again.` }), 400);
      }
      try {
        const receipt = await submitPublicTicket(db, storage, { name: clean.name, email: clean.email, subject: clean.subject, body: clean.message }, files);
        const { timezone } = await workspaceZone(db);
        return send(reply, 'Request received', sentPage({ reference: receipt.reference, email: clean.email, replyBy: receipt.expectedReplyBy ? replyTime(receipt.expectedReplyBy, timezone) : null }), 201);
      } catch (err) {
        if (err instanceof HeedError && err.code === 'rate_limited') return send(reply, 'Almost done', confirmForm(v, [], { form: err.message.replace(/^email: t/, 'T') }), 429);
        throw err;
      }
    });
  });
}
