import { z } from 'zod';
import type { Article } from '../../db/types.ts';
import type { ArticleVersionRow } from './service.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Where the public help center shows an article, or null while it is a draft. */
export function articleUrl(a: Pick<Article, 'status' | 'slug' | 'locale'>): string | null {
  if (a.status !== 'published') return null;
  return `/help/articles/${a.slug}${a.locale === 'en' ? '' : `?locale=${encodeURIComponent(a.locale)}`}`;
}

const fields = {
  id: z.string(),
  title: z.string(),
  slug: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.enum(['draft', 'published']),
  locale: z.string(),
  version: z.number(),
  views: z.number(),
  helpfulYes: z.number(),
  helpfulNo: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
};
export const ArticleJson = z.object({ ...fields, body: z.string() });
/** A list item: every field of an article except the body, which is cut to a `summary` of 280 characters. */
export const ArticleSummaryJson = z.object({ ...fields, summary: z.string() });

function common(a: Article) {
  return {
    id: a.id,
    title: a.title,
    slug: a.slug,
    category: a.category,
    tags: a.tags,
    status: a.status,
    locale: a.locale,
    version: a.version,
    views: Number(a.views),
    helpfulYes: a.helpful_yes,
    helpfulNo: a.helpful_no,
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
    publishedAt: a.published_at ? iso(a.published_at) : null,
    url: articleUrl(a),
  };
}

/** An article as the API shows it. */
export function presentArticle(a: Article): z.infer<typeof ArticleJson> {
  return { ...common(a), body: a.body };
}

/** An article in a list: the body shortened to a summary. */
export function presentArticleSummary(a: Article): z.infer<typeof ArticleSummaryJson> {
  const flat = a.body.replace(/\s+/g, ' ').trim();
  return { ...common(a), summary: flat.length > 280 ? `${flat.slice(0, 279)}…` : flat };
}

export const ArticleVersionJson = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.enum(['draft', 'published']),
  changedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  changedAt: z.string(),
});

/** One saved version of an article. */
export function presentVersion(v: ArticleVersionRow): z.infer<typeof ArticleVersionJson> {
  return {
    version: v.version,
    title: v.title,
    body: v.body,
    category: v.category,
    tags: v.tags,
    status: v.status,
    changedBy: v.changed_by ? { id: v.changed_by, name: v.changed_by_name ?? '' } : null,
    changedAt: iso(v.changed_at),
  };
}
