/** Small hooks shared by the pages. */
import { useEffect, useRef } from 'react';
import { actionFor, type Action } from './lib/keys.ts';

/** Runs the handlers for the shortcuts pressed while the component is on screen. */
export function useShortcuts(handlers: Partial<Record<Action, () => void>>): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const action = actionFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        targetTag: t?.tagName ?? '',
        targetEditable: Boolean(t?.isContentEditable),
      });
      // Behind an open dialog only Escape counts (the dialog handles it itself).
      if (document.querySelector('dialog[open]')) return;
      const run = action ? ref.current[action] : undefined;
      if (!run) return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Sets the page title while the component is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Heed`;
  }, [title]);
}
