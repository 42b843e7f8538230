import { sql } from 'kysely';
import { containing, dbNow, type Db, type Queryable, type Tx } from '../../db/database.ts';
import type { Article } from '../../db/types.ts';
import { changes, recordEvent, type Actor } from '../../events/record.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { fromDatabaseError, HeedError, notFound } from '../../http/errors.ts';
import type { CreateArticleInput, ListArticlesInput, UpdateArticleInput } from './schemas.ts';
import { firstFreeSlug, randomSlug, slugFromTitle } from './slug.ts';

export type ArticleVersionRow = {
  version: number;
  title: string;
  body: string;
  category: string | null;
  tags: string[];
  status: 'draft' | 'published';
  changed_at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
};

const slugConflict = (slug: string, locale: string) =>
  new HeedError('conflict', `slug: "${slug}" is already used by another article in locale ${locale}`, [{ field: 'slug', message: 'already used' }]);

/** Runs an article transaction; a unique-slug violation from a race still answers 409 naming `slug`. */
async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, slug: () => { slug: string; locale: string }): Promise<T> {
  try {
    return await db.transaction().execute(work);
  } catch (err) {
    const e = err as { code?: string; constraint?: string };
    if (e?.code === '23505' && e.constraint === 'articles_locale_slug_key') {
      const s = slug();
      throw slugConflict(s.slug, s.locale);
    }
    throw fromDatabaseError(err) ?? err;
  }
}

