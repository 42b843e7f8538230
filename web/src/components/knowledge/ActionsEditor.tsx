/** The actions a macro applies with its reply: set the status, add a tag, remove a tag; each row with its problem. */
import { label, statuses } from '../../lib/format.ts';
import type { Problems } from '../admin/problems.ts';
import { problemFor } from '../admin/problems.ts';
import type { MacroAction } from './api.ts';

const kinds = [['set_status', 'Set status'], ['add_tag', 'Add tag'], ['remove_tag', 'Remove tag']] as const;
const settable = statuses.filter((s) => s !== 'new' && s !== 'closed');

/** An action of the given type, keeping what the old one held when it fits. */
function retype(old: MacroAction, type: MacroAction['type']): MacroAction {
  if (type === 'set_status') return { type, status: 'status' in old ? old.status : 'pending' };
  return { type, tag: 'tag' in old ? old.tag : '' };
}

/** Edits a macro's list of actions in place (controlled). */
export function ActionsEditor(props: { actions: MacroAction[]; onChange(a: MacroAction[]): void; problems: Problems }) {
  const set = (i: number, a: MacroAction) => props.onChange(props.actions.map((x, j) => (j === i ? a : x)));
  const whole = problemFor(props.problems, 'actions');
  return (
    <fieldset className="group">
      <legend>Actions applied with the reply</legend>
      {props.actions.length === 0 && <p className="hint">None: the macro only writes the reply.</p>}
      <ol className="macro-actions">
        {props.actions.map((a, i) => {
          const n = i + 1;
          const problem = props.problems.fields[`actions.${i}`] ?? problemFor(props.problems, `actions.${i}`);
          return (
            <li key={i}>
              <select aria-label={`Action ${n}`} value={a.type} onChange={(e) => set(i, retype(a, e.target.value as MacroAction['type']))}>
                {kinds.map(([k, name]) => <option key={k} value={k}>{name}</option>)}
              </select>
              {a.type === 'set_status' ? (
                <select aria-label={`Status for action ${n}`} aria-invalid={problem ? true : undefined} value={a.status} onChange={(e) => set(i, { type: 'set_status', status: e.target.value as typeof a.status })}>
                  {settable.map((s) => <option key={s} value={s}>{label(s)}</option>)}
                </select>
              ) : (
                <input aria-label={`Tag for action ${n}`} aria-invalid={problem ? true : undefined} value={a.tag} maxLength={100} required onChange={(e) => set(i, { type: a.type, tag: e.target.value })} />
              )}
              <button type="button" onClick={() => props.onChange(props.actions.filter((_, j) => j !== i))} aria-label={`Remove action ${n}`}>Remove</button>
              {problem && <p className="field-error">{problem}</p>}
            </li>
          );
        })}
      </ol>
      {whole && !Object.keys(props.problems.fields).some((k) => /^actions[.[]\d/.test(k)) && <p className="field-error">{whole}</p>}
      <button type="button" onClick={() => props.onChange([...props.actions, { type: 'add_tag', tag: '' }])}>Add action</button>
    </fieldset>
  );
}
