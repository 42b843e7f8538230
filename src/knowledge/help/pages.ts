import { html, trusted, type SafeHtml } from './html.ts';

export type Listed = { title: string; slug: string; category: string | null };
export type Found = { title: string; slug: string; snippet: string };

const style = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fafafa}
header,main,footer{max-width:46rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #ddd}
header a{color:inherit;text-decoration:none;font-weight:600}
a{color:#0b57a4}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
form.search label{flex-basis:100%;font-weight:600}
input[type=search]{flex:1 1 12rem;min-width:0;padding:.5rem;font:inherit;border:1px solid #767676;border-radius:4px}
button{padding:.45rem .9rem;font:inherit;border:1px solid #0b57a4;background:#0b57a4;color:#fff;border-radius:4px;cursor:pointer}
.feedback form{display:inline}
.feedback button{background:#fff;color:#0b57a4;margin-right:.5rem}
.meta,.snippet{color:#555}
.notice{padding:.5rem .75rem;background:#e7f3e8;border:1px solid #9c9}
article img{max-width:100%;height:auto}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f0f0f0;padding:.75rem}
table{border-collapse:collapse;max-width:100%}
td,th{border:1px solid #ccc;padding:.25rem .5rem;overflow-wrap:anywhere}
main{overflow-wrap:anywhere}
ul.list{padding-left:1.2rem}
`;

/** `?locale=xx` for every locale but the default. */
export const localeQuery = (locale: string) => (locale === 'en' ? '' : `?locale=${encodeURIComponent(locale)}`);

/** The page frame every help center page shares. */
export function layout(p: { title: string; lang: string; workspace: string; locale: string; content: SafeHtml }): string {
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title} · ${p.workspace} help center</title>
<style>${trusted(style)}</style>
</head>
<body>
<header><a href="/help${localeQuery(p.locale)}">${p.workspace} help center</a></header>
<main>
${p.content}
</main>
</body>
</html>`.value;
}

/** The search form, with the query echoed back. */
export function searchForm(q: string, locale: string): SafeHtml {
  return html`<form class="search" role="search" method="get" action="/help/search">
<label for="help-q">Search the help center</label>
<input type="search" id="help-q" name="q" value="${q}" maxlength="500">
${locale === 'en' ? '' : html`<input type="hidden" name="locale" value="${locale}">`}
<button type="submit">Search</button>
</form>`;
}

/** Home: the search form and published articles grouped by category ("General" for none). */
export function homePage(workspace: string, locale: string, articles: Listed[]): SafeHtml {
  const groups = new Map<string, Listed[]>();
  for (const a of articles) {
    const key = a.category ?? 'General';
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const names = [...groups.keys()].sort((x, y) => x.localeCompare(y));
  return html`<h1>How can we help?</h1>
${searchForm('', locale)}
${names.length === 0 ? html`<p>No articles yet.</p>` : ''}
${names.map((name) => html`<section>
<h2>${name}</h2>
<ul class="list">${groups.get(name)!.map((a) => html`<li><a href="/help/articles/${encodeURIComponent(a.slug)}${localeQuery(locale)}">${a.title}</a></li>`)}</ul>
</section>`)}
<p class="meta">${workspace}</p>`;
}

/** One article: title, updated date, rendered body and the "Was this helpful?" forms. */
export function articlePage(a: { title: string; slug: string; category: string | null; updatedAt: Date; bodyHtml: string; locale: string; thanks: boolean }): SafeHtml {
  const action = `/help/articles/${encodeURIComponent(a.slug)}/feedback${localeQuery(a.locale)}`;
  const day = a.updatedAt.toISOString().slice(0, 10);
  return html`<article>
<h1>${a.title}</h1>
<p class="meta">${a.category ?? 'General'} · Updated <time datetime="${a.updatedAt.toISOString()}">${day}</time></p>
${trusted(a.bodyHtml)}
</article>
<section class="feedback" aria-labelledby="fb">
<h2 id="fb">Was this helpful?</h2>
${a.thanks
  ? html`<p class="notice" role="status">Thanks for your feedback</p>`
  : html`<form method="post" action="${action}"><input type="hidden" name="helpful" value="yes"><button type="submit">Yes</button></form><form method="post" action="${action}"><input type="hidden" name="helpful" value="no"><button type="submit">No</button></form>`}
</section>
<p><a href="/help${localeQuery(a.locale)}">All articles</a></p>`;
}

/** Search results, or a prompt when there is no query yet. */
export function searchPage(q: string, locale: string, found: Found[] | null): SafeHtml {
  return html`<h1>Search</h1>
${searchForm(q, locale)}
${found === null
  ? html`<p>Type a question or a few words above to find articles.</p>`
  : found.length === 0
    ? html`<p>No articles match “${q}”.</p>`
    : html`<p>${found.length} ${found.length === 1 ? 'article' : 'articles'} for “${q}”:</p>
<ul class="list">${found.map((f) => html`<li><a href="/help/articles/${encodeURIComponent(f.slug)}${localeQuery(locale)}">${f.title}</a><br><span class="snippet">${f.snippet}</span></li>`)}</ul>`}`;
}

/** An error page (404, 400, 413, 429) with a way back home. */
export function errorPage(heading: string, message: string, locale: string): SafeHtml {
  return html`<h1>${heading}</h1>
<p>${message}</p>
<p><a href="/help${localeQuery(locale)}">Go to the help center</a></p>`;
}
