/** The article preview: Markdown read by markdown.ts and rendered as React elements (all text escaped). */
import { Fragment } from 'react';
import { parseMarkdown, type Inline } from './markdown.ts';

function Inlines(props: { content: Inline[] }) {
  return (
    <>
      {props.content.map((p, i) => {
        if (p.kind === 'strong') return <strong key={i}>{p.text}</strong>;
        if (p.kind === 'em') return <em key={i}>{p.text}</em>;
        if (p.kind === 'code') return <code key={i}>{p.text}</code>;
        if (p.kind === 'link') return <a key={i} href={p.href} rel="noopener noreferrer nofollow" target="_blank">{p.text}</a>;
        return <Fragment key={i}>{p.text}</Fragment>;
      })}
    </>
  );
}

/** The rendered preview of a Markdown text; headings start at level 3 so they sit under the page's own. */
export function MarkdownPreview(props: { text: string; id?: string; label: string }) {
  const blocks = parseMarkdown(props.text);
  return (
    <div className="markdown-preview" id={props.id} role="region" aria-label={props.label}>
      {blocks.length === 0 && <p className="hint">Nothing to preview yet.</p>}
      {blocks.map((b, i) => {
        if (b.kind === 'heading') {
          const H = (['h3', 'h4', 'h5', 'h6'] as const)[b.level - 1]!;
          return <H key={i}><Inlines content={b.content} /></H>;
        }
        if (b.kind === 'paragraph') return <p key={i}><Inlines content={b.content} /></p>;
        if (b.kind === 'code') return <pre key={i}><code>{b.text}</code></pre>;
        const List = b.ordered ? 'ol' : 'ul';
        return <List key={i}>{b.items.map((item, j) => <li key={j}><Inlines content={item} /></li>)}</List>;
      })}
    </div>
  );
}
