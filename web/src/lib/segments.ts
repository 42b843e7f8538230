/**
 * Splits a draft into runs of plain text and marked spans, for the coach's underlines. Spans come from the
 * server as UTF-16 offsets into the text that was read; a span that no longer fits the text (the agent kept
 * typing) is dropped or clipped, and overlaps go to the span that starts first.
 */
export type Span = { start: number; end: number; kind: string; index: number };
export type Segment = { text: string; span: Span | null };

/** The draft as plain and marked runs, in order, covering every character once. */
export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const usable = spans
    .map((s) => ({ ...s, end: Math.min(s.end, text.length) }))
    .filter((s) => s.start >= 0 && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of usable) {
    if (s.end <= at) continue;
    const start = Math.max(s.start, at);
    if (start > at) out.push({ text: text.slice(at, start), span: null });
    out.push({ text: text.slice(start, s.end), span: { ...s, start } });
    at = s.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), span: null });
  return out;
}

/** Whether a span read from `readText` still marks the same words in `text` (the draft moved on meanwhile). */
export function spanStillFits(readText: string, text: string, span: { start: number; end: number }): boolean {
  return text.slice(span.start, span.end) === readText.slice(span.start, span.end);
}