async function slugTaken(tx: Queryable, locale: string, slug: string, exceptId?: string): Promise<boolean> {
  let q = tx.selectFrom('articles').select('id').where('locale', '=', locale).where('slug', '=', slug);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** A free slug derived from the title: base, base-2, base-3 … within the locale. */
async function derivedSlug(tx: Queryable, locale: string, title: string): Promise<string> {
  const base = slugFromTitle(title);
  if (!base) {
    for (;;) {
      const s = randomSlug();
      if (!(await slugTaken(tx, locale, s))) return s;
    }
  }
  const rows = await tx
    .selectFrom('articles')
    .select('slug')
    .where('locale', '=', locale)
    .where(({ eb, or }) => or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

async function writeVersion(tx: Queryable, a: Article, changedBy: string | null): Promise<void> {
  await tx
    .insertInto('article_versions')
    .values({ article_id: a.id, version: a.version, title: a.title, body: a.body, category: a.category, tags: a.tags, status: a.status, changed_by: changedBy })
    .execute();
}

const agentOf = (actor: Actor) => (actor.kind === 'agent' ? actor.id : null);

/** What an event says about an article: its fields, with the body reduced to its length (bodies are large). */
function described(a: Partial<Article>) {
  const { body, ...rest } = a;
  return body === undefined ? rest : { ...rest, bodyLength: body.length };
}

/** Creates an article (version 1) and its first version row. */
export async function createArticle(db: Db, actor: Actor, input: CreateArticleInput): Promise<Article> {
  const locale = input.locale ?? 'en';
  return inTransaction(db, async (tx) => {
    let slug = input.slug;
    if (slug !== undefined) {
      if (await slugTaken(tx, locale, slug)) throw slugConflict(slug, locale);
    } else {
      slug = await derivedSlug(tx, locale, input.title);
    }
    const status = input.status ?? 'draft';
    const a = await tx
      .insertInto('articles')
      .values({
        title: input.title,
        slug,
        body: input.body,
        category: input.category ?? null,
        tags: input.tags ?? [],
        status,
        locale,
        created_by: agentOf(actor),
        updated_by: agentOf(actor),
        published_at: status === 'published' ? dbNow() : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeVersion(tx, a, agentOf(actor));
    await recordEvent(tx, { action: 'article.created', entity: 'article', entityId: a.id, actor, after: described({ title: a.title, slug: a.slug, body: a.body, category: a.category, tags: a.tags, status: a.status, locale: a.locale }) });
    return a;
  }, () => ({ slug: input.slug ?? '', locale }));
}

/** One article by id. */
export async function getArticle(db: Queryable, id: string): Promise<Article> {
  const a = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('article');
  return a;
}

/** Changes the given fields, bumps the version and writes a version row; `version` guards against lost edits. */
export async function updateArticle(db: Db, actor: Actor, id: string, input: UpdateArticleInput): Promise<Article> {
  let target = { slug: input.slug ?? '', locale: input.locale ?? '' };
  return inTransaction(db, async (tx) => {
    const before = await tx.selectFrom('articles').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('article');
    if (input.version !== undefined && input.version !== before.version) {
      throw new HeedError('conflict', `version: the article is at version ${before.version}, not ${input.version}; reload it and reapply your change`, [
        { field: 'version', message: 'stale', current: before.version },
      ]);
    }
    const slug = input.slug ?? before.slug;
    const locale = input.locale ?? before.locale;
    target = { slug, locale };
    if ((slug !== before.slug || locale !== before.locale) && (await slugTaken(tx, locale, slug, id))) throw slugConflict(slug, locale);
    const status = input.status ?? before.status;
    const values = { title: input.title, body: input.body, slug: input.slug, category: input.category, tags: input.tags, status: input.status, locale: input.locale };
    const diff = changes(before as unknown as Record<string, unknown>, values);
    const a = await tx
      .updateTable('articles')
      .set({
        ...values,
        version: before.version + 1,
        updated_by: agentOf(actor),
        updated_at: dbNow(),
        // Set once: the first time the article goes public.
        published_at: before.published_at ?? (status === 'published' ? dbNow() : null),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeVersion(tx, a, agentOf(actor));
    await recordEvent(tx, {
      action: 'article.updated',
      entity: 'article',
      entityId: id,
      actor,
      before: { ...described(diff.before as Partial<Article>), version: before.version },
      after: { ...described(diff.after as Partial<Article>), version: a.version },
    });
    return a;
  }, () => target);
}

/** Deletes an article with its versions and feedback. */
export async function deleteArticle(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const a = await tx.deleteFrom('articles').where('id', '=', id).returningAll().executeTakeFirst();
    if (!a) throw notFound('article');
    await recordEvent(tx, { action: 'article.deleted', entity: 'article', entityId: id, actor, before: described({ title: a.title, slug: a.slug, locale: a.locale, status: a.status, version: a.version }) });
  });
}

/** Every saved version of an article, newest first, with who saved it. */
export async function listVersions(db: Queryable, id: string): Promise<ArticleVersionRow[]> {
  await getArticle(db, id);
  return db
    .selectFrom('article_versions as v')
    .leftJoin('agents as g', 'g.id', 'v.changed_by')
    .select(['v.version', 'v.title', 'v.body', 'v.category', 'v.tags', 'v.status', 'v.changed_at', 'v.changed_by', 'g.name as changed_by_name'])
    .where('v.article_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
}

/** Articles newest updated first, keyset-paginated; `q` is a case-insensitive fragment of the title. */
export async function listArticles(db: Queryable, opts: ListArticlesInput) {
  let query = db.selectFrom('articles').selectAll().select(sql<string>`updated_at::text`.as('ck'));
  if (opts.status) query = query.where('status', '=', opts.status);
  if (opts.locale) query = query.where('locale', '=', opts.locale);
  if (opts.category) query = query.where('category', '=', opts.category);
  if (opts.q) query = query.where('title', 'ilike', containing(opts.q));
  const after = decodeCursor(opts.cursor, ['timestamp', 'uuid']);
  if (after) query = query.where(sql<boolean>`(updated_at, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(opts.limit + 1).execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > opts.limit && last ? encodeCursor([last.ck, last.id]) : null };
}

/** The article at (locale, slug), whatever its status. */
export async function findArticleBySlug(db: Queryable, locale: string, slug: string): Promise<Article | undefined> {
  return db.selectFrom('articles').selectAll().where('locale', '=', locale).where('slug', '=', slug).executeTakeFirst();
}
