import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { now } from '../time/clock.ts';
import { groupInquiries, medoid } from './match/grouping.ts';
import { fromObject } from './match/vectors.ts';
import { suggestArticles } from './suggest.ts';
import { tagModel } from './tag-model.ts';

export type InquiryGroup = { id: string; label: string; size: number; ticketIds: string[]; articleId: string | null; keyTerms: string[] };
export type Window = { since: Date; until: Date };

// At most this many inquiries are grouped per computation (the newest in the window).
export const maxInquiries = 100_000;
// A stored computation of the default window is served while it is younger than this.
export const freshFor = 15 * 60_000;
const defaultDays = 30;

/** The default window: the last 30 days up to now. */
export function defaultWindow(at = now()): Window {
  return { since: new Date(at.getTime() - defaultDays * 86_400_000), until: at };
}

/**
 * Groups the inquiries (tickets) created in the window by their underlying question, labels each group, finds the
 * published article that answers it (or null: a knowledge gap), and stores the result in place of the window's
 * previous computation. Tickets the index has not read yet are left out.
 */
export async function computeGroups(db: Db, window: Window, opts: { isDefault?: boolean } = {}): Promise<InquiryGroup[]> {
  const rows = await sql<{ id: string; subject: string; terms: Record<string, number> }>`
    select t.id, t.subject, i.terms from tickets t join ticket_index i on i.ticket_id = t.id
    where t.created_at >= ${window.since} and t.created_at < ${window.until}
    order by t.created_at desc limit ${maxInquiries}`.execute(db);
  const items = rows.rows.map((r) => ({ id: r.id, vector: fromObject(r.terms) }));
  const model = await tagModel(db);
  const groups = groupInquiries(items, model);
  const computedAt = now();
  const out: (InquiryGroup & { computedAt: Date })[] = [];
  // A group of one is not a repeated inquiry.
  for (const g of groups.filter((x) => x.members.length >= 2)) {
    const typical = rows.rows[medoid(g, items)]!;
    const label = g.tag ? humanise(g.tag) : shorten(typical.subject);
    const suggestion = await suggestArticles(db, { subject: typical.subject, body: g.keyTerms.join(' '), limit: 1 });
    out.push({
      id: crypto.randomUUID(),
      label,
      size: g.members.length,
      ticketIds: g.members.map((m) => rows.rows[m]!.id),
      articleId: suggestion.confident ? suggestion.items[0]!.articleId : null,
      keyTerms: g.keyTerms,
      computedAt,
    });
  }
  await db.transaction().execute(async (tx) => {
    const stored = opts.isDefault ? { since: new Date(0), until: new Date(0) } : window;
    await tx.deleteFrom('inquiry_groups').where('since', '=', stored.since).where('until', '=', stored.until).execute();
    await tx.deleteFrom('inquiry_groups').where('computed_at', '<', new Date(computedAt.getTime() - 86_400_000)).execute();
    for (let i = 0; i < out.length; i += 1000) {
      await tx
        .insertInto('inquiry_groups')
        .values(out.slice(i, i + 1000).map((g) => ({
          id: g.id, computed_at: computedAt, since: stored.since, until: stored.until, label: g.label,
          key_terms: g.keyTerms, size: g.size, ticket_ids: g.ticketIds, article_id: g.articleId,
        })))
        .execute();
    }
  });
  return out.map(({ computedAt: _, ...g }) => g);
}

/**
 * The stored groups of a window, or null when there are none (or, for the default window, when they are older than
 * `freshFor`). The default window is stored under the marker (epoch, epoch) since "now" moves.
 */
export async function storedGroups(db: Db, window: Window | 'default'): Promise<InquiryGroup[] | null> {
  const key = window === 'default' ? { since: new Date(0), until: new Date(0) } : window;
  const rows = await db
    .selectFrom('inquiry_groups')
    .selectAll()
    .where('since', '=', key.since)
    .where('until', '=', key.until)
    .orderBy('size', 'desc')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return null;
  if (window === 'default' && now().getTime() - rows[0]!.computed_at.getTime() > freshFor) return null;
  return rows.map((r) => ({ id: r.id, label: r.label, size: r.size, ticketIds: r.ticket_ids, articleId: r.article_id, keyTerms: r.key_terms }));
}

/** "card_arrival" → "Card arrival". */
function humanise(tag: string): string {
  const words = tag.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A subject cut to its first eight words. */
function shorten(subject: string): string {
  const words = subject.trim().split(/\s+/);
  return words.length <= 8 ? subject.trim() : `${words.slice(0, 8).join(' ')}…`;
}
