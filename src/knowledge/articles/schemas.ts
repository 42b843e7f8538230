import { z } from 'zod';
import { Cursor, Limit, Line, Query, Text } from '../../http/schemas.ts';
import { slugMax, slugPattern } from './slug.ts';

export const articleStatuses = ['draft', 'published'] as const;
export type ArticleStatusValue = (typeof articleStatuses)[number];

export const Slug = z
  .string()
  .max(slugMax, `must be at most ${slugMax} characters`)
  .regex(slugPattern, 'must be lowercase letters and digits joined by single hyphens, such as "reset-your-password"');
export const Locale = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as "en" or "pt-BR"');
export const Tags = z
  .array(Line(40).transform((t) => t.toLowerCase()))
  .max(20, 'must hold at most 20 tags')
  .transform((tags) => [...new Set(tags)]);
export const Category = Line(80).nullable();
export const ArticleBodyText = Text(200_000);

/** POST /api/v1/knowledge/articles; also what `heed kb import` reads from front matter. */
export const CreateArticleBody = z
  .object({
    title: Line(200),
    body: ArticleBodyText,
    slug: Slug.optional(),
    category: Category.optional(),
    tags: Tags.optional(),
    status: z.enum(articleStatuses).optional(),
    locale: Locale.optional(),
  })
  .strict();
export type CreateArticleInput = z.infer<typeof CreateArticleBody>;

/** PATCH: any field; `version` is the version the editor started from (optimistic concurrency). */
export const UpdateArticleBody = z
  .object({
    title: Line(200).optional(),
    body: ArticleBodyText.optional(),
    slug: Slug.optional(),
    category: Category.optional(),
    tags: Tags.optional(),
    status: z.enum(articleStatuses).optional(),
    locale: Locale.optional(),
    version: z.number().int().min(1).max(2 ** 31 - 1).optional(),
  })
  .strict();
export type UpdateArticleInput = z.infer<typeof UpdateArticleBody>;

export const ListArticlesQuery = z.object({
  status: z.enum(articleStatuses).optional(),
  locale: Locale.optional(),
  category: Query(80).optional(),
  q: Query(200).optional(),
  limit: Limit,
  cursor: Cursor,
});
export type ListArticlesInput = z.infer<typeof ListArticlesQuery>;
