import { sql } from 'kysely';
import type { Db, Queryable } from '../db/database.ts';
import { ArticleIndex, type ArticleDoc } from './match/articles.ts';

export type Suggestion = { articleId: string; title: string; slug: string; score: number; snippet: string };
export type Suggestions = { items: Suggestion[]; confident: boolean };

type Cached = { version: string; index: ArticleIndex; docs: Map<string, ArticleDoc & { slug: string }> };

// One index per database handle and locale (and one of macros per handle), rebuilt when knowledge_state.version
// moves (a trigger moves it on every change to an article's or macro's text or status, from any process).
type Build<T> = { version: string; built: Promise<T> };
const articleCache = new WeakMap<object, Map<string, Build<Cached>>>();

/**
 * The value under `key` at `version`, built once however many ask at the same time: a build of thousands of
 * articles takes seconds, and concurrent requests must not each start their own. A failed build is not kept.
 */
function shared<T>(caches: WeakMap<object, Map<string, Build<T>>>, db: object, key: string, version: string, build: () => Promise<T>): Promise<T> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.built;
  const entry = { version, built: build() };
  entries.set(key, entry);
  entry.built.catch(() => entries.get(key) === entry && entries.delete(key));
  return entry.built;
}

/** The version of everything suggestions read; moved by triggers on articles and macros. */
export async function knowledgeVersion(db: Queryable): Promise<string> {
  const r = await sql<{ version: string }>`select version::text as version from knowledge_state`.execute(db);
  return r.rows[0]?.version ?? '0';
}

/** The in-memory index of a locale's published articles, current as of this call. */
export async function articleIndex(db: Db, locale = 'en', known?: string): Promise<Cached> {
  const version = known ?? (await knowledgeVersion(db));
  return shared(articleCache, db, locale, version, () => buildIndex(db, locale, version));
}

async function buildIndex(db: Db, locale: string, version: string): Promise<Cached> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title', 'slug', 'body', 'tags', 'category', 'version'])
    .where('status', '=', 'published')
    .where('locale', '=', locale)
    .execute();
  const docs = rows.map((r) => ({ ...r, key: `${r.id}:${r.version}` }));
  return { version, index: new ArticleIndex(docs), docs: new Map(docs.map((r) => [r.id, r])) };
}

/**
 * The published articles that answer an inquiry, best first, and whether the best is confident enough to offer a
 * customer for self-service. Only published articles are ever indexed, so a draft can never be suggested.
 */
export async function suggestArticles(
  db: Db,
  input: { subject?: string; body: string; limit?: number; locale?: string; /** knowledge_state.version, when already read */ version?: string },
): Promise<Suggestions> {
  const { index, docs } = await articleIndex(db, input.locale ?? 'en', input.version);
  if (index.size === 0) return { items: [], confident: false };
  const { matches, confident } = index.rank(`${input.subject ?? ''}\n${input.body}`);
  const items = matches
    .filter((m) => m.score > 0)
    .slice(0, input.limit ?? 5)
    .map((m) => {
      const doc = docs.get(m.id)!;
      return { articleId: m.id, title: doc.title, slug: doc.slug, score: round(m.score), snippet: snippet(m.passage) };
    });
  return { items, confident };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The start of the best-matching passage, cut at a word, at most ~200 characters. */
function snippet(passage: string): string {
  if (passage.length <= 200) return passage;
  const cut = passage.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 150))}…`;
}

export type MacroSuggestion = { macroId: string; name: string; score: number };
type Macros = { index: ArticleIndex; names: Map<string, string> };
const macroCache = new WeakMap<object, Map<string, Build<Macros>>>();

async function buildMacros(db: Db): Promise<Macros> {
  const rows = await db.selectFrom('macros').select(['id', 'name', 'body', 'tags']).where('active', '=', true).execute();
  const docs = rows.map((r) => ({ id: r.id, title: r.name, body: r.body.replace(/\{\{[^}]*\}\}/g, ' '), tags: r.tags, category: null }));
  return { index: new ArticleIndex(docs), names: new Map(rows.map((r) => [r.id, r.name])) };
}

/** The active macros that fit an inquiry best (their name and text against it), best first. */
export async function suggestMacros(db: Db, text: string, limit = 3, known?: string): Promise<MacroSuggestion[]> {
  const version = known ?? (await knowledgeVersion(db));
  const hit = await shared(macroCache, db, '', version, () => buildMacros(db));
  if (hit.index.size === 0) return [];
  return hit.index
    .match(text)
    .filter((m) => m.score > 0.02)
    .slice(0, limit)
    .map((m) => ({ macroId: m.id, name: hit.names.get(m.id)!, score: round(m.score) }));
}
