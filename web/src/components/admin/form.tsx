/**
 * Form plumbing shared by the admin pages: each API problem is shown beside the field it names (from
 * error.details, or the "field: …" start of the message), the rest above the form.
 */
import { useCallback, useEffect, useId, useState, type ReactElement, type ReactNode } from 'react';
import { problemsOf, type Problems } from './problems.ts';

export { problemFor, problemsOf, type Problems } from './problems.ts';
const none: Problems = { fields: {}, general: null };

/** Runs a request for a form: busy while it runs, problems after a failure, `done` after success. */
export function useSubmit() {
  const [problems, setProblems] = useState<Problems>(none);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setProblems(none);
    try {
      await fn();
      return true;
    } catch (err) {
      setProblems(problemsOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setProblems(none), []);
  return { problems, busy, run, reset };
}

/** A labelled control with its problem beside it; the control gets id, aria-invalid and aria-describedby. */
export function Field(props: { label: string; problem?: string; hint?: string; children: (a: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactElement }) {
  const id = useId();
  const noteId = `${id}-note`;
  const describedBy = props.problem || props.hint ? noteId : undefined;
  return (
    <div className={`field${props.problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-invalid': props.problem ? true : undefined, 'aria-describedby': describedBy })}
      {props.problem ? (
        <p className="field-error" id={noteId}>{props.problem}</p>
      ) : props.hint ? (
        <p className="hint" id={noteId}>{props.hint}</p>
      ) : null}
    </div>
  );
}

/** The problem no field claims, shown above the form's buttons. */
export function GeneralProblem(props: { problems: Problems }) {
  if (!props.problems.general) return null;
  return <p className="error" role="alert">{props.problems.general}</p>;
}

/** A page section with a heading. */
export function Panel(props: { title: string; children: ReactNode; id?: string }) {
  const id = useId();
  return (
    <section className="admin-panel" aria-labelledby={props.id ?? id}>
      <h2 id={props.id ?? id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Loads what a page lists; `reload` after a change. */
export function useLoaded<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load()
      .then((d) => live && (setData(d), setError(null)))
      .catch((err: unknown) => live && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the loader is fixed per page; tick reloads
  }, [tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}
