import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { similarTickets, type SimilarTicket } from './similar.ts';
import { suggestArticles, suggestMacros, type MacroSuggestion, type Suggestion } from './suggest.ts';
import { ticketText } from './tickets-index.ts';

export type TicketSuggestions = {
  articles: (Suggestion & { url: string })[];
  confident: boolean;
  macros: MacroSuggestion[];
  similarTickets: SimilarTicket[];
};

/** Articles, macros and similar solved tickets for a ticket, read from its subject and latest customer message. */
export async function ticketSuggestions(db: Db, ticketId: string): Promise<TicketSuggestions> {
  // The knowledge version comes with the ticket: both suggestion indexes check it without a statement of their own.
  const r = await sql<{ subject: string; body: string | null; version: string }>`
    select t.subject, (select version::text from knowledge_state) as version,
      (select m.body_text from messages m where m.ticket_id = t.id and m.kind = 'reply'
        order by (m.direction = 'inbound') desc, m.created_at desc, m.id desc limit 1) as body
    from tickets t where t.id = ${ticketId}`.execute(db);
  const ticket = r.rows[0];
  if (!ticket) throw notFound('ticket');
  const text = ticketText(ticket.subject, ticket.body);
  const [articles, macros, similar] = await Promise.all([
    suggestArticles(db, { subject: ticket.subject, body: (ticket.body ?? '').slice(0, 3000), limit: 5, version: ticket.version }),
    suggestMacros(db, text, 3, ticket.version),
    similarTickets(db, { text, limit: 5, excludeTicketId: ticketId }),
  ]);
  return {
    articles: articles.items.map((a) => ({ ...a, url: `/help/articles/${a.slug}` })),
    confident: articles.confident,
    macros,
    similarTickets: similar,
  };
}
