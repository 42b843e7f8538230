/**
 * Editing one help-center article: title, address, category, tags, status and a Markdown body with a preview.
 * Saves carry the version the editor was opened at; when someone else saved first the API refuses (409) and the
 * editor says so and offers to reload their version instead of overwriting it.
 */
import { useState, type FormEvent } from 'react';
import { dateTime } from '../../lib/format.ts';
import { Field, GeneralProblem, Panel, problemFor, useSubmit } from '../admin/form.tsx';
import { isVersionConflict, knowledge, tagList, type Article, type ArticleStatus } from './api.ts';
import { ArticleVersions } from './ArticleVersions.tsx';
import { MarkdownPreview } from './MarkdownPreview.tsx';

/** The editor for a new article (no `article`) or a stored one; `onSaved` after each save, `onClose` to leave. */
export function ArticleEditor(props: { article?: Article; onSaved(a: Article): void; onClose(): void }) {
  const [article, setArticle] = useState(props.article);
  const [body, setBody] = useState(props.article?.body ?? '');
  const [preview, setPreview] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const { problems, busy, run, reset } = useSubmit();
  const p = (f: string) => problemFor(problems, f);
  const a = article;
  const title = a ? `Edit “${a.title}”` : 'New article';

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(null);
    setConflict(false);
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? '').trim();
    const input = { title: s('title'), body, category: s('category') || null, tags: tagList(s('tags')), status: s('status') as ArticleStatus, ...(s('slug') ? { slug: s('slug') } : {}) };
    const out: { saved?: Article } = {};
    const ok = await run(async () => {
      try {
        out.saved = a ? await knowledge.updateArticle(a.id, { ...input, version: a.version }) : await knowledge.createArticle(input);
      } catch (err) {
        if (a && isVersionConflict(err)) setConflict(true);
        throw err;
      }
    });
    const r = out.saved;
    if (ok && r) {
      setArticle(r);
      setSaved(`Saved: version ${r.version}${r.status === 'published' ? ', published' : ', draft'}.`);
      props.onSaved(r);
    }
  }

  async function reload() {
    if (!a) return;
    const ok = await run(async () => {
      const fresh = await knowledge.article(a.id);
      setArticle(fresh);
      setBody(fresh.body);
    });
    if (ok) {
      setConflict(false);
      reset();
      setGeneration((g) => g + 1);
    }
  }

  // A conflict is the whole story; the field note under "version" would only repeat it.
  const general = conflict ? { ...problems, general: null } : problems;
  return (
    <Panel title={title}>
      {a?.url && (
        <p><a href={a.url} target="_blank" rel="noopener noreferrer">View in help center</a></p>
      )}
      <form key={generation} className="admin-form" onSubmit={submit} aria-label={a ? 'Edit article' : 'New article'}>
        <div className="form-row">
          <Field label="Title" problem={p('title')}>{(x) => <input {...x} name="title" defaultValue={a?.title} required maxLength={200} />}</Field>
          <Field label="Address (slug)" problem={p('slug')} hint="Lowercase words joined by hyphens; empty: made from the title">
            {(x) => <input {...x} name="slug" defaultValue={a?.slug} maxLength={120} pattern="[a-z0-9]+(-[a-z0-9]+)*" />}
          </Field>
        </div>
        <div className="form-row">
          <Field label="Category" problem={p('category')}>{(x) => <input {...x} name="category" defaultValue={a?.category ?? ''} maxLength={80} />}</Field>
          <Field label="Tags" problem={p('tags')} hint="Comma-separated">{(x) => <input {...x} name="tags" defaultValue={a?.tags.join(', ')} />}</Field>
          <Field label="Status" problem={p('status')}>
            {(x) => (
              <select {...x} name="status" defaultValue={a?.status ?? 'draft'}>
                <option value="draft">Draft (agents only)</option>
                <option value="published">Published (in the help center)</option>
              </select>
            )}
          </Field>
        </div>
        <div className="body-head">
          <button type="button" aria-pressed={preview} onClick={() => setPreview((v) => !v)}>{preview ? 'Back to editing' : 'Preview'}</button>
        </div>
        {preview ? (
          <MarkdownPreview text={body} label="Preview of the article" />
        ) : (
          <Field label="Body (Markdown)" problem={p('body')} hint="# Heading, blank line between paragraphs, - list items, **bold**, [link](https://…)">
            {(x) => <textarea {...x} name="body" rows={14} value={body} onChange={(e) => setBody(e.target.value)} required />}
          </Field>
        )}
        {preview && p('body') && <p className="field-error">Body: {p('body')}</p>}
        {conflict && (
          <div className="article-conflict" role="alert">
            <p><strong>Someone else saved this article</strong> after you opened it, so your changes were not saved.</p>
            <p>Reload to see their version (your edits here are discarded), then make your changes again.</p>
            <button type="button" onClick={() => void reload()} disabled={busy}>Reload article</button>
          </div>
        )}
        <GeneralProblem problems={general} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{a ? 'Save article' : 'Create article'}</button>
          <button type="button" onClick={props.onClose}>Close</button>
          {saved && <span role="status">{saved}</span>}
        </div>
      </form>
      {a && <p className="hint">Version {a.version} · updated <time dateTime={a.updatedAt}>{dateTime(a.updatedAt)}</time> · {a.views} views · helpful {a.helpfulYes} / not {a.helpfulNo}</p>}
      {a && <ArticleVersions key={`${a.id}:${a.version}`} articleId={a.id} />}
    </Panel>
  );
}
