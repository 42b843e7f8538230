/**
 * A message's body. HTML email (already sanitised by the API) goes into a sandboxed frame that may run no
 * script and, under the page's CSP, load no remote image; everything else is plain text.
 */
import { useRef } from 'react';
import type { Message } from '../api/types.ts';

const frameStyle =
  'body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:0 0 0 .5em;padding-left:.75em;border-left:3px solid #d0d5dd;color:#555}pre{white-space:pre-wrap}';

export function MessageBody(props: { message: Message; title: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const html = props.message.bodyHtml;
  if (!html) return <div className="message-text">{props.message.body}</div>;
  // Links open in a new tab, outside the sandbox; nothing in the frame can reach the app.
  const doc = `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>${frameStyle}</style></head><body>${html}</body></html>`;
  const fit = () => {
    const d = frame.current?.contentDocument;
    if (!frame.current || !d) return;
    // Measured from zero height: otherwise scrollHeight is never less than the frame's own default height.
    frame.current.style.height = '0px';
    frame.current.style.height = `${Math.min(d.documentElement.scrollHeight, 2400)}px`;
  };
  return <iframe ref={frame} className="message-html" title={props.title} sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" srcDoc={doc} onLoad={fit} />;
}
