/**
 * A small Markdown reader for the article preview (pure, so tests can read it without a browser): headings,
 * paragraphs, lists, fenced code, and inline bold, italics, code and links. It yields plain data; the preview
 * renders it as React elements, so every character of the text is escaped and no HTML in it ever runs.
 */
export type Inline = { kind: 'text' | 'strong' | 'em' | 'code'; text: string } | { kind: 'link'; text: string; href: string };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; text: string };

const heading = /^(#{1,4})\s+(.*?)\s*#*\s*$/;
const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d+[.)]\s+(.*)$/;

/** The blocks of a Markdown text. */
export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', content: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') { flush(); continue; }
    if (line.trimStart().startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith('```'); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const h = heading.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: 'heading', level: h[1]!.length as 1 | 2 | 3 | 4, content: parseInline(h[2]!) });
      continue;
    }
    const ordered = numbered.test(line);
    if (ordered || bullet.test(line)) {
      flush();
      const pattern = ordered ? numbered : bullet;
      const items: Inline[][] = [];
      for (; i < lines.length && pattern.test(lines[i]!); i++) items.push(parseInline(pattern.exec(lines[i]!)![1]!));
      i--;
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return blocks;
}

const inline = /`([^`]+)`|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** The inline pieces of one line: bold, italics, code and links; everything else is text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(inline)) {
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'strong', text: (m[2] ?? m[3])! });
    else if (m[4] !== undefined) out.push({ kind: 'em', text: m[4] });
    else {
      const href = safeHref(m[6]!);
      out.push(href ? { kind: 'link', text: m[5]!, href } : { kind: 'text', text: m[0] });
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** A link target the preview may follow: http(s), mailto, or a path on this site; never javascript: or data:. */
export function safeHref(href: string): string | null {
  if (/^\/(?!\/)/.test(href) || /^#/.test(href)) return href;
  try {
    const u = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}
