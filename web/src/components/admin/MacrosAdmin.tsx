/** Macros: canned replies with placeholders, and the actions they apply (status, tags); list, editor, delete. */
import { useState } from 'react';
import { knowledge } from '../knowledge/api.ts';
import { MacroEditor } from '../knowledge/MacroEditor.tsx';
import { GeneralProblem, Panel, useLoaded, useSubmit } from './form.tsx';

/** All macros, active first (the API pages them; an admin list reads every page). */
async function allMacros() {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await knowledge.macros({ cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && all.length < 1000);
  return all;
}

export function MacrosAdmin() {
  const macros = useLoaded(allMacros);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const { problems, run } = useSubmit();
  const current = macros.data?.find((m) => m.id === editing);
  return (
    <>
      <Panel title="Macros">
        <p className="hint">A macro writes a reply into the composer from the ticket's details and applies its actions; the agent reviews the reply and sends it.</p>
        {macros.error && <p className="error" role="alert">Could not load the macros: {macros.error}</p>}
        <GeneralProblem problems={problems} />
        {!macros.data && !macros.error && <p className="hint" role="status">Loading the macros…</p>}
        {macros.data?.length === 0 && <p className="empty">No macros yet.</p>}
        {macros.data && macros.data.length > 0 && (
          <table className="admin-table">
            <thead><tr><th scope="col">Macro</th><th scope="col">Actions</th><th scope="col">Tags</th><th scope="col">Used</th><th scope="col"><span className="visually-hidden">Edit or delete</span></th></tr></thead>
            <tbody>
              {macros.data.map((m) => (
                <tr key={m.id} className={m.active ? undefined : 'inactive'}>
                  <th scope="row">{m.name}{!m.active && <span className="badge">inactive</span>}</th>
                  <td>{m.actions.length === 0 ? '—' : m.actions.map((a) => (a.type === 'set_status' ? `status → ${a.status}` : `${a.type === 'add_tag' ? '+' : '−'}${a.tag}`)).join(', ')}</td>
                  <td>{m.tags.join(', ') || '—'}</td>
                  <td>{m.usageCount}</td>
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(m.id)} aria-label={`Edit ${m.name}`}>Edit</button>
                    <button
                      type="button"
                      aria-label={`Delete ${m.name}`}
                      onClick={() => {
                        if (!confirm(`Delete the macro ${m.name}?`)) return;
                        void run(() => knowledge.deleteMacro(m.id)).then((ok) => {
                          if (ok && editing === m.id) setEditing(null);
                          macros.reload();
                        });
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing === null && <button type="button" className="primary" onClick={() => setEditing('new')}>New macro</button>}
      </Panel>
      {editing !== null && (
        <MacroEditor key={editing} macro={current} onDone={(changed) => { setEditing(null); if (changed) macros.reload(); }} />
      )}
    </>
  );
}
