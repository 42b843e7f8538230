import { randomBytes } from 'node:crypto';

/** What a slug must look like: lowercase ASCII words joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const slugMax = 120;

// Letters NFKD does not split into a base letter and a mark.
const folds: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŧ: 't', ħ: 'h' };

/** The slug a title suggests (accents folded, other scripts dropped), or '' when nothing ASCII is left. */
export function slugFromTitle(title: string): string {
  const folded = title
    .toLowerCase()
    .replace(/[ßæœøđðþłıŧħ]/g, (c) => folds[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    // Room for a "-NNN" suffix when the slug is taken.
    if (next.length > slugMax - 8) break;
    slug = next;
  }
  return slug || (words[0] ?? '').slice(0, slugMax - 8);
}

/** A slug for a title with nothing ASCII in it (Chinese, emoji only). */
export function randomSlug(): string {
  return `article-${randomBytes(4).toString('hex')}`;
}

/** The first of base, base-2, base-3 … that is not in `taken`. */
export function firstFreeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
