import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export type Suggestion = { articleId: string; title: string; slug: string; score: number; snippet: string };
export type Suggestions = { items: Suggestion[]; confident: boolean };

/**
 * The published articles that answer an inquiry, best first, and whether the best is confident enough to offer a
 * customer for self-service. (First version: PostgreSQL full-text; the matching engine replaces it.)
 */
export async function suggestArticles(db: Db, input: { subject?: string; body: string; limit?: number; locale?: string }): Promise<Suggestions> {
  const text = `${input.subject ?? ''} ${input.body}`.slice(0, 5000);
  const limit = input.limit ?? 5;
  const rows = await sql<{ id: string; title: string; slug: string; score: number; body: string }>`
    select id, title, slug, body,
      ts_rank(to_tsvector('english', title || ' ' || body), plainto_tsquery('english', ${text}))::float8 as score
    from articles where status = 'published' and locale = ${input.locale ?? 'en'}
    order by score desc, title limit ${limit}`.execute(db);
  const items = rows.rows.filter((r) => r.score > 0).map((r) => ({ articleId: r.id, title: r.title, slug: r.slug, score: r.score, snippet: r.body.slice(0, 200) }));
  return { items, confident: false };
}
