/**
 * Tags and custom fields as the side panel edits them. Tags follow the server's rule (lower case, letters,
 * digits and _ - : . only) so a bad tag is named before it is sent; custom fields are free-form, and a value
 * typed as text keeps the type the field had (a number stays a number, true/false stay booleans).
 */

const TAG = /^[\p{L}\p{N}_\-:.]+$/u;
export const MAX_TAGS = 30;

/** The tags after adding what was typed (commas or spaces separate several), or the problem with the input. */
export function addTags(current: readonly string[], typed: string): { tags: string[] } | { problem: string } {
  const words = typed.split(/[\s,]+/).map((w) => w.trim().toLowerCase()).filter(Boolean);
  if (words.length === 0) return { problem: 'Type a tag first.' };
  const bad = words.find((w) => !TAG.test(w) || w.length > 50);
  if (bad) return { problem: `"${bad}" is not a tag: use letters, digits and _ - : . (at most 50).` };
  const tags = [...new Set([...current, ...words])];
  if (tags.length > MAX_TAGS) return { problem: `A ticket takes at most ${MAX_TAGS} tags.` };
  return { tags };
}

/** A custom field's value as the text in its input. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value to store for `text`, keeping the type the field had before when the text still fits it. */
export function fieldValue(text: string, before: unknown): unknown {
  const t = text.trim();
  if (typeof before === 'number' && t !== '' && Number.isFinite(Number(t))) return Number(t);
  if (typeof before === 'boolean' && (t === 'true' || t === 'false')) return t === 'true';
  if (before !== null && typeof before === 'object') {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** The field names a new field may take: not empty, not already used. */
export function fieldNameProblem(name: string, existing: Record<string, unknown>): string | null {
  const n = name.trim();
  if (!n) return 'Name the field.';
  if (n.length > 100) return 'Keep the name under 100 characters.';
  if (Object.hasOwn(existing, n)) return `This ticket already has a field "${n}".`;
  return null;
}
