/**
 * Reloading a list in place: when something changes elsewhere, the agent keeps the pages they loaded and the
 * row they selected, so a live event refetches as many rows as were on screen rather than starting over.
 */

/** The API's largest page. */
export const MAX_PAGE = 100;

/** Page sizes that together refetch `loaded` rows (at least one page of `page`), each within the API's limit. */
export function reloadPlan(loaded: number, page: number): number[] {
  let left = Math.max(loaded, page);
  const sizes: number[] = [];
  while (left > 0) {
    const n = Math.min(left, MAX_PAGE);
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

/**
 * The row to keep selected after the list changed: the same item if it is still there, otherwise the row at
 * the same position (clamped to the list), or none if nothing was selected.
 */
export function keepSelection(before: { key: string | null; index: number }, keys: readonly string[]): number {
  if (before.index < 0 || keys.length === 0) return -1;
  const same = before.key === null ? -1 : keys.indexOf(before.key);
  if (same >= 0) return same;
  return Math.min(before.index, keys.length - 1);
}
