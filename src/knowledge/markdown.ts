import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// One parser of our own, so no other module's marked.use() changes how articles render.
const parser = new Marked({ gfm: true, breaks: false, async: false });

// The page title is the one h1: an article's headings move down a level so the outline stays in order.
const shift = (to: string): sanitizeHtml.Transformer => (_tag, attribs) => ({ tagName: to, attribs });

const options: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'del'],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['align', 'colspan', 'rowspan'],
    th: ['align', 'colspan', 'rowspan'],
    ol: ['start'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[a-z0-9+#-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images from https or a relative path only; no data: or http: pixels.
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  transformTags: {
    h1: shift('h2'),
    h2: shift('h3'),
    h3: shift('h4'),
    h4: shift('h5'),
    h5: shift('h6'),
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
  },
};

/** An article's Markdown as HTML safe for the public help center (no scripts, handlers or javascript: links). */
export function renderMarkdown(markdown: string): string {
  const html = parser.parse(markdown) as string;
  return sanitizeHtml(html, options);
}

/** Plain text of an article's Markdown, for snippets. */
export function markdownToText(markdown: string): string {
  return sanitizeHtml(renderMarkdown(markdown).replace(/<\/(p|li|h\d|pre|tr)>/g, ' '), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
