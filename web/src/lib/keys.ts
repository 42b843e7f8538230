/**
 * The keyboard shortcuts: one table, read by the key handler and by the "?" dialog, so the two agree.
 * Keys are ignored while the agent types in a field (except Escape, which leaves it).
 */
export type Action = 'next' | 'previous' | 'open' | 'reply' | 'note' | 'solve' | 'search' | 'help' | 'escape';

export const shortcuts: { key: string; action: Action; what: string }[] = [
  { key: 'j', action: 'next', what: 'Next ticket in a list' },
  { key: 'k', action: 'previous', what: 'Previous ticket in a list' },
  { key: 'Enter', action: 'open', what: 'Open the selected ticket' },
  { key: 'r', action: 'reply', what: 'Reply to the customer' },
  { key: 'n', action: 'note', what: 'Write an internal note' },
  { key: 'e', action: 'solve', what: 'Mark the ticket solved' },
  { key: '/', action: 'search', what: 'Search' },
  { key: '?', action: 'help', what: 'Show these shortcuts' },
  { key: 'Escape', action: 'escape', what: 'Leave the field or close the dialog' },
];

export type KeyInput = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; targetTag: string; targetEditable: boolean };

/** The action a key press asks for, or null when it is typing or a browser shortcut. */
export function actionFor(e: KeyInput): Action | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const typing = e.targetEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.targetTag);
  if (typing) return e.key === 'Escape' ? 'escape' : null;
  // Enter on a focused button or link already does its own thing.
  if (e.key === 'Enter' && ['BUTTON', 'A'].includes(e.targetTag)) return null;
  return shortcuts.find((s) => s.key === e.key)?.action ?? null;
}
