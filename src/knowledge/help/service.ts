import { sql } from 'kysely';
import type { Db, Queryable } from '../../db/database.ts';
import type { Article } from '../../db/types.ts';
import { notFound } from '../../http/errors.ts';
import { markdownToText } from '../markdown.ts';
import { suggestArticles } from '../suggest.ts';

/** The workspace's name, shown on every help center page. */
export async function workspaceName(db: Queryable): Promise<string> {
  const w = await db.selectFrom('workspace').select('name').executeTakeFirst();
  return w?.name ?? 'Heed';
}

/** Published articles of a locale for the home page (category, then title). */
export async function publishedList(db: Queryable, locale: string) {
  return db
    .selectFrom('articles')
    .select(['title', 'slug', 'category'])
    .where('status', '=', 'published')
    .where('locale', '=', locale)
    .orderBy('category')
    .orderBy('title')
    .limit(2000)
    .execute();
}

/** A published article by (locale, slug); drafts are not found, exactly like missing ones. */
export async function publishedArticle(db: Queryable, locale: string, slug: string): Promise<Article | undefined> {
  return db.selectFrom('articles').selectAll().where('status', '=', 'published').where('locale', '=', locale).where('slug', '=', slug).executeTakeFirst();
}

/** Counts one page view (one UPDATE, published articles only). */
export async function countView(db: Queryable, id: string): Promise<void> {
  await db.updateTable('articles').set({ views: sql`views + 1` }).where('id', '=', id).where('status', '=', 'published').execute();
}

/** Records a "Was this helpful?" answer and its counter in one transaction; a draft or missing slug is not found. */
export async function recordFeedback(db: Db, input: { locale: string; slug: string; helpful: boolean }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const a = await tx
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .where('locale', '=', input.locale)
      .where('slug', '=', input.slug)
      .forUpdate()
      .executeTakeFirst();
    if (!a) throw notFound('article');
    await tx.insertInto('article_feedback').values({ article_id: a.id, helpful: input.helpful, source: 'help' }).execute();
    await tx
      .updateTable('articles')
      .set(input.helpful ? { helpful_yes: sql`helpful_yes + 1` } : { helpful_no: sql`helpful_no + 1` })
      .where('id', '=', a.id)
      .execute();
  });
}

/** Search results for the help center: the matching engine's answer, kept to published articles, as text snippets. */
export async function searchHelp(db: Db, q: string, locale: string) {
  const { items } = await suggestArticles(db, { body: q, limit: 10, locale });
  if (items.length === 0) return [];
  const live = await db
    .selectFrom('articles')
    .select('id')
    .where('id', 'in', items.map((i) => i.articleId))
    .where('status', '=', 'published')
    .execute();
  const ok = new Set(live.map((r) => r.id));
  return items
    .filter((i) => ok.has(i.articleId))
    .map((i) => {
      const text = markdownToText(i.snippet);
      return { title: i.title, slug: i.slug, snippet: text.length > 200 ? `${text.slice(0, 199)}…` : text };
    });
}
