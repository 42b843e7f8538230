import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/app.ts';
import { html, trusted } from '../knowledge/help/html.ts';
import { workspaceName } from '../knowledge/help/service.ts';

// The page is a shell; portal.js renders it from the portal API with DOM text nodes only (never innerHTML of data).
const script = fs.readFileSync(path.join(import.meta.dirname, 'portal.js'), 'utf8');
const csp = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const style = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fafafa}
header,main{max-width:46rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #ddd;display:flex;justify-content:space-between;align-items:center;gap:1rem}
header a{color:inherit;text-decoration:none;font-weight:600}
a{color:#0b57a4}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=email],textarea{width:100%;padding:.5rem;font:inherit;border:1px solid #767676;border-radius:4px}
textarea{min-height:7rem}
button{margin-top:.5rem;padding:.45rem .9rem;font:inherit;border:1px solid #0b57a4;background:#0b57a4;color:#fff;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#0b57a4}
ul.tickets{list-style:none;padding:0}
ul.tickets li{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem;margin:.5rem 0}
.meta{color:#555;font-size:.9rem}
.msg{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem;margin:.5rem 0}
.msg.agent{border-left:4px solid #0b57a4}
.msg p{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0}
.notice{padding:.5rem .75rem;background:#e7f3e8;border:1px solid #9c9}
.error{padding:.5rem .75rem;background:#fdecea;border:1px solid #d99}
.rating button{margin-right:.4rem;min-width:2.75rem}
.rating button[aria-pressed=true]{background:#0b57a4;color:#fff;outline:2px solid #1b1f24;outline-offset:1px}
.survey-comment{white-space:pre-wrap}
main{overflow-wrap:anywhere}
`;

/** The page frame: a heading for the workspace and an empty main that portal.js fills. */
function shell(workspace: string, title: string): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title} · ${workspace} support</title>
<style>${trusted(style)}</style>
<script src="/portal/portal.js" defer></script>
</head>
<body>
<header><a href="/portal">${workspace} support</a><span id="account"></span></header>
<main id="portal" aria-live="polite">
<h1>${title}</h1>
<noscript><p>The support portal needs JavaScript.</p></noscript>
</main>
</body>
</html>`.value;
}

/** The portal's pages: /portal (sign-in or the ticket list), /portal/tickets/:id, /portal/auth and portal.js. */
export function portalPages(app: FastifyInstance, { database }: AppContext): void {
  const { db } = database;
  const pub = { config: { access: 'public' as const }, schema: { hide: true } };
  const page = (title: string) => async (_req: unknown, reply: import('fastify').FastifyReply) => {
    const workspace = await workspaceName(db).catch(() => 'Heed');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', csp)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(shell(workspace, title));
  };
  app.get('/portal', pub, page('Your support requests'));
  app.get('/portal/tickets/:id', pub, page('Support request'));
  // The link only opens a page; its script exchanges the token, so a mail scanner fetching the link cannot use it up.
  app.get('/portal/auth', pub, page('Signing you in'));
  app.get('/portal/portal.js', pub, async (_req, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(script));
}
