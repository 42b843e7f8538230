/** The knowledge API calls (articles, macros, suggestions), one typed function each; shapes from the presenters. */
import type { z } from 'zod';
import { ApiError, request } from '../../api/client.ts';
import type { Ticket } from '../../api/types.ts';
import type { ArticleJson, ArticleSummaryJson, ArticleVersionJson } from '../../../../src/knowledge/articles/presenter.ts';
import type { MacroJson } from '../../../../src/knowledge/macros/schemas.ts';

export type Article = z.infer<typeof ArticleJson>;
export type ArticleSummary = z.infer<typeof ArticleSummaryJson>;
export type ArticleStatus = Article['status'];
export type ArticleVersion = z.infer<typeof ArticleVersionJson>;
/** What an article form sends; PATCH adds the version it was read at. */
export type ArticleInput = { title: string; body: string; slug?: string; category?: string | null; tags?: string[]; status?: ArticleStatus };

export type Macro = z.infer<typeof MacroJson>;
export type MacroAction = Macro['actions'][number];
export type MacroInput = { name: string; body: string; actions: MacroAction[]; tags: string[]; active: boolean };

export type Suggestions = {
  articles: { articleId: string; title: string; slug: string; score: number; snippet: string; url: string | null }[];
  confident: boolean;
  macros: { macroId: string; name: string; score: number }[];
  similarTickets: { ticketId: string; number: number; subject: string; status: string; score: number; solvedAt: string | null }[];
};

type Page<T> = { items: T[]; nextCursor: string | null };
const articles = '/api/v1/knowledge/articles';

export const knowledge = {
  articles: (query: { status?: string; q?: string; cursor?: string; limit?: number }) => request<Page<ArticleSummary>>('GET', articles, { query }),
  article: (id: string) => request<Article>('GET', `${articles}/${id}`),
  createArticle: (body: ArticleInput) => request<Article>('POST', articles, { body }),
  updateArticle: (id: string, body: ArticleInput & { version: number }) => request<Article>('PATCH', `${articles}/${id}`, { body }),
  deleteArticle: (id: string) => request<void>('DELETE', `${articles}/${id}`),
  versions: (id: string) => request<{ items: ArticleVersion[] }>('GET', `${articles}/${id}/versions`),
  macros: (query: { active?: string; q?: string; cursor?: string } = {}) => request<Page<Macro>>('GET', '/api/v1/macros', { query }),
  createMacro: (body: MacroInput) => request<Macro>('POST', '/api/v1/macros', { body }),
  updateMacro: (id: string, body: MacroInput) => request<Macro>('PATCH', `/api/v1/macros/${id}`, { body }),
  deleteMacro: (id: string) => request<void>('DELETE', `/api/v1/macros/${id}`),
  applyMacro: (ticketId: string, macroId: string) => request<{ body: string; ticket: Ticket }>('POST', `/api/v1/tickets/${ticketId}/macros/${macroId}/apply`),
  suggestions: (ticketId: string, signal?: AbortSignal) => request<Suggestions>('GET', `/api/v1/tickets/${ticketId}/suggestions`, { signal }),
};

/** Comma-separated tags as a list: trimmed, empty ones dropped, each once. */
export function tagList(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** What "Insert link" puts in a reply: the article's title and its help-center address, absolute. */
export function articleLinkText(title: string, url: string, origin: string): string {
  return `${title}: ${new URL(url, origin).href}`;
}

/** True for the API's answer to a save from a stale version (not for a taken slug, also a conflict). */
export function isVersionConflict(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'conflict' && (err.fields().some((f) => f.field === 'version') || /^version\b/.test(err.message));
}
