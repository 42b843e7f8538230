/** The ticket's tags, each removable, and a box to add more (Enter adds; commas or spaces add several). */
import { useState, type FormEvent } from 'react';
import { addTags } from '../lib/ticketFields.ts';

export function TagsEditor(props: { tags: string[]; onSave(tags: string[]): Promise<boolean> }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(tags: string[]) {
    setBusy(true);
    const ok = await props.onSave(tags);
    setBusy(false);
    return ok;
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    const r = addTags(props.tags, text);
    if ('problem' in r) return setProblem(r.problem);
    setProblem(null);
    if (await save(r.tags)) setText('');
  }

  return (
    <div className="tags-editor">
      <h3 id="tags-label">Tags</h3>
      {props.tags.length === 0 ? (
        <p className="hint">No tags yet.</p>
      ) : (
        <ul className="tags" aria-labelledby="tags-label">
          {props.tags.map((tag) => (
            <li key={tag} className="tag">
              <span>{tag}</span>
              <button type="button" className="link-button" aria-label={`Remove tag ${tag}`} disabled={busy} onClick={() => void save(props.tags.filter((x) => x !== tag))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <form className="field inline" onSubmit={(e) => void add(e)}>
        <label htmlFor="tag-new" className="visually-hidden">Add a tag</label>
        <input id="tag-new" value={text} onChange={(e) => setText(e.target.value)} placeholder="Add a tag" aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? 'tag-problem' : undefined} />
        <button type="submit" disabled={busy}>Add</button>
      </form>
      {problem && <p id="tag-problem" className="field-error" role="alert">{problem}</p>}
    </div>
  );
}
