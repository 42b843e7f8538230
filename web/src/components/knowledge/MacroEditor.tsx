/** Editing a macro: its name, the reply body with placeholders (a cheat-sheet beside it), actions, tags, active. */
import { useState, type FormEvent } from 'react';
import { Field, GeneralProblem, Panel, problemFor, useSubmit } from '../admin/form.tsx';
import { ActionsEditor } from './ActionsEditor.tsx';
import { knowledge, tagList, type Macro, type MacroAction } from './api.ts';

/** The placeholders a macro body may hold, filled in from the ticket when an agent uses it. */
export const placeholders = [
  ['{{customer.firstName}}', "the requester's first name"],
  ['{{customer.name}}', "the requester's full name"],
  ['{{customer.email}}', "the requester's email address"],
  ['{{ticket.number}}', 'the ticket number'],
  ['{{ticket.subject}}', "the ticket's subject"],
  ['{{ticket.status}}', "the ticket's status"],
  ['{{agent.name}}', 'your name (the agent using the macro)'],
  ['{{agent.firstName}}', 'your first name'],
] as const;

/** The editor for a new macro (no `macro`) or a stored one; `onDone(changed)` when it closes. */
export function MacroEditor(props: { macro?: Macro; onDone(changed: boolean): void }) {
  const m = props.macro;
  const [actions, setActions] = useState<MacroAction[]>(m?.actions ?? []);
  const { problems, busy, run } = useSubmit();
  const p = (f: string) => problemFor(problems, f);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      name: String(f.get('name') ?? '').trim(),
      body: String(f.get('body') ?? ''),
      actions: actions.map((a) => (a.type === 'set_status' ? a : { ...a, tag: a.tag.trim() })),
      tags: tagList(String(f.get('tags') ?? '')),
      active: f.get('active') === 'on',
    };
    if (await run(() => (m ? knowledge.updateMacro(m.id, body) : knowledge.createMacro(body)))) props.onDone(true);
  }

  return (
    <Panel title={m ? `Edit ${m.name}` : 'New macro'}>
      <form className="admin-form" onSubmit={submit} aria-label={m ? `Edit ${m.name}` : 'New macro'}>
        <div className="form-row">
          <Field label="Name" problem={p('name')}>{(a) => <input {...a} name="name" defaultValue={m?.name} required maxLength={120} />}</Field>
          <Field label="Tags" problem={p('tags')} hint="Comma-separated; help agents find the macro">{(a) => <input {...a} name="tags" defaultValue={m?.tags.join(', ')} />}</Field>
        </div>
        <div className="macro-body">
          <Field label="Reply" problem={p('body')} hint="Placeholders in double braces are filled in from the ticket; a missing name reads “there”">
            {(a) => <textarea {...a} name="body" rows={8} defaultValue={m?.body} required />}
          </Field>
          <aside className="cheat-sheet" aria-labelledby="placeholders-title">
            <h3 id="placeholders-title">Placeholders</h3>
            <dl>
              {placeholders.map(([code, what]) => (
                <div key={code}><dt><code>{code}</code></dt><dd>{what}</dd></div>
              ))}
            </dl>
          </aside>
        </div>
        <ActionsEditor actions={actions} onChange={setActions} problems={problems} />
        <label className="check"><input type="checkbox" name="active" defaultChecked={m?.active ?? true} /> Active (offered to agents)</label>
        {p('active') && <p className="field-error">{p('active')}</p>}
        <GeneralProblem problems={problems} />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>{m ? 'Save macro' : 'Create macro'}</button>
          <button type="button" onClick={() => props.onDone(false)}>Cancel</button>
        </div>
      </form>
    </Panel>
  );
}
