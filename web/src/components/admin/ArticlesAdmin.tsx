/** Articles: the help center's knowledge, listed by status and title search; an editor with preview and versions. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { dateTime, label } from '../../lib/format.ts';
import { knowledge, type Article, type ArticleSummary } from '../knowledge/api.ts';
import { ArticleEditor } from '../knowledge/ArticleEditor.tsx';
import { GeneralProblem, Panel, useSubmit } from './form.tsx';

type Filter = { status: string; q: string };

export function ArticlesAdmin() {
  const [filter, setFilter] = useState<Filter>({ status: '', q: '' });
  const [items, setItems] = useState<ArticleSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const [tick, setTick] = useState(0);
  const { problems, run } = useSubmit();

  const load = useCallback(async (cursor?: string) => {
    try {
      const page = await knowledge.articles({ status: filter.status || undefined, q: filter.q || undefined, cursor, limit: 25 });
      setItems((old) => (cursor ? [...(old ?? []), ...page.items] : page.items));
      setNext(page.nextCursor);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }, [filter]);
  useEffect(() => {
    void load();
  }, [load, tick]);
  const reload = () => setTick((n) => n + 1);

  function search(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setFilter({ status: String(f.get('status') ?? ''), q: String(f.get('q') ?? '').trim() });
  }

  async function remove(a: ArticleSummary) {
    if (!confirm(`Delete the article “${a.title}”? It leaves the help center and its versions are removed.`)) return;
    if (await run(() => knowledge.deleteArticle(a.id))) {
      if (editing !== 'new' && editing?.id === a.id) setEditing(null);
      reload();
    }
  }

  async function open(a: ArticleSummary) {
    // The list may be older than the article: edit what is stored now, so the version is current.
    await run(async () => setEditing(await knowledge.article(a.id)));
  }

  return (
    <>
      <Panel title="Articles">
        <form className="admin-form filters" role="search" aria-label="Find articles" onSubmit={search}>
          <div className="form-row">
            <div className="field">
              <label htmlFor="article-status-filter">Status</label>
              <select id="article-status-filter" name="status" defaultValue="">
                <option value="">All</option>
                <option value="draft">Drafts</option>
                <option value="published">Published</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="article-q">Title contains</label>
              <input id="article-q" name="q" type="search" maxLength={200} />
            </div>
            <button type="submit">Find</button>
          </div>
        </form>
        {error && <p className="error" role="alert">Could not load the articles: {error}</p>}
        <GeneralProblem problems={problems} />
        {items === null && !error && <p className="hint" role="status">Loading the articles…</p>}
        {items?.length === 0 && <p className="empty">{filter.q || filter.status ? 'No articles match.' : 'No articles yet. Write the first answer your customers look for.'}</p>}
        {items && items.length > 0 && (
          <table className="admin-table" aria-label="Articles found">
            <thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Category</th><th scope="col">Updated</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.title}</th>
                  <td>{label(a.status)}</td>
                  <td>{a.category ?? '—'}</td>
                  <td><time dateTime={a.updatedAt}>{dateTime(a.updatedAt)}</time></td>
                  <td className="actions">
                    <button type="button" onClick={() => void open(a)} aria-label={`Edit ${a.title}`}>Edit</button>
                    <button type="button" onClick={() => void remove(a)} aria-label={`Delete ${a.title}`}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {next && <button type="button" onClick={() => void load(next)}>Show more articles</button>}
        {editing === null && <button type="button" className="primary" onClick={() => setEditing('new')}>New article</button>}
      </Panel>
      {editing !== null && (
        <ArticleEditor
          key={editing === 'new' ? 'new' : editing.id}
          article={editing === 'new' ? undefined : editing}
          onSaved={reload}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
