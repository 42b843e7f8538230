/**
 * The ticket's custom fields: each value edited in place (saved when the input loses focus or on Enter), a
 * field removed, or a new one added by name. The API replaces the whole object, so every save sends all fields.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { fieldNameProblem, fieldText, fieldValue } from '../lib/ticketFields.ts';

export function CustomFieldsEditor(props: { fields: Record<string, unknown>; onSave(fields: Record<string, unknown>): Promise<boolean> }) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const entries = Object.entries(props.fields);

  // Saves run one after another, each from the fields the previous one left: an edit saved on Enter and a field
  // added right after must not send two versions built from the same stale object (the API keeps the last).
  const latest = useRef(props.fields);
  useEffect(() => {
    latest.current = props.fields;
  }, [props.fields]);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  function save(change: (fields: Record<string, unknown>) => Record<string, unknown> | null): Promise<boolean> {
    const run = queue.current.then(async () => {
      const next = change(latest.current);
      if (!next) return true;
      const ok = await props.onSave(next);
      if (ok) latest.current = next;
      return ok;
    });
    queue.current = run.catch(() => {});
    return run;
  }

  async function saveValue(key: string, text: string) {
    await save((fields) => {
      const next = fieldValue(text, fields[key]);
      return JSON.stringify(next) === JSON.stringify(fields[key]) ? null : { ...fields, [key]: next };
    });
  }

  async function remove(key: string) {
    await save((fields) => {
      const rest = { ...fields };
      delete rest[key];
      return rest;
    });
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    const p = fieldNameProblem(name, props.fields);
    if (p) return setProblem(p);
    setProblem(null);
    const field = name.trim();
    if (await save((fields) => ({ ...fields, [field]: value }))) {
      setName('');
      setValue('');
    }
  }

  return (
    <div className="custom-fields">
      <h3>Custom fields</h3>
      {entries.length === 0 && <p className="hint">No custom fields on this ticket.</p>}
      {entries.map(([key, v], i) => (
        <div className="field custom-field" key={`${key}:${fieldText(v)}`}>
          <label htmlFor={`cf-${i}`}>{key}</label>
          <div className="field inline">
            <input
              id={`cf-${i}`}
              defaultValue={fieldText(v)}
              onBlur={(e) => void saveValue(key, e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
              }}
            />
            <button type="button" className="link-button" aria-label={`Remove field ${key}`} onClick={() => void remove(key)}>×</button>
          </div>
        </div>
      ))}
      <form className="add-field" onSubmit={(e) => void add(e)}>
        <label htmlFor="cf-new-name" className="visually-hidden">New field name</label>
        <input id="cf-new-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Field name" aria-invalid={problem ? 'true' : undefined} aria-describedby={problem ? 'cf-problem' : undefined} />
        <label htmlFor="cf-new-value" className="visually-hidden">New field value</label>
        <input id="cf-new-value" value={value} onChange={(e) => setValue(e.target.value)} placeholder="Value" />
        <button type="submit">Add field</button>
      </form>
      {problem && <p id="cf-problem" className="field-error" role="alert">{problem}</p>}
    </div>
  );
}
